import { PLAN_SCHEMA_VERSION } from "@ehcp/schema";
import type { Extension } from "@hocuspocus/server";
import { SignInError } from "../signIn.js";

/** Refuses an editor whose plan schema is not the server's: see `PLAN_SCHEMA_VERSION`. */
export function checkSchemaVersion(all: readonly string[]): void {
  // Said twice, the address means two things: what a proxy or the server reads may differ.
  if (all.length > 1) {
    throw new SignInError(
      "say which plan schema this editor uses once: ?schemaVersion= is repeated",
    );
  }
  const sent = all[0] ?? null;
  const version = Number(sent);
  if (sent === null || !Number.isInteger(version)) {
    throw new SignInError(
      `say which plan schema this editor uses: add ?schemaVersion=${PLAN_SCHEMA_VERSION} to the address`,
    );
  }
  if (version < PLAN_SCHEMA_VERSION) {
    throw new SignInError(
      `this editor is out of date (plan schema ${version}, the server uses ${PLAN_SCHEMA_VERSION}): reload to update it`,
    );
  }
  if (version > PLAN_SCHEMA_VERSION) {
    throw new SignInError(
      `this editor is newer than the server (plan schema ${version}, the server uses ${PLAN_SCHEMA_VERSION})`,
    );
  }
}

/**
 * An editor built for another plan schema would write what this server cannot read, or read
 * what it writes wrongly: it is refused before sign-in, with what to do.
 */
export function schemaVersionGate(): Extension {
  return {
    extensionName: "schemaVersionGate",
    async onAuthenticate({ requestParameters }) {
      checkSchemaVersion(requestParameters.getAll("schemaVersion"));
    },
  };
}
