// The growth archive (成长档案) of a cadre, assembled by the server from every module, and the young-cadre pool
// (年轻干部库): filters over the roster and the record, the caller's own watch lists, and a comparison of two to four
// cadres. Managers need record.read (the pool also people.read) with the people in their data scope; a cadre reads
// their own archive through /me/archive.
import { del, get, post, put, type Query } from './client'

export interface ArchivePerson {
  id: number
  name: string
  gender: string
  ethnicity: string | null
  birth_date: string
  age: number
  native_place: string | null
  education: string | null
  degree: string | null
  unit_id: number
  unit_name: string
  branch_name: string | null
  position: string | null
  rank: string | null
  work_start_date: string | null
  party_status: string
  party_joined_date: string | null
  young_cadre: boolean
}

export type ArchiveSection = 'party' | 'study' | 'training' | 'practice' | 'record' | 'evaluation' | 'oversight'

export interface ArchiveItem {
  date: string
  section: ArchiveSection | string
  kind: string
  code: string | null
  status: string | null
  title: string
  detail: string | null
  ref_id: number
}

export interface CareerChange {
  field: 'unit' | 'branch' | 'position' | 'rank' | string
  old_value: string | null
  new_value: string | null
  date: string
}

export interface YearLife {
  year: number
  meetings_attended: number
  meetings_missed: number
  meetings_excused: number
  dues_payments: number
  study_present: number
  study_late: number
  study_excused: number
  study_absent: number
}

export interface YearPoints {
  year: number
  base_score: number
  earned: number
  score: number
  categories: { code: string; name: string; points: number }[]
}

export interface ArchiveComment {
  period: string
  leader_name: string
  leader_position: string | null
  content: string
  written_at: string
}

export interface Archive {
  person: ArchivePerson
  career: CareerChange[]
  items: ArchiveItem[]
  years: YearLife[]
  points: YearPoints[]
  comments: ArchiveComment[]
  generated_at: string
}

export const EXPERIENCES = ['frontline', 'training', 'work_result', 'no_shortcoming'] as const
export type Experience = (typeof EXPERIENCES)[number]
/** Outcomes of published evaluation campaigns over the last three years the pool filters by. */
export const EVALUATION_OUTCOMES = ['excellent', 'top', 'no_low'] as const
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number]

export interface PoolFilter {
  name?: string
  unit_id?: number | null
  rank?: string
  party_status?: string
  education?: string
  age_min?: number | null
  age_max?: number | null
  young_only?: boolean
  experience?: Experience[]
  evaluation?: EvaluationOutcome[]
  watchlist_id?: number | null
  /** Only people no accountability decision bars from promotion today (needs oversight.read). */
  promotable?: boolean
  sort?: 'name' | 'birth_date' | 'rank' | 'unit'
}

export interface PoolRow extends ArchivePerson {
  experience: Experience[]
  evaluation: EvaluationOutcome[]
  /** The latest published annual assessment's grade. */
  latest_grade: { grade: string; published_on: string } | null
  points_this_year: number
  watchlists: number[]
  /** The last day of a promotion bar in force; present for callers who may see accountability. */
  promotion_barred_until?: string | null
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

export interface Watchlist {
  id: number
  name: string
  created_at: string
  people: number
}

export interface Comparison {
  person: ArchivePerson
  experience: Experience[]
  points: YearPoints[]
  frontline: number
  trainings: number
  training_hours: number
  competitions: number
  lectures: number
  courses: number
  course_hours: number
  study_attended: number
  study_expected: number
  entries_by_category: Record<string, number>
  latest_comment_period: string | null
  latest_comment: string | null
}

export const fetchArchive = (personId: number) => get<Archive>(`/record/people/${personId}/archive`)
export const fetchMyArchive = () => get<Archive>('/me/archive')

/** The query the pool sends: empty filters left out, experience and evaluation each as one comma-separated value. */
export function poolQuery(f: PoolFilter, page: number, pageSize: number): Query {
  const q: Query = { page, page_size: pageSize }
  if (f.name?.trim()) q.name = f.name.trim()
  if (f.unit_id) q.unit_id = f.unit_id
  if (f.rank) q.rank = f.rank
  if (f.party_status) q.party_status = f.party_status
  if (f.education) q.education = f.education
  if (f.age_min) q.age_min = f.age_min
  if (f.age_max) q.age_max = f.age_max
  if (f.young_only === false) q.young_only = false
  if (f.experience?.length) q.experience = f.experience.join(',')
  if (f.evaluation?.length) q.evaluation = f.evaluation.join(',')
  if (f.watchlist_id) q.watchlist_id = f.watchlist_id
  if (f.promotable) q.promotable = true
  if (f.sort && f.sort !== 'name') q.sort = f.sort
  return q
}

export const fetchPool = (f: PoolFilter, page = 1, pageSize = 20) => get<Page<PoolRow>>('/record/pool', { query: poolQuery(f, page, pageSize) })
export const fetchComparison = (ids: readonly number[]) => get<{ items: Comparison[] }>('/record/compare', { query: { ids: ids.join(',') } })
export const fetchWatchlists = () => get<{ items: Watchlist[] }>('/record/watchlists')
export const createWatchlist = (name: string) => post<Watchlist>('/record/watchlists', { name })
export const deleteWatchlist = (id: number) => del<void>(`/record/watchlists/${id}`)
export const watchPerson = (listId: number, personId: number, note = '') =>
  put<void>(`/record/watchlists/${listId}/people/${personId}`, note ? { note } : {})
export const unwatchPerson = (listId: number, personId: number) => del<void>(`/record/watchlists/${listId}/people/${personId}`)
