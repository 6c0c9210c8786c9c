/**
 * A 53-bit hash of a run of words (cyrb53): wide enough that millions of shingles from thousands
 * of plans do not collide by chance, and a plain number, so it keys a Map cheaply.
 */
export function hashWords(words: readonly string[], from: number, to: number): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let w = from; w < to; w++) {
    const word = words[w] as string;
    for (let i = 0; i <= word.length; i++) {
      // A separator after each word, so "ab c" and "a bc" differ.
      const ch = i < word.length ? word.charCodeAt(i) : 0x1f;
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
