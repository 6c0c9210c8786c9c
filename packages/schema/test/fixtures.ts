import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Reads a fixture from the shared folder beside the project (tests only; the product never does). */
export function sharedFixture(name: string): unknown {
  return JSON.parse(
    readFileSync(
      fileURLToPath(new URL(`../../../../shared/fixtures/${name}`, import.meta.url)),
      "utf8",
    ),
  );
}

/** Reads a frozen fixture kept in this package's tests. */
export function frozenFixture(path: string): Buffer {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url)));
}

export const frozenJson = (path: string): unknown =>
  JSON.parse(frozenFixture(path).toString("utf8"));
