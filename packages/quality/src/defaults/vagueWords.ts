const HOW_OFTEN = "say how often and for how long, e.g. 3 × 20 minutes a week";
const COMMIT = "say what will be provided; provision in a plan is a duty, not a possibility";

/**
 * Words and phrases that leave room for doubt in outcomes and provision, with what to write
 * instead. `#` stands for any count. "The child" is put in the child's name where the message is
 * made (text/forTheChild.ts). Sources: L v Clarke [1998]; Worcestershire v SE [2020] UKUT
 * 217; IPSEA's guidance on specific provision.
 */
export const DEFAULT_VAGUE_WORDS: Readonly<Record<string, string>> = {
  "access to":
    "say what the child will get, how often and for how long, not that the child may have access",
  "opportunities to": COMMIT,
  "opportunities for": COMMIT,
  "opportunity to": COMMIT,
  "opportunity for": COMMIT,
  regular: HOW_OFTEN,
  regularly: HOW_OFTEN,
  "as required": `${HOW_OFTEN}; provision cannot wait on someone deciding later`,
  "as appropriate": "say what is appropriate: what, who, how often and for how long",
  "where appropriate": "say when it applies and what is provided then",
  "as needed": HOW_OFTEN,
  "when needed": "say when it is needed and what is provided then",
  "if needed": "say when it is needed and what is provided then",
  "as and when": HOW_OFTEN,
  "where possible": COMMIT,
  "if possible": COMMIT,
  "as necessary": HOW_OFTEN,
  "support as necessary": "say what the support is, who gives it, how often and for how long",
  "up to #": "give the amount the child will get, not a ceiling",
  "or equivalent": "name the provision or the qualification itself",
  "would benefit from": COMMIT,
  "may benefit": COMMIT,
  "might benefit": COMMIT,
  "could benefit": COMMIT,
  "should have": "write 'will have': the plan's provision must be made",
  "should receive": "write 'will receive': the plan's provision must be made",
  "such as": "name exactly what will be used, not examples",
  "e.g.": "name exactly what will be used, not examples",
  "etc.": "list everything that will be provided",
  "key adult":
    "name the role and the training this provision needs, e.g. 'teaching assistant trained in the programme by the speech and language therapist'",
};
