// Evaluation campaigns (考核评价): 双对双排, 立体化评价 and 年度考核 — the organiser's calls (evaluation.read / manage)
// and the rater's and ratee's own (/me/evaluation: whoever the campaign assigns).
import { download, get, post, put, del, type Download } from './client'

export const KINDS = ['dual_ranking', 'multi_source', 'annual'] as const
export type Kind = (typeof KINDS)[number]
export const STATES = ['draft', 'open', 'closed', 'published'] as const
export type CampaignState = (typeof STATES)[number]
export const GRADES = ['excellent', 'competent', 'basically_competent', 'incompetent'] as const
export type Grade = (typeof GRADES)[number]

export interface RaterGroup {
  code: string
  name: string
  weight: number
  anonymous: boolean
}

export interface Settings {
  line_weight: number
  unit_weight: number
  normalisation: 'zscore' | 'minmax' | 'none'
  top_count: number
  bottom_count: number
  groups: RaterGroup[]
  excellent_percent: number
  year?: number
  show_to_ratee: boolean
  lines?: { name: string; leader_id: number; ratee_ids: number[] }[]
  unit_heads?: { unit_id: number; head_id: number }[]
}

export interface Campaign {
  id: number
  kind: Kind
  title: string
  state: CampaignState
  org_node_id: number
  org_name: string
  settings: Settings
  ratees: number
  assignments: number
  rated: number
  created_at: string
  opened_at: string | null
  closed_at: string | null
  published_at: string | null
}

export interface CampaignInput {
  kind: Kind
  title: string
  org_node_id: number
  settings?: Partial<Settings>
  ratee_ids?: number[]
  lines?: { name: string; leader_id: number; ratee_ids: number[] }[]
  unit_heads?: { unit_id: number; head_id: number }[]
}

export interface Assignment {
  id: number
  ratee_id: number
  ratee_name: string
  rater_id: number
  rater_name: string
  role: string
  rated: boolean
}

export interface ProgressRow {
  rater_id: number
  name: string
  assigned: number
  rated: number
  done: boolean
  reminders: number
  last_reminded_at: string | null
}

export interface Progress {
  raters: number
  raters_done: number
  assignments: number
  rated: number
  items: ProgressRow[]
}

export interface DualRow {
  person_id: number
  name: string
  unit_name: string
  line_name: string
  line_score: number | null
  line_rank: number | null
  unit_score: number | null
  unit_rank: number | null
  line_normalised: number | null
  unit_normalised: number | null
  combined: number | null
  combined_rank: number | null
  top: boolean
  bottom: boolean
}

export interface GroupLine {
  code: string
  name: string
  responses: number | null
  mean: number | null
  weight: number
  suppressed: boolean
}

export interface MultiRow {
  person_id: number
  name: string
  unit_name: string
  groups: GroupLine[]
  total: number | null
  evidence: { id: number; kind: string; ref: string; note: string }[]
}

export interface AnnualRow {
  person_id: number
  name: string
  unit_name: string
  grade: Grade | null
  // An accountability decision that keeps the person from 优秀 in the year assessed (organisers only).
  excellent_barred?: { form: string; form_name: string; effective_from: string } | null
}

export interface RaterLeniency {
  rater_id: number
  name: string
  role: 'line' | 'unit'
  count: number
  mean: number
  spread: number
  leniency: number
}

export interface Results {
  campaign_id: number
  kind: Kind
  title: string
  state: CampaignState
  items: (DualRow | MultiRow | AnnualRow)[]
  raters?: RaterLeniency[]
  overall_mean?: number
  normalisation?: string
  line_weight?: number
  unit_weight?: number
  groups?: RaterGroup[]
  units?: { unit_id: number; unit_name: string; ratees: number; excellent: number; quota: number }[]
  excellent_percent?: number
  year?: number
}

export interface TaskItem {
  ratee_id: number
  name: string
  unit_name: string
  line_name: string
  rated: boolean
  score: number | null
  rank: number | null
}

export interface TaskList {
  role: string
  role_name: string
  anonymous: boolean
  ranked: boolean
  items: TaskItem[]
}

export interface Task {
  campaign_id: number
  title: string
  kind: Kind
  state: CampaignState
  lists: TaskList[]
}

export interface TaskSummary {
  campaign_id: number
  title: string
  kind: Kind
  org_name: string
  opened_at: string
  lists: { role: string; role_name: string; anonymous: boolean; assigned: number; rated: number }[]
}

export type MyResult = (DualRow | MultiRow | AnnualRow) & {
  campaign_id: number
  title: string
  kind: Kind
  published_at: string
  ratees: number
}

const base = '/evaluation/campaigns'
const id = (n: number) => encodeURIComponent(String(n))
const keyHeader = (key?: string) => (key ? { 'Idempotency-Key': key } : undefined)

export const fetchCampaigns = (kind = '', state = '') =>
  get<{ items: Campaign[] }>(base, { query: { kind: kind || undefined, state: state || undefined } })
export const fetchCampaign = (cid: number) => get<Campaign>(`${base}/${id(cid)}`)
export const createCampaign = (input: CampaignInput, key?: string) =>
  post<Campaign>(base, input, { silent: true, headers: keyHeader(key) })
export const updateCampaign = (cid: number, title: string, settings: Partial<Settings>) =>
  put<Campaign>(`${base}/${id(cid)}`, { title, settings }, { silent: true })
export const moveCampaign = (cid: number, action: 'open' | 'close' | 'publish') =>
  post<Campaign>(`${base}/${id(cid)}/${action}`, undefined, { silent: true })
export const fetchAssignments = (cid: number) => get<{ items: Assignment[] }>(`${base}/${id(cid)}/assignments`)
export const assignRater = (cid: number, ratee_id: number, rater_id: number, role: string) =>
  post<Assignment>(`${base}/${id(cid)}/assignments`, { ratee_id, rater_id, role }, { silent: true })
export const removeAssignment = (cid: number, aid: number) => del<void>(`${base}/${id(cid)}/assignments/${id(aid)}`, { silent: true })
export const fetchProgress = (cid: number) => get<Progress>(`${base}/${id(cid)}/progress`)
export const remindRaters = (cid: number, rater_ids: number[] = []) =>
  post<{ reminded: { rater_id: number; name: string }[]; at: string }>(`${base}/${id(cid)}/reminders`, { rater_ids }, { silent: true })
export const fetchResults = (cid: number) => get<Results>(`${base}/${id(cid)}/results`)
export const exportResults = (cid: number): Promise<Download> => download(`${base}/${id(cid)}/results/export`, 'evaluation.xlsx')
export const addEvidence = (cid: number, body: { ratee_id: number; kind: string; ref?: string; note: string }, key?: string) =>
  post<{ id: number }>(`${base}/${id(cid)}/evidence`, body, { silent: true, headers: keyHeader(key) })
export const setGrade = (cid: number, personId: number, grade: Grade | null) =>
  put<{ person_id: number; grade: Grade | null }>(`${base}/${id(cid)}/grades/${id(personId)}`, { grade }, { silent: true })

export const fetchMyTasks = () => get<{ items: TaskSummary[] }>('/me/evaluation/tasks')
export const fetchMyTask = (cid: number) => get<Task>(`/me/evaluation/tasks/${id(cid)}`)
export const submitRatings = (cid: number, role: string, items: { ratee_id: number; score: number; rank?: number }[]) =>
  put<Task>(`/me/evaluation/tasks/${id(cid)}/ratings`, { role, items }, { silent: true })
export const fetchMyResults = () => get<{ items: MyResult[] }>('/me/evaluation/results')
