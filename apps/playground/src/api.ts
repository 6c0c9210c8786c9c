import type { Plan, Role } from "@ehcp/schema";

/** Who is signed in to the playground, with the token the server gave them. */
export interface Session {
  /** The id the server signed the user in with. */
  readonly id?: string;
  readonly name: string;
  readonly role: Role;
  readonly token: string;
}

/** An answer from the server that was not a success, with its reason and any issues. */
export class ApiError extends Error {
  readonly status: number;
  readonly issues: readonly { path: string; message: string }[];
  /** Everything else the server said, such as the changes a final plan is waiting on. */
  readonly details: Readonly<Record<string, unknown>>;
  constructor(
    status: number,
    message: string,
    issues: readonly { path: string; message: string }[] = [],
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.status = status;
    this.issues = issues;
    this.details = details;
  }
}

async function call<T>(
  session: Session | null,
  method: string,
  path: string,
  body?: string,
): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: {
      ...(session ? { Authorization: `Bearer ${session.token}` } : {}),
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    throw new ApiError(
      response.status,
      typeof json.error === "string" ? json.error : `The server answered ${response.status}`,
      Array.isArray(json.issues) ? (json.issues as { path: string; message: string }[]) : [],
      json,
    );
  }
  return json as T;
}

/** The playground's development sign-in: any name, any role. */
export async function signIn(name: string, role: Role): Promise<Session> {
  const { token, user } = await call<{ token: string; user: { id: string } }>(
    null,
    "POST",
    "/dev/sign-in",
    JSON.stringify({ name, role }),
  );
  return { id: user.id, name, role, token };
}

/** What the caseload list shows of a plan, as the server keeps it beside the plan. */
export interface PlanSummary {
  readonly id: string;
  readonly child: string | null;
  readonly status: string | null;
  readonly issue?: number | null;
  readonly draftIssued?: string | null;
  /** The dates the law sets, each with the day it was done (null while it is not). */
  readonly dates?: readonly {
    readonly key: string;
    readonly label: string;
    readonly due: string;
    readonly done: string | null;
  }[];
  /** The checker's findings by severity; null when the plan could not be read. */
  readonly findings?: {
    readonly error: number;
    readonly warning: number;
    readonly info: number;
  } | null;
}

export const listPlans = (session: Session) =>
  call<{ plans: PlanSummary[] }>(session, "GET", "/plans").then((r) => r.plans);

export const getPlan = (session: Session, id: string) =>
  call<Plan>(session, "GET", `/plans/${encodeURIComponent(id)}`);

/** Imports Plan JSON text as it is; the server validates it and names what is wrong. */
export const importPlan = (session: Session, text: string) =>
  call<{ id: string }>(session, "POST", "/plans", text);

export interface VersionSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: { readonly name: string; readonly role: string };
}

export const listVersions = (session: Session, id: string) =>
  call<{ versions: VersionSummary[] }>(
    session,
    "GET",
    `/plans/${encodeURIComponent(id)}/versions`,
  ).then((r) => r.versions);

export const takeVersion = (session: Session, id: string, name: string) =>
  call<VersionSummary>(
    session,
    "POST",
    `/plans/${encodeURIComponent(id)}/versions`,
    JSON.stringify({ name }),
  );

export const getVersion = (session: Session, id: string, version: string) =>
  call<Plan>(
    session,
    "GET",
    `/plans/${encodeURIComponent(id)}/versions/${encodeURIComponent(version)}`,
  );

/** Downloads an export as a file the browser saves. */
export async function download(
  session: Session,
  id: string,
  format: "docx" | "pdf" | "json",
  layout: "sections" | "areas-of-need",
  /** A version whose changes since are added as an appendix. */
  since?: string,
): Promise<void> {
  const query = `layout=${layout}${since ? `&since=${encodeURIComponent(since)}` : ""}`;
  const response = await fetch(`/plans/${encodeURIComponent(id)}/export.${format}?${query}`, {
    headers: { Authorization: `Bearer ${session.token}` },
  });
  if (!response.ok) {
    const json = (await response.json().catch(() => ({}))) as { error?: string };
    throw new ApiError(response.status, json.error ?? `The export failed (${response.status})`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  // The server names the file for the child (`filename*`); the id is the fallback.
  const named = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get("Content-Disposition") ?? "");
  const base = named?.[1] ? decodeURIComponent(named[1]).replace(/\.[a-z]+$/, "") : id;
  link.download = `${base}${layout === "areas-of-need" ? ", by area of need" : ""}${since ? ", changes" : ""}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Issues the draft: records the date and keeps a version; `reissue` issues it again. */
export const issueDraft = (session: Session, id: string, reissue = false) =>
  call<{ draftIssued: string; representationsClose: string }>(
    session,
    "POST",
    `/plans/${encodeURIComponent(id)}/issue-draft`,
    JSON.stringify({ reissue }),
  );

/** Issues the final plan, signed off by the officer, with any council decisions recorded. */
export const issueFinal = (
  session: Session,
  id: string,
  officer: { name: string; role: string },
  decisions: { id: string; reason: string }[] = [],
  /**
   * Why the final plan is issued before the family's 15 days for representations are over, and
   * the date of their written agreement if they gave it; the server refuses an early final
   * without a reason.
   */
  early: { reason: string; agreedOn: string | null } | null = null,
) =>
  call<{ finalIssued: string }>(
    session,
    "POST",
    `/plans/${encodeURIComponent(id)}/issue-final`,
    JSON.stringify({ officer, decisions, ...(early ? { early } : {}) }),
  );

/** Starts an amendment draft from a final plan. */
/** Mends the day the request for assessment was received; the statutory dates follow it. */
export const changeRequestReceived = (session: Session, id: string, date: string) =>
  call<{ requestReceived: string }>(
    session,
    "POST",
    `/plans/${encodeURIComponent(id)}/request-received`,
    JSON.stringify({ date }),
  );

export const amend = (session: Session, id: string) =>
  call<{ issue: number }>(session, "POST", `/plans/${encodeURIComponent(id)}/amend`, "{}");

/** A request for advice as the server lists it, with where it stands on the day asked about. */
export interface AdviceRequestSummary {
  readonly id: string;
  readonly adviser: { readonly id: string; readonly name: string; readonly role: string };
  readonly requestedOn: string;
  readonly due: string;
  readonly submittedOn: string | null;
}

/**
 * Asks a person for advice on the plan; the server works out the due date, six weeks on.
 * `requestedOn` (YYYY-MM-DD) dates a request sent earlier; without it, it is made today.
 */
export const requestAdvice = (
  session: Session,
  id: string,
  adviser: { id: string; name: string; role: string },
  requestedOn?: string,
) =>
  call<{ request: AdviceRequestSummary }>(
    session,
    "POST",
    `/plans/${encodeURIComponent(id)}/advice-requests`,
    JSON.stringify({ adviser, ...(requestedOn ? { requestedOn } : {}) }),
  );

/**
 * The id the development sign-in gives a person of this name (as the server's
 * `developmentSignIn` makes it): whoever signs in to the playground with the name an adviser was
 * asked under writes that advice. A council's system names its own users instead.
 */
export const developmentUserId = (name: string) =>
  `dev-${name
    .trim()
    .slice(0, 100)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")}`;

/** A finding of the checker, as the server sends one with a refused submission. */
export interface AdviceFinding {
  readonly rule: string;
  readonly severity: "error" | "warning" | "info";
  readonly section: string;
  readonly message: string;
}

/**
 * Submits the adviser's advice as it stands; advice with errors is refused (an `ApiError` whose
 * details hold the `findings`) unless a reason is given.
 */
export const submitAdvice = (session: Session, id: string, requestId: string, reason?: string) =>
  call<{ version: { id: string; name: string }; findings: AdviceFinding[] }>(
    session,
    "POST",
    `/plans/${encodeURIComponent(id)}/advice/${encodeURIComponent(requestId)}/submit`,
    JSON.stringify(reason ? { reason } : {}),
  );

/** The versions kept of a piece of advice: one for each time it was submitted. */
export const listAdviceVersions = (session: Session, id: string, requestId: string) =>
  call<{ versions: VersionSummary[] }>(
    session,
    "GET",
    `/plans/${encodeURIComponent(id)}/advice/${encodeURIComponent(requestId)}/versions`,
  ).then((r) => r.versions);

/** A version of a piece of advice as it was submitted, in the plan's own format. */
export const getAdviceVersion = (
  session: Session,
  id: string,
  requestId: string,
  version: string,
) =>
  call<Plan>(
    session,
    "GET",
    `/plans/${encodeURIComponent(id)}/advice/${encodeURIComponent(requestId)}/versions/${encodeURIComponent(version)}`,
  );

const adviceUse = <T>(
  session: Session,
  id: string,
  requestId: string,
  what: string,
  body: unknown,
) =>
  call<T>(
    session,
    "POST",
    `/plans/${encodeURIComponent(id)}/advice/${encodeURIComponent(requestId)}/${what}`,
    JSON.stringify(body),
  );

/** A plan item as the server answers for one it lifted or updated from advice. */
export interface LiftedItemSummary {
  readonly id: string;
  readonly section: string;
  readonly label: string;
}

/** Copies a recommendation of the advice as last submitted into section `section` of the plan. */
export const liftRecommendation = (
  session: Session,
  id: string,
  requestId: string,
  recommendationId: string,
  section: string,
) =>
  adviceUse<{ item: LiftedItemSummary }>(session, id, requestId, "lift", {
    recommendationId,
    section,
  }).then((r) => r.item);

/** Records what the caseworker decided of a recommendation not simply in the plan. */
export const decideRecommendation = (
  session: Session,
  id: string,
  requestId: string,
  decision:
    | { recommendationId: string; decision: "merged"; into: string }
    | { recommendationId: string; decision: "declined" | "kept"; reason: string },
) => adviceUse<unknown>(session, id, requestId, "decide", decision);

/** Updates an item lifted from advice from the latest version of its recommendation. */
export const refreshFromAdvice = (
  session: Session,
  id: string,
  requestId: string,
  itemId: string,
) =>
  adviceUse<{ item: LiftedItemSummary }>(session, id, requestId, "refresh", { itemId }).then(
    (r) => r.item,
  );

/** Withdraws a request for advice not yet given; its adviser and co-authors stop writing. */
export const withdrawAdvice = (session: Session, id: string, requestId: string, reason: string) =>
  adviceUse<{ request: AdviceRequestSummary }>(session, id, requestId, "withdraw", { reason });

/** Who writes a piece of advice: the adviser asked, and the co-authors they invited. */
export interface AdviceAuthors {
  readonly adviser: { readonly id: string; readonly name: string; readonly role: string };
  readonly coAuthors: readonly {
    readonly id: string;
    readonly name: string;
    readonly invitedOn: string;
  }[];
}

export const getAdviceAuthors = (session: Session, id: string, requestId: string) =>
  call<AdviceAuthors>(
    session,
    "GET",
    `/plans/${encodeURIComponent(id)}/advice/${encodeURIComponent(requestId)}/co-authors`,
  );

/** The adviser invites a named person to write the advice with them. */
export const inviteCoAuthor = (
  session: Session,
  id: string,
  requestId: string,
  coAuthor: { id: string; name: string },
) => adviceUse<{ request: AdviceAuthors }>(session, id, requestId, "co-authors", { coAuthor });

export const removeCoAuthor = (
  session: Session,
  id: string,
  requestId: string,
  coAuthorId: string,
) =>
  adviceUse<{ request: AdviceAuthors }>(
    session,
    id,
    requestId,
    `co-authors/${encodeURIComponent(coAuthorId)}/remove`,
    {},
  );
