import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/error'
import { blankDraft, checkDraft, formField, placeError, stepBody, stepNeeds, workingDays, type StepDraft } from './stepForm'

const TODAY = '2026-05-15'
const draft = (changes: Partial<StepDraft> = {}): StepDraft => ({ ...blankDraft('2026-05-10'), ...changes })
const vote = (eligible: number, present: number, yes: number, no = 0, abstain = 0) => ({ eligible, present, yes, no, abstain })

describe('which fields a step asks for', () => {
  // step → the needs that are set (everything else off)
  it.each([
    [1, {}],
    [2, { talker: true }],
    [3, { outcomes: ['recommendation', 'youth_league'] }],
    [5, { contacts: { min: 1, max: 2 } }],
    [7, {}],
    [9, { sponsors: 2 }],
    [11, { training: true }],
    [13, { publicity: true }],
    [15, { vote: true }],
    [16, { talker: true }],
    [23, { vote: true, outcomes: ['convert', 'extend', 'disqualify'] }],
    [25, {}],
  ])('step %i', (step, set) => {
    const off = { talker: false, contacts: null, sponsors: null, outcomes: null, vote: false, training: false, publicity: false }
    expect(stepNeeds(step)).toEqual({ ...off, ...set })
  })
})

describe('checks before sending', () => {
  // step, draft changes, the fields with a complaint
  it.each<[number, Partial<StepDraft>, string[]]>([
    [4, {}, []],
    [4, { date: '' }, ['date']],
    [4, { date: '2026-05-16' }, ['date']],
    [2, {}, ['talker']],
    [2, { talker: '  ' }, ['talker']],
    [2, { talker: '王书记' }, []],
    [3, {}, ['outcome']],
    [3, { outcome: 'convert' }, ['outcome']],
    [3, { outcome: 'youth_league' }, []],
    [5, {}, ['contacts']],
    [5, { contacts: [1, 2, 3] }, ['contacts']],
    [5, { contacts: [1] }, []],
    [9, { sponsors: [1] }, ['sponsors']],
    [9, { sponsors: [1, 1] }, ['sponsors']],
    [9, { sponsors: [1, 2] }, []],
    [11, { training_days: 2, training_hours: 20 }, ['training']],
    [11, { training_days: 3 }, []],
    [11, { training_hours: 24 }, []],
    [13, {}, ['publicity_from', 'publicity_to']],
    [13, { publicity_from: '2026-05-04', publicity_to: '2026-05-01' }, ['publicity_to']],
    [13, { publicity_from: '2026-05-04', publicity_to: '2026-05-07' }, ['publicity_to']], // 4 working days
    [13, { publicity_from: '2026-05-04', publicity_to: '2026-05-08', date: '2026-05-07' }, ['date']], // before the end
    [13, { publicity_from: '2026-05-04', publicity_to: '2026-05-08', date: '2026-05-08' }, []],
    [15, {}, ['vote.eligible']],
    [15, { vote: vote(10, 11, 6) }, ['vote.present']],
    [15, { vote: vote(10, 5, 5) }, ['vote.present']], // half is not more than half
    [15, { vote: vote(10, 6, 4, 2, 1) }, ['vote.yes']], // 7 votes from 6 present
    [15, { vote: vote(10, 6, 5, 1) }, ['vote.yes']], // 5 of 10 is not a majority
    [15, { vote: vote(10, 6, 6) }, []],
    [23, { vote: vote(9, 9, 9) }, ['outcome']],
    [23, { vote: vote(9, 9, 9), outcome: 'extend' }, ['extension_months']],
    [23, { vote: vote(9, 9, 9), outcome: 'extend', extension_months: 13 }, ['extension_months']],
    [23, { vote: vote(9, 9, 9), outcome: 'extend', extension_months: 6 }, []],
    [23, { vote: vote(9, 9, 9), outcome: 'convert' }, []],
  ])('step %i with %j → %j', (step, changes, fields) => {
    expect(Object.keys(checkDraft(step, draft(changes), TODAY)).sort()).toEqual([...fields].sort())
  })
})

describe('working days of a publicity', () => {
  it.each([
    ['2026-05-04', '2026-05-08', 5], // Monday to Friday
    ['2026-05-08', '2026-05-14', 5], // Friday to Thursday over a weekend
    ['2026-05-09', '2026-05-10', 0], // a weekend
    ['2026-05-10', '2026-05-09', 0], // backwards
    ['', '2026-05-09', 0],
  ])('%s to %s → %i', (from, to, n) => {
    expect(workingDays(from, to)).toBe(n)
  })
})

describe('the body sent', () => {
  const full = draft({
    talker: ' 王书记 ',
    contacts: [11, 12],
    sponsors: [13, 14],
    outcome: 'extend',
    vote: vote(9, 8, 7, 1, 0),
    extension_months: 6,
    training_days: 3,
    training_hours: 0,
    publicity_from: '2026-05-04',
    publicity_to: '2026-05-08',
    note: '  ',
    documents: [],
  })

  it.each([
    [2, { step_no: 2, date: '2026-05-10', people: [{ role: 'talker', name: '王书记' }] }],
    [3, { step_no: 3, date: '2026-05-10', outcome: 'extend' }], // the server refuses a wrong outcome; the form offers only the right ones
    [5, { step_no: 5, date: '2026-05-10', people: [{ role: 'contact', person_id: 11 }, { role: 'contact', person_id: 12 }] }],
    [7, { step_no: 7, date: '2026-05-10' }],
    [9, { step_no: 9, date: '2026-05-10', people: [{ role: 'sponsor', person_id: 13 }, { role: 'sponsor', person_id: 14 }] }],
    [11, { step_no: 11, date: '2026-05-10', training_days: 3 }],
    [13, { step_no: 13, date: '2026-05-10', publicity_from: '2026-05-04', publicity_to: '2026-05-08' }],
    [15, { step_no: 15, date: '2026-05-10', vote: vote(9, 8, 7, 1, 0) }],
    [23, { step_no: 23, date: '2026-05-10', outcome: 'extend', extension_months: 6, vote: vote(9, 8, 7, 1, 0) }],
  ])('step %i takes only its own fields', (step, body) => {
    expect(stepBody(step, full)).toEqual(body)
  })

  it('a note and documents go with any step; no extension without extend; empty vote counts are 0', () => {
    const d = draft({ note: ' 会议记录见附件 ', documents: [5, 6], outcome: 'convert', extension_months: 6, vote: { eligible: 9, present: 9, yes: 9, no: null, abstain: null } })
    expect(stepBody(23, d)).toEqual({
      step_no: 23,
      date: '2026-05-10',
      outcome: 'convert',
      vote: vote(9, 9, 9),
      note: '会议记录见附件',
      documents: [5, 6],
    })
  })
})

describe('where a refusal is shown', () => {
  it.each<[number, string | undefined, string | null]>([
    [7, 'date', 'date'],
    [2, 'people', 'talker'],
    [16, 'people[0].name', 'talker'],
    [5, 'people[1].person_id', 'contacts'],
    [9, 'people', 'sponsors'],
    [9, 'people[0].person_id', 'sponsors'],
    [4, 'people', null],
    [11, 'training_days', 'training'],
    [11, 'training_hours', 'training'],
    [15, 'vote', 'vote.eligible'],
    [15, 'vote.present', 'vote.present'],
    [15, 'vote.abstain', 'vote.yes'],
    [23, 'extension_months', 'extension_months'],
    [13, 'publicity_to', 'publicity_to'],
    [1, 'documents', 'documents'],
    [1, 'step_no', null],
    [1, undefined, null],
  ])('step %i, field %s → %s', (step, field, expected) => {
    expect(formField(step, field)).toBe(expected)
  })

  it('a too-early date goes under the date with its earliest day', () => {
    const e = new ApiError({ status: 400, code: 'validation', field: 'date', message: '第7步「确定发展对象」最早可在 2026-02-01 记录', details: { earliest: '2026-02-01' } })
    expect(placeError(7, e)).toEqual({ field: 'date', message: e.message, reload: false, earliest: '2026-02-01' })
  })

  it('a step recorded meanwhile asks for a reload and names the expected step', () => {
    const e = new ApiError({ status: 409, code: 'step_out_of_order', message: '步骤须按顺序记录', details: { expected_step: '8' } })
    const placed = placeError(7, e)
    expect(placed).toMatchObject({ field: null, reload: true, earliest: null })
    expect(placed.message).toContain('第8步 报上级党委备案')
  })

  it('a closed case asks for a reload with the server’s words', () => {
    const e = new ApiError({ status: 409, code: 'case_closed', message: '该发展档案已结束' })
    expect(placeError(7, e)).toEqual({ field: null, message: '该发展档案已结束', reload: true, earliest: null })
  })
})
