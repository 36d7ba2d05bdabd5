// Party dues as the pages show them: cents as yuan with two decimals, what a month means for a member (paid, owed,
// not owed), the month's totals of a list, and the months a payment may cover. The server decides every rule again;
// these only keep the pages from offering what it would refuse.
import '../i18n/dues'
import { t } from '../i18n'
import type { ArrearsLevel, DuesBase, DuesCategory, DuesMember, PaymentMethod } from '../api/dues'

/** The largest monthly income the server takes (1,000,000.00 yuan). */
export const MAX_INCOME_CENTS = 100_000_000

/** A payment may cover at most the six months before the month it is paid in. */
export const BACK_PAYMENT_MONTHS = 6

/** 12000 → "120.00", 123456789 → "1,234,567.89". Integer arithmetic: no amount is rounded twice. */
export function yuan(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(Math.round(cents))
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`
}

/**
 * What a person types as an amount in yuan → cents: "8000", "8,000.5", " 8000.50 " → 800050. null when it is not an
 * amount (letters, a negative, more than two decimals).
 */
export function parseYuan(text: string): number | null {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!m) return null
  const whole = Number(m[1].replace(/,/g, ''))
  const cents = whole * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return Number.isSafeInteger(cents) ? cents : null
}

/** "2026-11" + n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The months from `first` to `last`, both included, in order. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = []
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m)
  return out
}

/**
 * A month of a member: paid; owed and not paid (late once the month is over); not owed (no income declared, or
 * before their first month of dues); ahead (a later month not paid yet).
 */
export type MonthState = 'paid' | 'unpaid' | 'not_due' | 'ahead'

/** `current` is the server's month: a month after it is not late. Only months of the current year are known paid. */
export function monthState(member: Pick<DuesMember, 'base' | 'first_month' | 'paid_this_year'>, month: string, current: string): MonthState {
  if (member.paid_this_year.includes(month)) return 'paid'
  if (!member.base || !member.first_month || month < member.first_month) return 'not_due'
  return month > current ? 'ahead' : 'unpaid'
}

export interface MonthTotals {
  /** Members who owe the month (paid or not). */
  members: number
  paidMembers: number
  /** Sums in cents: what the month asks of them, what is paid, what is still outstanding. */
  due: number
  paid: number
  outstanding: number
}

/** The month's totals of the members listed, each at their declared monthly amount. */
export function monthTotals(members: readonly DuesMember[], month: string, current: string): MonthTotals {
  const totals: MonthTotals = { members: 0, paidMembers: 0, due: 0, paid: 0, outstanding: 0 }
  for (const m of members) {
    const state = monthState(m, month, current)
    if (state === 'not_due' || !m.base) continue
    totals.members += 1
    totals.due += m.base.amount_cents
    if (state === 'paid') {
      totals.paidMembers += 1
      totals.paid += m.base.amount_cents
    }
  }
  totals.outstanding = totals.due - totals.paid
  return totals
}

/**
 * The months a payment made today may cover: from six months back (never before the member's first month of dues)
 * to the end of the current year, each with whether it is known to be paid already.
 */
export function payableMonths(member: Pick<DuesMember, 'first_month' | 'paid_this_year'>, current: string): { month: string; paid: boolean }[] {
  if (!member.first_month) return []
  const earliest = addMonths(current, -BACK_PAYMENT_MONTHS)
  const first = member.first_month > earliest ? member.first_month : earliest
  return monthRange(first, `${current.slice(0, 4)}-12`).map((month) => ({ month, paid: member.paid_this_year.includes(month) }))
}

/** The years an income may be declared for: five back to the next one (the server's range). */
export function baseYears(current: string): number[] {
  const year = Number(current.slice(0, 4))
  return [year + 1, year, year - 1, year - 2, year - 3, year - 4, year - 5]
}

/** "1.5%", or the flat amount for the flat categories. */
export function rateText(base: Pick<DuesBase, 'rate_permille' | 'amount_cents'>): string {
  return base.rate_permille ? `${base.rate_permille / 10}%` : t('dues.flat', { amount: yuan(base.amount_cents) })
}

export const categoryLabel = (c: DuesCategory | string): string => t(`dues.category.${c}`)
export const methodLabel = (m: PaymentMethod | string): string => t(`dues.method.${m}`)
export const monthStateLabel = (s: MonthState): string => t(`dues.state.${s}`)
/** "欠缴 4 个月" with its level's colour on the page; nothing when none are late. */
export const arrearsLabel = (months: number): string => (months > 0 ? t('dues.arrearsN', { n: months }) : t('dues.arrearsNone'))
export const levelLabel = (level: ArrearsLevel): string => t(`dues.level.${level}`)

/** The colours of the levels (the platform's red, Element's warning yellow). */
export const ARREARS_COLOUR: Record<ArrearsLevel, string> = { overdue: '#c8161d', warning: '#b88230' }
export const ARREARS_TAG: Record<ArrearsLevel, 'danger' | 'warning'> = { overdue: 'danger', warning: 'warning' }

/** "2026-11" → 2026年11月 / Nov 2026. */
export function monthLabel(month: string): string {
  return t('dues.monthLabel', { year: month.slice(0, 4), month: Number(month.slice(5, 7)) })
}
