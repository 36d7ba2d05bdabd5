import { describe, expect, it } from 'vitest'
import type { DevelopmentCase, NextStep, StepRecord } from '../api/party'
import { doneCount, lastStepDate, nextWhen, timeline } from './timeline'

function step(step_no: number, date: string, attempt = 1, extra: Partial<StepRecord> = {}): StepRecord {
  return {
    id: step_no * 10 + attempt,
    step_no,
    attempt,
    code: '',
    name: '',
    stage: 1,
    date,
    people: [],
    documents: [],
    vote: null,
    outcome: null,
    extension_months: null,
    training_days: null,
    training_hours: null,
    publicity_from: null,
    publicity_to: null,
    note: null,
    entered_by: '王书记',
    entered_at: '2026-01-01T00:00:00Z',
    ...extra,
  }
}
const next = (step_no: number, attempt = 1, earliest: string | null = null, due: string | null = null): NextStep => ({
  step_no,
  attempt,
  code: '',
  name: '',
  stage: 1,
  earliest,
  due,
})
type Kase = Pick<DevelopmentCase, 'status' | 'steps' | 'next_step'>
const states = (c: Kase) => timeline(c).map((r) => `${r.step_no}${r.attempt > 1 ? `.${r.attempt}` : ''}:${r.state[0]}`)

describe('the timeline of a file', () => {
  it('a new file: step 1 done, step 2 next with its due date, the other 23 pending, in their stages', () => {
    const rows = timeline({ status: 'active', steps: [step(1, '2026-01-05')], next_step: next(2, 1, '2026-01-05', '2026-02-05') })
    expect(rows).toHaveLength(25)
    expect(rows[0]).toMatchObject({ step_no: 1, state: 'done', stage: 1 })
    expect(rows[1]).toMatchObject({ step_no: 2, state: 'next', earliest: '2026-01-05', due: '2026-02-05', stage: 1 })
    expect(rows.slice(2).every((r) => r.state === 'pending')).toBe(true)
    expect(rows.map((r) => r.stage)).toEqual([1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5])
  })

  it('an extended probation runs 22–24 again, before 25', () => {
    const steps = [...Array.from({ length: 24 }, (_, i) => step(i + 1, '2026-01-05')), step(23, '2026-01-05', 1, { outcome: 'extend' })]
    steps.splice(22, 1) // the 23 without an outcome
    const c: Kase = { status: 'active', steps, next_step: next(22, 2) }
    expect(states(c).slice(20)).toEqual(['21:d', '22:d', '23:d', '24:d', '22.2:n', '23.2:p', '24.2:p', '25:p'])
  })

  it('a disqualified file shows the steps never reached as closed', () => {
    const steps = Array.from({ length: 24 }, (_, i) => step(i + 1, '2026-01-05', 1, i + 1 === 23 ? { outcome: 'disqualify' } : {}))
    const c: Kase = { status: 'disqualified', steps, next_step: null }
    expect(states(c).slice(-2)).toEqual(['24:d', '25:c'])
    expect(doneCount(c)).toBe(24)
  })

  it('a repeated step counts once among the 25', () => {
    expect(doneCount({ steps: [step(22, 'a'), step(22, 'b', 2), step(1, 'c')] })).toBe(2)
  })
})

describe('when the next step may or must happen', () => {
  const today = '2026-05-15'
  it.each([
    [{ earliest: '2026-06-01', due: null }, 'wait', '最早 2026-06-01 可进行'],
    [{ earliest: '2026-06-01', due: '2026-07-01' }, 'wait', '最早 2026-06-01 可进行'],
    [{ earliest: '2026-05-01', due: '2026-05-10' }, 'overdue', '应于 2026-05-10 前完成，已逾期 5 天'],
    [{ earliest: null, due: '2026-05-15' }, 'due', '应于 2026-05-15 前完成'],
    [{ earliest: null, due: '2026-06-14' }, 'due', '应于 2026-06-14 前完成'],
    [{ earliest: null, due: '2026-06-15' }, 'open', '应于 2026-06-15 前完成'],
    [{ earliest: '2026-05-15', due: null }, 'open', '可以进行'],
    [{ earliest: null, due: null }, 'open', '可以进行'],
  ])('%j → %s', (n, state, text) => {
    expect(nextWhen(n, today)).toEqual({ state, text })
  })

  it('names the first day only when a rule puts it after the last step', () => {
    expect(nextWhen({ earliest: '2026-03-15', due: null }, today, '2025-04-15').text).toBe('可以进行（不早于 2026-03-15）')
    expect(nextWhen({ earliest: '2026-03-15', due: null }, today, '2026-03-15').text).toBe('可以进行')
    expect(lastStepDate({ steps: [step(1, '2025-03-01'), step(3, '2025-04-10'), step(2, '2025-03-06')] })).toBe('2025-04-10')
    expect(lastStepDate({ steps: [] })).toBe('')
  })
})
