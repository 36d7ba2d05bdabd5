// The points module's codes (earn modes, statuses, caps, event types, error codes) as words in the user's language.
import { i18n, t } from '../i18n'
import type { ApiError } from '../api/error'

function known(key: string, code: string): string {
  return i18n.global.te(key, 'zh-CN') ? t(key) : code
}

/** Points with their sign: +2, -3, 0. */
export function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points)
}

export const earnModeLabel = (code: string) => known(`points.earnMode.${code}`, code)
export const appliesToLabel = (code: string) => known(`points.appliesTo.${code}`, code)
export const claimStatusLabel = (code: string) => known(`points.claimStatus.${code}`, code)
export const ruleStatusLabel = (code: string) => known(`points.ruleStatus.${code}`, code)
export const limitLabel = (code: string) => known(`points.limitedBy.${code}`, code)
/** Event types have dots ("study.checkin"), which i18n reads as nesting: they are stored with underscores. */
export const eventTypeLabel = (code: string) => known(`points.eventTypes.${code.replace(/\./g, '_')}`, code)

export const CLAIM_STATUS_TAG: Record<string, 'warning' | 'primary' | 'success' | 'danger' | 'info'> = {
  pending: 'warning',
  first_approved: 'primary',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'info',
}

/** A refusal in words: ours for the codes people meet in the points module, else the server's message. */
export function refusalText(code: string, serverMessage?: string): string {
  const key = `points.errors.${code}`
  if (i18n.global.te(key, 'zh-CN')) return t(key)
  return serverMessage || t('points.errors.other', { code })
}

export const errorText = (e: ApiError) => refusalText(e.code, e.message)
