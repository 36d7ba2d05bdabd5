// Ranking periods as the server names them: a year (2026), a quarter (2026-Q4) or a month (2026-11), always of
// Beijing's calendar.
import { formatDate } from '../format'
import { t } from '../i18n'

export const PERIOD_KINDS = ['year', 'quarter', 'month'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

/** Today's date in Beijing, "2026-11-29", whatever the device's own zone. */
export function beijingToday(now: Date = new Date()): string {
  return formatDate(now)
}

export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1
}

/** The period of a kind that holds a date: periodOf('quarter', '2026-11-29') → '2026-Q4'. */
export function periodOf(kind: PeriodKind, date: string): string {
  const year = date.slice(0, 4)
  if (kind === 'year') return year
  if (kind === 'month') return date.slice(0, 7)
  return `${year}-Q${quarterOf(Number(date.slice(5, 7)))}`
}

/** '2026' → 2026年, '2026-Q4' → 2026年第4季度, '2026-11' → 2026年11月. Anything else is returned as it came. */
export function periodLabel(period: string): string {
  let m = /^(\d{4})$/.exec(period)
  if (m) return t('points.period.year', { year: m[1] })
  m = /^(\d{4})-Q([1-4])$/.exec(period)
  if (m) return t('points.period.quarter', { year: m[1], quarter: m[2] })
  m = /^(\d{4})-(\d{2})$/.exec(period)
  if (m) return t('points.period.month', { year: m[1], month: Number(m[2]) })
  return period
}
