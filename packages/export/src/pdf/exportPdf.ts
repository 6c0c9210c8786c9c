import { checkPlan, summarizeQuality } from "@ehcp/quality";
import { labelPlan, type Plan, parsePlan, planToDoc } from "@ehcp/schema";
import type { ExportOptions } from "../ExportOptions.js";
import { nodeLabels, planOutline } from "../outline.js";
import { type PdfContext, renderPdfNode } from "./pdfMapping.js";
import { PdfWriter } from "./PdfWriter.js";

const BREAKS: Record<string, string> = {
  "no-outcome": "no outcome names this need",
  "no-provision": "no provision meets this need",
  "outcome-without-provision": "an outcome has no provision",
};

/**
 * Writes a plan as a tagged PDF aiming at PDF/UA-1: a structure tree of headings, paragraphs,
 * lists and tables with header cells, the language en-GB, the title shown in the window, embedded
 * fonts, running headers and footers as artifacts, and a bookmark for each section and item. The
 * plan is validated first; an invalid plan throws a `PlanFormatError`.
 */
export async function exportPdf(input: Plan, options: ExportOptions = {}): Promise<Uint8Array> {
  const plan = parsePlan(input);
  const doc = planToDoc(plan);
  const draft = plan.meta.status === "draft";
  const councilName = options.councilName ?? plan.meta.localAuthority;
  const writer = new PdfWriter({
    title: `Education, Health and Care Plan: ${plan.meta.child.fullName}${draft ? " (draft)" : ""}`,
    author: councilName,
    subject: "Education, Health and Care Plan",
  });
  const ctx: PdfContext = {
    plan,
    writer,
    labels: nodeLabels(doc),
    idLabels: labelPlan(plan),
    item: null,
    councilName,
  };
  if (options.logo) {
    const figure = writer.doc.struct("Figure", { alt: options.logo.altText });
    writer.root.add(figure);
    figure.add(() => {
      writer.doc.image(Buffer.from(options.logo?.data ?? new Uint8Array()), {
        width: options.logo?.widthPx ?? 120,
      });
    });
    figure.end();
  }
  renderPdfNode(doc.child(0), ctx, writer.root);
  for (const part of planOutline(doc, plan, options.layout ?? "sections")) {
    writer.newPage();
    if (part.kind === "section") {
      renderPdfNode(part.node, ctx, writer.root);
      continue;
    }
    const sect = writer.doc.struct("Sect");
    writer.root.add(sect);
    writer.heading(sect, 1, part.heading, `group-${part.id}`);
    for (const item of part.items) renderPdfNode(item, ctx, sect);
    if (part.items.length === 0 && part.empty)
      writer.paragraph(sect, [{ text: part.empty, italic: true }]);
    sect.end();
  }
  if (options.qualityAppendix) {
    const summary = summarizeQuality(
      plan,
      checkPlan(plan, options.today ? { today: options.today } : {}),
    );
    writer.newPage();
    const sect = writer.doc.struct("Sect");
    writer.root.add(sect);
    writer.heading(sect, 1, "Appendix: plan quality summary");
    const { error, warning, info } = summary.counts;
    writer.paragraph(sect, [
      {
        text: `The plan checker found ${error} errors, ${warning} warnings and ${info} points for information.`,
      },
    ]);
    writer.table(
      sect,
      ["Need", "Outcomes", "Provision", "Where the thread breaks"],
      summary.traceability.map((row) => [
        [{ runs: [{ text: `${row.need.label}: ${row.need.title}` }] }],
        [{ runs: [{ text: row.outcomes.map((o) => o.label).join(", ") || "None" }] }],
        [
          {
            runs: [
              {
                text:
                  [
                    ...new Set([
                      ...row.outcomes.flatMap((o) => o.provisions.map((p) => p.label)),
                      ...row.directProvisions.map((p) => p.label),
                    ]),
                  ].join(", ") || "None",
              },
            ],
          },
        ],
        [{ runs: [{ text: row.breaks.map((b) => BREAKS[b] ?? b).join("; ") || "Unbroken" }] }],
      ]),
      [0.4, 0.15, 0.2, 0.25],
    );
    sect.end();
  }
  writer.pageFurniture(draft ? "DRAFT" : plan.meta.child.fullName, draft);
  return writer.finish();
}
