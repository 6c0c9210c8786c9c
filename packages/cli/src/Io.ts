/** Where a command writes, so tests can read what a user would see. */
export interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Exit codes: 0 all well, 1 the input has problems, 2 the command was used wrongly or failed. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
