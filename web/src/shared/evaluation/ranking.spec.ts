import { describe, expect, it } from 'vitest'
import { dropIndex, moveItem, orderHints, rowsOf, scoreProblems, submission, validScore } from './ranking'

const row = (id: number, score: string) => ({ ratee_id: id, name: `p${id}`, unit_name: 'u', line_name: 'l', score })

describe('the rater list', () => {
  it('moves an item down and up, and leaves the list alone for a move out of range', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd'])
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c'])
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['a', 'b'])
  })

  it('finds the row under the pointer, clamped to the list', () => {
    const tops = [100, 160, 220]
    expect(dropIndex(tops, 280, 50)).toBe(0)
    expect(dropIndex(tops, 280, 159)).toBe(0)
    expect(dropIndex(tops, 280, 160)).toBe(1)
    expect(dropIndex(tops, 280, 250)).toBe(2)
    expect(dropIndex(tops, 280, 900)).toBe(2)
    expect(dropIndex([], 0, 10)).toBe(0)
  })

  it('ranks by place, so a submission never ties', () => {
    const rows = [row(7, '90'), row(3, '95'), row(5, '80')]
    expect(submission(rows, true)).toEqual([
      { ratee_id: 7, score: 90, rank: 1 },
      { ratee_id: 3, score: 95, rank: 2 },
      { ratee_id: 5, score: 80, rank: 3 },
    ])
    expect(submission(rows, false)[0]).toEqual({ ratee_id: 7, score: 90 })
    expect(orderHints(rows)).toEqual([1])
  })

  it('accepts whole scores from 0 to 100 only', () => {
    expect(['0', '100', '86'].every(validScore)).toBe(true)
    expect(['', '101', '8.5', '-1', 'abc'].some(validScore)).toBe(false)
    expect(scoreProblems([row(1, '90'), row(2, ''), row(3, '120')])).toEqual([1, 2])
  })

  it('starts from the rater last order, unranked people after', () => {
    const rows = rowsOf([
      { ratee_id: 1, name: 'a', unit_name: '', line_name: '', rated: false, score: null, rank: null },
      { ratee_id: 2, name: 'b', unit_name: '', line_name: '', rated: true, score: 88, rank: 2 },
      { ratee_id: 3, name: 'c', unit_name: '', line_name: '', rated: true, score: 91, rank: 1 },
    ])
    expect(rows.map((r) => r.ratee_id)).toEqual([3, 2, 1])
    expect(rows[0].score).toBe('91')
    expect(rows[2].score).toBe('')
  })
})
