import { describe, expect, it } from 'vitest'
import { identifyingHints, overdueCorrections, resultShown, stepIndex } from './oversight'

describe('oversight cases', () => {
  it('places a case on the workflow, a declined one after the review', () => {
    expect(stepIndex('submitted')).toBe(0)
    expect(stepIndex('decided')).toBe(2)
    expect(stepIndex('declined')).toBe(1)
    expect(stepIndex('closed')).toBe(4)
  })

  it('shows the result only once notified', () => {
    expect(resultShown({ state: 'decided', outcome: 'tolerated' })).toBe(false)
    expect(resultShown({ state: 'notified', outcome: 'tolerated' })).toBe(true)
    expect(resultShown({ state: 'closed', outcome: null })).toBe(false)
  })

  it('counts correction items past their deadline', () => {
    const k = { id: 1, content: 'x', due_date: '2026-01-01', done_at: null, done_note: null }
    expect(overdueCorrections({ corrections: [{ ...k, overdue: true }, { ...k, id: 2, overdue: false }] })).toBe(1)
  })

  it('hints at names, ID numbers and mobile numbers left in a text', () => {
    expect(identifyingHints('王晓（甲单位）电话13912345678，身份证33020419900101123X', ['王晓', '甲单位'])).toEqual([
      '王晓', '甲单位', '13912345678', '33020419900101123X',
    ])
    expect(identifyingHints('某某同志垫付 120000 元，编号 20261127', ['王晓'])).toEqual([])
  })
})
