import type { RuleCheck, RuleFinding } from "../Rule.js";
import { isNegated } from "../text/textHelpers.js";
import type { Token } from "../text/tokenize.js";

interface Kind {
  /** What is done, in a provision's description: a treatment, a break from caring. */
  readonly done: ReadonlySet<string>;
  /** Two-word names of what is done ("tube feeding", "short breaks"), as "first second". */
  readonly donePairs: ReadonlySet<string>;
  /** Who does it, in "delivered by": a nurse, a social worker. */
  readonly by: ReadonlySet<string>;
  readonly byPairs: ReadonlySet<string>;
  readonly is: string;
  readonly section: string;
}

const words = (s: string) => new Set(s.split(" "));

// Health care provision: what the NHS gives for the body's health (CFA s.21(3)). A doctor named
// as the source of advice ("chosen with the advice of the paediatrician") is not a deliverer, so
// professions count only as who delivers it. Speech and language therapy, occupational therapy
// and physiotherapy are not here: they are normally special educational provision (CoP 9.74).
const HEALTH: Kind = {
  done: words(
    "medication medicine medicines insulin injection injections gastrostomy catheter " +
      "catheterisation suction suctioning tracheostomy oxygen nebuliser inhaler midazolam " +
      "buccal epipen adrenaline auto-injector anticonvulsant anti-epileptic prescription " +
      "prescribed clinic hospital continence orthotics",
  ),
  donePairs: new Set([
    "medical review",
    "medical appointments",
    "blood glucose",
    "glucose checks",
    "tube feeding",
    "peg feeding",
    "rescue medication",
  ]),
  by: words(
    "nurse nurses nursing paediatrician consultant neurologist dietitian dietician gp camhs " +
      "psychiatrist audiologist optometrist orthoptist orthotist doctor",
  ),
  byPairs: new Set(["health visitor", "community nursing", "continence service"]),
  is: "health care",
  section: "G",
};

// Social care provision: what the council gives in the exercise of its social services
// functions (CFA s.21(4)).
const SOCIAL_CARE: Kind = {
  done: words("respite overnight overnights domiciliary"),
  donePairs: new Set([
    "short breaks",
    "short break",
    "personal care",
    "care package",
    "direct payment",
    "direct payments",
    "sitting service",
  ]),
  by: words("carers carer"),
  byPairs: new Set([
    "social worker",
    "social work",
    "social care",
    "family support",
    "children's services",
    "disabled children's",
    "short breaks",
  ]),
  is: "social care",
  section: "H1 or H2",
};

// "The nurse will teach Mia to check her own glucose": provision that educates or trains the
// child is special educational provision (CFA s.21(5)), and belongs in F.
const TEACHES =
  /\b(?:teach(?:es|ing)?|taught|train(?:s|ing)? (?:her|him|them|\p{Lu}\p{Ll}+) to|learns?|learning to|lessons? (?:in|on)|so that (?:she|he|they) can|to manage (?:her|his|their) own|independen(?:t|tly|ce))\b/iu;

function firstMention(
  tokens: readonly Token[],
  text: string,
  single: ReadonlySet<string>,
  pairs: ReadonlySet<string>,
): Token[] | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const pair = next ? `${t.norm} ${next.norm}` : "";
    if (pairs.has(pair) && !isNegated(tokens, i, text)) return [t, next as Token];
    if (single.has(t.norm) && !isNegated(tokens, i, text)) return [t];
  }
  return null;
}

/**
 * Provision in F that is health or social care: a nurse's medication plan, a social worker's
 * short breaks. In F it becomes the council's education duty (CFA s.42) and the NHS or social
 * care's own duty to provide it is lost; unless it educates or trains the child (CFA s.21(5)),
 * it belongs in G (reg 12(1)(g)) or H (reg 12(1)(h)).
 */
export const healthOrCareInF: RuleCheck = ({ thread, fieldAt, childName, perField }) =>
  thread.provisions.flatMap((e) => {
    if (e.section !== "F") return [];
    const base = `sections.F.provisions[${e.index}]`;
    const what = fieldAt(`${base}.what`);
    const by = fieldAt(`${base}.deliveredBy`);
    // Remembered by the two fields it reads, under the description's path (the cache forgets
    // paths that are not fields), so a re-check reads only an item that changed.
    const key = {
      path: `${base}.what`,
      text: `${what.text}\u0000${by.text}`,
      label: e.label,
      target: e.provision.id,
    };
    return perField("health-or-social-care-in-f", key, () => {
      if (TEACHES.test(what.text)) return [];
      for (const [field, { text, tokens }] of [
        ["what", what],
        ["deliveredBy", by],
      ] as const) {
        if (text === "") continue;
        const mention = (k: Kind) =>
          field === "what"
            ? firstMention(tokens, text, k.done, k.donePairs)
            : firstMention(tokens, text, k.by, k.byPairs);
        const kind = [HEALTH, SOCIAL_CARE].find((k) => mention(k) !== null);
        if (!kind) continue;
        const found = mention(kind) as Token[];
        const from = (found[0] as Token).start;
        const to = (found[found.length - 1] as Token).end;
        const finding: RuleFinding = {
          section: "F",
          target: e.provision.id,
          path: `${base}.${field}`,
          range: { from, to },
          message: `${e.label} reads as ${kind.is} provision ('${text.slice(from, to)}'), not special educational provision. Unless it educates or trains ${childName} (CFA s.21(5)), move it to ${kind.section}, so that the body whose duty it is provides it.`,
        };
        return [finding];
      }
      return [];
    });
  });
