const SCHEMES = new Set(["http:", "https:", "mailto:"]);
// Controls and whitespace have no place in a link someone typed or pasted, and the URL parser
// would drop some of them silently (`https://x.org/\njavascript:` reads as an https address).
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;

/**
 * Whether a link may be stored: an http, https or mailto address as the WHATWG URL parser reads
 * it, with no control characters or whitespace anywhere, and a host for http and https.
 */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string" || href.length > 2048 || CONTROL_OR_SPACE.test(href)) return false;
  if (!/^(https?:\/\/|mailto:)/i.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return SCHEMES.has(url.protocol) && (url.protocol === "mailto:" || url.hostname !== "");
}
