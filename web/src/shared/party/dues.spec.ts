import { describe, expect, it } from 'vitest'
import type { DuesMember } from '../api/dues'
import { addMonths, baseYears, monthRange, monthState, monthTotals, parseYuan, payableMonths, rateText, yuan } from './dues'

describe('yuan from cents', () => {
  it.each([
    [0, '0.00'],
    [20, '0.20'],
    [12000, '120.00'],
    [1205, '12.05'],
    [123456789, '1,234,567.89'],
    [-350, '-3.50'],
  ])('%i → %s', (cents, text) => {
    expect(yuan(cents)).toBe(text)
  })
})

describe('an amount typed in yuan', () => {
  it.each([
    ['8000', 800000],
    [' 8000.5 ', 800050],
    ['8,000.50', 800050],
    ['0', 0],
    ['0.2', 20],
    ['12,345,678.09', 1234567809],
  ])('%j → %i cents', (text, cents) => {
    expect(parseYuan(text)).toBe(cents)
  })

  it.each(['', 'abc', '-5', '8000.505', '8,00', '1e5', '.5'])('%j is not an amount', (text) => {
    expect(parseYuan(text)).toBeNull()
  })
})

describe('months', () => {
  it('adds across years and lists a range', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01')
    expect(addMonths('2026-03', -6)).toBe('2025-09')
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(monthRange('2026-03', '2026-02')).toEqual([])
  })

  it('offers the years the server takes, the next one first', () => {
    expect(baseYears('2026-11')).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021])
  })
})

const base = { person_id: 1, year: 2026, category: 'employed' as const, income_cents: 800000, amount_cents: 12000, rate_permille: 15, set_by: '马月蕾', set_at: '2026-11-29T00:00:00Z', from_month: '2026-01' }
function member(over: Partial<DuesMember> = {}): DuesMember {
  return {
    person_id: 1,
    name: '丁林峰',
    party_status: 'full',
    unit_name: '市教育局',
    branch_name: '第二党支部',
    base,
    first_month: '2026-01',
    paid_this_year: [],
    last_paid: null,
    arrears_months: 0,
    level: null,
    ...over,
  }
}

describe('a month of a member', () => {
  it.each([
    ['paid', member({ paid_this_year: ['2026-10'] }), '2026-10', 'paid'],
    ['owed and unpaid', member(), '2026-10', 'unpaid'],
    ['the current month unpaid', member(), '2026-11', 'unpaid'],
    ['a later month', member(), '2026-12', 'ahead'],
    ['before their first month', member({ first_month: '2026-05' }), '2026-04', 'not_due'],
    ['no income declared', member({ base: null, first_month: null }), '2026-10', 'not_due'],
  ])('%s', (_case, m, month, state) => {
    expect(monthState(m, month, '2026-11')).toBe(state)
  })
})

describe('the month’s totals', () => {
  it('count what the members who owe the month are due, have paid and still owe', () => {
    const members = [
      member({ person_id: 1, paid_this_year: ['2026-11'] }),
      member({ person_id: 2, base: { ...base, amount_cents: 2500 } }),
      member({ person_id: 3, base: null, first_month: null }),
      member({ person_id: 4, first_month: '2026-12' }),
      member({ person_id: 5, base: { ...base, amount_cents: 20 }, paid_this_year: ['2026-10', '2026-11'] }),
    ]
    expect(monthTotals(members, '2026-11', '2026-11')).toEqual({ members: 3, paidMembers: 2, due: 14520, paid: 12020, outstanding: 2500 })
    expect(monthTotals([], '2026-11', '2026-11')).toEqual({ members: 0, paidMembers: 0, due: 0, paid: 0, outstanding: 0 })
  })
})

describe('the months a payment may cover', () => {
  it('six months back to the end of the year, the paid ones marked', () => {
    const months = payableMonths(member({ paid_this_year: ['2026-06', '2026-11'] }), '2026-11')
    expect(months.map((m) => m.month)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'])
    expect(months.filter((m) => m.paid).map((m) => m.month)).toEqual(['2026-06', '2026-11'])
  })

  it('never before the first month, across the turn of the year, none without a base', () => {
    expect(payableMonths(member({ first_month: '2026-09' }), '2026-11').map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12'])
    expect(payableMonths(member({ first_month: '2025-01' }), '2026-02')[0].month).toBe('2025-08')
    expect(payableMonths(member({ base: null, first_month: null }), '2026-11')).toEqual([])
  })
})

describe('the rate', () => {
  it('as a percentage, or the flat amount', () => {
    expect(rateText({ rate_permille: 15, amount_cents: 12000 })).toBe('1.5%')
    expect(rateText({ rate_permille: 5, amount_cents: 1000 })).toBe('0.5%')
    expect(rateText({ rate_permille: 0, amount_cents: 20 })).toBe('每月 0.20 元')
  })
})
