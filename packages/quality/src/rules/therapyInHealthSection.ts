import { formatJsonPath } from "@ehcp/schema";
import type { RuleCheck } from "../Rule.js";
import { PhraseMatcher } from "../text/PhraseMatcher.js";

const THERAPIES = new PhraseMatcher([
  "speech and language therapy",
  "speech and language therapist",
  "speech therapy",
  "speech therapist",
  "language therapy",
  "salt",
  "slt",
  "occupational therapy",
  "occupational therapist",
  "ot",
  "physiotherapy",
  "physiotherapist",
  "physio",
]);
// Therapy for the body's health, not for learning, belongs in G: swallowing, feeding, equipment.
const HEALTH_PURPOSE =
  /\b(?:swallow\w*|dysphagia|feeding|eating and drinking|nutrition|wheelchairs?|orthotics?|splints?|seating|hoists?|medication|chest|respiratory)\b/i;

export const therapyInHealthSection: RuleCheck = ({ thread, fieldAt }) =>
  thread.provisions
    .filter((e) => e.section === "G")
    .flatMap((e) => {
      const path = (field: string) =>
        formatJsonPath(["sections", "G", "provisions", e.index, field]);
      const what = fieldAt(path("what"));
      const who = fieldAt(path("deliveredBy"));
      if (HEALTH_PURPOSE.test(what.text) || HEALTH_PURPOSE.test(who.text)) return [];
      // "OT" is occupational therapy; "ot" in running text is not.
      const find = ({ text, tokens }: typeof what) =>
        THERAPIES.find(
          tokens.filter((t) => t.norm !== "ot" || text.slice(t.start, t.end) === "OT"),
        )[0];
      const inWhat = find(what);
      const hit = inWhat ?? find(who);
      if (!hit) return [];
      const text = inWhat ? what.text : who.text;
      return [
        {
          section: "G" as const,
          target: e.provision.id,
          path: path(inWhat ? "what" : "deliveredBy"),
          ...(inWhat ? { range: { from: hit.start, to: hit.end } } : {}),
          message: `${e.label} is ${text.slice(hit.start, hit.end)} written in section G. Therapy that helps a child learn or develop is normally special educational provision: move it to section F, where the council must secure it (CoP 9.73-9.76).`,
        },
      ];
    });
