import type { Plan } from "@ehcp/schema";
import { examplePlan } from "@ehcp/fixtures";

/**
 * Writing in each script families in England use, by made-up people: the name a family gives,
 * the view each writes, and advice from people whose names are in their own scripts.
 */
export const SCRIPT_SAMPLES = {
  welsh: "Rwy'n byw ger Gŵyr; mae'r dŵr yn oer ond rwy'n hoffi nofio yn Nhŷ Ddewi.",
  irishPolish: "Siân Żółkiewska-Ó Dálaigh",
  urdu: "میری بیٹی کو اسکول جانا بہت پسند ہے۔",
  arabic: "تحب ابنتي الرسم والخيول كثيرا.",
  ukrainian: "Моя донька любить малювати коней і їздити верхи.",
  greek: "Της αρέσει πολύ το κολύμπι και η ζωγραφική.",
  chinese: "我的女儿喜欢画马，也喜欢游泳。",
  bengali: "আমার মেয়ে ঘোড়া আঁকতে ভালোবাসে।",
  gurmukhi: "ਮੇਰੀ ਧੀ ਨੂੰ ਘੋੜੇ ਬਹੁਤ ਪਸੰਦ ਹਨ।",
  devanagari: "मेरी बेटी को घोड़े बहुत पसंद हैं।",
  emoji: "Tilly likes 🐴 and 🎨 and gives a 👍🏽 ❤️",
  symbols: "✓ agreed → next review; reading age ≥ 9; 10 Ω; 5 × 2 ≤ 12",
  urduName: "ڈاکٹر آمنہ قریشی",
  mixed: "Mrs Qureshi wrote: اسکول 2026 میں شروع ہوا and then signed.",
} as const;

const paragraph = (text: string) => ({
  type: "paragraph" as const,
  content: [{ type: "text" as const, text }],
});

/** The good example plan, written in every script above. */
export function scriptsPlan(): Plan {
  const plan = structuredClone(examplePlan("plan-good.json")) as Plan;
  const s = SCRIPT_SAMPLES;
  plan.meta.child.fullName = s.irishPolish;
  const views = plan.sections.A.views;
  (views[0] as (typeof views)[number]).content = [
    paragraph(s.welsh),
    paragraph(s.emoji),
    paragraph(s.symbols),
  ];
  (views[1] as (typeof views)[number]).content = [
    paragraph(s.urdu),
    paragraph(s.arabic),
    paragraph(s.mixed),
  ];
  (views[2] as (typeof views)[number]).content = [
    paragraph(s.ukrainian),
    paragraph(s.greek),
    paragraph(s.chinese),
    paragraph(s.bengali),
    paragraph(s.gurmukhi),
    paragraph(s.devanagari),
  ];
  const advice = plan.sections.K.advice[0] as Plan["sections"]["K"]["advice"][number];
  advice.title = `Advice from ${s.urduName}`;
  advice.from = { name: s.urduName, role: "Paediatrician" };
  const provision = plan.sections.F.provisions[0] as Plan["sections"]["F"]["provisions"][number];
  provision.what = [paragraph(s.symbols), paragraph(s.urdu)];
  provision.deliveredBy = "Олена Коваль, Ελένη Παππά, 李明";
  return plan;
}
