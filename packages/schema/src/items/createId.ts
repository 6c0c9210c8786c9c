const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * A new random item id such as `prov-k3j9x0a2mq`: a prefix saying what the item is and ten
 * random characters (about 52 bits), so ids made by different people at once do not collide.
 */
export function createId(prefix: string): string {
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(prefix)) {
    throw new RangeError(
      `createId: the prefix "${prefix}" must be 1 to 50 characters from A-Z, a-z, 0-9, '-' and '_'`,
    );
  }
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  let suffix = "";
  for (const byte of bytes) suffix += ALPHABET[byte % ALPHABET.length];
  return `${prefix}-${suffix}`;
}
