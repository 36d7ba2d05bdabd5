// The words and rules of the life-cycle pages, shared by the console and the phone: every timeline line from its codes
// in the user's language, grouped by year; the appraisal form's checks and where a refusal belongs; the reward and
// punishment form's body and checks. The server decides; these only spare the user a round trip.
import { i18n, t } from '../i18n'
import '../i18n/lifeRecords'
import type { ApiError } from '../api/error'
import {
  GRADES,
  GRADES_WITH_NOTE,
  PUNISHMENT_FORMS,
  type Category,
  type Form,
  type Grade,
  type RewardPunishmentInput,
  type TimelineItem,
  type TimelineType,
} from '../api/lifeRecords'
import { partyStatusLabel } from '../people/labels'
import { outcomeLabel, stepTitle } from './steps'

function known(key: string, fallback: string): string {
  return i18n.global.te(key, 'zh-CN') ? t(key) : fallback
}

export const typeLabel = (type: string) => known(`lifeRecord.type.${type}`, type)
export const gradeLabel = (grade: string) => known(`lifeRecord.grade.${grade}`, grade)
export const formLabel = (form: string) => known(`lifeRecord.form.${form}`, form)
export const categoryLabel = (category: string) => known(`lifeRecord.category.${category}`, category)
export const meetingKindLabel = (kind: string) => known(`lifeRecord.meetingKind.${kind}`, kind)
export const attendanceLabel = (status: string) => known(`lifeRecord.attendance.${status}`, status)

export const categoryOf = (form: Form | string): Category => ((PUNISHMENT_FORMS as readonly string[]).includes(form) ? 'punishment' : 'reward')

/** 1234 → "12.34". */
export function yuan(cents: string | number | null | undefined): string {
  const n = Number(cents)
  return Number.isFinite(n) ? (n / 100).toFixed(2) : String(cents ?? '')
}

/** A value of a changed field in words: a party status, a roster status, a date, or "(空)". */
function fieldValue(field: string, value: string | null): string {
  if (!value) return t('lifeRecord.empty')
  if (field === 'party_status') return partyStatusLabel(value)
  if (field === 'status') return known(`lifeRecord.personStatus.${value}`, value)
  return value
}

/** How a line looks: its colour follows the kind of event; `tone` marks what stands out (a punishment, an absence). */
export type Tone = 'normal' | 'good' | 'bad' | 'muted'

export interface TimelineLine {
  key: string
  date: string
  type: TimelineType | string
  title: string
  /** What people wrote: a note, a reason, the receiving organisation, the method of payment. */
  detail: string
  /** A short word beside the title (attendance, a transfer's state), or ''. */
  tag: string
  tone: Tone
}

/** One timeline item in words. Unknown codes read as the server sent them. */
export function describe(item: TimelineItem): TimelineLine {
  const base = { key: `${item.type}:${item.ref_id}:${item.code}`, date: item.date, type: item.type }
  const text = item.text ?? ''
  const status = item.status ?? ''
  const note = (key: string) => (text ? t(`lifeRecord.detail.${key}`, { text }) : '')
  switch (item.type) {
    case 'development_step': {
      const no = Number(item.code)
      const title = Number.isInteger(no) && no > 0 ? stepTitle(no) : item.code
      const outcome = status ? outcomeLabel(status) : ''
      return { ...base, title, detail: note('note'), tag: outcome, tone: status === 'disqualify' ? 'bad' : 'normal' }
    }
    case 'report':
      return { ...base, title: known(`lifeRecord.report.${item.code}`, item.code), detail: '', tag: '', tone: 'normal' }
    case 'meeting': {
      const kind = meetingKindLabel(item.code)
      const title = text ? t('lifeRecord.line.meeting', { kind, topic: text }) : t('lifeRecord.line.meetingNoTopic', { kind })
      return { ...base, title, detail: '', tag: status ? attendanceLabel(status) : '', tone: status === 'absent' ? 'bad' : status === 'excused' ? 'muted' : 'normal' }
    }
    case 'appraisal': {
      const tone: Tone = item.code === 'excellent' ? 'good' : item.code === 'unqualified' ? 'bad' : item.code === 'not_rated' ? 'muted' : 'normal'
      return { ...base, title: t('lifeRecord.line.appraisal', { year: status, grade: gradeLabel(item.code) }), detail: note('note'), tag: '', tone }
    }
    case 'reward_punishment': {
      const category = status || categoryOf(item.code)
      const title = t('lifeRecord.line.reward', { category: categoryLabel(category), form: formLabel(item.code) })
      return { ...base, title, detail: note('reason'), tag: '', tone: category === 'punishment' ? 'bad' : 'good' }
    }
    case 'transfer': {
      const title = t('lifeRecord.line.transfer', { kind: known(`lifeRecord.transferKind.${item.code}`, item.code) })
      const tag = status ? known(`lifeRecord.transferStatus.${status}`, status) : ''
      return { ...base, title, detail: note('receiver'), tag, tone: status === 'pending' ? 'muted' : 'normal' }
    }
    case 'dues_payment': {
      const method = text ? known(`lifeRecord.duesMethod.${text}`, text) : ''
      const title = t('lifeRecord.line.dues', { month: item.code, amount: yuan(status) })
      return { ...base, title, detail: method ? t('lifeRecord.detail.method', { text: method }) : '', tag: '', tone: 'normal' }
    }
    case 'status_change': {
      const field = known(`lifeRecord.field.${item.code}`, item.code)
      const title = t('lifeRecord.line.change', { field, from: fieldValue(item.code, text), to: fieldValue(item.code, status) })
      return { ...base, title, detail: '', tag: '', tone: 'normal' }
    }
    case 'floating':
      return { ...base, title: t('lifeRecord.line.floating', { place: text }), detail: '', tag: known(`lifeRecord.floatingReason.${item.code}`, item.code), tone: 'normal' }
    case 'floating_end':
      return { ...base, title: known(`lifeRecord.floatingEnd.${item.code}`, item.code), detail: note('destination'), tag: '', tone: item.code === 'returned' ? 'good' : 'muted' }
    default:
      return { ...base, title: [item.code, status].filter(Boolean).join(' · '), detail: text, tag: '', tone: 'normal' }
  }
}

export interface TimelineYear {
  year: string
  lines: TimelineLine[]
}

/**
 * The items in words, grouped by year. The server sends them oldest first; `newestFirst` turns both the years and the
 * lines within them round (the phone shows the latest on top). `types` keeps only those kinds (all when absent).
 */
export function timelineYears(items: readonly TimelineItem[], options: { newestFirst?: boolean; types?: readonly string[] } = {}): TimelineYear[] {
  const kept = options.types ? items.filter((i) => options.types!.includes(i.type)) : items
  const years: TimelineYear[] = []
  for (const item of kept) {
    const year = item.date.slice(0, 4)
    let group = years[years.length - 1]
    if (!group || group.year !== year) {
      group = years.find((y) => y.year === year) ?? { year, lines: [] }
      if (!years.includes(group)) years.push(group)
    }
    group.lines.push(describe(item))
  }
  years.sort((a, b) => a.year.localeCompare(b.year))
  for (const y of years) y.lines.sort((a, b) => a.date.localeCompare(b.date))
  if (options.newestFirst) {
    years.reverse()
    for (const y of years) y.lines.reverse()
  }
  return years
}

/** How many items of each type (for the filter's counts). */
export function typeCounts(items: readonly TimelineItem[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const i of items) out[i.type] = (out[i.type] ?? 0) + 1
  return out
}

// ---- democratic appraisal

/** Every grade with how many members got it, in the grades' order. */
export function gradeCounts(grades: readonly { grade: string }[]): { grade: Grade; count: number }[] {
  return GRADES.map((grade) => ({ grade, count: grades.filter((g) => g.grade === grade).length }))
}

export const needsNote = (grade: string) => (GRADES_WITH_NOTE as readonly string[]).includes(grade)

export interface GradeRow {
  person_id: number
  name: string
  party_status: string
  grade: Grade
  note: string
}

/** The grade rows' errors by index: a missing note where the grade needs one. */
export function checkGrades(rows: readonly GradeRow[]): Record<number, string> {
  const errors: Record<number, string> = {}
  rows.forEach((r, i) => {
    if (needsNote(r.grade) && !r.note.trim()) errors[i] = t('partyAppraisal.gradeNoteRequired', { what: t(`partyAppraisal.noteWhy.${r.grade}`) })
  })
  return errors
}

/** The first and last day an appraisal of `year` may be dated: during it or the first half of the next, not after today. */
export function decisionWindow(year: number, today: string): { from: string; to: string } {
  const last = `${year + 1}-06-30`
  return { from: `${year}-01-01`, to: last < today ? last : today }
}

/** The date offered for an appraisal of `year`: today while allowed, else the last day of the year. */
export function defaultDecidedOn(year: number, today: string): string {
  const { to } = decisionWindow(year, today)
  return to === today ? today : `${year}-12-31`
}

/** Where a refusal of POST /party/appraisals belongs: a row's grade or note, a field of the form, or the form. */
export type AppraisalErrorPlace =
  | { row: number; part: 'grade' | 'note' | 'person_id' }
  | { field: 'branch_id' | 'year' | 'decided_on' | 'note' }
  | { form: true }

export function placeAppraisalError(e: Pick<ApiError, 'code' | 'field'>): AppraisalErrorPlace {
  if (e.code === 'appraisal_exists') return { field: 'year' }
  const row = /^grades\[(\d+)\]\.(grade|note|person_id)$/.exec(e.field ?? '')
  if (row) return { row: Number(row[1]), part: row[2] as 'grade' | 'note' | 'person_id' }
  if (e.field === 'branch_id' || e.field === 'year' || e.field === 'decided_on' || e.field === 'note') return { field: e.field }
  return { form: true }
}

// ---- rewards and punishments

export interface RewardDraft {
  person_id: number | null
  form: Form | ''
  decided_on: string
  decided_by: string
  document_no: string
  probation_months: number | null
  reason: string
  documents: number[]
}

export type RewardField = 'person_id' | 'form' | 'decided_on' | 'decided_by' | 'document_no' | 'probation_months' | 'reason' | 'documents'

export const blankReward = (today: string): RewardDraft => ({
  person_id: null,
  form: '',
  decided_on: today,
  decided_by: '',
  document_no: '',
  probation_months: null,
  reason: '',
  documents: [],
})

/** What the form asks for besides the common fields. */
export function rewardNeeds(form: Form | ''): { documentNo: 'required' | 'optional'; probation: boolean } {
  return { documentNo: form && categoryOf(form) === 'punishment' ? 'required' : 'optional', probation: form === 'probation_in_party' }
}

export function checkReward(d: RewardDraft): Partial<Record<RewardField, string>> {
  const errors: Partial<Record<RewardField, string>> = {}
  if (!d.person_id) errors.person_id = t('partyReward.personRequired')
  if (!d.form) errors.form = t('partyReward.formRequired')
  if (!d.decided_on) errors.decided_on = t('partyReward.dateRequired')
  if (!d.decided_by.trim()) errors.decided_by = t('partyReward.decidedByRequired')
  const needs = rewardNeeds(d.form)
  if (needs.documentNo === 'required' && !d.document_no.trim()) errors.document_no = t('partyReward.documentNoRequired')
  if (needs.probation && d.probation_months !== 12 && d.probation_months !== 24) errors.probation_months = t('partyReward.probationRequired')
  if (!d.reason.trim()) errors.reason = t('partyReward.reasonRequired')
  return errors
}

/** The POST body: trimmed, the fields the form does not take left out. */
export function rewardBody(d: RewardDraft): RewardPunishmentInput {
  const body: RewardPunishmentInput = {
    person_id: d.person_id!,
    form: d.form as Form,
    decided_on: d.decided_on,
    decided_by: d.decided_by.trim(),
    reason: d.reason.trim(),
  }
  const doc = d.document_no.trim()
  if (doc) body.document_no = doc
  if (rewardNeeds(d.form).probation && d.probation_months) body.probation_months = d.probation_months
  if (d.documents.length) body.documents = [...d.documents]
  return body
}
