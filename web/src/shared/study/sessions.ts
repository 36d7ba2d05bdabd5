// Study sessions as both shells show them: labels in the user's language, Beijing times in and UTC out, where a
// session stands for check-in, the countdown of the screen's code, the form's checks and body, the check-in link a
// scan gives, and what each refusal of a check-in means to the cadre.
import { t } from '../i18n'
import '../i18n/study'
import { ApiError } from '../api/error'
import { beijingToIso, formatDateTime } from '../format'
import type { Audience, CheckinStatus, SessionCreate, SessionStatus, StudySession } from '../api/study'

export const audienceLabel = (a: Audience | string): string => t(`study.audience.${a}`)
export const sessionStatusLabel = (s: SessionStatus | string): string => t(`study.sessionStatus.${s}`)
export const groupStatusLabel = (s: string): string => t(`study.groupStatus.${s}`)
export const checkinLabel = (s: CheckinStatus | null | undefined): string => t(`study.checkin.${s ?? 'pending'}`)
export const methodLabel = (m: string | null | undefined): string => (m ? t(`study.method.${m}`) : '—')

/** Tag types in the console (Element Plus); the phone's Vant has 'default' where Element has 'info'. */
export const CHECKIN_TAG: Record<CheckinStatus, 'success' | 'warning' | 'danger' | 'primary' | 'info'> = {
  present: 'success',
  late: 'warning',
  excused: 'primary',
  absent: 'danger',
  pending: 'info',
}
export const vantCheckinTag = (s: CheckinStatus): 'success' | 'warning' | 'danger' | 'primary' | 'default' =>
  CHECKIN_TAG[s] === 'info' ? 'default' : (CHECKIN_TAG[s] as 'success' | 'warning' | 'danger' | 'primary')
export const SESSION_TAG: Record<SessionStatus, 'success' | 'info' | 'warning'> = { open: 'success', closed: 'info', cancelled: 'warning' }

/** Check-in opens this long before the start (the server's rule). */
export const CHECKIN_OPENS_BEFORE_MS = 30 * 60 * 1000
const MAX_SESSION_MS = 24 * 60 * 60 * 1000

/**
 * A Beijing date-time as typed ("2026-11-29 18:00" or with seconds) → the UTC form the server takes,
 * "2026-11-29T10:00:00Z" (whole seconds, no milliseconds: the server compares the text). '' when unreadable.
 */
export function beijingToUtc(value: string | null | undefined): string {
  const iso = beijingToIso(value)
  return iso ? iso.replace(/\.\d{3}Z$/, 'Z') : ''
}

/** A UTC time from the server → "2026-11-29 18:00:00" in Beijing, the form the date-time pickers hold. */
export function utcToBeijing(value: string): string {
  return formatDateTime(value)
}

/** "2026-11-29 18:00–20:00" on one Beijing day, "2026-11-29 18:00 至 2026-11-30 08:00" across days. */
export function sessionTimeRange(s: Pick<StudySession, 'starts_at' | 'ends_at'>): string {
  const from = formatDateTime(s.starts_at)
  const to = formatDateTime(s.ends_at)
  if (from.slice(0, 10) === to.slice(0, 10)) return t('study.sameDay', { date: from.slice(0, 10), from: from.slice(11, 16), to: to.slice(11, 16) })
  return t('study.acrossDays', { from: from.slice(0, 16), to: to.slice(0, 16) })
}

/** Only the clock times, "18:00–20:00", for a list under a day's heading; the whole range across days. */
export function sessionHours(s: Pick<StudySession, 'starts_at' | 'ends_at'>): string {
  const from = formatDateTime(s.starts_at)
  const to = formatDateTime(s.ends_at)
  return from.slice(0, 10) === to.slice(0, 10) ? `${from.slice(11, 16)}–${to.slice(11, 16)}` : sessionTimeRange(s)
}

export type Phase = 'upcoming' | 'checkinOpen' | 'ongoing' | 'over'

/** Where an open session stands at `now`: before check-in opens, in the half hour before the start, running, past its end. */
export function sessionPhase(s: Pick<StudySession, 'starts_at' | 'ends_at'>, now: Date = new Date()): Phase {
  const at = now.getTime()
  const starts = Date.parse(s.starts_at)
  const ends = Date.parse(s.ends_at)
  if (at > ends) return 'over'
  if (at >= starts) return 'ongoing'
  if (at >= starts - CHECKIN_OPENS_BEFORE_MS) return 'checkinOpen'
  return 'upcoming'
}

/** Whether a cadre can check in to an open session now. */
export const canCheckIn = (s: Pick<StudySession, 'starts_at' | 'ends_at' | 'status'>, now: Date = new Date()): boolean =>
  s.status === 'open' && (sessionPhase(s, now) === 'checkinOpen' || sessionPhase(s, now) === 'ongoing')

/**
 * Whole seconds until the screen's code changes: the code is valid in its period and the next, and `valid_until`
 * is the end of the next, so the current period ends one period earlier. Between 0 and the period.
 */
export function secondsToNextCode(validUntil: string, periodSeconds: number, now: Date = new Date()): number {
  const end = Date.parse(validUntil) - periodSeconds * 1000
  if (Number.isNaN(end)) return 0
  return Math.min(periodSeconds, Math.max(0, Math.ceil((end - now.getTime()) / 1000)))
}

/** "87.5%" (one decimal, none when whole), or "—" when there is nothing to cover. */
export function percent(rate: number | null | undefined): string {
  if (rate == null || Number.isNaN(rate)) return t('study.noRate')
  const value = Math.round(rate * 1000) / 10
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`
}

/** Checked in: present and late together. */
export const checkedIn = (s: Pick<StudySession, 'present' | 'late'>): number => s.present + s.late
/** Expected people neither checked in, excused nor recorded absent. */
export const pending = (s: Pick<StudySession, 'expected' | 'present' | 'late' | 'excused' | 'absent'>): number =>
  Math.max(0, s.expected - s.present - s.late - s.excused - s.absent)

// ---- the organiser's form

export interface SessionDraft {
  audience: Audience
  group_id: number | null
  node_id: number | null
  title: string
  /** Beijing date-times "YYYY-MM-DD HH:mm:ss" as the pickers hold them. */
  starts: string
  ends: string
  place: string
  online_url: string
  late_after_minutes: number
}

export type SessionField = 'audience' | 'group_id' | 'node_id' | 'title' | 'starts_at' | 'ends_at' | 'place' | 'online_url' | 'late_after_minutes'

/** What the form can tell before sending (the server checks again). `creating`: the audience fields count too. */
export function sessionErrors(d: SessionDraft, creating: boolean): Partial<Record<SessionField, string>> {
  const e: Partial<Record<SessionField, string>> = {}
  if (creating) {
    if (d.audience === 'group' && !d.group_id) e.group_id = t('sessionForm.groupRequired')
    if (d.audience === 'unit' && !d.node_id) e.node_id = t('sessionForm.unitRequired')
    if (d.audience === 'city' && !d.node_id) e.node_id = t('sessionForm.cityRequired')
  }
  if (!d.title.trim()) e.title = t('sessionForm.nameRequired')
  const starts = beijingToUtc(d.starts)
  const ends = beijingToUtc(d.ends)
  if (!starts) e.starts_at = t('sessionForm.startsRequired')
  if (!ends) e.ends_at = t('sessionForm.endsRequired')
  else if (starts && Date.parse(ends) <= Date.parse(starts)) e.ends_at = t('sessionForm.endsAfter')
  else if (starts && Date.parse(ends) - Date.parse(starts) > MAX_SESSION_MS) e.ends_at = t('sessionForm.tooLong')
  const url = d.online_url.trim()
  if (!d.place.trim() && !url) e.place = t('sessionForm.placeRequired')
  if (url && !/^https?:\/\//i.test(url)) e.online_url = t('sessionForm.urlInvalid')
  return e
}

/** The body of POST /study/sessions (PUT leaves out the audience fields): trimmed, empty optional fields left out. */
export function sessionBody(d: SessionDraft): SessionCreate {
  const body: SessionCreate = {
    audience: d.audience,
    title: d.title.trim(),
    starts_at: beijingToUtc(d.starts),
    ends_at: beijingToUtc(d.ends),
    late_after_minutes: d.late_after_minutes,
  }
  if (d.audience === 'group' && d.group_id) body.group_id = d.group_id
  if (d.audience !== 'group' && d.node_id) body.node_id = d.node_id
  if (d.place.trim()) body.place = d.place.trim()
  if (d.online_url.trim()) body.online_url = d.online_url.trim()
  return body
}

/**
 * A new session's default times: the next whole half hour from now (Beijing), for an hour and a half, so that
 * "organise and check in now" needs no typing. Returned as the pickers hold them.
 */
export function defaultTimes(now: Date = new Date()): { starts: string; ends: string } {
  const step = 30 * 60 * 1000
  const start = new Date(Math.ceil(now.getTime() / step) * step)
  const end = new Date(start.getTime() + 90 * 60 * 1000)
  return { starts: formatDateTime(start), ends: formatDateTime(end) }
}

// ---- the check-in link

export const CHECKIN_PATH = '/m/study/checkin'

/** The absolute link the screen's QR code carries. */
export function checkinUrl(origin: string, checkinPath: string): string {
  return origin.replace(/\/+$/, '') + (checkinPath.startsWith('/') ? checkinPath : `/${checkinPath}`)
}

/**
 * The token in what a scan read: a check-in link of this site ("https://host/m/study/checkin?t=…"), or null for
 * anything else (another site's link, a payment code, text).
 */
export function tokenFromScan(text: string, origin: string): string | null {
  let url: URL
  try {
    url = new URL(text.trim(), origin)
  } catch {
    return null
  }
  if (url.origin !== new URL(origin).origin || url.pathname !== CHECKIN_PATH) return null
  const token = url.searchParams.get('t')
  return token && token.length <= 100 ? token : null
}

/**
 * Whether the browser can scan a code inside the page: the BarcodeDetector API and a camera, which browsers give
 * only to pages on https (or localhost). Elsewhere the phone's own camera opens the link in the code.
 */
export function canScanInPage(env: { BarcodeDetector?: unknown; isSecureContext?: boolean; navigator?: { mediaDevices?: { getUserMedia?: unknown } } } = globalThis as never): boolean {
  return typeof env.BarcodeDetector === 'function' && typeof env.navigator?.mediaDevices?.getUserMedia === 'function' && env.isSecureContext !== false
}

// ---- what a refused check-in tells the cadre

export type CheckinProblem = 'expired' | 'invalid' | 'closed' | 'notStarted' | 'ended' | 'notInAudience' | 'noPerson' | 'network' | 'failed'

const PROBLEMS: Record<string, CheckinProblem> = {
  qr_expired: 'expired',
  invalid_token: 'invalid',
  session_closed: 'closed',
  not_started: 'notStarted',
  session_ended: 'ended',
  not_in_audience: 'notInAudience',
  no_person: 'noPerson',
  network_error: 'network',
  timeout: 'network',
}

export function checkinProblem(err: unknown): CheckinProblem {
  if (err instanceof ApiError) return PROBLEMS[err.code] ?? (err.code === 'validation_failed' ? 'invalid' : 'failed')
  return 'failed'
}

/** A new scan helps after these; "retry" after a network problem. */
export const SCAN_AGAIN: ReadonlySet<CheckinProblem> = new Set(['expired', 'invalid', 'notStarted'])

export interface ProblemText {
  title: string
  /** The server's own words when there is no better hint. */
  hint: string
}

export function checkinProblemText(problem: CheckinProblem, serverMessage = ''): ProblemText {
  if (problem === 'failed') return { title: t('studyCheckin.failed'), hint: serverMessage }
  return { title: t(`studyCheckin.${problem}`), hint: t(`studyCheckin.${problem}Hint`) }
}
