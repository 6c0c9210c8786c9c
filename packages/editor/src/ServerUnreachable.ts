/**
 * The server could not be reached at all (offline, or the server down): nothing was sent, and
 * the same request may simply be made again later, unlike a refusal, which gives its reason.
 */
export class ServerUnreachable extends Error {
  constructor() {
    super("The server could not be reached: nothing was sent, so try again");
    this.name = "ServerUnreachable";
  }
}
