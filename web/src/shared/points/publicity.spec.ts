import { describe, expect, it } from 'vitest'
import type { Publicity } from '../api/publicity'
import { addDays, appealStatusLabel, daysBetween, daysLeft, forMember, openCount, phaseLabel, publicityPhase } from './publicity'

const pub = (id: number, status: Publicity['status'], ends_on: string): Publicity => ({
  id,
  node_id: 4,
  node_name: '市教育局机关第一党支部',
  period: '2026',
  title: `公示 ${id}`,
  starts_on: '2026-11-20',
  ends_on,
  status,
  people: 12,
  published_by: '王芳',
  published_at: '2026-11-20T02:00:00Z',
  closed_by: null,
  closed_at: null,
  closing_note: null,
  open_appeals: 0,
})

describe('publicity phases on a Beijing day', () => {
  it.each([
    ['open', '2026-12-06', '2026-11-29', 'open', 8],
    ['open', '2026-11-29', '2026-11-29', 'open', 1], // the last day still takes appeals
    ['open', '2026-11-28', '2026-11-29', 'ended', 0],
    ['closed', '2026-12-06', '2026-11-29', 'closed', 0],
  ] as const)('%s until %s, on %s: %s, %i days left', (status, ends, today, phase, left) => {
    expect(publicityPhase(pub(1, status, ends), today)).toBe(phase)
    expect(daysLeft(pub(1, status, ends), today)).toBe(left)
  })

  it('counts days as the server does, across a month and a year', () => {
    expect(addDays('2026-11-29', 7)).toBe('2026-12-06')
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04')
    expect(daysBetween('2026-12-28', '2027-01-04')).toBe(7)
  })

  it('lists open ones first (the soonest to end first), then the rest newest first; the badge counts the open', () => {
    const items = [pub(1, 'closed', '2026-11-27'), pub(2, 'open', '2026-12-06'), pub(3, 'open', '2026-11-28'), pub(4, 'open', '2026-12-01'), pub(5, 'closed', '2026-12-20')]
    expect(forMember(items, '2026-11-29').map((p) => p.id)).toEqual([4, 2, 5, 3, 1])
    expect(openCount(items, '2026-11-29')).toBe(2)
  })

  it('names phases and appeal states in words', () => {
    expect(phaseLabel('open')).toBe('公示中')
    expect(phaseLabel('ended')).toBe('公示期满')
    expect(appealStatusLabel('upheld')).toBe('成立')
    expect(appealStatusLabel('dismissed')).toBe('不成立')
    expect(appealStatusLabel('odd')).toBe('odd')
  })
})
