// What the oversight pages show of a case: its state's label and colour, the stage it has reached, and whether the
// result may be shown (to the applicant, only once notified).
import type { CaseState, ToleranceCase } from '../api/oversight'

export const CASE_TAG: Record<CaseState, 'info' | 'warning' | 'primary' | 'success' | 'danger'> = {
  submitted: 'warning',
  investigating: 'primary',
  declined: 'info',
  decided: 'primary',
  notified: 'success',
  closed: 'info',
}

/** The steps of the workflow in order, for a progress bar; a declined case stops after the review. */
export const CASE_STEPS: readonly CaseState[] = ['submitted', 'investigating', 'decided', 'notified', 'closed']

export function stepIndex(state: CaseState): number {
  if (state === 'declined') return 1
  return CASE_STEPS.indexOf(state)
}

/** The result is known to the applicant once notified. */
export function resultShown(c: Pick<ToleranceCase, 'state' | 'outcome'>): boolean {
  return (c.state === 'notified' || c.state === 'closed') && c.outcome !== null
}

/** Open correction items past their deadline. */
export function overdueCorrections(c: Pick<ToleranceCase, 'corrections'>): number {
  return c.corrections.filter((k) => k.overdue).length
}

/** What the publisher must still remove before the server accepts the text (a hint; the server decides). */
export function identifyingHints(text: string, names: string[]): string[] {
  const found = names.filter((n) => n.length >= 2 && text.includes(n))
  for (const m of text.matchAll(/\d{17}[\dXx]|(?<!\d)1\d{10}(?!\d)/g)) found.push(m[0])
  return found
}
