/**
 * A message as a sentence on the page: its first letter a capital. The server's reasons are
 * written to follow a colon in its logs and errors ("issue-final: the family's 15 days…"), so
 * they begin lower-case; on the page each begins a sentence.
 */
export const sentenceCase = (message: string): string =>
  message.charAt(0).toUpperCase() + message.slice(1);
