// Oversight and incentives (监督激励): fault-tolerance cases (容错纠错) and their anonymised library, special inspections
// (专项督查), accountability records (问责), clarifications (信访澄清) and the "1+X" policy library. The server checks
// every rule, permission (oversight.read / oversight.write) and data scope; a cadre applies and follows their own cases
// through /me/oversight/….
import { API_BASE, download, get, post, put, type Download, type Query } from './client'

export const CASE_STATES = ['submitted', 'investigating', 'declined', 'decided', 'notified', 'closed'] as const
export type CaseState = (typeof CASE_STATES)[number]
export const DISTINCTIONS = ['inexperience', 'experiment', 'public_interest'] as const
export type Distinction = (typeof DISTINCTIONS)[number]
export const POLICY_CATEGORIES = ['core', 'promotion', 'tolerance', 'care', 'reward', 'other'] as const
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number]
export type CaseKind = 'application' | 'advance_filing'

export interface HistoryItem {
  action: string
  from_state: CaseState | null
  to_state: CaseState
  note: string | null
  actor_name: string
  at: string
}

export interface Correction {
  id: number
  content: string
  due_date: string
  done_at: string | null
  done_note: string | null
  overdue: boolean
}

export interface ToleranceCase {
  id: number
  person_id: number
  person_name: string
  unit_id: number
  unit_name: string
  applicant_kind: 'self' | 'unit'
  case_kind: CaseKind
  title: string
  facts: string
  decision_taken: string
  basis: string
  loss: string
  remedy: string
  state: CaseState
  submitted_at: string
  review_due: string
  review_overdue: boolean
  review_note: string | null
  outcome: 'tolerated' | 'not_tolerated' | null
  votes: { for: number; against: number; abstain: number }
  distinctions: Distinction[]
  decision_reasons: string | null
  decided_at: string | null
  result_note: string | null
  notified_at: string | null
  closed_at: string | null
  published: boolean
  corrections: Correction[]
  history: HistoryItem[]
}

export interface CaseInput {
  person_id?: number
  case_kind: CaseKind
  title: string
  facts: string
  decision_taken: string
  basis: string
  loss: string
  remedy: string
}

export interface DecisionInput {
  outcome: 'tolerated' | 'not_tolerated'
  votes_for: number
  votes_against: number
  votes_abstain: number
  distinctions: Distinction[]
  reasons: string
}

export interface CaseFilter {
  node_id?: number | null
  state?: CaseState | ''
  overdue?: boolean
  q?: string
}

export interface LibraryCase {
  id: number
  title: string
  body: string
  published_on: string | null
}

export interface Page<T> {
  items: T[]
  total: number
}

export interface Inspection {
  id: number
  topic: string
  description: string
  start_date: string
  end_date: string | null
  nodes: { id: number; name: string }[]
  findings: number
  open_findings: number
  overdue_findings: number
  finding_items?: Finding[]
}

export interface Finding {
  id: number
  inspection_id: number
  inspection_topic: string
  unit_id: number
  unit_name: string
  person_id: number | null
  person_name: string | null
  content: string
  requirement: string
  due_date: string
  state: 'open' | 'rectified'
  follow_up: string
  rectified_at: string | null
  overdue: boolean
}

export interface AccountabilityForm {
  code: string
  name: string
  group: string
  promotion_months: number
  bars_excellent: boolean
  basis: string
  updated_at: string | null
}

export type PeriodInput = Pick<AccountabilityForm, 'promotion_months' | 'bars_excellent' | 'basis'>

export interface Accountability {
  id: number
  person_id: number
  person_name: string
  unit_name: string
  form: string
  form_group: string
  reason: string
  document_no: string
  has_document: boolean
  decided_on: string
  effective_from: string
  promotion_until: string | null
  evaluation_year: string | null
  in_effect: boolean
}

export interface Clarification {
  id: number
  person_id: number
  person_name: string
  unit_name: string
  complaint: string
  finding: string
  clarified_on: string
  announcement_scope: string
  show_in_record: boolean
}

export interface PolicyDoc {
  id: number
  title: string
  category: PolicyCategory
  issuer: string
  doc_number: string
  effective_from: string
  effective_to: string | null
  body: string
  has_file: boolean
  file_id: number | null
  version: number
}

export type PolicyInput = Omit<PolicyDoc, 'id' | 'has_file' | 'effective_to' | 'file_id'> & { effective_to?: string; file_id?: number }

/** A filter as query parameters: empty fields left out. */
export function oversightQuery(filter: object, page?: number, pageSize?: number): Query {
  const q: Query = {}
  for (const [key, value] of Object.entries(filter)) if (value !== '' && value !== null && value !== undefined && value !== false) q[key] = value as string | number | boolean
  if (page !== undefined) q.page = page
  if (pageSize !== undefined) q.page_size = pageSize
  return q
}

const id = (n: number) => encodeURIComponent(String(n))
const keyHeader = (key?: string) => (key ? { 'Idempotency-Key': key } : undefined)

// ---- fault tolerance, console
export const fetchCases = (filter: CaseFilter, page = 1, pageSize = 20) =>
  get<Page<ToleranceCase>>('/oversight/cases', { query: oversightQuery(filter, page, pageSize) })
export const fetchCase = (caseId: number) => get<ToleranceCase>(`/oversight/cases/${id(caseId)}`, { silent: true })
export const fetchCaseWarnings = () => get<{ overdue_reviews: number; overdue_corrections: number }>('/oversight/cases/warnings')
export const exportCases = (filter: CaseFilter): Promise<Download> =>
  download('/oversight/cases/export', 'tolerance-cases.xlsx', { query: oversightQuery(filter) })
export const applyForPerson = (input: CaseInput, key?: string) =>
  post<ToleranceCase>('/oversight/cases', input, { silent: true, headers: keyHeader(key) })
export const caseStep = (caseId: number, step: 'review' | 'notes' | 'decide' | 'notify' | 'close' | 'corrections', body: object) =>
  post<ToleranceCase>(`/oversight/cases/${id(caseId)}/${step}`, body, { silent: true })
export const finishCorrection = (caseId: number, item: number, note: string) =>
  post<ToleranceCase>(`/oversight/cases/${id(caseId)}/corrections/${id(item)}/done`, { note }, { silent: true })
export const fetchDraft = (caseId: number) => get<LibraryCase>(`/oversight/cases/${id(caseId)}/draft`)
export const publishCase = (caseId: number, title: string, body: string) =>
  post<LibraryCase>(`/oversight/cases/${id(caseId)}/publish`, { title, body }, { silent: true })
export const fetchLibrary = (q: string, page = 1, pageSize = 20) =>
  get<Page<LibraryCase>>('/oversight/library', { query: oversightQuery({ q }, page, pageSize) })

// ---- fault tolerance, the cadre's own (403 no_person for an account without a person: the page says so itself)
export const fetchMyCases = () => get<{ items: ToleranceCase[] }>('/me/oversight/cases', { silent: true })
export const fetchMyCase = (caseId: number) => get<ToleranceCase>(`/me/oversight/cases/${id(caseId)}`, { silent: true })
export const applyForMyself = (input: CaseInput, key?: string) =>
  post<ToleranceCase>('/me/oversight/cases', input, { silent: true, headers: keyHeader(key) })

// ---- inspections
export const fetchInspections = () => get<{ items: Inspection[] }>('/oversight/inspections')
export const fetchInspection = (inspectionId: number) => get<Inspection>(`/oversight/inspections/${id(inspectionId)}`)
export const createInspection = (body: object, key?: string) =>
  post<Inspection>('/oversight/inspections', body, { silent: true, headers: keyHeader(key) })
export const addFinding = (inspectionId: number, body: object, key?: string) =>
  post<Finding>(`/oversight/inspections/${id(inspectionId)}/findings`, body, { silent: true, headers: keyHeader(key) })
export const followUpFinding = (findingId: number, note: string, rectified: boolean) =>
  post<Finding>(`/oversight/findings/${id(findingId)}/follow-up`, { note, rectified }, { silent: true })
export const exportFindings = (inspectionId = 0): Promise<Download> =>
  download('/oversight/findings/export', 'findings.xlsx', { query: inspectionId ? { inspection_id: inspectionId } : {} })

// ---- accountability and clarifications
export const fetchForms = () => get<{ items: AccountabilityForm[] }>('/oversight/accountability/forms')
export const setPeriod = (code: string, input: PeriodInput) =>
  put<AccountabilityForm>(`/oversight/accountability/forms/${encodeURIComponent(code)}`, input, { silent: true })
export const fetchAccountability = (q: string) => get<Page<Accountability>>('/oversight/accountability', { query: oversightQuery({ q }, 1, 200) })
export const recordAccountability = (body: object, key?: string) =>
  post<Accountability>('/oversight/accountability', body, { silent: true, headers: keyHeader(key) })
export const exportAccountability = (q: string): Promise<Download> =>
  download('/oversight/accountability/export', 'accountability.xlsx', { query: oversightQuery({ q }) })
export const documentUrl = (recordId: number, mine = false) => `${API_BASE}${mine ? '/me' : ''}/oversight/accountability/${id(recordId)}/document`
export const fetchClarifications = (q: string) => get<Page<Clarification>>('/oversight/clarifications', { query: oversightQuery({ q }, 1, 200) })
export const recordClarification = (body: object, key?: string) =>
  post<Clarification>('/oversight/clarifications', body, { silent: true, headers: keyHeader(key) })
export const fetchMySummary = () => get<{ accountability: Accountability[]; clarifications: Clarification[] }>('/me/oversight/summary', { silent: true })
export const showClarification = (clarificationId: number, shown: boolean) =>
  put<Clarification>(`/me/oversight/clarifications/${id(clarificationId)}/shown`, { shown }, { silent: true })

// ---- policies (everyone signed in reads)
export const fetchPolicies = (filter: { q?: string; category?: PolicyCategory | ''; on?: string }, page = 1, pageSize = 20) =>
  get<Page<PolicyDoc>>('/policies', { query: oversightQuery(filter, page, pageSize) })
export const fetchPolicy = (policyId: number) => get<PolicyDoc>(`/policies/${id(policyId)}`)
export const createPolicy = (input: PolicyInput, key?: string) => post<PolicyDoc>('/policies', input, { silent: true, headers: keyHeader(key) })
export const updatePolicy = (policyId: number, input: PolicyInput) => put<PolicyDoc>(`/policies/${id(policyId)}`, input, { silent: true })
export const policyFileUrl = (policyId: number) => `${API_BASE}/policies/${id(policyId)}/file`
