import type { Plan } from "@ehcp/schema";
import type { CouncilContact, CouncilSettings } from "../CouncilSettings.js";
import { formatDate } from "@ehcp/schema";
import type { BundleBlock, BundleRun } from "./BundlePart.js";
import type { BundlePart } from "./BundlePart.js";

const DAY = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const addMonths = (date: string, months: number) => {
  const d = new Date(Date.parse(`${date}T00:00:00Z`));
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
};

const paragraph = (...runs: BundleRun[]): BundleBlock => ({ kind: "paragraph", runs });
const heading = (text: string): BundleBlock => ({ kind: "heading", text });

/** How to reach a service: its name, then each way the council gave, the addresses as links. */
function contact(c: CouncilContact): BundleBlock[] {
  const ways: BundleRun[][] = [];
  if (c.phone) ways.push([{ text: "Phone: ", bold: true }, { text: c.phone }]);
  if (c.email)
    ways.push([
      { text: "Email: ", bold: true },
      { text: c.email, href: `mailto:${c.email}` },
    ]);
  if (c.website)
    ways.push([
      { text: "Website: ", bold: true },
      { text: c.website, href: c.website },
    ]);
  if (c.address) ways.push([{ text: "Address: ", bold: true }, { text: c.address }]);
  return [paragraph({ text: c.name, bold: true }), ...ways.map((w) => paragraph(...w))];
}

/**
 * The family's rights and whom to contact, from the council's settings: on a draft, the date by
 * which to make representations and to ask for a school, and that mediation and appeal follow
 * the final plan; on a final plan, mediation and the appeal to the Tribunal with its deadline.
 * SENDIASS in both.
 */
export function familyRights(plan: Plan, settings: CouncilSettings): BundlePart {
  const days = settings.representationDays ?? 15;
  const { status, dates } = plan.meta;
  const blocks: BundleBlock[] = [];
  if (status === "draft") {
    const by = dates.draftIssued ? formatDate(addDays(dates.draftIssued, days)) : null;
    blocks.push(
      heading(by ? `Your views on this draft, by ${by}` : "Your views on this draft"),
      paragraph({
        text: by
          ? `You have until ${by}, ${days} days from the day this draft was issued (${formatDate(dates.draftIssued)}), to tell ${settings.senTeam.name} what you think of it. You may comment on anything in the plan, ask to meet an officer to talk about it, and ask for a particular school, college or other setting to be named in Section I.`
          : `This draft has not been issued yet. Once it is, you will have ${days} days to tell ${settings.senTeam.name} what you think of it, to ask to meet an officer, and to ask for a particular school, college or other setting to be named in Section I.`,
      }),
      ...contact(settings.senTeam),
      heading("If you disagree with the final plan"),
      paragraph({
        text: "When the final plan is issued you will be told of your right to mediation and to appeal to the First-tier Tribunal (Special Educational Needs and Disability) about Sections B, F and I, and of the time limits.",
      }),
    );
  } else {
    const issued = dates.finalIssued;
    const deadline = issued ? formatDate(addMonths(issued, 2)) : null;
    blocks.push(
      heading("If you disagree with this plan: mediation"),
      paragraph({
        text: "If you disagree with the special educational needs in Section B, the provision in Section F or the school or setting in Section I, you can talk it through with the council through mediation, which is free and independent. Before you appeal you must contact the mediation service, except when your appeal is only about the school or setting named in Section I. You may also ask for mediation about the health and social care parts of the plan.",
      }),
      ...contact(settings.mediation),
      heading("Appeal to the Tribunal"),
      paragraph({
        text: `You can appeal to the First-tier Tribunal (Special Educational Needs and Disability). ${
          deadline
            ? `Your appeal must reach the Tribunal by ${deadline}, two months from the day this plan was issued (${formatDate(issued)}), or one month from the date of your mediation certificate, whichever is later.`
            : "Your appeal must reach the Tribunal within two months of the day this plan is issued, or one month from the date of your mediation certificate, whichever is later."
        }`,
      }),
    );
  }
  blocks.push(
    heading("Free, independent advice"),
    paragraph({
      text: `${settings.sendiass.name} gives free, impartial and confidential information, advice and support about special educational needs and disability to children, young people and their families.`,
    }),
    ...contact(settings.sendiass),
  );
  return { id: "rights", heading: "Your rights and who can help", blocks };
}
