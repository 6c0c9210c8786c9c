// The one function, not the checker: exports load quickly (see the CLI's start-up).
import { plainText } from "@ehcp/quality/plain-text";
import { type Plan, type PlanItem, planItems, TOPIC_NAMES } from "@ehcp/schema";
import { headline } from "./headline.js";

/** What an item is called where it is headed and where a link points to it. */
export interface ItemTitle {
  /** The item's label (F3). */
  readonly label: string;
  /** A few words saying what it is: a need's title, a provision's or an outcome's start. */
  readonly title: string;
  /** Its heading: "F3: A personal visual timetable", or the label alone when it says nothing. */
  readonly heading: string;
  /** The words of a link to it: "outcome E2: Tilly will tell an adult". */
  readonly link: string;
}

const KIND_WORDS: Readonly<Record<PlanItem["kind"], string>> = {
  view: "view",
  need: "need",
  outcome: "outcome",
  step: "step",
  provision: "provision",
  advice: "advice",
};

function titleOf(item: PlanItem): string {
  switch (item.kind) {
    case "view":
      return TOPIC_NAMES[item.value.topic] ?? "";
    case "need":
    case "advice":
      return item.value.title;
    case "outcome":
      return headline(plainText(item.value.statement), { maxWords: 10, skipWhen: true });
    case "step":
      return headline(item.value.text, { maxWords: 10 });
    case "provision":
      return headline(plainText(item.value.what));
  }
}

/** Each item's heading and link words by its label (F3), which no two items share. */
export function itemTitles(plan: Plan): ReadonlyMap<string, ItemTitle> {
  const titles = new Map<string, ItemTitle>();
  for (const item of planItems(plan)) {
    const title = titleOf(item).trim();
    const heading = title ? `${item.label}: ${title}` : item.label;
    titles.set(item.label, {
      label: item.label,
      title,
      heading,
      link: `${KIND_WORDS[item.kind]} ${heading}`,
    });
  }
  return titles;
}
