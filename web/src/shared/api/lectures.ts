// 宣讲团 and 宣讲: lecture teams of a unit, a district or the city, their lecturers, and the lectures they give. The
// administrator (study.write in scope) records lectures (confirmed at once) and confirms or rejects what a lecturer
// reported from the phone; confirming earns each lecturer the lecture points once. A confirmed lecture cannot be
// cancelled (409 lecture_confirmed): its points are booked, and only a points reversal corrects them.
import { download, get, post, put, type Download, type Query } from './client'
import type { Page } from './study'

export const TEAM_STATUSES = ['active', 'closed'] as const
export type TeamStatus = (typeof TEAM_STATUSES)[number]
export const LECTURE_STATUSES = ['pending', 'confirmed', 'rejected', 'cancelled'] as const
export type LectureStatus = (typeof LECTURE_STATUSES)[number]
export const LECTURE_LEVELS = ['unit', 'district', 'city'] as const
export type LectureLevel = (typeof LECTURE_LEVELS)[number]
export const AUDIENCE_KINDS = ['cadres', 'public'] as const
export type AudienceKind = (typeof AUDIENCE_KINDS)[number]
/** The server's limit of listeners for one lecture. */
export const MAX_AUDIENCE = 100000

export interface Lecturer {
  person_id: number
  name: string
  unit_name: string
  topics: string | null
  joined_on: string
  status: 'active' | 'left'
  left_on: string | null
  /** Confirmed lectures given for the team. */
  lectures: number
}

export interface LectureTeam {
  id: number
  node_id: number
  node_name: string
  node_type: string
  name: string
  description: string | null
  status: TeamStatus
  created_at: string
  closed_at: string | null
  lecturer_count: number
  lecture_count: number
  pending_count: number
  /** When one team is read (and in the answers of its changes). */
  lecturers?: Lecturer[]
}

export interface Lecture {
  id: number
  team_id: number
  team_name: string
  topic: string
  /** YYYY-MM-DD (Beijing). */
  held_on: string
  place: string
  audience_kind: AudienceKind
  audience_size: number
  level: LectureLevel
  notes: string | null
  photos: number[]
  status: LectureStatus
  reported_by: number | null
  reported_by_name: string | null
  created_by: string
  created_at: string
  decided_by: string | null
  decided_at: string | null
  reject_reason: string | null
  lecturers: { person_id: number; name: string }[]
}

export interface LectureCount {
  /** The level, the year (YYYY) or the month (YYYY-MM). */
  key: string
  lectures: number
  audience: number
}

/** Confirmed lectures counted. */
export interface LectureStats {
  lectures: number
  audience: number
  by_level: LectureCount[]
  by_year: LectureCount[]
  by_month: LectureCount[]
}

export interface LecturerRecord {
  person_id: number
  name: string
  /** My active teams with their lecturers (/me only). */
  teams: LectureTeam[]
  lectures: Lecture[]
  stats: LectureStats
}

export interface TeamFilter {
  node_id?: number | null
  status?: TeamStatus | ''
  name?: string
}

export interface LectureFilter {
  team_id?: number | null
  node_id?: number | null
  person_id?: number | null
  status?: LectureStatus | ''
  level?: LectureLevel | ''
  audience_kind?: AudienceKind | ''
  from?: string | null
  to?: string | null
  year?: number | null
}

export interface TeamInput {
  node_id?: number
  name: string
  description?: string
}

export interface LectureInput {
  team_id: number
  topic: string
  held_on: string
  place: string
  audience_kind: AudienceKind
  audience_size: number
  level: LectureLevel
  lecturer_ids: number[]
  photos?: number[]
  notes?: string
}

export function lectureQuery(filter: LectureFilter, page?: number, pageSize?: number): Query {
  const q: Query = {}
  for (const key of ['team_id', 'node_id', 'person_id', 'year'] as const) if (filter[key]) q[key] = filter[key] as number
  for (const key of ['status', 'level', 'audience_kind', 'from', 'to'] as const) if (filter[key]) q[key] = filter[key] as string
  if (page) q.page = page
  if (pageSize) q.page_size = pageSize
  return q
}

const id = (n: number) => encodeURIComponent(String(n))
const keyHeader = (key?: string) => (key ? { 'Idempotency-Key': key } : undefined)

// ---- teams and lecturers (the forms show refusals next to their fields: silent)
export const fetchTeams = (filter: TeamFilter = {}, page = 1, pageSize = 20) =>
  get<Page<LectureTeam>>('/study/lecture-teams', {
    query: { ...(filter.node_id ? { node_id: filter.node_id } : {}), ...(filter.status ? { status: filter.status } : {}),
      ...(filter.name?.trim() ? { name: filter.name.trim() } : {}), page, page_size: pageSize },
  })
export const fetchTeam = (teamId: number) => get<LectureTeam>(`/study/lecture-teams/${id(teamId)}`, { silent: true })
export const createTeam = (input: TeamInput, key?: string) =>
  post<LectureTeam>('/study/lecture-teams', input, { silent: true, headers: keyHeader(key) })
export const updateTeam = (teamId: number, input: TeamInput) => put<LectureTeam>(`/study/lecture-teams/${id(teamId)}`, input, { silent: true })
export const closeTeam = (teamId: number) => post<LectureTeam>(`/study/lecture-teams/${id(teamId)}/close`, undefined, { silent: true })
export const addLecturer = (teamId: number, input: { person_id: number; topics?: string; joined_on?: string }) =>
  post<LectureTeam>(`/study/lecture-teams/${id(teamId)}/lecturers`, input, { silent: true })
export const updateLecturer = (teamId: number, personId: number, topics: string) =>
  put<LectureTeam>(`/study/lecture-teams/${id(teamId)}/lecturers/${id(personId)}`, { topics }, { silent: true })
export const lecturerLeaves = (teamId: number, personId: number) =>
  post<LectureTeam>(`/study/lecture-teams/${id(teamId)}/lecturers/${id(personId)}/leave`, undefined, { silent: true })

// ---- lectures
export const fetchLectures = (filter: LectureFilter = {}, page = 1, pageSize = 20) =>
  get<Page<Lecture>>('/study/lectures', { query: lectureQuery(filter, page, pageSize) })
export const fetchLectureStats = (filter: LectureFilter = {}) => get<LectureStats>('/study/lectures/stats', { query: lectureQuery(filter) })
export const exportLectures = (filter: LectureFilter): Promise<Download> =>
  download('/study/lectures/export', 'lectures.xlsx', { query: lectureQuery(filter) })
export const fetchLecture = (lectureId: number) => get<Lecture>(`/study/lectures/${id(lectureId)}`, { silent: true })
export const recordLecture = (input: LectureInput, key?: string) =>
  post<Lecture>('/study/lectures', input, { silent: true, headers: keyHeader(key) })
export const confirmLecture = (lectureId: number) => post<Lecture>(`/study/lectures/${id(lectureId)}/confirm`, undefined, { silent: true })
export const rejectLecture = (lectureId: number, reason: string) =>
  post<Lecture>(`/study/lectures/${id(lectureId)}/reject`, { reason }, { silent: true })
export const cancelLecture = (lectureId: number) => post<Lecture>(`/study/lectures/${id(lectureId)}/cancel`, undefined, { silent: true })
export const fetchLecturerRecord = (personId: number, year?: number) =>
  get<LecturerRecord>(`/study/lecturers/${id(personId)}/record`, { query: year ? { year } : {}, silent: true })

// ---- the lecturer's own
export const fetchMyLectures = () => get<LecturerRecord>('/me/study/lectures', { silent: true })
export const reportLecture = (input: LectureInput, key?: string) =>
  post<Lecture>('/me/study/lectures', input, { silent: true, headers: keyHeader(key) })
export const withdrawLecture = (lectureId: number) =>
  post<Lecture>(`/me/study/lectures/${id(lectureId)}/withdraw`, undefined, { silent: true })
