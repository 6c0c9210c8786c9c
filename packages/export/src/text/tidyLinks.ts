import type { Segment } from "./textSegment.js";

/** Punctuation a writer's link swept up from the sentence it ends ("see the local offer,"). */
const TRAILING = /[\s.,;:!?)\]]+$/u;

/** An address as a reader types it from paper: an email address without "mailto:". */
const printed = (href: string): string =>
  href.toLowerCase().startsWith("mailto:") ? (href.slice(7).split("?")[0] ?? "") : href;
const bare = (address: string) => address.replace(/^https?:\/\//i, "").replace(/\/$/, "");

/**
 * A paragraph's segments with each external link made fit for reading and for paper: punctuation
 * after its words is moved out of it, and its address, where its words do not already say it, is
 * printed after it in brackets, so a printed copy keeps where it leads.
 */
export function tidyLinks(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < segments.length;) {
    const first = segments[i] as Segment;
    const href = first.href;
    let j = i + 1;
    while (href !== undefined && j < segments.length && segments[j]?.href === href) j++;
    const group = segments.slice(i, j);
    i = j;
    if (href === undefined) {
      out.push(first);
      continue;
    }
    let after = "";
    while (group.length > 0) {
      const last = group[group.length - 1] as Segment;
      const tail = TRAILING.exec(last.text)?.[0] ?? "";
      if (tail === "") break;
      after = tail + after;
      group.pop();
      const kept = last.text.slice(0, last.text.length - tail.length);
      if (kept !== "") {
        group.push({ ...last, text: kept });
        break;
      }
    }
    out.push(...group);
    const plain = {
      ...(first.bold ? { bold: true } : {}),
      ...(first.italic ? { italic: true } : {}),
    };
    const words = group.map((s) => s.text).join("");
    const address = printed(href);
    // The punctuation that closed the link's words closes its address too.
    if (words.trim() !== "" && bare(words.trim()) !== bare(address))
      out.push({ ...plain, text: ` (${address})` });
    if (after !== "") out.push({ ...plain, text: after });
  }
  return out;
}
