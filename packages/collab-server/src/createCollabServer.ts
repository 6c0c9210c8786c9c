import { type Hocuspocus, Server } from "@hocuspocus/server";
import * as Y from "yjs";
import type { DocumentStore } from "./DocumentStore.js";
import { SqliteDocumentStore } from "./SqliteDocumentStore.js";

export interface CollabServerOptions {
  /** TCP port; 0 picks a free one. Default 1234. */
  readonly port?: number;
  /** Address to listen on. Default 127.0.0.1, so nothing outside this machine can connect. */
  readonly host?: string;
  /** SQLite file for the documents. Default `./data/ehcp.sqlite`. */
  readonly db?: string;
  /** A store of your own instead of the SQLite file. */
  readonly store?: DocumentStore;
}

export interface CollabServer {
  /** The underlying Hocuspocus instance, for hooks and inspection. */
  readonly hocuspocus: Hocuspocus;
  /** Starts listening; resolves with the WebSocket address clients connect to. */
  start(): Promise<string>;
  /** Stores every open document, closes connections and the store. */
  stop(): Promise<void>;
}

/**
 * A Hocuspocus server that keeps plans in SQLite. Documents are stored when the last client
 * leaves, when the server stops, and after edits once typing pauses.
 */
export function createCollabServer(options: CollabServerOptions = {}): CollabServer {
  const store = options.store ?? new SqliteDocumentStore(options.db ?? "./data/ehcp.sqlite");
  const server = new Server({
    port: options.port ?? 1234,
    address: options.host ?? "127.0.0.1",
    quiet: true,
    stopOnSignals: false,
    async onLoadDocument({ documentName, document }) {
      const state = await store.load(documentName);
      if (state) Y.applyUpdate(document, state);
    },
    async onStoreDocument({ documentName, document }) {
      await store.store(documentName, Y.encodeStateAsUpdate(document));
    },
  });
  let stopped: Promise<void> | undefined;
  return {
    hocuspocus: server.hocuspocus,
    async start() {
      // Hocuspocus's listen() never rejects: a taken port surfaces as an 'error' event instead.
      await new Promise<void>((resolve, reject) => {
        server.httpServer.once("error", reject);
        server.listen().then(() => {
          server.httpServer.off("error", reject);
          resolve();
        }, reject);
      });
      return server.webSocketURL;
    },
    stop() {
      stopped ??= (async () => {
        await server.destroy();
        await store.close();
      })();
      return stopped;
    },
  };
}
