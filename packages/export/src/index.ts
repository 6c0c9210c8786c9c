export { exportJson } from "./exportJson.js";
export { exportAdviceJson } from "./exportAdviceJson.js";
export { exportDocx } from "./docx/exportDocx.js";
export { DOCX_MAPPING } from "./docx/docxMapping.js";
export { exportPdf } from "./pdf/exportPdf.js";
export { UnprintableCharacterError } from "./pdf/UnprintableCharacterError.js";
export { PlanIntegrityError } from "./PlanIntegrityError.js";
export { AdviceExportError } from "./AdviceExportError.js";
export { PDF_MAPPING } from "./pdf/pdfMapping.js";
export type { PdfMapping } from "./pdf/pdfMapping.js";
export type { DocxMapping } from "./docx/docxMapping.js";
export type { ExportOptions, Layout } from "./ExportOptions.js";
export { planOutline, nodeLabels } from "./outline.js";
export type { OutlinePart } from "./outline.js";
export {
  CouncilSettingsError,
  CouncilSettingsSchema,
  parseCouncilSettings,
} from "./CouncilSettings.js";
export type { CouncilContact, CouncilSettings, CouncilSettingsIssue } from "./CouncilSettings.js";
export { weeklyHours, formatMinutes } from "./bundle/weeklyHours.js";
export type { WeeklyHours } from "./bundle/weeklyHours.js";
