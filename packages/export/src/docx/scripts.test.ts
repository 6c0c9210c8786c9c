import { describe, expect, it } from "vitest";
import { readDocx } from "../../test/docxParts.js";
import { SCRIPT_SAMPLES, scriptsPlan } from "../../test/scriptsPlan.js";
import { exportDocx } from "../index.js";

describe("exportDocx in every script a family writes in", () => {
  it("keeps every name, view and piece of advice, in the order written", async () => {
    const { text } = await readDocx(await exportDocx(scriptsPlan()));
    const flat = text.replace(/\s+/g, " ");
    for (const [script, sample] of Object.entries(SCRIPT_SAMPLES))
      expect(flat, script).toContain(sample);
    const order = ["welsh", "emoji", "symbols", "urdu", "arabic", "mixed", "ukrainian", "greek"];
    const at = order.map((k) => flat.indexOf(SCRIPT_SAMPLES[k as keyof typeof SCRIPT_SAMPLES]));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });
});
