import { createServer } from "node:http";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_SECRET, tokenFor } from "../test/tokens.js";
import { CLOCK_SKEW_SECONDS, SignIn, SignInError } from "./signIn.js";

const reasonOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SignInError);
    return (error as SignInError).reason;
  }
  throw new Error("expected the sign-in to be refused");
};

describe("SignIn with a shared secret", () => {
  const signIn = new SignIn({ jwtSecret: TEST_SECRET });

  it("accepts a valid token for a plan it opens", async () => {
    expect(await signIn.verify(await tokenFor("health", ["plan-1"]), "plan-1")).toEqual({
      id: "user-health",
      name: "A health",
      role: "health",
      plans: ["plan-1"],
      expiresAt: expect.any(Number),
    });
  });

  it("refuses a token that never expires, or says it was issued or starts far in the future", async () => {
    const key = new TextEncoder().encode(TEST_SECRET);
    const claims = { name: "U", role: "caseworker", plans: "*" };
    const forever = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("u")
      .setIssuedAt()
      .sign(key);
    expect(await reasonOf(signIn.verify(forever, "plan-1"))).toBe("the token has no expiry (exp)");
    const tenYears = Math.floor(Date.now() / 1000) + 10 * 365 * 24 * 3600;
    const fromTheFuture = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("u")
      .setIssuedAt(tenYears)
      .setExpirationTime(tenYears + 3600)
      .sign(key);
    expect(await reasonOf(signIn.verify(fromTheFuture, "plan-1"))).toBe(
      "the token says it was issued in the future (iat)",
    );
    const notYet = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("u")
      .setNotBefore(tenYears)
      .setExpirationTime(tenYears + 3600)
      .sign(key);
    expect(await reasonOf(signIn.verify(notYet, "plan-1"))).toBe(
      "the token is not valid yet (nbf)",
    );
  });

  it(`allows a sign-in's clock to run up to ${CLOCK_SKEW_SECONDS} s ahead of the server's for iat and nbf, never for exp`, async () => {
    const key = new TextEncoder().encode(TEST_SECRET);
    const claims = { name: "U", role: "caseworker", plans: "*" };
    const now = Math.floor(Date.now() / 1000);
    const token = (set: (jwt: SignJWT) => SignJWT) =>
      set(new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setSubject("u")).sign(key);
    // Inside the allowance, by a margin that a slow test cannot use up.
    const justInside = now + CLOCK_SKEW_SECONDS - 10;
    const justOutside = now + CLOCK_SKEW_SECONDS + 10;
    const issued = await token((t) => t.setIssuedAt(justInside).setExpirationTime("1h"));
    expect((await signIn.verify(issued, "plan-1")).id).toBe("u");
    const starting = await token((t) => t.setNotBefore(justInside).setExpirationTime("1h"));
    expect((await signIn.verify(starting, "plan-1")).id).toBe("u");
    const issuedLater = await token((t) => t.setIssuedAt(justOutside).setExpirationTime("1h"));
    expect(await reasonOf(signIn.verify(issuedLater, "plan-1"))).toBe(
      "the token says it was issued in the future (iat)",
    );
    const startingLater = await token((t) => t.setNotBefore(justOutside).setExpirationTime("1h"));
    expect(await reasonOf(signIn.verify(startingLater, "plan-1"))).toBe(
      "the token is not valid yet (nbf)",
    );
    // A token that ended a few seconds ago has ended, whatever the allowance.
    const ended = await token((t) => t.setIssuedAt(now - 600).setExpirationTime(now - 5));
    expect(await reasonOf(signIn.verify(ended, "plan-1"))).toBe(
      "the token has expired: sign in again",
    );
  });

  it("refuses a token with no name, a name that reads other than it is stored, or a lifetime past 24 hours", async () => {
    const key = new TextEncoder().encode(TEST_SECRET);
    const token = (claims: Record<string, unknown>, exp: number | string = "1h") =>
      new SignJWT({ role: "parent", plans: "*", ...claims })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject("u")
        .setExpirationTime(exp)
        .sign(key);
    expect(await reasonOf(signIn.verify(await token({}), "plan-1"))).toBe(
      "the token names no person (name)",
    );
    expect(await reasonOf(signIn.verify(await token({ name: "  " }), "plan-1"))).toBe(
      "the token names no person (name)",
    );
    expect(await reasonOf(signIn.verify(await token({ name: "Ann\u202eeilrah" }), "plan-1"))).toBe(
      "the token's name: the character U+202E is not allowed",
    );
    const forever = await reasonOf(signIn.verify(await token({ name: "U" }, 1e300), "plan-1"));
    expect(forever).toMatch(/^the token lasts more than 24 hours \(exp\)/);
    expect(await reasonOf(signIn.verify(await token({ name: "U" }, "30d"), "plan-1"))).toMatch(
      /^the token lasts more than 24 hours/,
    );
    expect((await signIn.verify(await token({ name: "U" }, "23h"), "plan-1")).name).toBe("U");
  });

  it("refuses missing, expired, forged and wrongly scoped tokens, saying why", async () => {
    expect(await reasonOf(signIn.verify("", "plan-1"))).toBe("no token: sign in first");
    const expired = await new SignIn({ jwtSecret: TEST_SECRET }).mint(
      { id: "u", name: "U", role: "school", plans: "*" },
      "-1s",
    );
    expect(await reasonOf(signIn.verify(expired, "plan-1"))).toBe(
      "the token has expired: sign in again",
    );
    const forged = await new SignIn({
      jwtSecret: "another-secret-of-at-least-32-characters!",
    }).mint({ id: "u", name: "U", role: "caseworker", plans: "*" });
    expect(await reasonOf(signIn.verify(forged, "plan-1"))).toBe(
      "the token's signature is not valid",
    );
    expect(await reasonOf(signIn.verify(await tokenFor("parent", ["plan-2"]), "plan-1"))).toBe(
      "this token does not open the plan plan-1",
    );
    const noRole = await new SignJWT({ plans: "*" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("u")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(TEST_SECRET));
    expect(await reasonOf(signIn.verify(noRole, "plan-1"))).toMatch(
      /^the token's role is not one of caseworker/,
    );
    const none = await new SignJWT({ role: "caseworker", plans: "*" })
      .setProtectedHeader({ alg: "none" as "HS256" })
      .setSubject("u")
      .sign(new TextEncoder().encode(TEST_SECRET))
      .catch(() => "x.y.z");
    expect(
      await reasonOf(
        signIn.verify(
          none.replace(/^[^.]+/, Buffer.from('{"alg":"none"}').toString("base64url")),
          "plan-1",
        ),
      ),
    ).toMatch(/^the token is not valid|signature/);
  });

  it("picks, from a list of plans, those a token opens, and refuses a token not valid", async () => {
    const plans = ["plan-1", "plan-2", "plan-3"];
    expect(
      await signIn.plansOpenedBy(await tokenFor("parent", ["plan-3", "plan-1"]), plans),
    ).toEqual(["plan-1", "plan-3"]);
    expect(await signIn.plansOpenedBy(await tokenFor("caseworker"), plans)).toEqual(plans);
    const forged = new SignIn({ jwtSecret: "another-secret-that-is-at-least-32-chars" });
    await expect(forged.plansOpenedBy(await tokenFor("caseworker"), plans)).rejects.toThrow(
      "the token's signature is not valid",
    );
    await expect(signIn.plansOpenedBy("", plans)).rejects.toThrow("no token: sign in first");
  });

  it("will not start with a short secret or with no way to sign in", () => {
    expect(() => new SignIn({ jwtSecret: "short" })).toThrow(/at least 32 characters/);
    expect(() => new SignIn({})).toThrow(/sign-in needs/);
  });
});

describe("SignIn with a JWKS (ES256)", () => {
  let url = "";
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
  const server = createServer();
  beforeAll(async () => {
    const keys = await generateKeyPair("ES256");
    privateKey = keys.privateKey;
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "ES256", use: "sig" };
    server.on("request", (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const address = server.address() as { port: number };
    url = `http://127.0.0.1:${address.port}/jwks.json`;
  });
  afterAll(() => server.close());

  it("accepts a token signed by the council's key, with issuer and audience checked", async () => {
    const signIn = new SignIn({
      jwksUrl: url,
      issuer: "https://council.example",
      audience: "ehcp",
    });
    const token = await new SignJWT({
      name: "Dr Reilly",
      role: "educational-psychologist",
      plans: ["plan-1"],
    })
      .setProtectedHeader({ alg: "ES256", kid: "k1" })
      .setSubject("ep-1")
      .setIssuer("https://council.example")
      .setAudience("ehcp")
      .setExpirationTime("5m")
      .sign(privateKey);
    expect((await signIn.verify(token, "plan-1")).role).toBe("educational-psychologist");
    const wrongAudience = await new SignJWT({ role: "viewer", plans: "*" })
      .setProtectedHeader({ alg: "ES256", kid: "k1" })
      .setSubject("v")
      .setIssuer("https://council.example")
      .setAudience("other")
      .setExpirationTime("5m")
      .sign(privateKey);
    expect(await reasonOf(signIn.verify(wrongAudience, "plan-1"))).toMatch(
      /^the token is not valid/,
    );
  });
});

describe("SignIn through a council's authorize hook", () => {
  it("trusts what the hook returns and passes on its refusal", async () => {
    const signIn = new SignIn({
      authorize: ({ token, planId }) => {
        if (token !== "council-session-1") throw new Error("session unknown to the council");
        return { id: "cw-1", name: "Priya Desai", role: "caseworker", plans: [planId] };
      },
    });
    expect((await signIn.verify("council-session-1", "plan-9")).name).toBe("Priya Desai");
    expect(await reasonOf(signIn.verify("stolen", "plan-9"))).toBe(
      "session unknown to the council",
    );
    const asked: string[] = [];
    const perPlan = new SignIn({
      authorize: ({ planId }) => {
        asked.push(planId);
        if (planId === "plan-secret") throw new Error("not this one");
        return { id: "cw-1", name: "Priya Desai", role: "caseworker", plans: [planId] };
      },
    });
    expect(await perPlan.plansOpenedBy("council-session-1", ["plan-1", "plan-secret"])).toEqual([
      "plan-1",
    ]);
    // Only the council's system knows each plan: it is asked about every one.
    expect(asked).toEqual(["plan-1", "plan-secret"]);
  });
});
