// The "记录下一步" form: which fields a step asks for, the draft the page edits, the checks made before sending (the
// server makes them all again), the body of POST /party/cases/{id}/steps, and where a refusal is shown.
import { t } from '../i18n'
import type { ApiError } from '../api/error'
import type { Outcome, StepInput } from '../api/party'
import { stepTitle } from './steps'

export interface StepNeeds {
  /** Steps 2 and 16: who held the talk (a name; the higher committee's talker need not be on the roster). */
  talker: boolean
  /** Step 5: one or two full members. */
  contacts: { min: number; max: number } | null
  /** Step 9: two different full members. */
  sponsors: number | null
  /** Step 3: how the activist was put forward; step 23: the decision. */
  outcomes: readonly Outcome[] | null
  /** Steps 15 and 23: the branch general meeting's vote. */
  vote: boolean
  /** Step 11: at least 3 days or 24 class hours. */
  training: boolean
  /** Step 13: the publicity (公示) of at least 5 working days, before the pre-review. */
  publicity: boolean
}

export const ACTIVIST_OUTCOMES: readonly Outcome[] = ['recommendation', 'youth_league']
export const CONVERSION_OUTCOMES: readonly Outcome[] = ['convert', 'extend', 'disqualify']

export function stepNeeds(stepNo: number): StepNeeds {
  return {
    talker: stepNo === 2 || stepNo === 16,
    contacts: stepNo === 5 ? { min: 1, max: 2 } : null,
    sponsors: stepNo === 9 ? 2 : null,
    outcomes: stepNo === 3 ? ACTIVIST_OUTCOMES : stepNo === 23 ? CONVERSION_OUTCOMES : null,
    vote: stepNo === 15 || stepNo === 23,
    training: stepNo === 11,
    publicity: stepNo === 13,
  }
}

export interface VoteDraft {
  eligible: number | null
  present: number | null
  yes: number | null
  no: number | null
  abstain: number | null
}

export interface StepDraft {
  date: string
  talker: string
  /** Person ids of full members. */
  contacts: number[]
  sponsors: number[]
  outcome: Outcome | ''
  vote: VoteDraft
  extension_months: number | null
  training_days: number | null
  training_hours: number | null
  publicity_from: string
  publicity_to: string
  note: string
  /** Uploaded file ids. */
  documents: number[]
}

/** The form's fields, as the page marks them with errors. */
export type StepField =
  | 'date'
  | 'talker'
  | 'contacts'
  | 'sponsors'
  | 'outcome'
  | 'extension_months'
  | 'training'
  | 'publicity_from'
  | 'publicity_to'
  | 'vote.eligible'
  | 'vote.present'
  | 'vote.yes'
  | 'note'
  | 'documents'

export type StepErrors = Partial<Record<StepField, string>>

export function blankDraft(date = ''): StepDraft {
  return {
    date,
    talker: '',
    contacts: [],
    sponsors: [],
    outcome: '',
    vote: { eligible: null, present: null, yes: null, no: null, abstain: null },
    extension_months: null,
    training_days: null,
    training_hours: null,
    publicity_from: '',
    publicity_to: '',
    note: '',
    documents: [],
  }
}

/** Monday to Friday from `from` to `to`, both included (what the server counts; public holidays are not known). */
export function workingDays(from: string, to: string): number {
  const start = Date.parse(`${from}T00:00:00Z`)
  const end = Date.parse(`${to}T00:00:00Z`)
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return 0
  let n = 0
  for (let d = start; d <= end; d += 86_400_000) {
    const day = new Date(d).getUTCDay()
    if (day !== 0 && day !== 6) n++
  }
  return n
}

const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0)

/** The checks a person would want before sending: what is missing or cannot pass. The server checks everything. */
export function checkDraft(stepNo: number, d: StepDraft, today: string): StepErrors {
  const needs = stepNeeds(stepNo)
  const e: StepErrors = {}
  if (!d.date) e.date = t('party.form.errors.dateRequired')
  else if (d.date > today) e.date = t('party.form.errors.dateFuture')
  if (needs.talker && !d.talker.trim()) e.talker = t('party.form.errors.talkerRequired')
  if (needs.contacts && (d.contacts.length < needs.contacts.min || d.contacts.length > needs.contacts.max))
    e.contacts = t('party.form.errors.contacts')
  if (needs.sponsors && (d.sponsors.length !== needs.sponsors || new Set(d.sponsors).size !== needs.sponsors))
    e.sponsors = t('party.form.errors.sponsors')
  if (needs.outcomes && !needs.outcomes.includes(d.outcome as Outcome)) e.outcome = t('party.form.errors.outcomeRequired')
  if (stepNo === 23 && d.outcome === 'extend' && !(num(d.extension_months) >= 6 && num(d.extension_months) <= 12))
    e.extension_months = t('party.form.errors.extension')
  if (needs.training && num(d.training_days) < 3 && num(d.training_hours) < 24) e.training = t('party.form.errors.training')
  if (needs.publicity) {
    if (!d.publicity_from) e.publicity_from = t('party.form.errors.publicityRequired')
    if (!d.publicity_to) e.publicity_to = t('party.form.errors.publicityRequired')
    else if (d.publicity_from && d.publicity_to < d.publicity_from) e.publicity_to = t('party.form.errors.publicityOrder')
    else if (d.publicity_from && workingDays(d.publicity_from, d.publicity_to) < 5) e.publicity_to = t('party.form.errors.publicityShort')
    else if (d.date && d.date < d.publicity_to) e.date = t('party.form.errors.afterPublicity', { date: d.publicity_to })
  }
  if (needs.vote) {
    const v = d.vote
    const [eligible, present, yes] = [num(v.eligible), num(v.present), num(v.yes)]
    if (eligible < 1) e['vote.eligible'] = t('party.form.errors.eligible')
    else if (present > eligible) e['vote.present'] = t('party.form.errors.presentOver')
    else if (present * 2 <= eligible) e['vote.present'] = t('party.form.errors.quorum')
    else if (yes + num(v.no) + num(v.abstain) > present) e['vote.yes'] = t('party.form.errors.votesOver')
    else if (yes * 2 <= eligible) e['vote.yes'] = t('party.form.errors.majority')
  }
  return e
}

/** The body for the step: the fields it takes and nothing else; empty optional fields left out. */
export function stepBody(stepNo: number, d: StepDraft): StepInput {
  const needs = stepNeeds(stepNo)
  const body: StepInput = { step_no: stepNo, date: d.date }
  if (needs.talker) body.people = [{ role: 'talker', name: d.talker.trim() }]
  if (needs.contacts) body.people = d.contacts.map((id) => ({ role: 'contact' as const, person_id: id }))
  if (needs.sponsors) body.people = d.sponsors.map((id) => ({ role: 'sponsor' as const, person_id: id }))
  if (needs.outcomes && d.outcome) body.outcome = d.outcome
  if (stepNo === 23 && d.outcome === 'extend' && d.extension_months) body.extension_months = d.extension_months
  if (needs.training) {
    if (num(d.training_days) > 0) body.training_days = num(d.training_days)
    if (num(d.training_hours) > 0) body.training_hours = num(d.training_hours)
  }
  if (needs.publicity) {
    body.publicity_from = d.publicity_from
    body.publicity_to = d.publicity_to
  }
  if (needs.vote) {
    const v = d.vote
    body.vote = { eligible: num(v.eligible), present: num(v.present), yes: num(v.yes), no: num(v.no), abstain: num(v.abstain) }
  }
  const note = d.note.trim()
  if (note) body.note = note
  if (d.documents.length) body.documents = [...d.documents]
  return body
}

/** The form field a server `field` is about (people[1].person_id on step 9 → sponsors); null: about the whole form. */
export function formField(stepNo: number, serverField: string | undefined): StepField | null {
  if (!serverField) return null
  const root = serverField.replace(/\[\d+\].*$/, '')
  if (root === 'people') {
    const needs = stepNeeds(stepNo)
    if (needs.talker) return 'talker'
    if (needs.contacts) return 'contacts'
    if (needs.sponsors) return 'sponsors'
    return null
  }
  if (serverField === 'training_days' || serverField === 'training_hours') return 'training'
  if (serverField === 'vote' || serverField === 'vote.eligible') return 'vote.eligible'
  if (serverField === 'vote.present') return 'vote.present'
  if (serverField.startsWith('vote.')) return 'vote.yes'
  const direct: readonly string[] = ['date', 'outcome', 'extension_months', 'publicity_from', 'publicity_to', 'note', 'documents']
  return direct.includes(serverField) ? (serverField as StepField) : null
}

/** The first date a refused "too early" step may take (the server's `earliest`), if it said so. */
export function earliestOf(error: ApiError): string | null {
  const value = error.details.earliest
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null
}

/**
 * Where a refusal of the step goes: under a field (validation with a field we show), or above the form. A step
 * recorded meanwhile by someone else (step_out_of_order) or a case that closed asks the page to reload the file.
 */
export function placeError(stepNo: number, error: ApiError): { field: StepField | null; message: string; reload: boolean; earliest: string | null } {
  const reload = error.code === 'step_out_of_order' || error.code === 'case_closed'
  let message = error.message
  if (error.code === 'step_out_of_order') {
    const expected = Number(error.details.expected_step)
    if (expected > 0) message = t('party.form.errors.outOfOrder', { step: stepTitle(expected) })
  }
  return { field: reload ? null : formField(stepNo, error.field), message, reload, earliest: earliestOf(error) }
}
