import type { RuleCheck } from "../Rule.js";

export const copiedText: RuleCheck = ({ plan, config }) =>
  config.copyIndex
    ? config.copyIndex.find(plan).map(({ rule: _r, severity: _s, source: _o, ...rest }) => rest)
    : [];
