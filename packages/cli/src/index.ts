export type { Io } from "./Io.js";
export { main } from "./main.js";
