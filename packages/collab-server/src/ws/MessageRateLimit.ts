import type { Extension, beforeHandleMessagePayload } from "@hocuspocus/server";

export interface MessageRateLimitOptions {
  /** Messages a connection may send per second, on average. */
  readonly messagesPerSecond: number;
  /** Messages a connection may send at once, above the rate, before it is slowed. */
  readonly messageBurst: number;
  /**
   * How far behind a slowed connection may fall, in seconds of its waiting messages at the
   * rate, before it is refused; default 30.
   */
  readonly maxWaitSeconds?: number;
  /** How many bytes of a slowed connection's messages may wait; default 16 MiB. */
  readonly maxWaitingBytes?: number;
}

/** What Hocuspocus keeps of a connection's messages not yet handled (the first is the one in hand). */
interface QueueHolder {
  readonly messageQueue?: readonly Uint8Array[];
}

/**
 * Bounds how fast one connection's messages are handled, so one client cannot starve the others.
 * Hocuspocus handles a connection's messages one at a time, in order; a connection past its
 * burst has each message wait until the rate allows it, so a fast typist or a client that sends
 * every keystroke and caret on its own is slowed, never closed, and nothing it sent is lost.
 * Only a connection whose waiting messages would take more than `maxWaitSeconds` to work
 * through (or hold more than `maxWaitingBytes`) is refused, with a reason its editor shows.
 */
export class MessageRateLimit implements Extension {
  readonly extensionName = "ehcp-message-rate-limit";
  readonly #rate: number;
  readonly #burst: number;
  readonly #maxWaitSeconds: number;
  readonly #maxWaitingBytes: number;
  // Per connection, a token bucket: `messageBurst` at once, refilled at `messagesPerSecond`.
  readonly #buckets = new WeakMap<object, { tokens: number; at: number }>();

  constructor(options: MessageRateLimitOptions) {
    this.#rate = options.messagesPerSecond;
    this.#burst = options.messageBurst;
    this.#maxWaitSeconds = options.maxWaitSeconds ?? 30;
    this.#maxWaitingBytes = options.maxWaitingBytes ?? 16 * 1024 * 1024;
  }

  async beforeHandleMessage({ connection }: beforeHandleMessagePayload): Promise<void> {
    const now = Date.now();
    const bucket = this.#buckets.get(connection) ?? { tokens: this.#burst, at: now };
    this.#buckets.set(connection, bucket);
    bucket.tokens = Math.min(this.#burst, bucket.tokens + ((now - bucket.at) / 1000) * this.#rate);
    bucket.at = now;
    bucket.tokens -= 1;
    if (bucket.tokens >= 0) return;
    const waiting = (connection as unknown as QueueHolder).messageQueue ?? [];
    let bytes = 0;
    for (const queued of waiting) bytes += queued.byteLength;
    if (waiting.length / this.#rate > this.#maxWaitSeconds || bytes > this.#maxWaitingBytes) {
      throw Object.assign(
        new Error(`more than ${this.#rate} messages a second for too long: slow down`),
        {
          code: 4429,
          reason: `more than ${this.#rate} messages a second for too long: slow down`,
        },
      );
    }
    // The deficit is paid back at the rate; later messages queue behind this one meanwhile.
    await new Promise<void>((resolve) => {
      setTimeout(resolve, (-bucket.tokens / this.#rate) * 1000).unref?.();
    });
  }
}
