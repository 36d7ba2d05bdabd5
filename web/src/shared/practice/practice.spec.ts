import { describe, expect, it } from 'vitest'
import { lengthClass, nextSteps, planRate, assignmentTypeLabel, stateLabel } from './practice'

describe('lengthClass: what a completed assignment earns (the server’s table)', () => {
  it.each([
    ['2026-03-01', '2026-03-01', 'none'],
    ['2026-03-01', '2026-03-06', 'none'],
    ['2026-03-01', '2026-03-07', 'short'],
    ['2026-03-01', '2026-03-31', 'short'],
    ['2026-03-01', '2026-04-20', 'short'],
    ['2026-03-01', '2026-04-30', 'short'],
    ['2026-03-01', '2026-05-01', 'long'],
    ['2025-12-31', '2026-02-28', 'long'],
    ['2026-01-01', '2026-12-31', 'long'],
    ['2026-03-10', '2026-03-01', 'none'],
    ['2026-02-30', '2026-05-01', 'none'],
  ])('%s → %s is %s', (from, to, expected) => {
    expect(lengthClass(from, to)).toBe(expected)
  })
})

describe('nextSteps', () => {
  it.each([
    ['planned', ['start', 'terminate']],
    ['active', ['mid-term', 'complete', 'terminate']],
    ['mid_term', ['complete', 'terminate']],
    ['completed', []],
    ['terminated', []],
  ] as const)('%s → %j', (state, steps) => {
    expect(nextSteps(state)).toEqual(steps)
  })
})

describe('planRate', () => {
  it('is the completed share of the plan, capped at 100', () => {
    expect(planRate({ planned: 500, completed: 125 })).toBe(25)
    expect(planRate({ planned: 3, completed: 5 })).toBe(100)
    expect(planRate({ planned: 0, completed: 0 })).toBe(100)
    expect(planRate({ planned: null, completed: 4 })).toBeNull()
  })
})

describe('labels', () => {
  it('names types and states in Chinese by default', () => {
    expect(assignmentTypeLabel('mountain_sea')).toBe('山海协作')
    expect(stateLabel('mid_term')).toBe('已中期考核')
  })
})
