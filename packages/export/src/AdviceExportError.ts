/** Advice given to an export that is not advice for this plan: where it was given, and why. */
export class AdviceExportError extends Error {
  override readonly name = "AdviceExportError";
  constructor(
    /** The advice's place in the option: `advice[1]`. */
    readonly where: string,
    /** Each place in that advice that is wrong, from its top (`request.due`). */
    readonly issues: readonly { readonly path: string; readonly message: string }[],
  ) {
    const first = issues[0];
    super(
      `${where}: ${first ? `${first.path || "(top level)"}: ${first.message}` : "invalid"}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}`,
    );
  }
}
