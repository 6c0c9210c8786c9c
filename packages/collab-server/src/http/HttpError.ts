/** An HTTP answer other than success: the status and a body `{ error, ...details }`. */
export class HttpError extends Error {
  override readonly name = "HttpError";
  readonly status: number;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(status: number, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.details = details;
  }
}
