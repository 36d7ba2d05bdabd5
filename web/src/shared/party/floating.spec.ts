import { describe, expect, it } from 'vitest'
import { describe as describeLine } from './lifeRecords'
import { awayFor, floatingBody, floatingProblem, returnDateAllowed, type FloatingForm } from './floating'

const form = (over: Partial<FloatingForm> = {}): FloatingForm => ({
  person_id: 682,
  destination: ' 广东省深圳市南山区 ',
  reason: 'work',
  started_on: '2026-09-01',
  expected_return_on: '',
  certificate_no: ' LD-2026-018 ',
  contact_name: '',
  note: '',
  ...over,
})

describe('marking a floating member', () => {
  it('sends the fields given, trimmed, and leaves the empty ones out', () => {
    expect(floatingBody(form())).toEqual({
      person_id: 682, destination: '广东省深圳市南山区', reason: 'work', started_on: '2026-09-01', certificate_no: 'LD-2026-018',
    })
    expect(floatingBody(form({ expected_return_on: '2027-06-30', note: ' 项目派驻 ' }))).toMatchObject({ expected_return_on: '2027-06-30', note: '项目派驻' })
  })

  it.each([
    ['no member', { person_id: null }, 'person_id'],
    ['no destination', { destination: '   ' }, 'destination'],
    ['a departure tomorrow', { started_on: '2026-11-30' }, 'started_on'],
    ['an expected return on the day of leaving', { expected_return_on: '2026-09-01' }, 'expected_return_on'],
    ['an expected return more than five years on', { expected_return_on: '2031-09-02' }, 'expected_return_on'],
  ])('names the field of the first problem: %s', (_what, over, field) => {
    expect(floatingProblem(form(over as Partial<FloatingForm>), '2026-11-29')?.field).toBe(field)
  })

  it('takes a complete form, five years away at most', () => {
    expect(floatingProblem(form({ expected_return_on: '2031-09-01' }), '2026-11-29')).toBeNull()
    expect(floatingProblem(form({ started_on: '2026-11-29' }), '2026-11-29')).toBeNull()
  })
})

describe('a floating period', () => {
  it('counts days at first, then months, until today or the end', () => {
    expect(awayFor({ started_on: '2026-11-20', ended_on: null, status: 'active' }, '2026-11-29')).toBe('9 天')
    expect(awayFor({ started_on: '2026-05-01', ended_on: null, status: 'active' }, '2026-11-29')).toBe('7 个月')
    expect(awayFor({ started_on: '2026-05-01', ended_on: '2026-06-01', status: 'returned' }, '2026-11-29')).toBe('31 天')
  })

  it('returns on a day between leaving and today', () => {
    expect(returnDateAllowed('2026-09-01', '2026-09-01', '2026-11-29')).toBe(true)
    expect(returnDateAllowed('2026-08-31', '2026-09-01', '2026-11-29')).toBe(false)
    expect(returnDateAllowed('2026-11-30', '2026-09-01', '2026-11-29')).toBe(false)
  })

  it('reads as two lines of the timeline: away, and back or ended', () => {
    const away = describeLine({ date: '2026-09-01', type: 'floating', code: 'study', status: 'active', text: '上海市浦东新区', ref_id: 4 })
    expect(away.title).toBe('外出流动至上海市浦东新区')
    expect(away.tag).toBe('学习培训')
    const back = describeLine({ date: '2026-11-20', type: 'floating_end', code: 'transferred', status: '', text: '上海市浦东新区', ref_id: 4 })
    expect(back.title).toBe('流动结束（组织关系转出）')
    expect(back.tone).toBe('muted')
  })
})
