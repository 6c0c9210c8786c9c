import { PLAN_FORMAT, PLAN_FORMAT_VERSION, PLAN_FORMAT_VERSIONS } from "./formatVersion.js";
import { PlanFormatError } from "../errors/PlanFormatError.js";

/** One step from format version `from` to `from + 1`. */
export interface PlanMigration {
  readonly from: number;
  readonly migrate: (plan: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Every step between format versions, in order. Version 1 is the first format, so there is none
 * yet; a version 2 adds `{ from: 1, migrate }` here and a frozen copy of the v1 fixtures stays in
 * the tests.
 */
export const PLAN_MIGRATIONS: readonly PlanMigration[] = [];

const fail = (path: string, message: string): never => {
  throw new PlanFormatError([{ path, segments: path ? [path] : [], message }]);
};

/**
 * Upgrades a Plan JSON document of any known format version to the current one, one step at a
 * time. It checks only what it needs to choose the steps; `parsePlan` validates the result.
 * A document from a newer version than this code knows is refused, never read half-understood.
 * `to` is the version to reach: the current one, except in tests of the steps themselves.
 */
export function migratePlan(
  json: unknown,
  migrations: readonly PlanMigration[] = PLAN_MIGRATIONS,
  to: number = PLAN_FORMAT_VERSION,
): Record<string, unknown> {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    return fail("", "a plan is a JSON object with format, formatVersion, id, meta and sections");
  }
  let plan = json as Record<string, unknown>;
  if (plan.format !== PLAN_FORMAT) {
    fail("format", `expected "${PLAN_FORMAT}"; this does not look like a Plan JSON document`);
  }
  const version = plan.formatVersion;
  if (typeof version !== "number" || !Number.isFinite(version) || version < 1) {
    fail("formatVersion", "expected a version number of 1 or more");
  }
  let current = version as number;
  if (current > to) {
    fail(
      "formatVersion",
      `this plan is format version ${current}, newer than this toolkit reads (up to ${to}); ` +
        "upgrade @ehcp/schema to open it",
    );
  }
  // A minor version (1.1, 1.2) adds only what older readers lack: it needs no step, and is kept.
  if (
    !Number.isInteger(current) &&
    !(PLAN_FORMAT_VERSIONS as readonly number[]).includes(current)
  ) {
    fail(
      "formatVersion",
      `no format version ${current}: this toolkit reads ${PLAN_FORMAT_VERSIONS.join(", ")}`,
    );
  }
  if (!Number.isInteger(to)) return plan;
  while (current < to) {
    const step = migrations.find((m) => m.from === current);
    if (!step) fail("formatVersion", `no migration from format version ${current}`);
    plan = { ...(step as PlanMigration).migrate(plan), formatVersion: current + 1 };
    current += 1;
  }
  return plan;
}
