import type { Server } from "node:http";
import type { Duplex } from "node:stream";

/**
 * The sockets an HTTP server has handed to WebSockets. Hocuspocus, stopping, ends each plan's
 * connection with a message but leaves the socket open until the client or its 30-second ping
 * ends it, so a stop with a tab connected took that long; `destroyAll` ends them at once (the
 * clients reconnect by themselves), with the HTTP API's idle keep-alive connections.
 */
export function openSockets(server: Server): { destroyAll(): void } {
  const sockets = new Set<Duplex>();
  server.on("upgrade", (_request, socket: Duplex) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  return {
    destroyAll() {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      server.closeAllConnections();
    },
  };
}
