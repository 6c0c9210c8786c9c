import { NEEDS_SECTION_KEYS, PROVISION_SECTION_KEYS, type SectionKey } from "@ehcp/schema";

/** Section keys by section node name: sectionF → F (kept with the schema). */
export { SECTION_KEY_OF } from "@ehcp/schema";

/** Item node types: the blocks that carry an id and a label. */
export const ITEM_TYPES = new Set(["view", "need", "outcome", "provision", "advice"]);

export const NEEDS_SECTIONS: readonly SectionKey[] = NEEDS_SECTION_KEYS;
export const PROVISION_SECTIONS: readonly SectionKey[] = PROVISION_SECTION_KEYS;
