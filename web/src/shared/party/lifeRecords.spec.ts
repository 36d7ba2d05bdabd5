import { describe, expect, it } from 'vitest'
import type { TimelineItem } from '../api/lifeRecords'
import {
  blankReward,
  checkGrades,
  checkReward,
  decisionWindow,
  defaultDecidedOn,
  describe as describeItem,
  gradeCounts,
  placeAppraisalError,
  rewardBody,
  rewardNeeds,
  timelineYears,
  typeCounts,
  yuan,
  type GradeRow,
} from './lifeRecords'

const item = (type: string, code: string, status: string | null = null, text: string | null = null, date = '2025-01-22', ref_id = 1): TimelineItem => ({
  date,
  type,
  code,
  status,
  text,
  ref_id,
})

// Every kind of line, from its codes, in Chinese (the default language).
describe('a timeline item in words', () => {
  it.each([
    [item('development_step', '7'), '第7步 确定发展对象', '', ''],
    [item('development_step', '3', 'youth_league', '团支部推优'), '第3步 推荐和确定入党积极分子', '团组织推优', '备注：团支部推优'],
    [item('report', 'thought_report'), '提交思想汇报', '', ''],
    [item('meeting', 'life_meeting', 'present', '年度组织生活会'), '组织生活会：年度组织生活会', '出席', ''],
    [item('meeting', 'party_lecture', 'absent', null), '党课', '缺席', ''],
    [item('appraisal', 'unqualified', '2025', '限期整改'), '2025年度民主评议：不合格', '', '备注：限期整改'],
    [item('reward_punishment', 'outstanding_member', 'reward', '抗洪抢险'), '奖励：优秀共产党员', '', '事由：抗洪抢险'],
    [item('reward_punishment', 'expulsion', 'punishment', '严重违纪'), '党纪处分：开除党籍', '', '事由：严重违纪'],
    [item('transfer', 'internal', 'pending', '第一党支部'), '组织关系市内转接', '待接收', '接收组织：第一党支部'],
    [item('dues_payment', '2026-10', '1250', 'online'), '缴纳2026-10党费 12.50 元', '', '缴纳方式：线上缴纳'],
    [item('status_change', 'party_status', 'full', 'probationary'), '政治面貌：预备党员 → 正式党员', '', ''],
    [item('status_change', 'party_joined_date', '2009-07-27', null), '入党日期：（空） → 2009-07-27', '', ''],
    [item('status_change', 'status', 'left', 'active'), '人员状态：在册 → 已调离', '', ''],
    [item('something_new', 'x', 'y', 'z'), 'x · y', '', 'z'],
  ])('%j', (i, title, tag, detail) => {
    const line = describeItem(i)
    expect([line.title, line.tag, line.detail]).toEqual([title, tag, detail])
  })

  it('marks what stands out', () => {
    expect(describeItem(item('reward_punishment', 'warning', 'punishment')).tone).toBe('bad')
    expect(describeItem(item('reward_punishment', 'commendation', 'reward')).tone).toBe('good')
    expect(describeItem(item('appraisal', 'excellent', '2025')).tone).toBe('good')
    expect(describeItem(item('meeting', 'theme_day', 'absent')).tone).toBe('bad')
    expect(describeItem(item('meeting', 'theme_day', 'present')).tone).toBe('normal')
  })
})

describe('timeline by year', () => {
  const items = [
    item('development_step', '1', null, null, '2023-03-01', 1),
    item('meeting', 'theme_day', 'present', '参观', '2024-05-10', 2),
    item('appraisal', 'qualified', '2024', null, '2025-01-20', 3),
    item('meeting', 'branch_general', 'present', '学习', '2025-02-11', 4),
    item('dues_payment', '2025-02', '500', 'cash', '2025-02-28', 5),
  ]

  it('groups oldest first, as the server sends them', () => {
    const years = timelineYears(items)
    expect(years.map((y) => [y.year, y.lines.map((l) => l.date)])).toEqual([
      ['2023', ['2023-03-01']],
      ['2024', ['2024-05-10']],
      ['2025', ['2025-01-20', '2025-02-11', '2025-02-28']],
    ])
  })

  it('turns years and lines round for the phone, and keeps only the kinds asked for', () => {
    const years = timelineYears(items, { newestFirst: true, types: ['appraisal', 'meeting'] })
    expect(years.map((y) => [y.year, y.lines.map((l) => l.type)])).toEqual([
      ['2025', ['meeting', 'appraisal']],
      ['2024', ['meeting']],
    ])
    expect(timelineYears(items, { types: [] })).toEqual([])
  })

  it('counts each kind', () => {
    expect(typeCounts(items)).toEqual({ development_step: 1, meeting: 2, appraisal: 1, dues_payment: 1 })
  })
})

describe('democratic appraisal form', () => {
  const row = (grade: GradeRow['grade'], note = ''): GradeRow => ({ person_id: 1, name: '甲', party_status: 'full', grade, note })

  it('asks for a note for 不合格 and 不参加评议 only', () => {
    const errors = checkGrades([row('qualified'), row('unqualified'), row('not_rated', '  '), row('not_rated', '长期病假'), row('excellent')])
    expect(Object.keys(errors).map(Number)).toEqual([1, 2])
    expect(errors[1]).toBe('须填写：处置意见')
    expect(errors[2]).toBe('须填写：不参加评议的原因')
  })

  it('counts each grade in order', () => {
    expect(gradeCounts([{ grade: 'qualified' }, { grade: 'excellent' }, { grade: 'qualified' }])).toEqual([
      { grade: 'excellent', count: 1 },
      { grade: 'qualified', count: 2 },
      { grade: 'basically_qualified', count: 0 },
      { grade: 'unqualified', count: 0 },
      { grade: 'not_rated', count: 0 },
    ])
  })

  it.each([
    [2025, '2026-11-29', { from: '2025-01-01', to: '2026-06-30' }, '2025-12-31'],
    [2026, '2026-11-29', { from: '2026-01-01', to: '2026-11-29' }, '2026-11-29'],
    [2025, '2026-03-10', { from: '2025-01-01', to: '2026-03-10' }, '2026-03-10'],
  ])('year %i on %s: window %j, offered %s', (year, today, window, offered) => {
    expect(decisionWindow(year, today)).toEqual(window)
    expect(defaultDecidedOn(year, today)).toBe(offered)
  })

  it.each([
    [{ code: 'validation', field: 'grades[3].note' }, { row: 3, part: 'note' }],
    [{ code: 'validation', field: 'grades[0].grade' }, { row: 0, part: 'grade' }],
    [{ code: 'validation', field: 'grades[12].person_id' }, { row: 12, part: 'person_id' }],
    [{ code: 'appraisal_exists', field: undefined }, { field: 'year' }],
    [{ code: 'validation', field: 'decided_on' }, { field: 'decided_on' }],
    [{ code: 'validation', field: 'branch_id' }, { field: 'branch_id' }],
    [{ code: 'validation', field: 'grades' }, { form: true }],
    [{ code: 'forbidden', field: undefined }, { form: true }],
  ])('%j goes to %j', (e, place) => {
    expect(placeAppraisalError(e)).toEqual(place)
  })
})

describe('reward and punishment form', () => {
  const today = '2026-11-29'
  const filled = { ...blankReward(today), person_id: 671, decided_by: ' 机关党委 ', reason: ' 事由 ' }

  it.each([
    ['commendation', 'optional', false],
    ['warning', 'required', false],
    ['probation_in_party', 'required', true],
    ['expulsion', 'required', false],
    ['', 'optional', false],
  ] as const)('%s: 文号 %s, 期限 %s', (form, documentNo, probation) => {
    expect(rewardNeeds(form)).toEqual({ documentNo, probation })
  })

  it('checks what the chosen form needs', () => {
    expect(Object.keys(checkReward(blankReward(today))).sort()).toEqual(['decided_by', 'form', 'person_id', 'reason'])
    expect(checkReward({ ...filled, form: 'commendation' })).toEqual({})
    expect(checkReward({ ...filled, form: 'serious_warning' })).toEqual({ document_no: '党纪处分须填写处分决定文号' })
    expect(Object.keys(checkReward({ ...filled, form: 'probation_in_party', document_no: '5号' }))).toEqual(['probation_months'])
    expect(checkReward({ ...filled, form: 'probation_in_party', document_no: '5号', probation_months: 24 })).toEqual({})
  })

  it('sends only what the form takes, trimmed', () => {
    expect(rewardBody({ ...filled, form: 'commendation', probation_months: 12, documents: [4] })).toEqual({
      person_id: 671,
      form: 'commendation',
      decided_on: today,
      decided_by: '机关党委',
      reason: '事由',
      documents: [4],
    })
    expect(rewardBody({ ...filled, form: 'probation_in_party', document_no: ' 5号 ', probation_months: 12 })).toEqual({
      person_id: 671,
      form: 'probation_in_party',
      decided_on: today,
      decided_by: '机关党委',
      document_no: '5号',
      probation_months: 12,
      reason: '事由',
    })
  })

  it('shows cents as yuan', () => {
    expect([yuan(1250), yuan('5'), yuan(0)]).toEqual(['12.50', '0.05', '0.00'])
  })
})
