import { formatJsonPath } from "@ehcp/schema";
import type { RuleCheck } from "../Rule.js";
import { PhraseMatcher } from "../text/PhraseMatcher.js";
import { plainText } from "../text/plainText.js";
import { tokenize } from "../text/tokenize.js";

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

export const therapyInHealthSection: RuleCheck = ({ thread }) =>
  thread.provisions
    .filter((e) => e.section === "G")
    .flatMap((e) => {
      const what = plainText(e.provision.what);
      const text = `${what}\n${e.provision.deliveredBy}`;
      const tokens = tokenize(text).filter(
        (t) => t.norm !== "ot" || text.slice(t.start, t.end) === "OT",
      );
      const hit = THERAPIES.find(tokens)[0];
      if (!hit || HEALTH_PURPOSE.test(text)) return [];
      const inWhat = hit.end <= what.length;
      return [
        {
          section: "G" as const,
          target: e.provision.id,
          path: formatJsonPath([
            "sections",
            "G",
            "provisions",
            e.index,
            inWhat ? "what" : "deliveredBy",
          ]),
          ...(inWhat ? { range: { from: hit.start, to: hit.end } } : {}),
          message: `${e.label} is ${text.slice(hit.start, hit.end)} written in section G. Therapy that helps a child learn or develop is normally special educational provision: move it to section F, where the council must secure it (CoP 9.73-9.76).`,
        },
      ];
    });
