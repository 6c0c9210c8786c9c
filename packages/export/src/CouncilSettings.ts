import { z } from "zod";

const text = (max: number) => z.string().trim().min(1, { message: "is empty" }).max(max);

const ContactSchema = z
  .strictObject({
    name: text(200),
    phone: z
      .string()
      .regex(/^[0-9+() -]{6,30}$/, { message: "expected a phone number, such as 01632 960 123" })
      .optional(),
    email: z
      .email({ message: "expected an email address, such as sendiass@example.gov.uk" })
      .optional(),
    website: z
      .url({
        protocol: /^https?$/,
        hostname: z.regexes.domain,
        message: "expected an http or https address",
      })
      .max(2048)
      .optional(),
    address: text(500).optional(),
  })
  .refine((c) => c.phone !== undefined || c.email !== undefined || c.website !== undefined, {
    message: "gives no way to reach it: give a phone, an email or a website",
  });

/**
 * What a council writes once for every plan it exports: who a family tells what they think of a
 * draft, its SENDIASS, and its mediation service, for the part of the document on the family's
 * rights and contacts.
 */
export const CouncilSettingsSchema = z.strictObject({
  /** The council's name, for the title page when the export is not given another. */
  name: text(200).optional(),
  /** The council's SEN team, whom a family tells what they think of a draft. */
  senTeam: ContactSchema,
  /** The council's SEND information, advice and support service. */
  sendiass: ContactSchema,
  /** The mediation service a family contacts before appealing to the Tribunal. */
  mediation: ContactSchema,
  /**
   * Days a family has to make representations on a draft, from the day it is issued: at least 15,
   * which the law sets (Children and Families Act 2014 s.38(2)(b)); a council may give more.
   */
  representationDays: z
    .int({ message: "expected a whole number of days" })
    .min(15, { message: "is fewer than the 15 days the law gives a family" })
    .max(365)
    .optional(),
});

export type CouncilContact = z.infer<typeof ContactSchema>;
export type CouncilSettings = z.infer<typeof CouncilSettingsSchema>;

/** One thing wrong in the council's settings, and where (`sendiass.email`). */
export interface CouncilSettingsIssue {
  readonly path: string;
  readonly message: string;
}

/** Thrown for council settings that cannot be used, naming each wrong field. */
export class CouncilSettingsError extends Error {
  override readonly name = "CouncilSettingsError";
  readonly issues: readonly CouncilSettingsIssue[];

  constructor(issues: readonly CouncilSettingsIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    super(
      `Invalid council settings: ${first ? `${first.path}: ${first.message}` : "invalid"}${more}`,
    );
    this.issues = Object.freeze([...issues]);
  }
}

const pathOf = (segments: readonly PropertyKey[]) =>
  segments
    .map((s, i) => (typeof s === "number" ? `[${s}]` : `${i === 0 ? "" : "."}${String(s)}`))
    .join("") || "(top level)";

/** Reads council settings, from a JSON file or a council's own code; wrong fields are named. */
export function parseCouncilSettings(input: unknown): CouncilSettings {
  const result = CouncilSettingsSchema.safeParse(input);
  if (result.success) return result.data;
  throw new CouncilSettingsError(
    result.error.issues.map((issue) => ({
      path: pathOf(issue.path),
      message:
        issue.code === "unrecognized_keys"
          ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}; the settings have name, senTeam, sendiass, mediation and representationDays, and a contact has name, phone, email, website and address`
          : issue.code === "invalid_type" && issue.input === undefined
            ? "is missing; this field is required"
            : issue.message,
    })),
  );
}
