// Where a publicity (公示) stands on a given Beijing day, and the order a member reads them in.
import type { AppealStatus, Publicity } from '../api/publicity'
import { i18n, t } from '../i18n'

/**
 * open: within its days, appeals are taken; ended: the last day has passed but no one has closed it yet (appeals
 * are no longer taken); closed: closed by a manager, with a note.
 */
export type PublicityPhase = 'open' | 'ended' | 'closed'

export function publicityPhase(p: Pick<Publicity, 'status' | 'ends_on'>, today: string): PublicityPhase {
  if (p.status === 'closed') return 'closed'
  return today > p.ends_on ? 'ended' : 'open'
}

/** Whole days from one Beijing date to another ("2026-11-29" → "2026-12-06" is 7). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** The Beijing date `days` after `date`: the last day of a publicity published on `date` for `days` days, as the
 * server counts it ("2026-11-29" + 7 → "2026-12-06"). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** Days left to appeal, today included: 1 on the last day, 0 once over. */
export function daysLeft(p: Pick<Publicity, 'status' | 'ends_on'>, today: string): number {
  return publicityPhase(p, today) === 'open' ? daysBetween(today, p.ends_on) + 1 : 0
}

/** A member's list: those still taking appeals first (the soonest to end first), then the rest, newest first. */
export function forMember<T extends Publicity>(items: readonly T[], today: string): T[] {
  const open = (p: T) => publicityPhase(p, today) === 'open'
  return [...items].sort((a, b) => {
    if (open(a) !== open(b)) return open(a) ? -1 : 1
    if (open(a) && a.ends_on !== b.ends_on) return a.ends_on < b.ends_on ? -1 : 1
    return b.id - a.id
  })
}

/** How many publicities a member may still appeal against: the badge on the 积分 page. */
export function openCount(items: readonly Pick<Publicity, 'status' | 'ends_on'>[], today: string): number {
  return items.filter((p) => publicityPhase(p, today) === 'open').length
}

function known(key: string, code: string): string {
  return i18n.global.te(key, 'zh-CN') ? t(key) : code
}

export const phaseLabel = (phase: PublicityPhase) => t(`publicity.phase.${phase}`)
export const appealStatusLabel = (status: AppealStatus | string) => known(`publicity.appealStatus.${status}`, status)

export const PHASE_TAG: Record<PublicityPhase, 'success' | 'warning' | 'info'> = { open: 'success', ended: 'warning', closed: 'info' }
export const APPEAL_TAG: Record<string, 'warning' | 'success' | 'info'> = { open: 'warning', upheld: 'success', dismissed: 'info' }
