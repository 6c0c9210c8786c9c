/** Words one font's cache holds before it starts again, so memory stays bounded. */
const MAX_WORDS = 50_000;

const caches = new Map<string, Record<string, unknown>>();

/**
 * The cache of laid-out words for the font `name`, shared by every PDF this process writes, to
 * be given to each document's pdfkit font. pdfkit keeps one per document, so each export shaped
 * every word of the plan afresh through fontkit; a word's glyphs and advances depend only on the
 * font file, which is the same for the whole process. Asked for once per font per document; a
 * cache past `MAX_WORDS` is dropped then, for the documents that follow.
 */
export function sharedLayoutCache(name: string): Record<string, unknown> {
  let cache = caches.get(name);
  if (!cache || Object.keys(cache).length > MAX_WORDS) {
    cache = Object.create(null) as Record<string, unknown>;
    caches.set(name, cache);
  }
  return cache;
}
