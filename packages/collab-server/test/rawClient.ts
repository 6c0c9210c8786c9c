import { PLAN_SCHEMA_VERSION } from "@ehcp/schema";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";

// Hocuspocus's message types and its auth message's sub-types.
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  stateless: 5,
  close: 7,
  syncStatus: 8,
} as const;
const AUTH_TOKEN = 0;
const AUTH_DENIED = 1;
const AUTH_OK = 2;

/** A Hocuspocus message: the document's name, the type, then whatever `write` puts. */
export function message(
  documentName: string,
  type: number,
  write: (encoder: encoding.Encoder) => void = () => {},
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A sync message carrying an update (y-protocols' type 2). */
export const syncUpdate = (documentName: string, update: Uint8Array) =>
  message(documentName, MESSAGE.sync, (e) => {
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });

/** The answer to the server's sync (y-protocols' step 2): what the client has that it lacks. */
export const syncStep2 = (documentName: string, update: Uint8Array) =>
  message(documentName, MESSAGE.sync, (e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, update);
  });

/**
 * How a connection ended: the WebSocket closed with a code, or (code null) the server ended the
 * document's connection on a socket that may carry others, with a CLOSE message and a reason.
 */
export interface Closed {
  readonly code: number | null;
  readonly reason: string;
}

export interface RawClient {
  readonly socket: WebSocket;
  /** Resolves once the server ends the document's connection or the socket closes. */
  readonly closed: Promise<Closed>;
  /** The stateless messages the server sent (refusals among them), in order. */
  readonly stateless: readonly string[];
  /** The server's answers to each update: whether it was taken. */
  readonly syncStatus: readonly boolean[];
  send(bytes: Uint8Array): void;
}

/**
 * A WebSocket client that speaks Hocuspocus's protocol by hand, so tests can send what a real
 * provider never would. With a token it resolves once the server has let it in.
 */
export async function rawClient(
  url: string,
  documentName: string,
  token?: string,
  query = `schemaVersion=${PLAN_SCHEMA_VERSION}`,
): Promise<RawClient> {
  const socket = new WebSocket(`${url}/?${query}`);
  const closed = new Promise<Closed>((resolve) => {
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    socket.on("message", (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarString(decoder) !== documentName) return;
      if (decoding.readVarUint(decoder) !== MESSAGE.close) return;
      resolve({ code: null, reason: decoding.readVarString(decoder) });
    });
  });
  socket.on("error", () => {});
  const stateless: string[] = [];
  const syncStatus: boolean[] = [];
  socket.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarString(decoder) !== documentName) return;
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.stateless) stateless.push(decoding.readVarString(decoder));
    if (type === MESSAGE.syncStatus) syncStatus.push(decoding.readVarUint(decoder) === 1);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  if (token !== undefined) {
    const admitted = new Promise<void>((resolve, reject) => {
      socket.on("message", (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarString(decoder) !== documentName) return;
        if (decoding.readVarUint(decoder) !== MESSAGE.auth) return;
        const answer = decoding.readVarUint(decoder);
        if (answer === AUTH_OK) resolve();
        if (answer === AUTH_DENIED)
          reject(new Error(`refused: ${decoding.readVarString(decoder)}`));
      });
      closed.then(({ code, reason }) => reject(new Error(`closed ${code} ${reason}`)));
    });
    socket.send(
      message(documentName, MESSAGE.auth, (e) => {
        encoding.writeVarUint(e, AUTH_TOKEN);
        encoding.writeVarString(e, token);
        encoding.writeVarString(e, "raw-test-client");
      }),
    );
    await admitted;
  }
  return {
    socket,
    closed,
    stateless,
    syncStatus,
    send: (bytes) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(bytes);
    },
  };
}
