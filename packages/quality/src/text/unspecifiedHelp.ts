import type { Token } from "./tokenize.js";
import { tokenSentences } from "./tokenSentences.js";

/*
 * Help by an adult no one has named, where what the adult does is not said: "staff will help him
 * with this", "an adult will support her in class", "he will be supported by staff", "help from
 * a member of staff". Neither the deliverer nor the help is decided, so the provision could be
 * anything (CoP 9.69: provision detailed and specific). Read by the shape of the sentence: a
 * verb or noun of helping, an adult who is only "staff", "an adult" or "someone" (or no one, in
 * a passive), and nothing that says what the help consists of.
 *
 * What passes: a role as the helper ("his TA will help him", read by the deliverer rules), and
 * help whose content is said: "by cutting up his food", "using his now-and-next board", a
 * colon or a relative clause that lists what is done ("…, who will use the hoist"), or the task
 * helped with as a verb ("help him put on his splints"). "Get", "do", "cope" and the like say no
 * more than "help" does.
 */

const HELP_VERB =
  /^(?:help|helps|helped|helping|support|supports|supported|supporting|assist|assists|assisted|assisting|aid|aided)$/;
const HELP_NOUN = /^(?:help|support|assistance|aid)$/;
// An adult who is anyone: no role, no name.
const ANYONE =
  /^(?:staff|adult|adults|someone|somebody|people|member|members|everyone|everybody|staffs)$/;
const LEAD =
  /^(?:a|an|the|all|any|other|school|class|classroom|setting|nursery|college|available|familiar)$/;
// Verbs that say what is done: "by laying out", "using Numicon", "following his diet".
const HOW = /^(?:using|following|via)$/;
// Verbs of a task that name nothing: "help him get ready", "support her to cope".
const EMPTY_TASK =
  /^(?:get|do|be|cope|manage|access|complete|work|learn|engage|participate|progress|achieve|succeed|thrive|settle|feel|stay|keep|make|continue|develop|improve|understand|with|in|on|at|during|across|throughout|where|when|if|as|and|this|it|that)$/;
const WILL = /^(?:will|shall|would|can|could|should|must|may|to|are|is|be|being)$/;
const OBJECT = /^(?:him|her|them|me|us)$/;

export interface HelpSpan {
  readonly start: number;
  readonly end: number;
}

/** Help by an unnamed adult whose content is not said, one span a sentence. */
export function unspecifiedHelp(text: string, tokens: readonly Token[], child: string): HelpSpan[] {
  const spans: HelpSpan[] = [];
  for (const sentence of tokenSentences(text, tokens)) {
    const span = inSentence(text, sentence, child);
    if (span) spans.push(span);
  }
  return spans;
}

function inSentence(text: string, words: readonly Token[], child: string): HelpSpan | null {
  const from = (words[0] as Token).start;
  const to = (words[words.length - 1] as Token).end;
  const sentence = text.slice(from, to);
  // What is done is listed after a colon or in a relative clause.
  if (/:\s*\S/.test(sentence) || /\bwho (?:will|is|are|can)\b/i.test(sentence)) return null;
  if (
    words.some(
      (w, i) =>
        HOW.test(w.norm) ||
        (/^(?:by|through)$/.test(w.norm) && /ing$/.test(words[i + 1]?.norm ?? "")),
    )
  )
    return null;
  // Capitalised words after the first name a programme, a place or a resource the help uses.
  const named = words.some(
    (w, i) =>
      i > 0 &&
      /^\p{Lu}/u.test(text.slice(w.start, w.end)) &&
      // The one helped: "support Ruby", "give Omar".
      !HELP_VERB.test(words[i - 1]?.norm ?? "") &&
      !/^(?:give|gives|provide|provides|offer|offers)$/.test(words[i - 1]?.norm ?? "") &&
      !/'s$/.test(w.norm) &&
      w.norm !== child &&
      w.norm !== `${child}'s` &&
      !/^(?:i|pe|ta|tas|lsa|senco|sendco|elsa|mr|mrs|ms|miss)$/.test(w.norm),
  );
  if (named) return null;
  const hit = activeHelp(words) ?? passiveHelp(words) ?? nounHelp(words);
  if (!hit) return null;
  // "Help him put on his splints", "support her to hold her pencil": the task is said.
  const after = words.slice(hit.at + 1, hit.at + 4);
  const k = after.findIndex((w) => !OBJECT.test(w.norm) && w.norm !== child && w.norm !== "to");
  const task = after[k];
  if (
    task &&
    k > 0 &&
    !EMPTY_TASK.test(task.norm) &&
    !HELP_NOUN.test(task.norm) &&
    /^(?:him|her|them|to)$/.test((after[k - 1] as Token).norm) &&
    !/(?:s|ly|ed)$/.test(task.norm)
  )
    return null;
  return { start: hit.start, end: hit.end };
}

/** "Staff will help him", "an adult will support Ruby", "adults will give him the help". */
function activeHelp(words: readonly Token[]): { start: number; end: number; at: number } | null {
  let k = 0;
  while (k < words.length && LEAD.test((words[k] as Token).norm)) k++;
  const head = words[k];
  if (!head || !ANYONE.test(head.norm)) return null;
  // "A member of staff", "adults in the room": the rest of the subject.
  let v = k + 1;
  if (words[v]?.norm === "of" && words[v + 1]?.norm === "staff") v += 2;
  else if (/^(?:in|across|around)$/.test(words[v]?.norm ?? "")) {
    v++;
    while (
      v < words.length &&
      /^(?:the|a|his|her|their|room|class|classroom|school)$/.test((words[v] as Token).norm)
    )
      v++;
  }
  const start = (words[0] as Token).start;
  for (let j = v; j < Math.min(words.length, v + 3); j++) {
    const w = words[j] as Token;
    if (HELP_VERB.test(w.norm)) return { start, end: w.end, at: j };
    if (w.norm === "work" && words[j + 1]?.norm === "with")
      return { start, end: (words[j + 1] as Token).end, at: j + 1 };
    if (/^(?:give|gives|provide|provides|offer|offers)$/.test(w.norm)) {
      const noun = words.slice(j + 1, j + 5).findIndex((x) => HELP_NOUN.test(x.norm));
      if (noun >= 0) {
        const at = j + 1 + noun;
        return { start, end: (words[at] as Token).end, at };
      }
      return null;
    }
    if (!WILL.test(w.norm)) return null;
  }
  return null;
}

/** "Kai will be supported by staff", "he will be helped": no one, or anyone, helps. */
function passiveHelp(words: readonly Token[]): { start: number; end: number; at: number } | null {
  for (let j = 1; j < words.length; j++) {
    const w = words[j] as Token;
    if (!/^(?:helped|supported|assisted|aided)$/.test(w.norm)) continue;
    if (!/^(?:be|being|is|are|been|get|gets)$/.test((words[j - 1] as Token).norm)) continue;
    const by = words[j + 1]?.norm === "by" ? j + 2 : -1;
    if (by > 0) {
      let h = by;
      while (h < words.length && LEAD.test((words[h] as Token).norm)) h++;
      if (!ANYONE.test(words[h]?.norm ?? "")) return null;
      const end = words[h + 1]?.norm === "of" && words[h + 2]?.norm === "staff" ? h + 2 : h;
      return { start: (words[j - 1] as Token).start, end: (words[end] as Token).end, at: end };
    }
    return { start: (words[j - 1] as Token).start, end: w.end, at: j };
  }
  return null;
}

/** "Help from an adult", "support from staff", "assistance from a member of staff". */
function nounHelp(words: readonly Token[]): { start: number; end: number; at: number } | null {
  for (let j = 0; j + 1 < words.length; j++) {
    const w = words[j] as Token;
    if (!HELP_NOUN.test(w.norm) || !/^(?:from|by)$/.test((words[j + 1] as Token).norm)) continue;
    let h = j + 2;
    while (h < words.length && LEAD.test((words[h] as Token).norm)) h++;
    if (!ANYONE.test(words[h]?.norm ?? "")) return null;
    const end = words[h + 1]?.norm === "of" && words[h + 2]?.norm === "staff" ? h + 2 : h;
    return { start: w.start, end: (words[end] as Token).end, at: end };
  }
  return null;
}
