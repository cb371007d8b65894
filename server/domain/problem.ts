/**
 * What every rule function answers when a rule is broken: the rule (`R9c`), a message for people,
 * and the field to correct when there is one. The HTTP layer turns it into a 422 (`problemError`).
 */
export interface Problem {
  rule: string;
  message: string;
  field?: string;
}
