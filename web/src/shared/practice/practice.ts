// Practice as both shells show it: the names of types, states and grades in the user's language, the steps an
// assignment can take next, what its length earns (the server's rule, for the hint in the form), and the plan
// figures of the report.
import { t } from '../i18n'
import '../i18n/practice'
import type { AssignmentState, AssignmentStep, PlanRow } from '../api/practice'

export const assignmentTypeLabel = (type: string): string => t(`practice.assignment_type.${type}`)
export const urgentKindLabel = (kind: string): string => t(`practice.urgent_kind.${kind}`)
export const stateLabel = (state: string): string => t(`practice.state.${state}`)
export const gradeLabel = (grade: string | null | undefined): string => (grade ? t(`practice.grade.${grade}`) : '—')
export const kindLabel = (kind: string): string => t(`practice.kind.${kind}`)
export const resultLabel = (result: string | null | undefined): string => (result ? t(`practice.result.${result}`) : '—')
export const completionLabel = (completion: string): string => t(`practice.completion.${completion}`)
export const levelLabel = (level: string): string => t(`practice.level.${level}`)

/** Element Plus and Vant share these tag types. */
export const STATE_TAG: Record<AssignmentState, 'primary' | 'success' | 'warning' | 'danger' | 'info'> = {
  planned: 'info',
  active: 'primary',
  mid_term: 'warning',
  completed: 'success',
  terminated: 'danger',
}

/** The steps an assignment in this state may take, the usual one first (the server's transition table). */
export function nextSteps(state: AssignmentState): AssignmentStep[] {
  switch (state) {
    case 'planned':
      return ['start', 'terminate']
    case 'active':
      return ['mid-term', 'complete', 'terminate']
    case 'mid_term':
      return ['complete', 'terminate']
    default:
      return []
  }
}

function parse(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return null
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCMonth() === Number(m[2]) - 1 ? d : null
}

/** The same day `months` later, clamped to the end of a shorter month (31 December + 2 = 28 February). */
function addMonths(d: Date, months: number): Date {
  const year = d.getUTCFullYear()
  const month = d.getUTCMonth() + months
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), last)))
}

/**
 * What a completed assignment's length earns, as the server decides it (first and last day both count): long for
 * more than two months, short from a week up to two months, none under a week.
 */
export function lengthClass(start: string, end: string): 'short' | 'long' | 'none' {
  const from = parse(start)
  const to = parse(end)
  if (!from || !to || to < from) return 'none'
  if (to >= addMonths(from, 2)) return 'long'
  const days = Math.round((to.getTime() - from.getTime()) / 86_400_000) + 1
  return days >= 7 ? 'short' : 'none'
}

/** Completed against planned, as a whole percentage (null without a plan; a plan of 0 counts as done). */
export function planRate(row: Pick<PlanRow, 'planned' | 'completed'>): number | null {
  if (row.planned === null) return null
  if (row.planned === 0) return 100
  return Math.min(100, Math.round((row.completed / row.planned) * 100))
}
