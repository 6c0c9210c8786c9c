/** The collaboration server's address: the dev server's own under Vite, else this page's host. */
export const collabUrl = (): string =>
  import.meta.hot
    ? "ws://127.0.0.1:1234"
    : `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
