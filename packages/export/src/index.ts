export { exportJson } from "./exportJson.js";
export { exportDocx } from "./docx/exportDocx.js";
export { DOCX_MAPPING } from "./docx/docxMapping.js";
export type { DocxMapping } from "./docx/docxMapping.js";
export type { ExportOptions, Layout } from "./ExportOptions.js";
export { planOutline, nodeLabels } from "./outline.js";
export type { OutlinePart } from "./outline.js";
