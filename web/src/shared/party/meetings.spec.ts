import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/error'
import type { MyMeeting, NodeCadence } from '../api/meetings'
import { setLocale } from '../i18n'
import {
  attendanceBody,
  attendanceErrorRow,
  attendanceErrors,
  attendanceLabel,
  cadenceOf,
  countLights,
  detailsBody,
  detailsErrors,
  holdsMeetings,
  meetingTypeLabel,
  meetingTypesFor,
  lightLabel,
  missedThisYear,
  myYear,
  type DetailsDraft,
} from './meetings'

describe('names', () => {
  it('names meeting_types, attendance and lights in the user’s language, with text for every light', () => {
    expect(meetingTypeLabel('theme_day')).toBe('主题党日')
    expect(meetingTypeLabel('branch_committee')).toBe('支部委员会')
    expect(attendanceLabel('excused')).toBe('请假')
    expect(attendanceLabel(null)).toBe('未列入')
    expect([lightLabel('red'), lightLabel('yellow'), lightLabel('green')]).toEqual(['超期未开', '临近期限', '正常'])
    setLocale('en')
    expect(meetingTypeLabel('life_meeting')).toBe('Organisational life meeting')
    expect(lightLabel('red')).toBe('Overdue')
    setLocale('zh-CN')
  })
})

describe('which organisations hold which meetings', () => {
  it.each([
    ['branch', true, ['branch_general', 'branch_committee', 'party_lecture', 'theme_day', 'life_meeting']],
    ['general_branch', true, ['branch_general', 'branch_committee', 'party_lecture', 'theme_day', 'life_meeting']],
    ['party_group', true, ['party_group']],
    ['unit', false, []],
    ['party_committee', false, []],
  ])('%s: holds meetings %s, meeting_types %j', (type, holds, meeting_types) => {
    expect(holdsMeetings(type)).toBe(holds)
    expect(meetingTypesFor(type)).toEqual(meeting_types)
  })
})

describe('attendance form', () => {
  const rows = [
    { person_id: 1, status: 'present' as const, reason: '' },
    { person_id: 2, status: 'excused' as const, reason: '  ' },
    { person_id: 3, status: 'excused' as const, reason: ' 公务外出 ' },
    { person_id: 4, status: 'absent' as const, reason: '' },
    { person_id: 5, status: 'present' as const, reason: '先前填的事由' },
  ]

  it('an excused absence without a reason is refused on its row, the others pass', () => {
    expect([...attendanceErrors(rows).entries()]).toEqual([[2, '请假须填写事由']])
    expect(attendanceErrors(rows.filter((r) => r.person_id !== 2)).size).toBe(0)
  })

  it('sends trimmed reasons and none for those present', () => {
    expect(attendanceBody(rows)).toEqual([
      { person_id: 1, status: 'present' },
      { person_id: 2, status: 'excused' },
      { person_id: 3, status: 'excused', reason: '公务外出' },
      { person_id: 4, status: 'absent' },
      { person_id: 5, status: 'present' },
    ])
  })

  it.each([
    ['attendance[1].reason', 2],
    ['attendance[3].status', 4],
    ['attendance[9].person_id', null],
    ['attendance', null],
    ['minutes', null],
  ])('a refusal of %s belongs to person %s', (field, person) => {
    const err = new ApiError({ status: 400, code: 'validation', message: 'x', field })
    expect(attendanceErrorRow(err, rows)).toBe(person)
  })

  it('an error without a field or not from the server belongs to no row', () => {
    expect(attendanceErrorRow(new ApiError({ status: 0, code: 'network_error', message: 'x' }), rows)).toBeNull()
    expect(attendanceErrorRow(new Error('attendance[1]'), rows)).toBeNull()
  })
})

describe('details form', () => {
  const draft: DetailsDraft = {
    held_on: '2026-11-20',
    topic: ' 学习党章 ',
    host_person_id: 670,
    lecturer: ' 马月蕾 ',
    lecturer_is_secretary: true,
    location: '  ',
    minutes: ' 纪要 ',
    photos: [3],
  }

  it('sends the lecturer only for a party lecture and leaves out empty optional fields', () => {
    expect(detailsBody('party_lecture', draft)).toEqual({
      held_on: '2026-11-20',
      topic: '学习党章',
      host_person_id: 670,
      lecturer: '马月蕾',
      lecturer_is_secretary: true,
      minutes: '纪要',
      photos: [3],
    })
    expect(detailsBody('theme_day', { ...draft, location: '党员活动室', minutes: '' })).toEqual({
      held_on: '2026-11-20',
      topic: '学习党章',
      host_person_id: 670,
      location: '党员活动室',
      photos: [3],
    })
  })

  it('names each missing required field; a lecturer only for a party lecture', () => {
    const empty: DetailsDraft = { ...draft, held_on: '', topic: ' ', host_person_id: null, lecturer: '' }
    expect(Object.keys(detailsErrors('party_lecture', empty)).sort()).toEqual(['held_on', 'host_person_id', 'lecturer', 'topic'])
    expect(Object.keys(detailsErrors('theme_day', empty)).sort()).toEqual(['held_on', 'host_person_id', 'topic'])
    expect(detailsErrors('party_lecture', draft)).toEqual({})
  })
})

describe('counts', () => {
  const mine = (held_on: string, status: 'open' | 'closed', my_status: MyMeeting['my_status']) => ({ held_on, status, my_status }) as MyMeeting

  it('my year counts this year’s closed meetings only', () => {
    const items = [
      mine('2026-11-24', 'closed', 'present'),
      mine('2026-11-07', 'closed', 'present'),
      mine('2026-10-21', 'closed', 'excused'),
      mine('2026-11-29', 'open', 'absent'),
      mine('2025-12-20', 'closed', 'absent'),
      mine('2026-03-01', 'closed', null),
    ]
    expect(myYear(items, '2026-11-30')).toEqual({ present: 2, excused: 1, absent: 0 })
  })

  it('the board counts lights per row and missed periods over a row’s meeting_types', () => {
    const row = (light: NodeCadence['light'], missed: number[]): NodeCadence => ({
      node_id: 1,
      node_name: 'x',
      node_type: 'branch',
      unit_name: 'u',
      light,
      secretary_lecture_light: 'green',
      meeting_types: missed.map((n, i) => ({
        meeting_type: (['branch_general', 'theme_day'] as const)[i],
        light,
        last_held_on: null,
        period_first: '2026-11-01',
        period_last: '2026-11-30',
        held_this_period: false,
        missed_this_year: n,
      })),
    })
    const rows = [row('red', [1, 2]), row('green', [0, 0]), row('red', [0, 1]), row('yellow', [0])]
    expect(countLights(rows)).toEqual({ red: 2, yellow: 1, green: 1 })
    expect(missedThisYear(rows[0])).toBe(3)
    expect(cadenceOf(rows[0], 'theme_day')?.missed_this_year).toBe(2)
    expect(cadenceOf(rows[0], 'party_group')).toBeUndefined()
  })
})
