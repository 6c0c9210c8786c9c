import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize.js";
import { unspecifiedHelp } from "./unspecifiedHelp.js";

const found = (text: string) =>
  unspecifiedHelp(text, tokenize(text), "mia").map((s) => text.slice(s.start, s.end));

describe("help by an unnamed adult, with what is done not said", () => {
  it.each([
    ["Staff will help her with this.", "Staff will help"],
    ["An adult will support Mia in lessons.", "An adult will support"],
    [
      "Adults in the room will give her the help she needs.",
      "Adults in the room will give her the help",
    ],
    ["Mia will be supported by staff at lunchtime.", "be supported by staff"],
    ["She will be helped in class.", "be helped"],
    ["Help from a member of staff with dressing.", "Help from a member of staff"],
    ["Someone will help her get ready for PE.", "Someone will help"],
    ["Staff will work with her on her difficulties.", "Staff will work with"],
  ])("finds it in %j", (text, words) => {
    expect(found(text)).toEqual([words]);
  });

  it.each([
    // A role is who delivers it; the deliverer rules judge it.
    "Her TA will help her in maths lessons.",
    "Mia will be supported by the speech and language therapist.",
    // What the help is, said.
    "Staff will help Mia change for PE by laying out her clothes in order.",
    "An adult will support her writing using a sentence starter and a word bank.",
    "Help to organise her bag: her TA will check it against her picture list each morning.",
    "Help with toileting from two trained members of staff, who will use the hoist.",
    "Staff will help her put on her splints before PE.",
    "Adults will support her with Zones of Regulation at each change of lesson.",
  ])("passes %j", (text) => {
    expect(found(text)).toEqual([]);
  });
});
