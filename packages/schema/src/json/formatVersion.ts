/** The value of `format` in every Plan JSON document. */
export const PLAN_FORMAT = "ehcp-plan";

/**
 * The newest Plan JSON format version this code reads and writes. Older major versions are
 * migrated on read. A minor version only adds what an older reader would not know (1.1: `lang`),
 * so a plan says the lowest version that describes it: one without `lang` is still version 1,
 * read and written as before, and a plan that gives a language is 1.1, which a toolkit that reads
 * only version 1 refuses rather than drop the languages. 1.2 adds where an item came from
 * (`source`, on needs, outcomes and provisions) and the caseworker's decisions on advice
 * (`sections.K.decisions`).
 */
export const PLAN_FORMAT_VERSION = 1.2;

/** Every format version this code reads, oldest first. */
export const PLAN_FORMAT_VERSIONS = [1, 1.1, 1.2] as const;

/** The first version with a language (`lang`) on views, paragraphs and spans. */
export const LANG_FORMAT_VERSION = 1.1;

/** The first version with items' sources and decisions on advice. */
export const SOURCE_FORMAT_VERSION = 1.2;
