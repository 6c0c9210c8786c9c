import { parseArgs } from "node:util";
import { BUNDLE_PARTS, type BundlePartName } from "./bundlePartNames.js";
import { EXIT, type Io, processIo } from "./Io.js";

// Each command loads its own modules when run, so `ehcp validate` never loads the server.
const validateUsage = "ehcp validate <plan.json> [--json]";
const checkUsage =
  "ehcp check <plan.json> [--format text|json] [--config council.json] [--corpus <dir>]";
const exportUsage =
  "ehcp export <plan.json> --format docx|pdf|json [--layout sections|areas-of-need] [--out file]\n" +
  "             [--allow-findings] [--council-name NAME] [--logo crest.png --logo-alt TEXT]\n" +
  "             [--since earlier.json] [--quality-appendix] [--council-settings council-export.json]\n" +
  "             [--advice advice.json|folder]…\n" +
  "             [--include PART] [--omit PART]   (PART: provision-summary, need-table, signature, rights, advice, advice-use)";
const serveUsage =
  "ehcp serve [--port 1234] [--host 127.0.0.1] [--db ./data/ehcp.sqlite | --db postgres://…] [--redis redis://…]\n" +
  "             (--jwt-secret S | --jwks-url URL | --dev-sign-in) [--app DIR] [--seed DIR]\n" +
  "             [--council-settings council-export.json]";

/** Each command's usage line and what it does, for `ehcp help` and `ehcp <command> --help`. */
const COMMANDS = {
  validate: `  ${validateUsage}
      Check a Plan JSON file: its shape, repeated ids and broken links.
      Exits 0 when the plan is sound, 1 when it has problems.`,
  check: `  ${checkUsage}
      Check a plan's quality: findings grouped by section, or as JSON. Exits 1 when there is an
      error. --config reads a council's settings; --corpus a folder of other plans for copied text.`,
  export: `  ${exportUsage}
      Write the plan as a Word document, a tagged PDF or canonical Plan JSON. An invalid plan gets its
      errors and no file. --layout sections (A to K, the default) or areas-of-need (the national
      template's layout); --out the file to write (default: the plan's name with the format's
      ending). The PDF prints every script a family writes in; a character no font has is named,
      with its item, and nothing is written (exit 1). A plan that ehcp validate rejects (an id
      used twice, a link to a missing item) gets its problems and no file, unless --allow-findings
      asks for a draft copy anyway, which lists them on its title page. --council-name and --logo
      (a PNG or JPEG, with --logo-alt, the words that describe it) go on the title page; --since
      adds an appendix of what changed since an earlier version of the plan; --quality-appendix
      adds the checker's counts and the need, outcome and provision table. After the sections come
      the parts of the bundle: the officer's signature (a final plan only, by default), a summary of
      section F's provision with its hours a week (provision-summary), the need, outcome and
      provision table (need-table), and the family's rights and contacts (rights), which need
      --council-settings, a JSON file of the council's SEN team, SENDIASS and mediation service
      (see the export README). --advice, given once for each advice export (the JSON the server
      writes for submitted advice) or folder of them, appends each as an appendix after the plan
      (advice, in a draft and a final plan alike), then an appendix of how it was used (advice-use:
      each recommendation, and where it is in the plan, what it was merged into, why it was not
      included, or that nothing is decided yet); advice that does not validate, or was given for
      another plan, is named with its file and the place in it, and nothing is written.
      --include and --omit, given once for each part, change what is in.
      The PDF and DOCX options do nothing for JSON, which is the plan's own data.`,
  serve: `  ${serveUsage}
      Run the collaboration server. Sign-in is required: a shared JWT secret, a JWKS address, or the
      development sign-in. --app serves a built web app (the playground) from the same address;
      --seed stores the Plan JSON files of a folder whose ids are not stored yet;
      --council-settings puts the family's rights and the council's contacts in every exported
      PDF and DOCX (see ehcp export). Settings also
      come from EHCP_PORT, EHCP_HOST, EHCP_DB, EHCP_REDIS, EHCP_JWT_SECRET, EHCP_JWKS_URL,
      EHCP_DEV_SIGN_IN=1, EHCP_APP, EHCP_SEED and EHCP_COUNCIL_SETTINGS.`,
} as const;

const usage = `Usage:\n${Object.values(COMMANDS).join("\n")}`;

function port(value: string | undefined): number | null {
  if (value === undefined) return 1234;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 65535 ? n : null;
}

/** Runs the `ehcp` command line and returns its exit code. Never throws, never prints a stack. */
export async function main(
  argv: readonly string[],
  io: Io = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [command, ...rest] = argv;
  if (command && command in COMMANDS && (rest.includes("--help") || rest.includes("-h"))) {
    io.out(`Usage:\n${COMMANDS[command as keyof typeof COMMANDS]}`);
    return EXIT.ok;
  }
  try {
    switch (command) {
      case "validate": {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { json: { type: "boolean", default: false } },
          allowPositionals: true,
        });
        if (positionals.length !== 1) {
          io.err(`Usage: ${validateUsage}`);
          return EXIT.usage;
        }
        const { validate } = await import("./validate.js");
        return await validate({ file: positionals[0] as string, json: values.json }, io);
      }
      case "check": {
        const { values, positionals } = parseArgs({
          args: rest,
          options: {
            format: { type: "string", default: "text" },
            config: { type: "string" },
            corpus: { type: "string" },
          },
          allowPositionals: true,
        });
        if (positionals.length !== 1 || (values.format !== "text" && values.format !== "json")) {
          io.err(`Usage: ${checkUsage}`);
          return EXIT.usage;
        }
        const { check } = await import("./check.js");
        return await check(
          {
            file: positionals[0] as string,
            format: values.format,
            config: values.config,
            corpus: values.corpus,
          },
          io,
        );
      }
      case "export": {
        const { values, positionals } = parseArgs({
          args: rest,
          options: {
            format: { type: "string" },
            layout: { type: "string", default: "sections" },
            out: { type: "string" },
            "allow-findings": { type: "boolean", default: false },
            "council-name": { type: "string" },
            logo: { type: "string" },
            "logo-alt": { type: "string" },
            since: { type: "string" },
            "quality-appendix": { type: "boolean", default: false },
            "council-settings": { type: "string" },
            include: { type: "string", multiple: true, default: [] },
            omit: { type: "string", multiple: true, default: [] },
            advice: { type: "string", multiple: true, default: [] },
          },
          allowPositionals: true,
        });
        const { format, layout } = values;
        if (
          positionals.length !== 1 ||
          (format !== "docx" && format !== "pdf" && format !== "json") ||
          (layout !== "sections" && layout !== "areas-of-need")
        ) {
          io.err(`Usage: ${exportUsage}`);
          return EXIT.usage;
        }
        if (values.logo !== undefined && !values["logo-alt"]?.trim()) {
          io.err(
            "ehcp: --logo needs --logo-alt, the words that describe the logo to someone who cannot see it",
          );
          return EXIT.usage;
        }
        const parts = { include: values.include, omit: values.omit };
        const unknownPart = [...parts.include, ...parts.omit].find(
          (p) => !(BUNDLE_PARTS as readonly string[]).includes(p),
        );
        if (unknownPart !== undefined) {
          io.err(
            `ehcp: no part "${unknownPart}" to include or omit: the parts are ${BUNDLE_PARTS.join(", ")}`,
          );
          return EXIT.usage;
        }
        const both = parts.include.find((p) => parts.omit.includes(p));
        if (both !== undefined) {
          io.err(`ehcp: --include ${both} and --omit ${both} ask for opposite things`);
          return EXIT.usage;
        }
        const { exportCommand } = await import("./exportCommand.js");
        return await exportCommand(
          {
            file: positionals[0] as string,
            format,
            layout,
            out: values.out,
            allowFindings: values["allow-findings"],
            councilName: values["council-name"],
            ...(values.logo !== undefined
              ? { logo: { file: values.logo, altText: values["logo-alt"] ?? "" } }
              : {}),
            since: values.since,
            qualityAppendix: values["quality-appendix"],
            councilSettings: values["council-settings"],
            include: parts.include as BundlePartName[],
            omit: parts.omit as BundlePartName[],
            advice: values.advice,
          },
          io,
        );
      }
      case "serve": {
        const { values } = parseArgs({
          args: rest,
          options: {
            port: { type: "string" },
            host: { type: "string" },
            db: { type: "string" },
            redis: { type: "string" },
            "jwt-secret": { type: "string" },
            "jwks-url": { type: "string" },
            "dev-sign-in": { type: "boolean", default: false },
            app: { type: "string" },
            seed: { type: "string" },
            "council-settings": { type: "string" },
          },
        });
        const p = port(values.port ?? env.EHCP_PORT);
        if (p === null) {
          io.err("ehcp: --port must be a whole number from 0 to 65535");
          return EXIT.usage;
        }
        const { serve } = await import("./serve.js");
        return await serve(
          {
            port: p,
            // Only the default port gives way to a free one: a port the user chose is a promise.
            portFallback: values.port === undefined && env.EHCP_PORT === undefined,
            host: values.host ?? env.EHCP_HOST ?? "127.0.0.1",
            db: values.db ?? env.EHCP_DB ?? "./data/ehcp.sqlite",
            redis: values.redis ?? env.EHCP_REDIS,
            app: values.app ?? env.EHCP_APP,
            seed: values.seed ?? env.EHCP_SEED,
            councilSettings: values["council-settings"] ?? env.EHCP_COUNCIL_SETTINGS,
            signIn: {
              jwtSecret: values["jwt-secret"] ?? env.EHCP_JWT_SECRET,
              jwksUrl: values["jwks-url"] ?? env.EHCP_JWKS_URL,
              developmentSignIn:
                values["dev-sign-in"] ||
                env.EHCP_DEV_SIGN_IN === "1" ||
                env.EHCP_DEV_SIGN_IN === "true",
            },
          },
          io,
        );
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(usage);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        io.err(`ehcp: unknown command "${command}"\n${usage}`);
        return EXIT.usage;
    }
  } catch (error) {
    // Argument errors come from parseArgs; anything else is a fault, reported in one line.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      // parseArgs's message goes on to advise about "--" for positionals, which is not for here.
      const option = /'(-[^']*)'/.exec((error as Error).message)?.[1];
      const said =
        code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option
          ? `unknown option ${option}`
          : ((error as Error).message.split(/\. /)[0] ?? "").replace(/\.$/, "");
      const known = command !== undefined && command in COMMANDS;
      io.err(
        known
          ? `ehcp ${command}: ${said}\nUsage:\n${COMMANDS[command as keyof typeof COMMANDS]}`
          : `ehcp: ${said}\n${usage}`,
      );
      return EXIT.usage;
    }
    io.err(`ehcp: ${command} failed: ${(error as Error).message ?? String(error)}`);
    return EXIT.usage;
  }
}
