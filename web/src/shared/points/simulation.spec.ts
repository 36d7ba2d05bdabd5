import { describe, expect, it } from 'vitest'
import type { Rule } from '../api/points'
import { applySteps, changeLines, changeOf, draftProblem, newDraft, periodRanges, rangeProblem, rankMove, simulationChanges, type DraftChange } from './simulation'

const rule = (code: string, points: number, caps: Partial<Pick<Rule, 'cap_day' | 'cap_month' | 'cap_year'>> = {}): Rule => ({
  id: code.length * 10,
  code,
  version: 2,
  category_code: 'study',
  name: `项目 ${code}`,
  points,
  earn_mode: 'automatic',
  evidence_required: false,
  cap_day: null,
  cap_month: null,
  cap_year: null,
  ...caps,
  second_approver: false,
  applies_to: 'members',
  valid_from: '2026-01-01',
  valid_to: null,
  status: 'current',
  created_at: '2026-01-01T00:00:00Z',
})

const draft = (r: Rule, change: Partial<DraftChange> = {}): DraftChange => ({ ...newDraft(r), ...change })

describe('the draft → the simulation request', () => {
  it.each([
    ['nothing filled in', {}, null],
    ['the same points as now', { points: 1 }, null],
    ['new points', { points: 2 }, { rule_code: 'study_checkin', points: 2 }],
    ['a cap that differs and one that does not', { cap_day: 1, cap_month: 4 }, { rule_code: 'study_checkin', cap_month: 4 }],
    ['retire wins over the rest', { points: 3, retire: true }, { rule_code: 'study_checkin', retire: true }],
  ] as const)('%s', (_name, change, expected) => {
    expect(changeOf(draft(rule('study_checkin', 1, { cap_day: 1 }), change))).toEqual(expected)
  })

  it('sends only the rows that change something', () => {
    const drafts = [draft(rule('a_rule', 1), { points: 2 }), draft(rule('b_rule', 3)), draft(rule('c_rule', 1), { cap_year: 12 })]
    expect(simulationChanges(drafts)).toEqual([
      { rule_code: 'a_rule', points: 2 },
      { rule_code: 'c_rule', cap_year: 12 },
    ])
  })

  it.each([
    [{ points: 0 }, '分值应在 -100 至 100 之间且不为 0'],
    [{ points: 101 }, '分值应在 -100 至 100 之间且不为 0'],
    [{ cap_month: 0 }, '上限应在 1 至 1000 之间'],
    [{}, '“项目 a_rule”尚未填写任何调整'],
    [{ points: 0, retire: true }, null],
    [{ points: -2 }, null],
  ])('a row %j: %s', (change, problem) => {
    expect(draftProblem(draft(rule('a_rule', 1), change))).toBe(problem)
  })
})

describe('the draft → the edits that apply it', () => {
  it('says what changes in words', () => {
    expect(changeLines(draft(rule('a_rule', 1, { cap_day: 2 }), { points: 2, cap_day: 3, cap_year: 10 }))).toEqual([
      '分值：+1 → +2',
      '每日上限：2 分 → 3 分',
      '每年上限：不设 → 10 分',
    ])
    expect(changeLines(draft(rule('a_rule', 1), { retire: true }))).toEqual(['停用该项目'])
  })

  it('revises with the rest of the rule as it is, retires, and leaves out rows that change nothing', () => {
    const r = rule('a_rule', 1, { cap_month: 4 })
    const steps = applySteps([draft(r, { points: 2, cap_day: 1 }), draft(rule('b_rule', 3)), draft(rule('c_rule', 5), { retire: true })])
    expect(steps.map((s) => [s.kind, s.rule.code])).toEqual([
      ['revise', 'a_rule'],
      ['retire', 'c_rule'],
    ])
    expect(steps[0].kind === 'revise' && steps[0].body).toEqual({
      category_code: 'study',
      name: '项目 a_rule',
      points: 2,
      earn_mode: 'automatic',
      evidence_required: false,
      second_approver: false,
      applies_to: 'members',
      valid_from: '2026-01-01',
      cap_day: 1,
      cap_month: 4,
    })
  })
})

describe('ranks and periods', () => {
  it.each([
    [{ rank_before: 5, rank_after: 2 }, 3],
    [{ rank_before: 2, rank_after: 6 }, -4],
    [{ rank_before: 3, rank_after: 3 }, 0],
  ])('rank move %j = %i', (m, n) => {
    expect(rankMove(m)).toBe(n)
  })

  it('offers this year so far, last month, last quarter and last year, each within one year', () => {
    expect(Object.fromEntries(periodRanges('2026-11-29').map((p) => [p.key, p.range]))).toEqual({
      thisYear: ['2026-01-01', '2026-11-29'],
      lastMonth: ['2026-10-01', '2026-10-31'],
      lastQuarter: ['2026-07-01', '2026-09-30'],
      lastYear: ['2025-01-01', '2025-12-31'],
    })
    expect(Object.fromEntries(periodRanges('2027-02-10').map((p) => [p.key, p.range]))).toMatchObject({
      lastMonth: ['2027-01-01', '2027-01-31'],
      lastQuarter: ['2026-10-01', '2026-12-31'],
    })
    expect(periodRanges('2028-03-05')[1].range).toEqual(['2028-02-01', '2028-02-29'])
  })

  it.each([
    [null, '请选择模拟期间'],
    [['2026-03-01', '2026-02-01'], '截止日期不能早于起始日期'],
    [['2025-12-01', '2026-01-31'], '模拟期间须在同一年内'],
    [['2026-11-01', '2026-11-30'], '模拟期间不能晚于今天'],
    [['2026-01-01', '2026-11-29'], null],
  ] as const)('period %j: %s', (range, problem) => {
    expect(rangeProblem(range as [string, string] | null, '2026-11-29')).toBe(problem)
  })
})
