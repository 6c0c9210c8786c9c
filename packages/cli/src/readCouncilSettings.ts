import { readFile } from "node:fs/promises";
import type { CouncilSettings, CouncilSettingsError } from "@ehcp/export";
import { EXIT, type Io } from "./Io.js";

/** The council's settings from a JSON file, or what is wrong with it, naming the field. */
export async function readCouncilSettings(
  file: string,
  io: Io,
  consequence = "nothing was written",
): Promise<CouncilSettings | number> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    io.err(
      `ehcp: cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
    );
    return EXIT.usage;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    io.err(`ehcp: ${file}: not JSON: ${(error as Error).message}; ${consequence}`);
    return EXIT.usage;
  }
  // Only the settings' reader is loaded, not the exporters.
  const { parseCouncilSettings } = await import("@ehcp/export/council-settings");
  try {
    return parseCouncilSettings(json);
  } catch (error) {
    if ((error as Error | undefined)?.name !== "CouncilSettingsError") throw error;
    io.err(`ehcp: ${file}: the council's settings are wrong; ${consequence}:`);
    for (const issue of (error as CouncilSettingsError).issues)
      io.err(`  ${issue.path}: ${issue.message}`);
    return EXIT.usage;
  }
}
