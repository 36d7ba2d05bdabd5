// Study (学习): youth theory study groups and their coverage of the young cadres, study sessions with check-in by a
// rotating QR code on the organiser's screen, the organiser's marks and the attendance that closing settles. The
// server checks every permission (study.read / study.write) and data scope; a cadre reads their own sessions and
// groups through /me/study and checks in with the token the screen shows.
import { del, get, post, put, type Query } from './client'

export const GROUP_STATUSES = ['active', 'closed'] as const
export type GroupStatus = (typeof GROUP_STATUSES)[number]

export const AUDIENCES = ['group', 'unit', 'city'] as const
export type Audience = (typeof AUDIENCES)[number]

export const SESSION_STATUSES = ['open', 'closed', 'cancelled'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

/** What a check-in row can say; `pending` is someone expected who has not come (yet). */
export const CHECKIN_STATUSES = ['present', 'late', 'excused', 'absent', 'pending'] as const
export type CheckinStatus = (typeof CHECKIN_STATUSES)[number]
/** The organiser's marks. */
export const MARK_STATUSES = ['present', 'late', 'excused'] as const
export type MarkStatus = (typeof MARK_STATUSES)[number]

export interface GroupMember {
  person_id: number
  name: string
  rank: string
  unit_name: string
  joined_at: string
  young_cadre: boolean
}

export interface StudyGroup {
  id: number
  unit_id: number
  unit_name: string
  name: string
  leader_person_id: number | null
  leader_name: string | null
  status: GroupStatus
  created_at: string
  member_count: number
  /** Only when one group is read (and in the answers of its changes). */
  members?: GroupMember[]
}

export interface GroupFilter {
  node_id?: number | null
  status?: GroupStatus | ''
  name?: string
}

/** POST /study/groups; the leader joins the group. */
export interface GroupCreate {
  unit_id: number
  name: string
  leader_person_id?: number
}

/** PUT /study/groups/{id}: rename or change the leader. */
export type GroupUpdate = Omit<GroupCreate, 'unit_id'>

export interface UnitCoverage {
  unit_id: number
  unit_name: string
  groups: number
  young_cadres: number
  covered: number
  /** null for a unit without young cadres. */
  coverage_rate: number | null
}

export interface CoverageTotals {
  units: number
  units_with_group: number
  groups: number
  young_cadres: number
  covered: number
  unit_rate: number | null
  coverage_rate: number | null
}

export interface Coverage {
  /** A page of the units; `totals.units` is how many there are. */
  units: UnitCoverage[]
  page: number
  page_size: number
  totals: CoverageTotals
  today: string
}

export interface UncoveredPerson {
  person_id: number
  name: string
  rank: string
  birth_date: string
  unit_id: number
  unit_name: string
}

export interface StudySession {
  id: number
  audience: Audience
  group_id: number | null
  group_name: string | null
  /** The organising unit (the group's), or the city. */
  node_id: number
  node_name: string
  title: string
  /** ISO UTC. */
  starts_at: string
  ends_at: string
  place: string | null
  online_url: string | null
  organiser_person_id: number | null
  organiser_name: string | null
  late_after_minutes: number
  status: SessionStatus
  /** Display name of the account. */
  created_by: string
  created_at: string
  closed_at: string | null
  /** The group's members or the unit's people; 0 for a city-wide session. */
  expected: number
  present: number
  late: number
  excused: number
  absent: number
  /** The caller may change it (study.write over its organiser, or the leader of its group); a unit administrator
   * sees city-wide sessions that reach their people without managing them. */
  manageable: boolean
}

/** One of my sessions, with how I am marked (null: not yet). */
export interface MyStudySession extends StudySession {
  my_status: Exclude<CheckinStatus, 'pending'> | null
}

export interface SessionFilter {
  node_id?: number | null
  group_id?: number | null
  audience?: Audience | ''
  status?: SessionStatus | ''
  /** Beijing dates YYYY-MM-DD, inclusive. */
  from?: string | null
  to?: string | null
}

/** POST /study/sessions: group_id for a group's session, node_id for a unit's or the city's. Times in UTC. */
export interface SessionCreate {
  audience: Audience
  group_id?: number
  node_id?: number
  title: string
  starts_at: string
  ends_at: string
  place?: string
  online_url?: string
  organiser_person_id?: number
  late_after_minutes?: number
}

/** PUT /study/sessions/{id}: the details of an open session (the audience stays). */
export type SessionUpdate = Omit<SessionCreate, 'audience' | 'group_id' | 'node_id'>

/** What the check-in screen shows now: a new token every period_seconds, valid in its period and the next. */
export interface QrCode {
  token: string
  /** "/m/study/checkin?t=<token>": the phone opens origin + this. */
  checkin_path: string
  /** ISO UTC: the end of the next period. */
  valid_until: string
  period_seconds: number
  session: StudySession
}

export interface AttendanceRow {
  person_id: number
  name: string
  unit_name: string
  status: CheckinStatus
  /** qr | organiser | closing; null while pending. */
  method: string | null
  checked_in_at: string | null
  reason: string | null
}

export interface AttendanceMark {
  person_id: number
  status: MarkStatus
  /** Required for excused. */
  reason?: string
}

export interface CheckinResult {
  session: { id: number; title: string; starts_at: string; ends_at: string; place: string | null }
  status: 'present' | 'late'
  checked_in_at: string | null
  /** true: this person had checked in before (scanning again changes nothing). */
  already: boolean
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

/** The filters as query parameters: empty fields left out. */
export function groupQuery(filter: GroupFilter, page = 1, pageSize = 20): Query {
  const q: Query = {}
  if (filter.node_id) q.node_id = filter.node_id
  if (filter.status) q.status = filter.status
  if (filter.name?.trim()) q.name = filter.name.trim()
  q.page = page
  q.page_size = pageSize
  return q
}

export function sessionQuery(filter: SessionFilter, page = 1, pageSize = 20): Query {
  const q: Query = {}
  if (filter.node_id) q.node_id = filter.node_id
  if (filter.group_id) q.group_id = filter.group_id
  if (filter.audience) q.audience = filter.audience
  if (filter.status) q.status = filter.status
  if (filter.from) q.from = filter.from
  if (filter.to) q.to = filter.to
  q.page = page
  q.page_size = pageSize
  return q
}

const id = (n: number) => encodeURIComponent(String(n))
const keyHeader = (key?: string) => (key ? { 'Idempotency-Key': key } : undefined)
const nodeQuery = (nodeId: number | null | undefined, page: number, pageSize: number): Query => ({ ...(nodeId ? { node_id: nodeId } : {}), page, page_size: pageSize })

// ---- groups and coverage
export const fetchGroups = (filter: GroupFilter = {}, page = 1, pageSize = 20) =>
  get<Page<StudyGroup>>('/study/groups', { query: groupQuery(filter, page, pageSize) })
/** Silent: the drawer says itself that a group is gone. */
export const fetchGroup = (groupId: number) => get<StudyGroup>(`/study/groups/${id(groupId)}`, { silent: true })
export const fetchCoverage = (nodeId?: number | null, page = 1, pageSize = 20) =>
  get<Coverage>('/study/coverage', { query: nodeQuery(nodeId, page, pageSize) })
export const fetchUncovered = (nodeId?: number | null, page = 1, pageSize = 20) =>
  get<Page<UncoveredPerson>>('/study/coverage/uncovered', { query: nodeQuery(nodeId, page, pageSize) })

// The forms show refusals next to their fields: silent.
export const createGroup = (input: GroupCreate, key?: string) =>
  post<StudyGroup>('/study/groups', input, { silent: true, headers: keyHeader(key) })
export const updateGroup = (groupId: number, input: GroupUpdate) => put<StudyGroup>(`/study/groups/${id(groupId)}`, input, { silent: true })
export const closeGroup = (groupId: number) => post<StudyGroup>(`/study/groups/${id(groupId)}/close`, undefined, { silent: true })
export const addGroupMembers = (groupId: number, personIds: number[]) =>
  post<StudyGroup>(`/study/groups/${id(groupId)}/members`, { person_ids: personIds }, { silent: true })
export const removeGroupMember = (groupId: number, personId: number) =>
  del<StudyGroup>(`/study/groups/${id(groupId)}/members/${id(personId)}`, { silent: true })

// ---- sessions
export const fetchSessions = (filter: SessionFilter = {}, page = 1, pageSize = 20) =>
  get<Page<StudySession>>('/study/sessions', { query: sessionQuery(filter, page, pageSize) })
export const fetchSession = (sessionId: number) => get<StudySession>(`/study/sessions/${id(sessionId)}`, { silent: true })
export const createSession = (input: SessionCreate, key?: string) =>
  post<StudySession>('/study/sessions', input, { silent: true, headers: keyHeader(key) })
export const updateSession = (sessionId: number, input: SessionUpdate) =>
  put<StudySession>(`/study/sessions/${id(sessionId)}`, input, { silent: true })
export const closeSession = (sessionId: number) => post<StudySession>(`/study/sessions/${id(sessionId)}/close`, undefined, { silent: true })
export const cancelSession = (sessionId: number) => post<StudySession>(`/study/sessions/${id(sessionId)}/cancel`, undefined, { silent: true })
/** Silent: the screen polls it and shows a closed session or a lost connection itself. */
export const fetchQr = (sessionId: number) => get<QrCode>(`/study/sessions/${id(sessionId)}/qr`, { silent: true })
export const fetchAttendance = (sessionId: number, status: CheckinStatus | '' = '', page = 1, pageSize = 50) =>
  get<Page<AttendanceRow>>(`/study/sessions/${id(sessionId)}/attendance`, { query: { ...(status ? { status } : {}), page, page_size: pageSize } })
export const markAttendance = (sessionId: number, attendance: AttendanceMark[]) =>
  put<StudySession>(`/study/sessions/${id(sessionId)}/attendance`, { attendance }, { silent: true })

// ---- the cadre's own (check-in is idempotent on the server: scanning twice is the same check-in, no key needed)
export const checkin = (token: string) => post<CheckinResult>('/study/checkins', { token }, { silent: true })
export const fetchMySessions = (options: { past?: boolean; days?: number } = {}) =>
  get<{ items: MyStudySession[] }>('/me/study/sessions', {
    query: { ...(options.past ? { past: 'true' } : {}), ...(options.days ? { days: options.days } : {}) },
    silent: true,
  })
export const fetchMyGroups = () => get<{ items: StudyGroup[] }>('/me/study/groups', { silent: true })
