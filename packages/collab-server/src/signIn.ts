import { ROLES, type Role } from "@ehcp/schema";
import { createRemoteJWKSet, type JWTPayload, jwtVerify, SignJWT } from "jose";
import { unsafeCharacter } from "./ws/unsafeCharacter.js";

export { ROLES };
export type { Role };

/** Who is connected, as the server trusts it after sign-in. */
export interface SignedInUser {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The plans this person may open, or "*" for all. */
  readonly plans: readonly string[] | "*";
  /**
   * When the sign-in ends, in milliseconds since 1970 (a JWT's `exp`): a connection is closed
   * then, unless the client has sent a fresh token. None for an `authorize` hook that gives none.
   */
  readonly expiresAt?: number;
}

/**
 * How far ahead of the server's clock a token's `iat` and `nbf` may be: the sign-in's clock and
 * the server's differ a little, and a token minted a second "early" must not be refused. A minute
 * is far more than synchronised clocks drift and far less than any use of a future token. Expiry
 * is not given it: a token ends when it says (see `sessionLifetime`).
 */
export const CLOCK_SKEW_SECONDS = 60;
/**
 * The longest a token may last. A signed token cannot be withdrawn before it ends, so one that
 * ends in a thousand years (or `exp: 1e300`) is a key for ever; a working day and a night is
 * enough for an editor, which signs in again.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;
/** A person's name as the plan shows it, on suggestions and in presence. */
const MAX_NAME_LENGTH = 200;

export interface SignInOptions {
  /** HS256 tokens signed with this shared secret (at least 32 characters). */
  readonly jwtSecret?: string;
  /** RS256 or ES256 tokens checked against the keys at this JWKS address. */
  readonly jwksUrl?: string;
  readonly issuer?: string;
  readonly audience?: string;
  /** A council system's own check: returns the user, or throws an Error whose message is the reason. */
  readonly authorize?: (request: {
    token: string;
    planId: string;
  }) => Promise<SignedInUser> | SignedInUser;
  /** Development only: `POST /dev/sign-in` mints tokens for any name and role. */
  readonly developmentSignIn?: boolean;
}

/** A refused sign-in; the message is the reason the client is given. */
export class SignInError extends Error {
  override readonly name = "SignInError";
  /** Hocuspocus sends `reason` to the client that was refused. */
  readonly reason: string;
  /** 401 when who is asking is not known; 403 when they are known but may not open the plan. */
  readonly status: 401 | 403;

  constructor(message: string, status: 401 | 403 = 401) {
    super(message);
    this.reason = message;
    this.status = status;
  }
}

function userFrom(payload: JWTPayload): SignedInUser {
  const { sub, name, role, plans } = payload as JWTPayload & {
    name?: unknown;
    role?: unknown;
    plans?: unknown;
  };
  if (typeof sub !== "string" || sub === "") throw new SignInError("the token names no user (sub)");
  const badSub = unsafeCharacter(sub);
  if (badSub || sub.length > MAX_NAME_LENGTH) {
    throw new SignInError(`the token's user (sub) cannot be shown: ${badSub ?? "it is too long"}`);
  }
  if (typeof role !== "string" || !(ROLES as readonly string[]).includes(role)) {
    throw new SignInError(`the token's role is not one of ${ROLES.join(", ")}`);
  }
  // The name is shown to everyone on the plan beside the person's words: it must be there, and
  // read as it is stored.
  if (typeof name !== "string" || name.trim() === "") {
    throw new SignInError("the token names no person (name)");
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw new SignInError(`the token's name is longer than ${MAX_NAME_LENGTH} characters`);
  }
  const badName = unsafeCharacter(name);
  if (badName) throw new SignInError(`the token's name: ${badName}`);
  const planList =
    plans === "*"
      ? "*"
      : Array.isArray(plans) && plans.every((p) => typeof p === "string")
        ? (plans as string[])
        : null;
  if (!planList)
    throw new SignInError('the token does not say which plans it opens (plans: [...] or "*")');
  const { exp, iat } = payload;
  if (typeof exp !== "number") throw new SignInError("the token has no expiry (exp)");
  // jose allowed the skew on every claim; expiry has none.
  if (exp * 1000 <= Date.now()) throw new SignInError("the token has expired: sign in again");
  if (typeof iat === "number" && iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) {
    throw new SignInError("the token says it was issued in the future (iat)");
  }
  if (exp > Date.now() / 1000 + MAX_TOKEN_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
    throw new SignInError(
      "the token lasts more than 24 hours (exp): ask the council's sign-in for one that ends sooner",
    );
  }
  return {
    id: sub,
    name,
    role: role as Role,
    plans: planList,
    expiresAt: exp * 1000,
  };
}

function claimProblem({ claim, reason }: { claim?: string; reason?: string }): string {
  if (claim === "exp" && reason === "missing") return "the token has no expiry (exp)";
  if (claim === "nbf") return "the token is not valid yet (nbf)";
  return `the token is not valid (its ${claim ?? "claims"} ${reason === "missing" ? "is missing" : "is not as expected"})`;
}

/** Verifies tokens as configured: the council's hook, a shared secret, or a JWKS. */
export class SignIn {
  readonly #options: SignInOptions;
  readonly #secret: Uint8Array | null;
  readonly #jwks: ReturnType<typeof createRemoteJWKSet> | null;

  constructor(options: SignInOptions) {
    const devSecret =
      options.developmentSignIn && !options.jwtSecret
        ? crypto.getRandomValues(new Uint8Array(32))
        : null;
    if (options.jwtSecret !== undefined && options.jwtSecret.length < 32) {
      throw new RangeError("the JWT secret must be at least 32 characters");
    }
    if (
      !options.jwtSecret &&
      !options.jwksUrl &&
      !options.authorize &&
      !options.developmentSignIn
    ) {
      throw new RangeError(
        "sign-in needs a JWT secret, a JWKS address, an authorize hook or the development sign-in",
      );
    }
    this.#options = options;
    this.#secret = options.jwtSecret ? new TextEncoder().encode(options.jwtSecret) : devSecret;
    this.#jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : null;
  }

  get developmentSignIn(): boolean {
    return this.#options.developmentSignIn === true;
  }

  /** The user a token stands for, if it may open the plan; otherwise a `SignInError` with the reason. */
  async verify(token: string, planId: string): Promise<SignedInUser> {
    const user = await this.identify(token, planId);
    if (user.plans !== "*" && !user.plans.includes(planId)) {
      throw new SignInError(`this token does not open the plan ${planId}`, 403);
    }
    return user;
  }

  /**
   * The user a valid token stands for, whichever plans it opens (an `authorize` hook is still
   * asked about `planId`): for the access a request for advice gives its adviser.
   */
  async identify(token: string, planId: string): Promise<SignedInUser> {
    if (!token) throw new SignInError("no token: sign in first");
    if (!this.#options.authorize) return this.#verifyJwt(token);
    try {
      return await this.#options.authorize({ token, planId });
    } catch (error) {
      throw new SignInError((error as Error).message || "refused by the council's sign-in");
    }
  }

  /**
   * Of `planIds`, those the token opens, in their order; none if it is not valid. A JWT is
   * verified once for the lot (a caseload is hundreds of plans); an `authorize` hook is asked
   * about each plan, since only the council's system knows.
   */
  async plansOpenedBy(token: string, planIds: readonly string[]): Promise<string[]> {
    if (!token) throw new SignInError("no token: sign in first");
    if (this.#options.authorize) {
      const opened: string[] = [];
      for (const id of planIds) {
        const ok = await this.verify(token, id).then(
          () => true,
          () => false,
        );
        if (ok) opened.push(id);
      }
      return opened;
    }
    // A token that is not valid is refused outright: "signed out" is not "no plans".
    const { plans } = await this.#verifyJwt(token);
    return plans === "*" ? [...planIds] : planIds.filter((id) => plans.includes(id));
  }

  async #verifyJwt(token: string): Promise<SignedInUser> {
    const claims = { issuer: this.#options.issuer, audience: this.#options.audience };
    try {
      // A token without an expiry would never end; jose checks `exp` and `nbf` against the clock,
      // allowing the skew (`userFrom` then holds `exp` to the second).
      const required = { requiredClaims: ["exp"], clockTolerance: CLOCK_SKEW_SECONDS };
      const { payload } = this.#jwks
        ? await jwtVerify(token, this.#jwks, {
            ...claims,
            ...required,
            algorithms: ["RS256", "ES256"],
          })
        : await jwtVerify(token, this.#secret as Uint8Array, {
            ...claims,
            ...required,
            algorithms: ["HS256"],
          });
      return userFrom(payload);
    } catch (error) {
      if (error instanceof SignInError) throw error;
      const code = (error as { code?: string }).code;
      throw new SignInError(
        code === "ERR_JWT_EXPIRED"
          ? "the token has expired: sign in again"
          : code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"
            ? "the token's signature is not valid"
            : code === "ERR_JWT_CLAIM_VALIDATION_FAILED"
              ? claimProblem(error as { claim?: string; reason?: string })
              : `the token is not valid (${code ?? "unreadable"})`,
      );
    }
  }

  /** Mints a token for the development sign-in. */
  async mint(user: SignedInUser, expiresIn = "8h"): Promise<string> {
    if (!this.#secret)
      throw new RangeError(
        "tokens can be minted only with a shared secret or the development sign-in",
      );
    return new SignJWT({ name: user.name, role: user.role, plans: user.plans })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(user.id)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.#secret);
  }
}
