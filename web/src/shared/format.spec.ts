import { describe, expect, it } from 'vitest'
import { beijingToIso, formatDate, formatDateTime, formatTime, formatUntil } from './format'

describe('formatDateTime shows Beijing time', () => {
  it.each([
    ['2026-11-29T10:00:00Z', '2026-11-29 18:00:00'],
    ['2026-11-29T20:30:05Z', '2026-11-30 04:30:05'],
    ['2026-12-31T16:00:00Z', '2027-01-01 00:00:00'],
    ['2026-11-29T18:00:00+08:00', '2026-11-29 18:00:00'],
    ['not a date', 'not a date'],
  ])('%s → %s', (input, expected) => {
    expect(formatDateTime(input)).toBe(expected)
  })

  it('formats Date objects and the clock part alone', () => {
    expect(formatTime(new Date('2026-11-29T10:00:05Z'))).toBe('18:00:05')
  })
})

describe('formatUntil', () => {
  const now = new Date('2026-11-29T10:15:00Z') // 18:15 in Beijing
  it.each([
    ['2026-11-29T10:30:00Z', '18:30'],
    ['2026-11-29T15:59:00Z', '23:59'],
    ['2026-11-29T16:00:00Z', '2026-11-30 00:00'],
    ['later', 'later'],
  ])('%s → %s', (input, expected) => {
    expect(formatUntil(input, now)).toBe(expected)
  })

  it('formatDate keeps the Beijing date', () => {
    expect(formatDate('2027-02-26T16:00:00Z')).toBe('2027-02-27')
  })
})

describe('beijingToIso', () => {
  it.each([
    ['2026-11-29 18:00:00', '2026-11-29T10:00:00.000Z'],
    ['2026-11-30 00:00:00', '2026-11-29T16:00:00.000Z'],
    ['2026-01-01 07:59:59', '2025-12-31T23:59:59.000Z'],
    ['2026-11-29', '2026-11-28T16:00:00.000Z'],
    ['', ''],
    [null, ''],
    ['yesterday', ''],
  ])('%s → %s', (input, expected) => {
    expect(beijingToIso(input)).toBe(expected)
  })
})
