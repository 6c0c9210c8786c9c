import type { Server } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";

export const UNREADABLE_NAME = "the message names no plan that can be read";

/** Whether Hocuspocus can read a frame's head: the plan's name (UTF-8), then the message type. */
function readableHead(data: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    decoding.readVarUint(decoder);
    return true;
  } catch {
    return false;
  }
}

/** The one line a problem on a socket is worth: no stack, nothing the sender chose verbatim. */
type Log = (line: string) => void;

/**
 * Frames Hocuspocus cannot even address, and WebSocket errors, cost one short line of log each
 * and close the socket with a reason. Hocuspocus reads a frame's plan name before any extension
 * sees it, and logs the decoder's stack trace for a name it cannot read (7 to 13 lines, before
 * or after sign-in); the WebSocket layer logs a 14-line stack for each message over the size
 * limit. Either let anyone flood the log from one connection after another.
 */
export function guardFrames(
  server: Server,
  maxMessageBytes: number,
  log: Log = (line) => console.error(line),
): void {
  const tooBig = `the message is larger than ${maxMessageBytes.toLocaleString("en-GB")} bytes`;
  const hocuspocus = server.hocuspocus;
  const handleConnection = hocuspocus.handleConnection.bind(hocuspocus);
  let sockets = 0;
  hocuspocus.handleConnection = (incoming, request, context) => {
    const connection = handleConnection(incoming, request, context);
    const socket = `socket ${(++sockets).toString(36)}`;
    const handleMessage = connection.handleMessage;
    let refused = false;
    connection.handleMessage = (data: Uint8Array) => {
      if (refused) return;
      if (readableHead(data)) {
        handleMessage(data);
        return;
      }
      refused = true;
      log(`closing ${socket}: ${UNREADABLE_NAME}`);
      incoming.close(4400, UNREADABLE_NAME);
    };
    // The WebSocket layer adds its own error listener, which logs the stack, as soon as this
    // returns; it is replaced by one that logs a line. The socket closes itself on an error
    // (1009 for a message over the size limit).
    // The WebSocket layer closes a socket whose message is too big with 1009 and no words; the
    // client is told the limit.
    const sender = incoming as unknown as { close(code?: number, reason?: string): void };
    const close = sender.close.bind(sender);
    sender.close = (code?: number, reason?: string) =>
      close(code, reason ?? (code === 1009 ? tooBig : undefined));
    const events = incoming as unknown as NodeJS.EventEmitter;
    if (typeof events.listeners === "function") {
      queueMicrotask(() => {
        for (const listener of events.listeners("error")) {
          events.removeListener("error", listener as (...args: unknown[]) => void);
        }
        events.on("error", (error: Error & { code?: unknown }) => {
          const code = typeof error.code === "string" ? ` (${error.code})` : "";
          log(`closing ${socket}: ${error.message.slice(0, 120)}${code}`);
        });
      });
    }
    return connection;
  };
}
