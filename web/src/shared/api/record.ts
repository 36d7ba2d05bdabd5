// The young-cadre dynamic record (干部纪实): entries about people by category with their source, recorder, evidence
// and state; the person's response and contest; the unit's decisions; leaders' comments per period. The server checks
// every rule, permission (record.read / record.write) and data scope; a cadre reads and answers their own through
// /me/record/….
import { API_BASE, download, get, post, put, type Download, type Query } from './client'

export const CATEGORIES = [
  'work_result', 'key_task', 'frontline', 'training', 'conduct_work', 'conduct_outside', 'mass_evaluation', 'shortcoming',
] as const
export type Category = (typeof CATEGORIES)[number]
/** What a cadre may report about themselves (shortcomings and mass evaluation come from the unit). */
export const SELF_CATEGORIES: readonly Category[] = ['work_result', 'key_task', 'frontline', 'training', 'conduct_work', 'conduct_outside']
export const SOURCE_KINDS = ['self', 'unit', 'leader', 'residents', 'inspection', 'module'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]
/** The sources a manager records from. */
export const UNIT_SOURCES: readonly SourceKind[] = ['unit', 'leader', 'residents', 'inspection']
export const ENTRY_STATES = ['pending', 'confirmed', 'rejected', 'contested', 'withdrawn'] as const
export type EntryState = (typeof ENTRY_STATES)[number]
export type Decision = 'confirm' | 'reject' | 'withdraw' | 'resolve'

export interface HistoryItem {
  action: string
  from_state: EntryState | null
  to_state: EntryState
  note: string | null
  actor_name: string
  at: string
}

export interface RecordEntry {
  id: number
  person_id: number
  person_name: string
  unit_name: string
  category: Category
  fact_date: string
  title: string
  content: string
  source_kind: SourceKind
  source_name: string | null
  recorder_person_id: number | null
  recorder_name: string
  evidence: number[]
  state: EntryState
  decision_note: string | null
  decided_by: string | null
  decided_at: string | null
  response: string | null
  responded_at: string | null
  contest_reason: string | null
  contested_at: string | null
  resolution: 'upheld' | 'withdrawn' | null
  resolution_note: string | null
  resolved_by: string | null
  resolved_at: string | null
  from_event: boolean
  created_at: string
  updated_at: string
  history: HistoryItem[]
}

export interface EntryInput {
  person_id?: number
  category: Category
  fact_date: string
  title: string
  content: string
  source_kind?: SourceKind
  source_name?: string
  evidence?: number[]
}

export interface EntryFilter {
  person_id?: number | null
  node_id?: number | null
  category?: Category | ''
  state?: EntryState | ''
  source_kind?: SourceKind | ''
  from?: string
  to?: string
  q?: string
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

export interface LeaderComment {
  id: number
  person_id: number
  period: string
  version: number
  current: boolean
  leader_name: string
  leader_position: string | null
  content: string
  written_by: string
  written_at: string
}

export interface CommentInput {
  leader_name: string
  leader_position?: string
  content: string
  base_version: number
}

/** A filter as query parameters: empty fields left out. */
export function recordQuery(filter: EntryFilter, page?: number, pageSize?: number): Query {
  const q: Query = {}
  for (const [key, value] of Object.entries(filter)) if (value !== '' && value !== null && value !== undefined) q[key] = value as string | number
  if (page !== undefined) q.page = page
  if (pageSize !== undefined) q.page_size = pageSize
  return q
}

const id = (n: number) => encodeURIComponent(String(n))
const keyHeader = (key?: string) => (key ? { 'Idempotency-Key': key } : undefined)

// Forms show refusals next to their fields and say themselves when an entry moved on meanwhile (409): silent.
export const fetchEntries = (filter: EntryFilter, page = 1, pageSize = 20) =>
  get<Page<RecordEntry>>('/record/entries', { query: recordQuery(filter, page, pageSize) })
export const fetchEntry = (entryId: number) => get<RecordEntry>(`/record/entries/${id(entryId)}`, { silent: true })
export const createEntry = (input: EntryInput, key?: string) =>
  post<RecordEntry>('/record/entries', input, { silent: true, headers: keyHeader(key) })
export const decideEntry = (entryId: number, decision: Decision, body: { reason?: string; note?: string; outcome?: string }) =>
  post<RecordEntry>(`/record/entries/${id(entryId)}/${decision}`, body, { silent: true })
export const exportEntries = (filter: EntryFilter): Promise<Download> =>
  download('/record/entries/export', 'record.xlsx', { query: recordQuery(filter) })
export const fetchComments = (personId: number) => get<{ items: LeaderComment[] }>(`/record/people/${id(personId)}/comments`)
export const writeComment = (personId: number, period: string, input: CommentInput) =>
  put<LeaderComment>(`/record/people/${id(personId)}/comments/${encodeURIComponent(period)}`, input, { silent: true })

/** Where an <img> reads a photo of an entry (through the entry, so the person it is about sees the unit's photos). */
export const evidenceUrl = (entryId: number, fileId: number, mine = false) =>
  `${API_BASE}${mine ? '/me' : ''}/record/entries/${id(entryId)}/evidence/${id(fileId)}`

// ---- the cadre's own (403 no_person for an account without a person: the page says so itself)
export const fetchMyEntries = () => get<{ items: RecordEntry[] }>('/me/record/entries', { silent: true })
export const fetchMyComments = () => get<{ items: LeaderComment[] }>('/me/record/comments', { silent: true })
export const reportEntry = (input: EntryInput, key?: string) =>
  post<RecordEntry>('/me/record/entries', input, { silent: true, headers: keyHeader(key) })
export const respondToEntry = (entryId: number, response: string) =>
  post<RecordEntry>(`/me/record/entries/${id(entryId)}/respond`, { response }, { silent: true })
export const contestEntry = (entryId: number, reason: string) =>
  post<RecordEntry>(`/me/record/entries/${id(entryId)}/contest`, { reason }, { silent: true })
