import type { Token } from "./tokenize.js";

/*
 * A condition on whether an adult has the time or the setting the means: "if she has time",
 * "when staff are free", "where capacity allows", "as staffing permits", "provided a member of
 * staff can go with him", "should a place become free". Whether the child gets it is then
 * decided each day by the rota, not by the plan (L v Clarke and Somerset CC [1998]). Read by the
 * shape of the clause, not a list of phrases: a word that opens a condition, then in the same
 * clause an adult or a resource and a predicate of being free, having time or room, or letting.
 *
 * What passes: a cover arrangement ("if his usual TA is not available, a second trained TA will
 * deliver it" decides who does it), a question the child asks or answers ("say when she is free
 * to play"), a place described ("the room where staff are based"), and time that is not a
 * condition ("in her free time").
 */

const OPENERS = new Set([
  "if",
  "when",
  "whenever",
  "where",
  "wherever",
  "provided",
  "providing",
  "should",
  "once",
  "unless",
  "as",
]);
// After these, "when" or "if" opens what is said or known: "tell an adult when she is free".
const ASKS =
  /^(?:say|says|tell|tells|ask|asks|know|knows|show|shows|decide|decides|choose|chooses|check|checks|explain|explains|see|sees|wonder|notice|notices|recognise|recognises|recognize|recognizes|signal|signals|indicate|indicates|judge|judges|work|out)$/;
// Who or what may be free: adults by role or as a body, the setting, a place in a group.
const PROVIDER =
  /^(?:staff|adult|adults|member|members|someone|somebody|one|ta|tas|lsa|lsas|assistant|assistants|teacher|teachers|senco|sendco|mentor|elsa|worker|workers|therapist|therapists|practitioner|practitioners|keyworker|key-worker|supervisor|coach|service|services|team|school|nursery|setting|college|provider|place|places|room|space|slot|slots)$/;
// A resource that may or may not allow it: "time allows", "the staff rota permits".
const RESOURCE =
  /^(?:time|staffing|staff|capacity|rota|rotas|timetable|timetables|funding|resources|caseload|caseloads|budget|numbers|cover|ratios?)$/;
const LETS = /^(?:allows?|allowing|allowed|permits?|permitting|permitted)$/;
// Being free for it: "is free", "are available", "can be spared", "is released".
const FREE = /^(?:free|available|spare|spared|released|freed)$/;
// "Free" that is not being free: "free time", "free from noise", "free of charge", "free play".
const NOT_FREE = /^(?:from|of|time|times|choice|play|flow|flowing|period|periods|school|meals?)$/;
// What an adult or the setting has, or there is, when it has room for it.
const ROOM =
  /^(?:time|capacity|room|space|enough|sufficient|spare|places|a|the|any|staff|the|availability)$/;
const HAS = /^(?:has|have|had|having|there|is|are)$/;
const ENOUGH = /^(?:enough|sufficient|spare)$/;
const MEANT = /^(?:time|capacity|room|space|staff|staffing|adults|places|cover|funding)$/;
const NEGATION = /^(?:not|no|never|n't)$|n't$/;
const CHILD_PRONOUN = /^(?:she|he|they|i)$/;
const CLAUSE_END = /[.,;:!?()—–]/;

export interface AvailabilitySpan {
  readonly start: number;
  readonly end: number;
}

/** Conditions on an adult's availability or the setting's capacity, left to right. */
export function availabilityConditions(
  text: string,
  tokens: readonly Token[],
  child: string,
): AvailabilitySpan[] {
  const spans: AvailabilitySpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!OPENERS.has(t.norm)) continue;
    const before = tokens[i - 1];
    const gapBefore = before ? text.slice(before.end, t.start) : "";
    const atClauseStart = !before || CLAUSE_END.test(gapBefore);
    if (before && !atClauseStart && ASKS.test(before.norm)) continue;
    // "The room where staff are based" describes a place; "where capacity allows" opens a clause.
    if ((t.norm === "where" || t.norm === "wherever") && !atClauseStart && before) {
      if (!/^(?:and|or|but|only|except)$/.test(before.norm)) continue;
    }
    if (t.norm === "should" && !atClauseStart) continue;
    if ((t.norm === "provided" || t.norm === "providing") && !atClauseStart) {
      if (tokens[i + 1]?.norm !== "that") continue;
    }
    // "Once a week" is a frequency.
    if (
      t.norm === "once" &&
      /^(?:a|an|per|each|every|daily|weekly|more)$/.test(tokens[i + 1]?.norm ?? "")
    )
      continue;
    const clause: Token[] = [];
    for (let k = i + 1; k < tokens.length && clause.length < 10; k++) {
      const w = tokens[k] as Token;
      if (CLAUSE_END.test(text.slice((tokens[k - 1] as Token).end, w.start))) break;
      clause.push(w);
    }
    const end = decisiveWord(clause, t.norm, child);
    if (end) spans.push({ start: t.start, end: end.end });
  }
  return spans;
}

/** The word that makes the clause a condition on the means, or null. */
function decisiveWord(clause: readonly Token[], opener: string, child: string): Token | null {
  const negated = clause.some((w) => NEGATION.test(w.norm));
  for (let k = 0; k < clause.length; k++) {
    const w = clause[k] as Token;
    const prev = clause[k - 1]?.norm ?? "";
    const next = clause[k + 1]?.norm ?? "";
    // "Time allows", "as staffing permits", "the staff rota allows".
    if (LETS.test(w.norm) && k > 0 && RESOURCE.test(prev)) return w;
    if (LETS.test(w.norm) && k > 1 && RESOURCE.test(clause[k - 2]?.norm ?? "")) return w;
    // "As" opens such a condition only so: "as he needs" is a need, read elsewhere.
    if (opener === "as") continue;
    // "When staff are free", "should a place become free", "if there is one to spare".
    // "When Mia is available for learning" is the child's state, not an adult's time.
    if (FREE.test(w.norm) && !NOT_FREE.test(next) && !negated && !childBefore(clause, k, child)) {
      const someone = clause
        .slice(0, k)
        .some(
          (x) =>
            PROVIDER.test(x.norm) || HAS.test(x.norm) || /^(?:be|become|becomes|to)$/.test(x.norm),
        );
      if (someone) return w;
    }
    // "If the teaching assistant is not needed elsewhere".
    if (w.norm === "elsewhere" && /^(?:needed|required|deployed|busy)$/.test(prev)) return w;
    // "If she has time", "when the SENCO has capacity", "if there is enough staff".
    if (HAS.test(w.norm) && k + 1 < clause.length) {
      const what = clause.slice(k + 1, k + 4);
      const room = what.findIndex((x) => MEANT.test(x.norm));
      if (room >= 0 && what.slice(0, room).every((x) => ROOM.test(x.norm) || ENOUGH.test(x.norm))) {
        // "When he has time to finish": the child's own time is the task's, not a condition.
        const subject = clause[k - 1]?.norm ?? "";
        if (
          subject === child ||
          (w.norm !== "there" && CHILD_PRONOUN.test(subject) && opener === "once")
        )
          continue;
        // "There is" must have "enough" or a means after it: "if there is a fire" is an event.
        if ((w.norm === "is" || w.norm === "are") && prev !== "there") continue;
        return what[room] as Token;
      }
    }
    // "When an adult can lead it", "provided a member of staff can go with him".
    if (/^(?:can|could)$/.test(w.norm) && k > 0 && k < 5) {
      const subject = clause.slice(0, k);
      if (
        subject.some(
          (x) => PROVIDER.test(x.norm) && !/^(?:place|places|room|space)$/.test(x.norm),
        ) &&
        !subject.some((x) => x.norm === child || CHILD_PRONOUN.test(x.norm)) &&
        clause[k + 1]
      ) {
        const verb = clause[k + 1] as Token;
        return verb.norm === "be" ? (clause[k + 2] ?? verb) : verb;
      }
    }
  }
  return null;
}

// The child as the subject of being free: "when Mia is available", "if she is free to choose".
function childBefore(clause: readonly Token[], k: number, child: string): boolean {
  const subject = clause[k - 2]?.norm ?? "";
  return (
    subject === child ||
    (subject === "she" || subject === "he" ? clause[k + 1]?.norm === "for" : false)
  );
}
