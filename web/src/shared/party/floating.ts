// Floating members as the pages show them: the form's checks (the server checks them again) and its body, how long a
// member has been away, and the words for reasons and statuses.
import '../i18n/dues'
import { t } from '../i18n'
import type { FloatingEndReason, FloatingInput, FloatingReason, FloatingRecord, FloatingStatus } from '../api/floating'

export interface FloatingForm {
  person_id: number | null
  destination: string
  reason: FloatingReason
  started_on: string
  expected_return_on: string
  certificate_no: string
  contact_name: string
  note: string
}

export type FloatingField = 'person_id' | 'destination' | 'reason' | 'started_on' | 'expected_return_on'

/** An expected return at most five years after the departure (the server's limit). */
export const MAX_YEARS_AWAY = 5

const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`

/** The first problem of the form, with its field; null when it can be sent. `today` is Beijing's date. */
export function floatingProblem(form: FloatingForm, today: string): { field: FloatingField; message: string } | null {
  if (!form.person_id) return { field: 'person_id', message: t('floating.form.personRequired') }
  if (!form.destination.trim()) return { field: 'destination', message: t('floating.form.destinationRequired') }
  if (!form.started_on) return { field: 'started_on', message: t('floating.form.startedRequired') }
  if (form.started_on > today) return { field: 'started_on', message: t('floating.form.startedFuture') }
  const expected = form.expected_return_on
  if (expected && expected <= form.started_on) return { field: 'expected_return_on', message: t('floating.form.expectedBefore') }
  if (expected && expected > addYears(form.started_on, MAX_YEARS_AWAY)) return { field: 'expected_return_on', message: t('floating.form.expectedFar') }
  return null
}

/** The body of POST /party/floating: trimmed, empty optional fields left out. */
export function floatingBody(form: FloatingForm): FloatingInput {
  const body: FloatingInput = { person_id: form.person_id ?? 0, destination: form.destination.trim(), reason: form.reason, started_on: form.started_on }
  if (form.expected_return_on) body.expected_return_on = form.expected_return_on
  for (const key of ['certificate_no', 'contact_name', 'note'] as const) if (form[key].trim()) body[key] = form[key].trim()
  return body
}

/** Whole days from one YYYY-MM-DD to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** How long the member is (or was) away, in words: "3 个月" from 60 days on, "12 天" before. */
export function awayFor(r: Pick<FloatingRecord, 'started_on' | 'ended_on' | 'status'>, today: string): string {
  const end = r.status === 'active' ? today : (r.ended_on ?? today)
  const days = Math.max(0, daysBetween(r.started_on, end))
  return days >= 60 ? t('floating.months', { n: Math.floor(days / 30) }) : t('floating.days', { n: days })
}

/** The earliest return date the form offers: the departure, never in the future. */
export function returnDateAllowed(date: string, startedOn: string, today: string): boolean {
  return date >= startedOn && date <= today
}

export const reasonLabel = (r: FloatingReason | string): string => t(`floating.reason.${r}`)
export const floatingStatusLabel = (s: FloatingStatus | string): string => t(`floating.status.${s}`)
export const endReasonLabel = (r: FloatingEndReason | string): string => t(`floating.endReason.${r}`)
export const FLOATING_TAG: Record<FloatingStatus, 'warning' | 'success' | 'info'> = { active: 'warning', returned: 'success', ended: 'info' }
