import { useState } from "react";
import { download, type Session } from "./api.js";
import { Problem } from "./Problem.js";

/** The plan as Word, PDF or Plan JSON, in either layout. */
export function ExportPanel({ session, id }: { readonly session: Session; readonly id: string }) {
  const [layout, setLayout] = useState<"sections" | "areas-of-need">("sections");
  const [problem, setProblem] = useState<string | null>(null);
  const get = (format: "docx" | "pdf" | "json") =>
    download(session, id, format, layout).then(
      () => setProblem(null),
      (e) => setProblem((e as Error).message),
    );
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading" className="govuk-heading-l">
        Export
      </h2>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="export-layout">
          Layout
        </label>
        <select
          id="export-layout"
          className="govuk-select"
          value={layout}
          onChange={(e) => setLayout(e.target.value as typeof layout)}
        >
          <option value="sections">Sections A to K</option>
          <option value="areas-of-need">By area of need</option>
        </select>
      </div>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" onClick={() => void get("docx")}>
          Word (DOCX)
        </button>
        <button type="button" className="govuk-button" onClick={() => void get("pdf")}>
          PDF
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => void get("json")}
        >
          Plan JSON
        </button>
      </div>
      <Problem>{problem}</Problem>
    </section>
  );
}
