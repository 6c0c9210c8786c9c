// @ehcp/export will hold the DOCX, PDF and JSON exporters (issue 4). Its public API is listed here as it lands.
export {};
