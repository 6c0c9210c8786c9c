import { examplePlan } from "@ehcp/fixtures";
import { blankAdvice, type Plan, PLAN_FRAGMENT_NAME, parsePlan, planToYDoc } from "@ehcp/schema";
import * as Y from "yjs";

const good = parsePlan(examplePlan("plan-good.json"));
type Provision = Plan["sections"]["F"]["provisions"][number];
const [therapy] = good.sections.F.provisions as [Provision];

/** Section F's element of a Yjs plan or advice. */
export const sectionF = (doc: Y.Doc) =>
  doc
    .getXmlFragment(PLAN_FRAGMENT_NAME)
    .toArray()
    .find((e) => e instanceof Y.XmlElement && e.nodeName === "sectionF") as Y.XmlElement;

/**
 * A provision recommended in advice as the editor would add it, to be put into a live document:
 * the well-written plan's therapy with `what` as its words and no links, unless `over` says more.
 */
export function adviceProvision(what: string, over: Partial<Provision> = {}): Y.XmlElement {
  const advice = blankAdvice(good);
  const provision = {
    ...therapy,
    outcomeIds: [],
    needIds: [],
    adviceIds: [],
    what: [{ type: "paragraph" as const, content: [{ type: "text" as const, text: what }] }],
    ...over,
  };
  const doc = planToYDoc({
    ...advice,
    sections: { ...advice.sections, F: { provisions: [provision] } },
  });
  return (sectionF(doc).get(0) as Y.XmlElement).clone();
}
