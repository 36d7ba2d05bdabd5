// Party-member points (党员积分): the rule catalog, the member's own score and reports, the managers' approval
// queue, records, reversals and rankings. The server checks every permission and data scope.
import { get, post, put, type Query, download, type Download } from './client'
import type { Page } from './people'

export const EARN_MODES = ['automatic', 'self_report', 'manager'] as const
export type EarnMode = (typeof EARN_MODES)[number]

export const APPLIES_TO = ['members', 'young_cadres', 'probationary', 'everyone'] as const
export type AppliesTo = (typeof APPLIES_TO)[number]

export type RuleStatus = 'current' | 'superseded' | 'retired'

export const CLAIM_STATUSES = ['pending', 'first_approved', 'approved', 'rejected', 'withdrawn'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]
export type ClaimKind = 'self_report' | 'manager_record'

export type LimitedBy = 'cap_day' | 'cap_month' | 'cap_year' | 'category_cap' | 'floor' | 'ceiling'
export type SourceType = 'event' | 'claim' | 'reversal'

/** The rule whose points a manager sets by hand (−100..100), with a reason. */
export const ADJUSTMENT_RULE = 'adjustment'

export interface Category {
  code: string
  name: string
  yearly_cap: number | null
  sort_order: number
}

/** One version of a rule. */
export interface Rule {
  id: number
  code: string
  version: number
  category_code: string
  name: string
  /** Signed: deductions are negative. */
  points: number
  earn_mode: EarnMode
  evidence_required: boolean
  cap_day: number | null
  cap_month: number | null
  cap_year: number | null
  second_approver: boolean
  applies_to: AppliesTo
  valid_from: string
  valid_to: string | null
  status: RuleStatus
  created_at: string
}

/** What POST /points/rules takes; PUT /points/rules/{id} takes the same without `code`. */
export interface RuleInput {
  code?: string
  category_code: string
  name: string
  points: number
  earn_mode: EarnMode
  evidence_required?: boolean
  second_approver?: boolean
  applies_to?: AppliesTo
  valid_from: string
  valid_to?: string
  cap_day?: number
  cap_month?: number
  cap_year?: number
}

export interface Scheme {
  year: number
  base_score: number
  floor_score: number
  ceiling_score: number | null
}

export interface SchemeInput {
  base_score: number
  floor_score?: number
  ceiling_score?: number
}

export interface EventRule {
  event_type: string
  rule_code: string
}

export interface Summary {
  person_id: number
  person_name: string
  year: number
  base_score: number
  earned: number
  /** base_score + earned. */
  score: number
  categories: { code: string; name: string; points: number; yearly_cap: number | null }[]
}

/** A ledger entry: append-only; a correction is a new entry of source_type 'reversal'. */
export interface Entry {
  id: number
  person_id: number
  rule_id: number
  rule_version: number
  rule_code: string
  rule_name: string
  category_code: string
  /** What the source asked for; `points` is what counted after caps, floor and ceiling. */
  requested: number
  points: number
  limited_by: LimitedBy | null
  activity_date: string
  year: number
  source_type: SourceType
  event_type: string | null
  claim_id: number | null
  reverses_id: number | null
  reversed_by: number | null
  note: string | null
  /** Display name of whoever submitted or recorded it. */
  recorded_by: string | null
  /** Display names of the approvers, joined by 、. */
  approved_by: string | null
  created_at: string
}

export interface Claim {
  id: number
  kind: ClaimKind
  person_id: number
  person_name: string
  unit_id: number
  unit_name: string
  branch_id: number | null
  rule_id: number
  rule_code: string
  rule_name: string
  category_code: string
  points: number
  second_approver: boolean
  activity_date: string
  description: string
  /** File ids of the photos. */
  evidence: number[]
  possible_duplicate_of: number | null
  status: ClaimStatus
  created_by: string
  created_at: string
  first_approver: string | null
  first_approved_at: string | null
  decided_by: string | null
  decided_at: string | null
  decision_reason: string | null
  entry_id: number | null
}

export interface ClaimInput {
  rule_id: number
  activity_date: string
  description: string
  evidence: number[]
}

export interface RecordInput {
  person_id: number
  rule_id: number
  /** Only for the adjustment rule. */
  points?: number
  activity_date: string
  reason: string
}

export interface MyRank {
  rank: number
  of: number
  percentile: number
  points: number
  period: string
}

export interface RankRow {
  rank: number
  person_id: number
  name: string
  unit_name: string
  branch_name: string | null
  points: number
}

export interface ClaimFilter {
  /** Empty: the open ones (pending and first_approved). */
  status?: ClaimStatus | ''
  unit_id?: number | null
  person_id?: number | null
}

export interface BatchResult {
  approved: number[]
  failed: { id: number; code: string }[]
}

export interface RankingQuery {
  node_id: number
  /** 2026, 2026-Q4 or 2026-11. */
  period: string
  category?: string
  limit?: number
}

/** A draft change to one rule (by code) for the what-if simulation; a field left out stays as the rule has it. */
export interface RuleChange {
  rule_code: string
  points?: number
  cap_day?: number
  cap_month?: number
  cap_year?: number
  retire?: boolean
}

export interface SimulationInput {
  /** Activity dates, both included, within one year. */
  from: string
  to: string
  node_id: number
  changes: RuleChange[]
}

/** Points earned in the period and the rank among the people simulated, before and after the draft. */
export interface Mover {
  person_id: number
  name: string
  before: number
  after: number
  rank_before: number
  rank_after: number
}

export interface SimulationResult {
  people: number
  entries: number
  total_before: number
  total_after: number
  /** People whose points or rank would change. */
  changed: number
  /** The biggest gains (up to 20), then the biggest losses (up to 20). */
  movers_up: Mover[]
  movers_down: Mover[]
}

export function claimQuery(filter: ClaimFilter): Query {
  const q: Query = {}
  if (filter.status) q.status = filter.status
  if (filter.unit_id) q.unit_id = filter.unit_id
  if (filter.person_id) q.person_id = filter.person_id
  return q
}

const id = (n: number) => encodeURIComponent(String(n))

// ---- catalog
export const fetchCategories = () => get<{ items: Category[] }>('/points/categories')
export const fetchRules = (history = false, code?: string) =>
  get<{ items: Rule[] }>('/points/rules', { query: { history: history ? 'true' : undefined, code } })
// The rule form shows field errors under its fields.
export const createRule = (input: RuleInput) => post<Rule>('/points/rules', input, { silent: true })
/** Writes a new version; the old one becomes superseded and keeps its entries. */
export const reviseRule = (ruleId: number, input: Omit<RuleInput, 'code'>) => put<Rule>(`/points/rules/${id(ruleId)}`, input, { silent: true })
/** `silent`: the caller shows a refusal itself (the simulation's apply dialog lists each one). */
export const retireRule = (ruleId: number, silent = false) => post<Rule>(`/points/rules/${id(ruleId)}/retire`, undefined, { silent })
/** What-if: nothing is written; the panel shows a refusal (field `to`, `changes`) itself. */
export const simulateRules = (input: SimulationInput) => post<SimulationResult>('/points/simulations', input, { silent: true })
export const fetchSchemes = () => get<{ items: Scheme[] }>('/points/schemes')
export const saveScheme = (year: number, input: SchemeInput) => put<Scheme>(`/points/schemes/${id(year)}`, input, { silent: true })
export const fetchEventRules = () => get<{ items: EventRule[]; event_types: string[] }>('/points/event-rules')
export const saveEventRule = (eventType: string, ruleCode: string) =>
  put<EventRule>(`/points/event-rules/${encodeURIComponent(eventType)}`, { rule_code: ruleCode })

// ---- the member's own (403 no_person for an account without a person: the pages say so themselves)
export const fetchMyPoints = (year: number) => get<Summary>('/me/points', { query: { year }, silent: true })
export const fetchMyEntries = (year: number) => get<{ items: Entry[] }>('/me/points/entries', { query: { year }, silent: true })
export const fetchMyRank = (period: string, category?: string) =>
  get<MyRank>('/me/points/rank', { query: { period, category: category || undefined }, silent: true })
export const fetchMyClaims = () => get<{ items: Claim[] }>('/me/points/claims', { silent: true })
/** The form shows the error under its field; `key` makes a resend after a lost answer safe (see idempotency.ts). */
export const submitClaim = (input: ClaimInput, key?: string) =>
  post<Claim>('/me/points/claims', input, { silent: true, headers: key ? { 'Idempotency-Key': key } : undefined })
export const withdrawClaim = (claimId: number) => post<Claim>(`/me/points/claims/${id(claimId)}/withdraw`)

// ---- managers
export const fetchClaims = (filter: ClaimFilter, page: number, pageSize: number) =>
  get<Page<Claim>>('/points/claims', { query: { ...claimQuery(filter), page, page_size: pageSize } })
export const fetchClaim = (claimId: number) => get<Claim>(`/points/claims/${id(claimId)}`)
// Decisions are refused for reasons the queue explains in its own words (own_claim, second_approver_required, …).
export const approveClaim = (claimId: number) => post<Claim>(`/points/claims/${id(claimId)}/approve`, undefined, { silent: true })
export const rejectClaim = (claimId: number, reason: string) => post<Claim>(`/points/claims/${id(claimId)}/reject`, { reason }, { silent: true })
export const approveClaims = (ids: number[]) => post<BatchResult>('/points/claims/approve-batch', { ids })
export const recordPoints = (input: RecordInput, key?: string) =>
  post<Claim>('/points/records', input, { silent: true, headers: key ? { 'Idempotency-Key': key } : undefined })
export const reverseEntry = (entryId: number, reason: string) => post<Entry>(`/points/entries/${id(entryId)}/reverse`, { reason }, { silent: true })
export const fetchPersonPoints = (personId: number, year: number) => get<Summary>(`/points/people/${id(personId)}/summary`, { query: { year } })
export const fetchPersonEntries = (personId: number, year: number) => get<{ items: Entry[] }>(`/points/people/${id(personId)}/entries`, { query: { year } })
/** The whole ranking (not only the top 50) as an Excel file; the server audits the export. */
export const exportRanking = (q: RankingQuery): Promise<Download> =>
  download('/points/rankings/export', 'ranking.xlsx', {
    query: { node_id: q.node_id, period: q.period, category: q.category || undefined },
  })

export const fetchRanking = (q: RankingQuery) =>
  get<{ items: RankRow[]; period: string }>('/points/rankings', {
    query: { node_id: q.node_id, period: q.period, category: q.category || undefined, limit: q.limit ?? 50 },
  })
