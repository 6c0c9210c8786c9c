const DAY = 86_400_000;

/**
 * The day advice asked for on `requestedOn` (YYYY-MM-DD) must be given by: six weeks from the
 * request (SEND Regulations 2014 reg 8(1)). The exceptions of reg 8(2)
 * (a request over the school holidays, say) are the caseworker's to note, not a rule to guess.
 */
export function adviceDueDate(requestedOn: string): string {
  const start = Date.parse(`${requestedOn}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(requestedOn) || Number.isNaN(start)) {
    throw new RangeError(`the request date ${requestedOn} is not a date written YYYY-MM-DD`);
  }
  return new Date(start + 42 * DAY).toISOString().slice(0, 10);
}
