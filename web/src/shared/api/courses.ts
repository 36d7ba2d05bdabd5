// Online courses (网络课程) and reading activities (读书活动). The console manages courses and activities of the nodes
// in the caller's data scope (study.read / study.write) with a progress report per course; a cadre reads their own
// through /me/study: the courses offered to their unit with their progress, the player's heartbeats, and reading
// notes. The server credits heartbeats no faster than the wall clock and completes a course once.
import { download, get, post, put, type Query } from './client'
import type { Page } from './study'

export const COURSE_KINDS = ['video', 'document'] as const
export type CourseKind = (typeof COURSE_KINDS)[number]
export const COURSE_STATUSES = ['draft', 'published', 'withdrawn'] as const
export type CourseStatus = (typeof COURSE_STATUSES)[number]
export const LEARNER_STATUSES = ['completed', 'in_progress', 'not_started'] as const
export type LearnerStatus = (typeof LEARNER_STATUSES)[number]

export interface Course {
  id: number
  /** The offering node: its people are the audience. */
  node_id: number
  node_name: string
  title: string
  description: string
  kind: CourseKind
  /** 学时, 0.5–10. */
  hours: number
  duration_seconds: number | null
  /** Watching (or reading) this long completes it: the video's length when given, else hours × 3600. */
  required_seconds: number
  /** The link, or for an uploaded document the route that serves it. */
  url: string
  /** The uploaded document instead of a link (documents only). */
  file_id: number | null
  required_by: string | null
  status: CourseStatus
  created_by_name: string
  created_at: string
  updated_at: string
  published_at: string | null
  /** People of the audience in the caller's scope, those who started and who completed. */
  audience: number
  started: number
  completed: number
}

export interface CourseInput {
  node_id?: number
  title: string
  description?: string
  kind: CourseKind
  hours: number
  duration_seconds?: number
  /** A link, or (documents only) file_id: an uploaded PDF. */
  url?: string
  file_id?: number
  required_by?: string
}

export interface CourseFilter {
  node_id?: number | null
  status?: CourseStatus | ''
  kind?: CourseKind | ''
  title?: string
}

export interface MyCourse {
  id: number
  node_name: string
  title: string
  description: string
  kind: CourseKind
  hours: number
  duration_seconds: number | null
  required_seconds: number
  url: string
  /** The document is a PDF uploaded to the platform (drawn in the player), not a link. */
  uploaded?: boolean
  required_by: string | null
  watched_seconds: number
  /** Where to continue the video. */
  position_seconds: number
  started_at: string | null
  last_beat_at: string | null
  completed_at: string | null
}

export interface Heartbeat extends MyCourse {
  /** Seconds the server counted of this report. */
  credited: number
  /** This report completed the course (the hours were booked). */
  completed_now: boolean
}

export interface Learner {
  person_id: number
  name: string
  unit_name: string
  watched_seconds: number
  percent: number
  started_at: string | null
  last_beat_at: string | null
  completed_at: string | null
}

export interface UnitProgress {
  unit_id: number
  unit_name: string
  people: number
  started: number
  completed: number
  completion_rate: number | null
}

export interface LearnerPage extends Page<Learner> {
  units: UnitProgress[]
  course: Course
}

export const READING_STATUSES = ['open', 'closed'] as const
export type ReadingStatus = (typeof READING_STATUSES)[number]
export const NOTE_STATUSES = ['submitted', 'pending', 'excellent'] as const
export type NoteStatus = (typeof NOTE_STATUSES)[number]

export interface Reading {
  id: number
  node_id: number
  node_name: string
  group_id: number | null
  group_name: string | null
  book_title: string
  author: string
  description: string
  starts_on: string
  ends_on: string
  status: ReadingStatus
  created_by_name: string
  created_at: string
  closed_at: string | null
  /** The group's members or the node's people. */
  expected: number
  notes: number
  excellent: number
}

export interface ReadingInput {
  group_id?: number
  node_id?: number
  book_title: string
  author?: string
  description?: string
  starts_on: string
  ends_on: string
}

export interface ReadingNote {
  /** null: a member who has not written one. */
  id: number | null
  reading_id: number
  person_id: number
  name: string
  unit_name: string
  content: string
  photo_file_id: number | null
  excellent: boolean
  created_at: string | null
  updated_at: string | null
}

export interface MyReading extends Reading {
  my_note: ReadingNote | null
}

/** Limits of a reading note, as the server checks them. */
export const NOTE_MIN_CHARS = 20
export const NOTE_MAX_CHARS = 5000

const id = (n: number) => encodeURIComponent(String(n))
const keyHeader = (key?: string) => (key ? { 'Idempotency-Key': key } : undefined)

export function courseQuery(filter: CourseFilter, page = 1, pageSize = 20): Query {
  const q: Query = { page, page_size: pageSize }
  if (filter.node_id) q.node_id = filter.node_id
  if (filter.status) q.status = filter.status
  if (filter.kind) q.kind = filter.kind
  if (filter.title?.trim()) q.title = filter.title.trim()
  return q
}

// ---- console: courses
export const fetchCourses = (filter: CourseFilter = {}, page = 1, pageSize = 20) =>
  get<Page<Course>>('/study/courses', { query: courseQuery(filter, page, pageSize) })
export const createCourse = (input: CourseInput, key?: string) =>
  post<Course>('/study/courses', input, { silent: true, headers: keyHeader(key) })
export const updateCourse = (courseId: number, input: CourseInput) => put<Course>(`/study/courses/${id(courseId)}`, input, { silent: true })
export const publishCourse = (courseId: number) => post<Course>(`/study/courses/${id(courseId)}/publish`, undefined, { silent: true })
export const withdrawCourse = (courseId: number) => post<Course>(`/study/courses/${id(courseId)}/withdraw`, undefined, { silent: true })
export const fetchLearners = (courseId: number, status: LearnerStatus | '' = '', name = '', page = 1, pageSize = 50) =>
  get<LearnerPage>(`/study/courses/${id(courseId)}/learners`, {
    query: { ...(status ? { status } : {}), ...(name.trim() ? { name: name.trim() } : {}), page, page_size: pageSize },
  })
export const exportLearners = (courseId: number) => download(`/study/courses/${id(courseId)}/learners/export`, 'course-progress.xlsx')

// ---- console: reading activities
export const fetchReadings = (filter: { node_id?: number | null; status?: ReadingStatus | ''; title?: string } = {}, page = 1, pageSize = 20) =>
  get<Page<Reading>>('/study/readings', {
    query: {
      page,
      page_size: pageSize,
      ...(filter.node_id ? { node_id: filter.node_id } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.title?.trim() ? { title: filter.title.trim() } : {}),
    },
  })
export const createReading = (input: ReadingInput, key?: string) =>
  post<Reading>('/study/readings', input, { silent: true, headers: keyHeader(key) })
export const updateReading = (readingId: number, input: ReadingInput) => put<Reading>(`/study/readings/${id(readingId)}`, input, { silent: true })
export const closeReading = (readingId: number) => post<Reading>(`/study/readings/${id(readingId)}/close`, undefined, { silent: true })
export const fetchReadingNotes = (readingId: number, status: NoteStatus | '' = '', page = 1, pageSize = 50) =>
  get<Page<ReadingNote>>(`/study/readings/${id(readingId)}/notes`, { query: { ...(status ? { status } : {}), page, page_size: pageSize } })
export const markNote = (readingId: number, noteId: number, excellent: boolean) =>
  put<ReadingNote>(`/study/readings/${id(readingId)}/notes/${id(noteId)}/excellent`, { excellent }, { silent: true })

// ---- the cadre's own
export const fetchMyCourses = () => get<{ items: MyCourse[] }>('/me/study/courses', { silent: true })
export const fetchMyCourse = (courseId: number) => get<MyCourse>(`/me/study/courses/${id(courseId)}`, { silent: true })
export const startCourse = (courseId: number) => post<MyCourse>(`/me/study/courses/${id(courseId)}/start`, undefined, { silent: true })
export const sendHeartbeat = (courseId: number, seconds: number, positionSeconds: number) =>
  post<Heartbeat>(`/me/study/courses/${id(courseId)}/progress`, { seconds, position_seconds: Math.floor(positionSeconds) }, { silent: true })
export const fetchMyReadings = () => get<{ items: MyReading[] }>('/me/study/readings', { silent: true })
export const fetchMyReading = (readingId: number) => get<MyReading>(`/me/study/readings/${id(readingId)}`, { silent: true })
export const writeNote = (readingId: number, content: string, photoFileId?: number | null) =>
  put<ReadingNote>(`/me/study/readings/${id(readingId)}/note`, { content, ...(photoFileId ? { photo_file_id: photoFileId } : {}) }, { silent: true })
