import { describe, expect, it } from 'vitest'
import { beijingToday, periodLabel, periodOf } from './period'

describe('periods', () => {
  it('today is Beijing’s date, whatever the zone of the device', () => {
    // 2026-12-31 17:00 UTC is already 1 January in Beijing.
    expect(beijingToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01')
  })

  it.each([
    ['year', '2026-11-29', '2026'],
    ['quarter', '2026-11-29', '2026-Q4'],
    ['quarter', '2026-01-01', '2026-Q1'],
    ['quarter', '2026-06-30', '2026-Q2'],
    ['month', '2026-07-01', '2026-07'],
  ] as const)('%s of %s is %s', (kind, date, period) => {
    expect(periodOf(kind, date)).toBe(period)
  })

  it.each([
    ['2026', '2026年'],
    ['2026-Q4', '2026年第4季度'],
    ['2026-03', '2026年3月'],
    ['whenever', 'whenever'],
  ])('%s reads %s', (period, label) => {
    expect(periodLabel(period)).toBe(label)
  })
})
