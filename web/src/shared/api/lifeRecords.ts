// 政治生命全周期: a member's timeline (every dated event from the application onward), the branches' yearly democratic
// appraisal (民主评议党员) and rewards and party discipline punishments (奖惩). The server checks every rule,
// permission (party.read / party.write) and data scope; a member reads their own timeline through /me/party/timeline.
import { get, post, type Query } from './client'
import { fetchPeople, type Person } from './people'

export const TIMELINE_TYPES = [
  'development_step',
  'report',
  'meeting',
  'appraisal',
  'reward_punishment',
  'transfer',
  'dues_payment',
  'status_change',
  'floating',
  'floating_end',
] as const
export type TimelineType = (typeof TIMELINE_TYPES)[number]

/**
 * One dated line. What `code`, `status` and `text` hold depends on `type`:
 * development_step: step number, outcome, note · report: kind · meeting: meeting kind, attendance, topic ·
 * appraisal: grade, year, note · reward_punishment: form, category, reason · transfer: kind, status, receiving org ·
 * dues_payment: month, amount in cents, method · status_change: field, new value, old value ·
 * floating: reason, the record's status, destination · floating_end: end reason, '', destination.
 */
export interface TimelineItem {
  date: string
  type: TimelineType | string
  code: string
  status: string | null
  text: string | null
  ref_id: number
}

export interface TimelinePerson {
  id: number
  name: string
  party_status: string
  /** active | left */
  status: string
  party_joined_date: string | null
  unit_name: string
  branch_name: string | null
}

/** Oldest first. */
export interface Timeline {
  person: TimelinePerson
  items: TimelineItem[]
}

export const GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified', 'not_rated'] as const
export type Grade = (typeof GRADES)[number]
/** The grades that need a note: how an unqualified member is dealt with, why someone was not rated. */
export const GRADES_WITH_NOTE: readonly Grade[] = ['unqualified', 'not_rated']

export interface AppraisalGrade {
  person_id: number
  name: string
  grade: Grade
  note: string | null
}

export interface Appraisal {
  id: number
  branch_id: number
  branch_name: string
  year: number
  decided_on: string
  note: string | null
  /** Display name of whoever entered it. */
  recorded_by: string
  recorded_at: string
  /** Only when one appraisal is read (and in the answer to recording one). */
  grades?: AppraisalGrade[]
}

export interface AppraisalInput {
  branch_id: number
  year: number
  decided_on: string
  note?: string
  grades: { person_id: number; grade: Grade; note?: string }[]
}

export interface AppraisalFilter {
  node_id?: number | null
  year?: number | null
}

export const REWARD_FORMS = ['outstanding_member', 'outstanding_party_worker', 'commendation', 'other_reward'] as const
export const PUNISHMENT_FORMS = ['warning', 'serious_warning', 'removal_from_post', 'probation_in_party', 'expulsion'] as const
export type RewardForm = (typeof REWARD_FORMS)[number]
export type PunishmentForm = (typeof PUNISHMENT_FORMS)[number]
export type Form = RewardForm | PunishmentForm
export type Category = 'reward' | 'punishment'
/** 留党察看 lasts one year or two. */
export const PROBATION_MONTHS = [12, 24] as const

export interface RewardPunishment {
  id: number
  person_id: number
  person_name: string
  category: Category
  form: Form
  decided_on: string
  decided_by: string
  document_no: string | null
  probation_months: number | null
  reason: string
  documents: number[]
  recorded_by: string
  recorded_at: string
}

export interface RewardPunishmentInput {
  person_id: number
  form: Form
  decided_on: string
  decided_by: string
  /** Required for punishments. */
  document_no?: string
  /** 12 or 24, for probation_in_party only. */
  probation_months?: number
  reason: string
  documents?: number[]
}

/** The filter as query parameters: empty fields left out. */
export function appraisalQuery(filter: AppraisalFilter): Query {
  const q: Query = {}
  if (filter.node_id) q.node_id = filter.node_id
  if (filter.year) q.year = filter.year
  return q
}

const id = (n: number) => encodeURIComponent(String(n))
const keyHeader = (key?: string) => (key ? { 'Idempotency-Key': key } : undefined)

// A person outside the scope is a 404 the page shows itself: silent.
export const fetchTimeline = (personId: number) => get<Timeline>(`/party/people/${id(personId)}/timeline`, { silent: true })
/** 403 no_person for an account without a person: the page says so itself. */
export const fetchMyTimeline = () => get<Timeline>('/me/party/timeline', { silent: true })

export const fetchAppraisals = (filter: AppraisalFilter = {}) => get<{ items: Appraisal[] }>('/party/appraisals', { query: appraisalQuery(filter) })
export const fetchAppraisal = (appraisalId: number) => get<Appraisal>(`/party/appraisals/${id(appraisalId)}`)
// The forms show refusals next to their fields and rows (validation with `field` such as grades[3].note,
// 409 appraisal_exists): silent. `key` makes a resend after a lost answer safe (see idempotency.ts).
export const recordAppraisal = (input: AppraisalInput, key?: string) =>
  post<Appraisal>('/party/appraisals', input, { silent: true, headers: keyHeader(key) })

export const fetchRewardsPunishments = (category?: Category | '') =>
  get<{ items: RewardPunishment[] }>('/party/rewards-punishments', { query: category ? { category } : {} })
export const recordRewardPunishment = (input: RewardPunishmentInput, key?: string) =>
  post<RewardPunishment>('/party/rewards-punishments', input, { silent: true, headers: keyHeader(key) })

/** The roster's largest page. */
const PAGE = 200

/**
 * The people the appraisal of a branch grades: its active full and probationary members whose branch is this one
 * (the roster's unit_id filter also answers those of the branch's party groups and below), in name order.
 */
export async function fetchBranchMembers(branchId: number): Promise<Person[]> {
  const out: Person[] = []
  for (const party_status of ['full', 'probationary'] as const) {
    for (let page = 1; ; page++) {
      const answer = await fetchPeople({ unit_id: branchId, party_status, sort: 'name' }, page, PAGE)
      out.push(...answer.items.filter((p) => p.branch_id === branchId))
      if (answer.items.length < PAGE || page * PAGE >= answer.total) break
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id)
}
