import { type Role, SignIn } from "../src/signIn.js";

/** The shared secret the tests' servers are started with. */
export const TEST_SECRET = "test-secret-that-is-at-least-32-characters-long";

/** A token for a person in a role, signed with the tests' secret. */
export function tokenFor(
  role: Role,
  plans: readonly string[] | "*" = "*",
  name = `A ${role}`,
): Promise<string> {
  return new SignIn({ jwtSecret: TEST_SECRET }).mint({ id: `user-${role}`, name, role, plans });
}

/** A token for one named person; `plans: []` opens no plan by itself, only what a request gives. */
export function tokenOf(
  who: { readonly id: string; readonly name: string; readonly role: Role },
  plans: readonly string[] | "*" = [],
): Promise<string> {
  return new SignIn({ jwtSecret: TEST_SECRET }).mint({ ...who, plans });
}
