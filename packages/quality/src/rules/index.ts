import type { RuleCheck } from "../Rule.js";
import type { RuleId } from "../ruleCatalogue.js";
import { missingAdvice, noAdvice } from "./advice.js";
import { blandDescription } from "./blandDescription.js";
import { copiedText } from "./copiedText.js";
import { danglingLink, duplicateId } from "./integrity.js";
import { jargon } from "./jargon.js";
import { longHistory } from "./longHistory.js";
import { noChildVoice } from "./noChildVoice.js";
import { outcomeFrameworkUnknown } from "./outcomeFrameworkUnknown.js";
import { outcomeIsProvision, outcomeNotMeasurable, outcomeNotTimeBound } from "./outcomeWording.js";
import { personalBudgetNotExplained } from "./personalBudgetNotExplained.js";
import { pfaOutcomesMissing } from "./pfaOutcomesMissing.js";
import { placementInDraft, placementMissingInFinal } from "./placement.js";
import {
  provisionHoursOnly,
  provisionMissingExpertise,
  provisionMissingWho,
  provisionNotQuantified,
  provisionRatioMissing,
} from "./provisionFields.js";
import { therapyInHealthSection } from "./therapyInHealthSection.js";
import {
  healthNeedWithoutProvision,
  needWithoutOutcome,
  needWithoutProvision,
  outcomeWithoutProvision,
  provisionWithoutOutcome,
  socialCareNeedWithoutProvision,
} from "./thread.js";
import { vagueWording } from "./vagueWording.js";
import { frequencyContradictsField } from "./frequencyContradictsField.js";
import { needIsDiagnosis } from "./needIsDiagnosis.js";
import { personalBudgetNoDetail } from "./personalBudgetNoDetail.js";
import { schoolNamedInDraft } from "./schoolNamedInDraft.js";
import { specialistAdviceMissing } from "./specialistAdviceMissing.js";
import { adviceRecommendationUndecided } from "./adviceRecommendationUndecided.js";
import { viewInThirdPerson } from "./viewInThirdPerson.js";
import { wrongPronouns } from "./wrongPronouns.js";
import { anotherChildsName } from "./anotherChildsName.js";
import { healthOrCareInF } from "./healthOrCareInF.js";
import { outcomeNotLinkedToAspiration } from "./outcomeNotLinkedToAspiration.js";
import { provisionSessionLengthMissing } from "./provisionSessionLengthMissing.js";
import { socialCareSectionConfused } from "./socialCareSectionConfused.js";
import { statutorySectionEmpty } from "./statutorySectionEmpty.js";

/** The check behind each rule id; a rule in the catalogue without a check fails to compile. */
export const RULE_CHECKS: { readonly [K in RuleId]: RuleCheck } = {
  "duplicate-id": duplicateId,
  "dangling-link": danglingLink,
  "placement-in-draft": placementInDraft,
  "placement-missing-in-final": placementMissingInFinal,
  "school-named-in-draft": schoolNamedInDraft,
  "need-without-provision": needWithoutProvision,
  "provision-not-quantified": provisionNotQuantified,
  "provision-hours-only": provisionHoursOnly,
  "provision-missing-who": provisionMissingWho,
  "pfa-outcomes-missing": pfaOutcomesMissing,
  "no-advice": noAdvice,
  "statutory-section-empty": statutorySectionEmpty,
  "need-without-outcome": needWithoutOutcome,
  "health-need-without-provision": healthNeedWithoutProvision,
  "social-care-need-without-provision": socialCareNeedWithoutProvision,
  "outcome-without-provision": outcomeWithoutProvision,
  "provision-without-outcome": provisionWithoutOutcome,
  "provision-missing-expertise": provisionMissingExpertise,
  "vague-wording": vagueWording,
  "therapy-in-health-section": therapyInHealthSection,
  "outcome-not-time-bound": outcomeNotTimeBound,
  "outcome-not-measurable": outcomeNotMeasurable,
  "outcome-is-provision": outcomeIsProvision,
  "no-child-voice": noChildVoice,
  "missing-advice": missingAdvice,
  "specialist-advice-missing": specialistAdviceMissing,
  "advice-recommendation-undecided": adviceRecommendationUndecided,
  "need-is-diagnosis": needIsDiagnosis,
  "view-in-third-person": viewInThirdPerson,
  "frequency-contradicts-field": frequencyContradictsField,
  "personal-budget-no-detail": personalBudgetNoDetail,
  "wrong-pronouns": wrongPronouns,
  "another-childs-name": anotherChildsName,
  "health-or-social-care-in-f": healthOrCareInF,
  "outcome-not-linked-to-aspiration": outcomeNotLinkedToAspiration,
  "provision-session-length-missing": provisionSessionLengthMissing,
  "social-care-section-confused": socialCareSectionConfused,
  "provision-ratio-missing": provisionRatioMissing,
  "outcome-framework-unknown": outcomeFrameworkUnknown,
  jargon,
  "bland-description": blandDescription,
  "personal-budget-not-explained": personalBudgetNotExplained,
  "copied-text": copiedText,
  "long-history": longHistory,
};

/**
 * The rules whose findings on an item (a field, a need, an outcome, a provision) depend only on
 * that item, the plan's details (`meta`), the date and the settings: each reads the item through
 * `fields` or the thread's entries and nothing else of the plan, so the checker can run it on one
 * item and remember what it found (`checkPlan.test.ts` compares that with a run on the whole plan).
 */
export const ITEM_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  "school-named-in-draft",
  "provision-not-quantified",
  "provision-hours-only",
  "provision-missing-who",
  "provision-missing-expertise",
  "vague-wording",
  "therapy-in-health-section",
  "outcome-not-time-bound",
  "outcome-not-measurable",
  "outcome-is-provision",
  "need-is-diagnosis",
  "frequency-contradicts-field",
  "wrong-pronouns",
  "health-or-social-care-in-f",
  "provision-session-length-missing",
  "social-care-section-confused",
  "provision-ratio-missing",
  "bland-description",
]);

/**
 * The rules that read the plan only through its thread's ids, links, places and need titles (see
 * `threadKey` in `checkPlan.ts`): their findings are remembered while those stay as they were.
 */
export const THREAD_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  "need-without-provision",
  "need-without-outcome",
  "health-need-without-provision",
  "social-care-need-without-provision",
  "outcome-without-provision",
  "provision-without-outcome",
]);
