/**
 * Advice written for any child ("say what the child will get") put in the words of this one:
 * "say what Mia will get". A council may replace the list of vague words with its own advice, so
 * the name is put in where the message is made, and the council's other words are kept.
 */
export function forTheChild(advice: string, childName: string): string {
  if (childName === "" || !/\bthe child\b/i.test(advice)) return advice;
  return advice.replace(/\b(the) child(['’]s)?\b/gi, (_m, _the, s: string | undefined) =>
    s ? `${childName}${s}` : childName,
  );
}
