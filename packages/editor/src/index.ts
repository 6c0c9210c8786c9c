// @ehcp/editor will hold the editor kit (issue 6). Its public API is listed here as it lands.
export {};
