// Meetings of organisational life as both shells show them: the names of types, attendance and lights in the user's
// language, which types an organisation holds, the attendance a form sends and where the server's refusal of it
// belongs, and the counts the pages show.
import { t } from '../i18n'
import '../i18n/meetings'
import { ApiError } from '../api/error'
import {
  BRANCH_MEETING_KINDS,
  type AttendanceInput,
  type AttendanceStatus,
  type MeetingTypeCadence,
  type Light,
  type MeetingType,
  type MeetingUpdate,
  type MyMeeting,
  type NodeCadence,
} from '../api/meetings'

export const meetingTypeLabel = (meeting_type: MeetingType | string): string => t(`meeting.meeting_type.${meeting_type}`)
export const cadenceRule = (meeting_type: MeetingType | string): string => t(`meeting.cadenceRule.${meeting_type}`)
export const attendanceLabel = (status: AttendanceStatus | null | undefined): string => t(`meeting.attendance.${status ?? 'none'}`)
export const lightLabel = (light: Light | null | undefined): string => t(`meeting.light.${light ?? 'none'}`)
export const meetingStatusLabel = (status: string): string => t(`meeting.status.${status}`)

/** The lights' colours: the platform's red, Element's warning yellow and success green. */
export const LIGHT_COLOUR: Record<Light, string> = { red: '#c8161d', yellow: '#e6a23c', green: '#2f9e44' }
/** Element Plus and Vant share these tag types. */
export const ATTENDANCE_TAG: Record<AttendanceStatus, 'success' | 'warning' | 'danger'> = { present: 'success', excused: 'warning', absent: 'danger' }

/** The organisations that hold meetings: branches (and general branches) and party groups. */
export const holdsMeetings = (nodeType: string): boolean => nodeType === 'branch' || nodeType === 'general_branch' || nodeType === 'party_group'

/** The types an organisation of this type may record: a party group only its own meeting, a branch every other. */
export function meetingTypesFor(nodeType: string | null | undefined): readonly MeetingType[] {
  if (nodeType === 'party_group') return ['party_group']
  if (nodeType === 'branch' || nodeType === 'general_branch') return BRANCH_MEETING_KINDS
  return []
}

/** A row of the attendance form. */
export interface AttendanceDraft {
  person_id: number
  status: AttendanceStatus
  reason: string
}

/** The people whose row cannot be sent, with why: an excused absence needs a reason. */
export function attendanceErrors(rows: readonly AttendanceDraft[]): Map<number, string> {
  const out = new Map<number, string>()
  for (const r of rows) if (r.status === 'excused' && !r.reason.trim()) out.set(r.person_id, t('meeting.reasonRequired'))
  return out
}

/** The body of PUT …/attendance: reasons trimmed, and none for someone present (a leftover from an earlier choice). */
export function attendanceBody(rows: readonly AttendanceDraft[]): AttendanceInput[] {
  return rows.map((r) => {
    const reason = r.reason.trim()
    return r.status !== 'present' && reason ? { person_id: r.person_id, status: r.status, reason } : { person_id: r.person_id, status: r.status }
  })
}

/**
 * The person a refusal of the attendance is about: the server names the row as `attendance[i].reason` (or
 * `.status`, `.person_id`) by its place in the list that was sent. null when the error is about no row.
 */
export function attendanceErrorRow(err: unknown, sent: readonly { person_id: number }[]): number | null {
  if (!(err instanceof ApiError) || !err.field) return null
  const m = /^attendance\[(\d+)\]/.exec(err.field)
  if (!m) return null
  return sent[Number(m[1])]?.person_id ?? null
}

/** What the details form edits. */
export interface DetailsDraft {
  held_on: string
  topic: string
  host_person_id: number | null
  lecturer: string
  lecturer_is_secretary: boolean
  location: string
  minutes: string
  photos: number[]
}

/** The body of POST or PUT: text trimmed, empty optional fields left out, the lecturer only for a party lecture. */
export function detailsBody(meeting_type: MeetingType, d: DetailsDraft): MeetingUpdate {
  const body: MeetingUpdate = { held_on: d.held_on, topic: d.topic.trim(), host_person_id: d.host_person_id ?? 0 }
  if (meeting_type === 'party_lecture') {
    body.lecturer = d.lecturer.trim()
    body.lecturer_is_secretary = d.lecturer_is_secretary
  }
  const location = d.location.trim()
  if (location) body.location = location
  const minutes = d.minutes.trim()
  if (minutes) body.minutes = minutes
  body.photos = [...d.photos]
  return body
}

export type DetailsField = 'node_id' | 'meeting_type' | 'held_on' | 'topic' | 'host_person_id' | 'lecturer' | 'location' | 'minutes' | 'photos'

/** What the form can tell before sending: each missing required field with its message. */
export function detailsErrors(meeting_type: MeetingType | '' | null, d: DetailsDraft): Partial<Record<DetailsField, string>> {
  const out: Partial<Record<DetailsField, string>> = {}
  if (!d.held_on) out.held_on = t('meetingForm.heldOnRequired')
  if (!d.topic.trim()) out.topic = t('meetingForm.topicRequired')
  if (!d.host_person_id) out.host_person_id = t('meetingForm.hostRequired')
  if (meeting_type === 'party_lecture' && !d.lecturer.trim()) out.lecturer = t('meetingForm.lecturerRequired')
  return out
}

/** How often I was present, excused and absent at this year's closed meetings. */
export function myYear(items: readonly MyMeeting[], today: string): Record<AttendanceStatus, number> {
  const out: Record<AttendanceStatus, number> = { present: 0, excused: 0, absent: 0 }
  const year = today.slice(0, 4)
  for (const m of items) if (m.status === 'closed' && m.held_on.startsWith(year) && m.my_status) out[m.my_status] += 1
  return out
}

/** The cadence of one type for a row of the board; undefined when the organisation is not checked for it. */
export const cadenceOf = (row: NodeCadence, meeting_type: MeetingType): MeetingTypeCadence | undefined => row.meeting_types.find((k) => k.meeting_type === meeting_type)

/** Missed periods of the year over all types of a row. */
export const missedThisYear = (row: NodeCadence): number => row.meeting_types.reduce((n, k) => n + k.missed_this_year, 0)

export function countLights(rows: readonly NodeCadence[]): Record<Light, number> {
  const out: Record<Light, number> = { red: 0, yellow: 0, green: 0 }
  for (const r of rows) out[r.light] += 1
  return out
}
