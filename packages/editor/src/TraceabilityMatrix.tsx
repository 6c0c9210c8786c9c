import type { QualitySummary, TraceLink } from "@ehcp/quality";
import type { Editor } from "@tiptap/core";
import { revealFinding } from "./revealFinding.js";

const BREAKS: Record<string, string> = {
  "no-outcome": "No outcome names this need",
  "no-provision": "No provision serves it",
  "outcome-without-provision": "An outcome has no provision",
};

function Item({ link, editor }: { readonly link: TraceLink; readonly editor: Editor | null }) {
  return (
    <button
      type="button"
      className="ehcp-trace-item"
      onClick={() =>
        editor &&
        revealFinding(editor, {
          rule: "trace",
          severity: "info",
          section: link.section,
          target: link.id,
          path: "",
          message: "",
          source: "",
        })
      }
    >
      <span className="ehcp-item-label">{link.label}</span> {link.title}
    </button>
  );
}

/**
 * Each need with the outcomes that name it and the provisions serving each outcome, with the
 * places where the thread from need to outcome to provision breaks marked in words.
 */
export function TraceabilityMatrix({
  summary,
  editor,
}: {
  readonly summary: QualitySummary | null;
  readonly editor: Editor | null;
}) {
  if (!summary) return <p>Checking…</p>;
  return (
    <table className="ehcp-trace">
      <caption>From need to outcome to provision</caption>
      <thead>
        <tr>
          <th scope="col">Need</th>
          <th scope="col">Outcomes</th>
          <th scope="col">Provision</th>
          <th scope="col">Gaps</th>
        </tr>
      </thead>
      <tbody>
        {summary.traceability.map((row) => (
          <tr key={row.need.id} data-broken={row.breaks.length > 0 || undefined}>
            <th scope="row">
              <Item link={row.need} editor={editor} />
            </th>
            <td>
              <ul>
                {row.outcomes.map((outcome) => (
                  <li key={outcome.id}>
                    <Item link={outcome} editor={editor} />
                  </li>
                ))}
              </ul>
            </td>
            <td>
              <ul>
                {[...row.outcomes.flatMap((o) => o.provisions), ...row.directProvisions]
                  .filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i)
                  .map((provision) => (
                    <li key={provision.id}>
                      <Item link={provision} editor={editor} />
                    </li>
                  ))}
              </ul>
            </td>
            <td>
              {row.breaks.length === 0 ? "None" : row.breaks.map((b) => BREAKS[b] ?? b).join("; ")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
