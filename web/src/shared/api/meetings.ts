// Organisational life (三会一课, 主题党日, 组织生活会): meetings of a branch or party group with their attendance,
// minutes and photos; closing one publishes its attendance to points and freezes it. The cadence board says for each
// branch and party group whether every type of meeting is held as often as it must be. The server checks every rule,
// permission (party.read / party.write) and data scope; a member reads their own meetings through /me/party/meetings.
import { del, get, post, put, type Query } from './client'
import type { PartyStatus } from './people'

/** In the order the pages list them. party_group is held by a party group, every other type by a branch. */
export const MEETING_TYPES = ['branch_general', 'branch_committee', 'party_group', 'party_lecture', 'theme_day', 'life_meeting'] as const
export type MeetingType = (typeof MEETING_TYPES)[number]
/** The types a branch holds (and is checked for). */
export const BRANCH_MEETING_KINDS: readonly MeetingType[] = MEETING_TYPES.filter((k) => k !== 'party_group')

export const MEETING_STATUSES = ['open', 'closed'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number]

export type Light = 'red' | 'yellow' | 'green'

export interface AttendanceRow {
  person_id: number
  name: string
  party_status: PartyStatus | string
  status: AttendanceStatus
  /** Required for excused; null otherwise. */
  reason: string | null
}

/** A meeting as lists show it. */
export interface MeetingSummary {
  id: number
  /** The branch or party group that held it. */
  node_id: number
  node_name: string
  branch_id: number
  branch_name: string
  unit_name: string
  meeting_type: MeetingType
  held_on: string
  topic: string
  host_person_id: number
  host_name: string
  lecturer: string | null
  lecturer_is_secretary: boolean
  location: string | null
  minutes: string | null
  /** File ids. */
  photos: number[]
  status: MeetingStatus
  /** Display names of the accounts. */
  created_by: string
  created_at: string
  closed_by: string | null
  closed_at: string | null
  present: number
  excused: number
  absent: number
}

export interface Meeting extends MeetingSummary {
  attendance: AttendanceRow[]
}

/** One of my meetings: no minutes, and how I was marked (null when I am not on its list). */
export interface MyMeeting extends Omit<MeetingSummary, 'minutes'> {
  my_status: AttendanceStatus | null
}

/** POST /party/meetings. */
export interface MeetingCreate {
  node_id: number
  meeting_type: MeetingType
  held_on: string
  topic: string
  host_person_id: number
  /** Party lectures only, and then required. */
  lecturer?: string
  lecturer_is_secretary?: boolean
  location?: string
  minutes?: string
  photos?: number[]
}

/** PUT /party/meetings/{id}: every detail of an open meeting (the organisation and the type stay). */
export type MeetingUpdate = Omit<MeetingCreate, 'node_id' | 'meeting_type'>

export interface AttendanceInput {
  person_id: number
  status: AttendanceStatus
  reason?: string
}

export interface MeetingFilter {
  node_id?: number | null
  meeting_type?: MeetingType | ''
  status?: MeetingStatus | ''
  /** YYYY-MM-DD, inclusive. */
  from?: string | null
  to?: string | null
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

/** One type of meeting of a branch in the current period. */
export interface MeetingTypeCadence {
  meeting_type: MeetingType
  light: Light
  last_held_on: string | null
  period_first: string
  period_last: string
  held_this_period: boolean
  /** Whole periods of this year, before the current one, without a meeting. */
  missed_this_year: number
}

export interface NodeCadence {
  node_id: number
  node_name: string
  node_type: 'branch' | 'general_branch' | 'party_group' | string
  unit_name: string
  /** The worst of its lights. */
  light: Light
  meeting_types: MeetingTypeCadence[]
  /** The secretary's own party lecture, once a year; null for a party group. */
  secretary_lecture_light: Light | null
}

/** The filter as query parameters: empty fields left out. */
export function meetingQuery(filter: MeetingFilter, page = 1, pageSize = 20): Query {
  const q: Query = {}
  if (filter.node_id) q.node_id = filter.node_id
  if (filter.meeting_type) q.meeting_type = filter.meeting_type
  if (filter.status) q.status = filter.status
  if (filter.from) q.from = filter.from
  if (filter.to) q.to = filter.to
  q.page = page
  q.page_size = pageSize
  return q
}

const id = (n: number) => encodeURIComponent(String(n))
const keyHeader = (key?: string) => (key ? { 'Idempotency-Key': key } : undefined)

export const fetchMeetings = (filter: MeetingFilter = {}, page = 1, pageSize = 20) =>
  get<Page<MeetingSummary>>('/party/meetings', { query: meetingQuery(filter, page, pageSize) })
/** Silent: the page says itself that a meeting is gone or out of scope. */
export const fetchMeeting = (meetingId: number) => get<Meeting>(`/party/meetings/${id(meetingId)}`, { silent: true })
export const fetchCadence = (nodeId?: number | null, page = 1, pageSize = 50) =>
  get<Page<NodeCadence> & { today: string }>('/party/meeting-cadence', { query: { ...(nodeId ? { node_id: nodeId } : {}), page, page_size: pageSize } })

// The forms show refusals next to their fields (validation with `field`, e.g. attendance[3].reason) and say
// themselves that a meeting was closed meanwhile (409 meeting_closed): silent.
/** `key` makes a resend after a lost answer safe (see idempotency.ts). */
export const createMeeting = (input: MeetingCreate, key?: string) =>
  post<Meeting>('/party/meetings', input, { silent: true, headers: keyHeader(key) })
export const updateMeeting = (meetingId: number, input: MeetingUpdate) => put<Meeting>(`/party/meetings/${id(meetingId)}`, input, { silent: true })
export const setAttendance = (meetingId: number, attendance: AttendanceInput[]) =>
  put<Meeting>(`/party/meetings/${id(meetingId)}/attendance`, { attendance }, { silent: true })
export const closeMeeting = (meetingId: number) => post<Meeting>(`/party/meetings/${id(meetingId)}/close`, undefined, { silent: true })
export const deleteMeeting = (meetingId: number) => del<void>(`/party/meetings/${id(meetingId)}`, { silent: true })

// ---- the member's own (403 no_person for an account without a person: the page says so itself)
export const fetchMyMeetings = () => get<{ items: MyMeeting[] }>('/me/party/meetings', { silent: true })
