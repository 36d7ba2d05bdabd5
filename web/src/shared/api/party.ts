// Member development (发展党员): a development case per applicant, its 25 steps recorded in order with their time
// rules, the cultivation reports, and the warnings and pipeline of a part of the tree. The server checks every rule,
// permission (party.read / party.write) and data scope; the member reads their own case through /me/party.
import { get, post, type Query } from './client'
import type { PartyStatus } from './people'

export const CASE_STATUSES = ['active', 'completed', 'disqualified'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
export type CaseStatusFilter = CaseStatus | 'all'

export type WarningLevel = 'due_soon' | 'overdue'
export const WARNING_KINDS = [
  'talk',
  'contacts',
  'thought_report',
  'assessment',
  'political_review',
  'approval',
  'conversion',
  'conversion_approval',
] as const
export type WarningKind = (typeof WARNING_KINDS)[number]

export const REPORT_KINDS = ['thought_report', 'assessment'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

export type ParticipantRole = 'talker' | 'contact' | 'sponsor'
/** Step 3: how the activist was put forward; step 23: the branch's decision on the conversion. */
export type Outcome = 'recommendation' | 'youth_league' | 'convert' | 'extend' | 'disqualify'

export interface StepDef {
  step_no: number
  stage: number
  stage_name: string
  code: string
  name: string
  name_en: string
}

/** What comes next: the first day it may be recorded and the day it is due (either may be null). */
export interface NextStep {
  step_no: number
  attempt: number
  code: string
  name: string
  stage: number
  earliest: string | null
  due: string | null
}

/** A case as lists show it. */
export interface CaseSummary {
  id: number
  person_id: number
  person_name: string
  gender: string
  party_status: PartyStatus | string
  unit_id: number
  unit_name: string
  branch_id: number | null
  branch_name: string | null
  status: CaseStatus
  /** 1–5. */
  stage: number
  stage_name: string
  applied_on: string | null
  next_step: NextStep | null
  probation_end: string | null
  /** The worst of the case's warnings. */
  warning_level: WarningLevel | null
  warning_count: number
}

export interface Participant {
  role: ParticipantRole
  /** null for someone outside the roster (a talker of the higher committee). */
  person_id: number | null
  name: string
}

export interface Vote {
  eligible: number
  present: number
  yes: number
  no: number
  abstain: number
}

export interface StepRecord {
  id: number
  step_no: number
  /** Steps 22–24 run again after an extended probation. */
  attempt: number
  code: string
  name: string
  stage: number
  date: string
  people: Participant[]
  documents: number[]
  vote: Vote | null
  outcome: Outcome | null
  extension_months: number | null
  training_days: number | null
  training_hours: number | null
  publicity_from: string | null
  publicity_to: string | null
  note: string | null
  /** Display name of whoever entered it. */
  entered_by: string
  entered_at: string
}

export interface Report {
  id: number
  case_id: number
  kind: ReportKind
  date: string
  content: string
  entered_by: string
  entered_at: string
}

/** A deadline near (30 days or less) or missed. */
export interface Warning {
  case_id: number
  person_id: number
  person_name: string
  unit_name: string
  branch_name: string | null
  kind: WarningKind | string
  level: WarningLevel
  due: string
  /** Negative once missed. */
  days_left: number
  /** The step the deadline belongs to. */
  step_no: number
  step_name: string
}

export interface DevelopmentCase extends CaseSummary {
  birth_date: string
  steps: StepRecord[]
  reports: Report[]
  warnings: Warning[]
}

export interface StageCount {
  stage: number
  stage_name: string
  cases: number
  due_soon: number
  overdue: number
}

/** POST /party/cases/{id}/steps: what the step needs and nothing else (see shared/party/stepForm.ts). */
export interface StepInput {
  step_no: number
  date: string
  people?: { role: ParticipantRole; person_id?: number; name?: string }[]
  documents?: number[]
  vote?: Partial<Vote> & Pick<Vote, 'eligible' | 'present' | 'yes'>
  outcome?: Outcome
  extension_months?: number
  training_days?: number
  training_hours?: number
  publicity_from?: string
  publicity_to?: string
  note?: string
}

/** POST /party/cases: opening a case records step 1 (the application). */
export interface OpenCaseInput {
  person_id: number
  date: string
  note?: string
  documents?: number[]
}

export interface ReportInput {
  kind: ReportKind
  date: string
  content: string
}

export interface CaseFilter {
  node_id?: number | null
  /** Empty or absent: the server's default, active. */
  status?: CaseStatusFilter | ''
  name?: string
}

/** The filter as query parameters: empty fields left out, the name trimmed. */
// The server pages its lists, the most urgent first: the board asks for the largest page (200 cases, 500 warnings).
export function caseQuery(filter: CaseFilter): Query {
  const q: Query = { page_size: 200 }
  if (filter.node_id) q.node_id = filter.node_id
  if (filter.status) q.status = filter.status
  const name = filter.name?.trim()
  if (name) q.name = name
  return q
}

const nodeQuery = (nodeId?: number | null): Query => (nodeId ? { node_id: nodeId } : {})
const id = (n: number) => encodeURIComponent(String(n))
const keyHeader = (key?: string) => (key ? { 'Idempotency-Key': key } : undefined)

export const fetchSteps = () => get<{ items: StepDef[] }>('/party/steps')
export const fetchCases = (filter: CaseFilter = {}) => get<{ items: CaseSummary[]; today: string }>('/party/cases', { query: caseQuery(filter) })
export const fetchCase = (caseId: number) => get<DevelopmentCase>(`/party/cases/${id(caseId)}`, { silent: true })
export const fetchWarnings = (nodeId?: number | null) =>
  get<{ items: Warning[]; today: string; total: number; overdue: number; due_soon: number }>('/party/warnings', {
    query: { ...nodeQuery(nodeId), page_size: 500 },
  })
export const fetchPipeline = (nodeId?: number | null) => get<{ items: StageCount[] }>('/party/pipeline', { query: nodeQuery(nodeId) })

// The forms show refusals next to their fields (validation with `field`, `earliest`; not_masses, case_exists,
// step_out_of_order with `expected_step`, case_closed): silent.
/** `key` makes a resend after a lost answer safe (see idempotency.ts). */
export const openCase = (input: OpenCaseInput, key?: string) =>
  post<DevelopmentCase>('/party/cases', input, { silent: true, headers: keyHeader(key) })
export const recordStep = (caseId: number, input: StepInput) => post<DevelopmentCase>(`/party/cases/${id(caseId)}/steps`, input, { silent: true })
export const addReport = (caseId: number, input: ReportInput) => post<Report>(`/party/cases/${id(caseId)}/reports`, input, { silent: true })

// ---- the member's own (403 no_person for an account without a person: the page says so itself)
export const fetchMyParty = () => get<{ case: DevelopmentCase | null }>('/me/party', { silent: true })
/** Dated today by the server; 409 no_case without an open case. */
export const submitThoughtReport = (content: string, key?: string) =>
  post<Report>('/me/party/thought-reports', { content }, { silent: true, headers: keyHeader(key) })
