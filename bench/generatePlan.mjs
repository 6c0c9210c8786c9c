// A generator of realistic large plans, deterministic from a seed. scale = 1 gives 40 needs,
// 80 outcomes and 240 provisions (about 100 pages); other scales multiply those counts.

/** mulberry32: a small, fast, seeded PRNG. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SKILLS = [
  "follow three-step instructions",
  "read a page of a book at his level aloud",
  "write three sentences about a picture",
  "join a game with two other children",
  "ask an adult for help using his card",
  "count reliably to fifty",
  "tie his shoelaces",
  "wait for his turn in a group of four",
  "explain what happened in a playground problem",
  "use a visual timetable to move between activities",
];
const WHEN = [
  "in eight out of ten lessons",
  "on four out of five occasions",
  "on three days a week",
  "every week",
  "in three out of four observed sessions",
];
const PROGRAMMES = [
  "a structured language programme using colourful semantics",
  "a precision teaching programme for key words",
  "a social communication group with two peers",
  "the Zones of Regulation, with a calm card",
  "a fine motor skills programme of daily exercises",
  "a phonics intervention following the school's scheme",
  "pre-teaching of the key vocabulary for each topic",
  "a sensory circuit before the first lesson",
];
const WHO = [
  "Teaching assistant",
  "Class teacher",
  "Speech and language therapist",
  "Specialist teacher for autism",
  "Occupational therapist",
  "Learning mentor",
];
const TRAINED = [
  "trained by the speech and language therapist",
  "with Autism Education Trust level 2 training",
  "HCPC-registered, experienced with autistic children",
  "trained in precision teaching by the educational psychologist",
  "supervised by the SENCO each half-term",
];
const NEED_TEXT = [
  "understands short instructions but loses the meaning of longer ones given to the whole class",
  "reads words by sight but finds it hard to blend sounds in unfamiliar words",
  "wants friends but does not yet know how to join a game or take turns in conversation",
  "becomes very anxious when routines change and may leave the classroom",
  "covers his ears in the hall and the dining room and cannot eat or listen there",
  "holds a pencil in a fist grip and tires after writing a few words",
];
const AREAS = ["communication-interaction", "cognition-learning", "semh", "sensory-physical"];
const PERIODS = ["day", "week", "half-term"];

const paragraph = (text) => [{ type: "paragraph", content: [{ type: "text", text }] }];

export function generatePlan({ scale = 1, seed = 1 } = {}) {
  const r = random(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const n = (count) => Math.max(1, Math.round(count * scale));
  const counts = { B: n(30), C: n(6), D: n(4) };
  const needs = { B: [], C: [], D: [] };
  let id = 0;
  const next = (prefix) => `${prefix}-${(++id).toString(36)}`;
  for (const section of ["B", "C", "D"]) {
    for (let i = 0; i < counts[section]; i++) {
      const area =
        section === "C" && i % 2 === 0
          ? "health"
          : section === "D" && i % 2 === 0
            ? "social-care"
            : pick(AREAS);
      needs[section].push({
        id: next("need"),
        area,
        title: `Need ${section}${i + 1}: ${pick(SKILLS)}`,
        description: paragraph(
          `Sam ${pick(NEED_TEXT)}. At the moment he manages this ${pick(WHEN)} with an adult beside him, and ${pick(NEED_TEXT)}.`,
        ),
        adviceIds: ["k-school"],
      });
    }
  }
  const allNeeds = [...needs.B, ...needs.C, ...needs.D];
  const outcomes = allNeeds.flatMap((need, i) =>
    [0, 1].map((k) => ({
      id: next("out"),
      needIds: [need.id],
      statement: paragraph(
        `By July 2028, Sam will ${pick(SKILLS)} ${pick(WHEN)}, as recorded by his class teacher.`,
      ),
      byWhen: "2028-07",
      pfa: (i + k) % 5 === 0 ? "community" : null,
      frameworkRef: null,
      steps: [
        {
          id: next("step"),
          text: `Sam will ${pick(SKILLS)} with a prompt ${pick(WHEN)}`,
          byWhen: "2027-12",
        },
      ],
    })),
  );
  const provisionFor = (outcome) => ({
    id: next("prov"),
    outcomeIds: [outcome.id],
    needIds: [],
    what: paragraph(
      `${pick(PROGRAMMES)[0].toUpperCase()}${pick(PROGRAMMES).slice(1)}, to help Sam ${pick(SKILLS)}. Progress is recorded in his learning log and shared with his parents each half-term.`,
    ),
    deliveredBy: pick(WHO),
    expertise: pick(TRAINED),
    ratio: pick(["1:1", "1:3", "small-group"]),
    frequency: {
      sessions: 1 + Math.floor(r() * 5),
      per: pick(PERIODS),
      minutes: 10 + 5 * Math.floor(r() * 9),
    },
    hoursPerWeek: null,
    duration: "until next review",
    adviceIds: ["k-school"],
  });
  const byNeedSection = (section) =>
    outcomes.filter((o) => needs[section].some((need) => o.needIds[0] === need.id));
  const provisions = (list) =>
    list.flatMap((o) => [provisionFor(o), provisionFor(o), provisionFor(o)]);
  return {
    format: "ehcp-plan",
    formatVersion: 1,
    id: `plan-generated-${seed}-${String(scale).replace(".", "_")}`,
    meta: {
      status: "draft",
      issue: 1,
      child: {
        fullName: "Samuel Generated",
        preferredName: "Sam",
        dateOfBirth: "2016-03-14",
        pronouns: "he/him",
        yearGroup: "Year 5",
      },
      localAuthority: "Generated Borough Council",
      caseworker: { name: "Case Worker", email: "case.worker@generated.example" },
      dates: {
        requestReceived: "2026-06-02",
        draftIssued: null,
        finalIssued: null,
        nextReview: null,
      },
      signOff: null,
    },
    sections: {
      A: {
        views: Array.from({ length: n(10) }, (_, i) => ({
          id: next("view"),
          voice: i % 2 ? "parent" : "child",
          topic: "about-me",
          directQuote: i % 2 === 0,
          content: paragraph(`I like trains and Lego. I want to ${pick(SKILLS)}.`),
        })),
      },
      B: { needs: needs.B },
      C: { needs: needs.C },
      D: { needs: needs.D },
      E: { outcomes },
      F: { provisions: provisions(byNeedSection("B")) },
      G: { provisions: provisions(byNeedSection("C")) },
      H1: { provisions: [] },
      H2: { provisions: provisions(byNeedSection("D")) },
      I: { placement: null },
      J: {
        requested: false,
        items: [],
        notes: paragraph(
          "A personal budget was offered at the planning meeting; the family chose not to take one.",
        ),
      },
      K: {
        advice: [
          ["k-parents", "family", "Parents"],
          ["k-school", "education", "SENCO"],
          ["k-ep", "education", "Educational Psychologist"],
          ["k-health", "health", "Paediatrician"],
          ["k-sc", "social-care", "Social Worker"],
        ].map(([aid, agency, role]) => ({
          id: aid,
          title: `Advice from the ${role}`,
          from: { name: "A. Person", role },
          agency,
          requested: "2026-07-01",
          received: "2026-08-01",
          appended: true,
        })),
      },
    },
  };
}
