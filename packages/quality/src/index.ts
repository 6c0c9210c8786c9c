// @ehcp/quality will hold the plan checker (issue 3). Its public API is listed here as it lands.
export {};
