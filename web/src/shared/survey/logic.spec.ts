import { describe, expect, it } from 'vitest'
import type { Question } from './api'
import { answersToSend, emptyDraft, firstProblem, move, newQuestion, repairSkips, skipTargets, visiblePath } from './logic'

const survey = (): Question[] => [
  { id: 'q1', kind: 'single', title: '是否参加过培训', required: true, options: [
    { id: 'yes', label: '是', skip_to: null }, { id: 'no', label: '否', skip_to: 'q3' }, { id: 'skip', label: '不便回答', skip_to: 'end' }] },
  { id: 'q2', kind: 'scale', title: '满意度', required: true, scale_min: 1, scale_max: 5 },
  { id: 'q3', kind: 'multiple', title: '形式', required: true, options: [{ id: 'a', label: '线上', skip_to: null }, { id: 'b', label: '线下', skip_to: null }] },
  { id: 'q4', kind: 'text', title: '建议', required: false, max_length: 5 },
]

describe('the respondent’s path', () => {
  it('shows every question until a choice skips', () => {
    const qs = survey()
    const d = emptyDraft(qs)
    expect(visiblePath(qs, d)).toEqual(['q1', 'q2', 'q3', 'q4'])
    d.q1!.options = ['no']
    expect(visiblePath(qs, d)).toEqual(['q1', 'q3', 'q4'])
    d.q1!.options = ['skip']
    expect(visiblePath(qs, d)).toEqual(['q1'])
  })

  it('never sends an answer to a skipped question, and names what is missing', () => {
    const qs = survey()
    const d = emptyDraft(qs)
    expect(firstProblem(qs, d)).toEqual({ id: 'q1', reason: 'required' })
    d.q1!.options = ['yes']
    d.q2!.value = 4
    d.q1!.options = ['no'] // changed mind: q2 is skipped now, its value stays in the draft but is not sent
    expect(firstProblem(qs, d)).toEqual({ id: 'q3', reason: 'required' })
    d.q3!.options = ['a', 'b']
    d.q4!.text = '一二三四五六'
    expect(firstProblem(qs, d)).toEqual({ id: 'q4', reason: 'too_long' })
    d.q4!.text = ' 多实践 '
    expect(firstProblem(qs, d)).toBeNull()
    expect(answersToSend(qs, d)).toEqual([
      { question_id: 'q1', option_ids: ['no'] },
      { question_id: 'q3', option_ids: ['a', 'b'] },
      { question_id: 'q4', text: '多实践' },
    ])
  })
})

describe('the builder', () => {
  it('offers only later questions and the end as skip targets', () => {
    expect(skipTargets(survey(), 1).map((t) => t.value)).toEqual(['q3', 'q4', 'end'])
    expect(skipTargets(survey(), 3).map((t) => t.value)).toEqual(['end'])
  })

  it('clears a skip that a move or a removal turned backwards or dangling', () => {
    const qs = survey()
    move(qs, 2, 0) // q3 first: q1's skip to q3 now points back
    expect(qs.map((q) => q.id)).toEqual(['q3', 'q1', 'q2', 'q4'])
    expect(repairSkips(qs)).toBe(1)
    expect(qs[1]!.options![1]!.skip_to).toBeNull()
    expect(qs[1]!.options![2]!.skip_to).toBe('end')
    const removed = survey()
    removed.splice(2, 1)
    expect(repairSkips(removed)).toBe(1)
  })

  it('makes new questions with unique ids and two options for a choice', () => {
    const q = newQuestion('single', ['q1'], { option: (n) => `选项${n}` })
    expect(q.id).toMatch(/^q[a-z0-9]{1,19}$/)
    expect(q.options?.map((o) => o.label)).toEqual(['选项1', '选项2'])
    expect(new Set(q.options?.map((o) => o.id)).size).toBe(2)
    expect(newQuestion('text', [], { option: String }).required).toBe(false)
  })
})
