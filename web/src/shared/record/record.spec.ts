import { describe, expect, it } from 'vitest'
import type { LeaderComment, RecordEntry } from '../api/record'
import { byCategory, canContest, commentPeriods, currentComments, periodName, sourceLine } from './record'

const entry = (over: Partial<RecordEntry>): RecordEntry => ({
  id: 1, person_id: 7, person_name: '王晓', unit_name: '市教育局', category: 'work_result', fact_date: '2026-11-01', title: 't', content: 'c',
  source_kind: 'unit', source_name: null, recorder_person_id: null, recorder_name: '赵', evidence: [], state: 'confirmed',
  decision_note: null, decided_by: null, decided_at: null, response: null, responded_at: null, contest_reason: null, contested_at: null,
  resolution: null, resolution_note: null, resolved_by: null, resolved_at: null, from_event: false, created_at: '', updated_at: '', history: [],
  ...over,
})

describe('the record as the pages show it', () => {
  it('groups entries by category in the catalogue order, latest fact first', () => {
    const groups = byCategory([
      entry({ id: 1, category: 'shortcoming', fact_date: '2026-01-01' }),
      entry({ id: 2, category: 'work_result', fact_date: '2026-02-01' }),
      entry({ id: 3, category: 'work_result', fact_date: '2026-03-01' }),
    ])
    expect(groups.map((g) => [g.category, g.entries.map((e) => e.id)])).toEqual([
      ['work_result', [3, 2]],
      ['shortcoming', [1]],
    ])
  })

  it.each([
    [{}, true],
    [{ state: 'pending' as const }, false],
    [{ source_kind: 'self' as const }, false],
    [{ resolution: 'upheld' as const }, false],
    [{ state: 'contested' as const }, false],
  ])('a confirmed entry from someone else can be contested once (%o)', (over, expected) => {
    expect(canContest(entry(over))).toBe(expected)
  })

  it('names the source and the periods', () => {
    expect(sourceLine(entry({ source_kind: 'residents', source_name: '社区网格员 张红梅' }))).toBe('群众反映 · 社区网格员 张红梅')
    expect(sourceLine(entry({ source_kind: 'unit' }))).toBe('单位')
    expect(periodName('2026H1')).toBe('2026年上半年')
    expect(periodName('2025')).toBe('2025年度')
    expect(commentPeriods('2026-11-30').slice(0, 4)).toEqual(['2026', '2026H2', '2026H1', '2025'])
  })

  it('shows the current comment of each period with the versions it replaced', () => {
    const c = (id: number, period: string, version: number, current: boolean) =>
      ({ id, person_id: 7, period, version, current, leader_name: '李明', leader_position: null, content: '', written_by: '', written_at: '' }) as LeaderComment
    const shown = currentComments([c(1, '2025', 1, false), c(2, '2025', 2, true), c(3, '2026H1', 1, true)])
    expect(shown.map((s) => [s.comment.id, s.earlier.map((e) => e.id)])).toEqual([
      [3, []],
      [2, [1]],
    ])
  })
})
