import type { Role } from "@ehcp/schema";

/** The roles a person can try the playground as, in plain words, with a caret colour each. */
export const PLAYGROUND_ROLES: readonly { role: Role; label: string; color: string }[] = [
  { role: "caseworker", label: "Council caseworker (writes everywhere)", color: "#1d4ed8" },
  { role: "school", label: "School or SENCO (B, E, F)", color: "#b45309" },
  {
    role: "educational-psychologist",
    label: "Educational psychologist (B, E, F)",
    color: "#7c2d12",
  },
  { role: "health", label: "Health practitioner (C, G)", color: "#047857" },
  { role: "social-care", label: "Social worker (D, H1, H2)", color: "#6d28d9" },
  { role: "parent", label: "Parent or carer (A)", color: "#be185d" },
  { role: "viewer", label: "Viewer (reads only)", color: "#4b5563" },
];

export const colourOf = (role: Role) =>
  PLAYGROUND_ROLES.find((r) => r.role === role)?.color ?? "#4b5563";
