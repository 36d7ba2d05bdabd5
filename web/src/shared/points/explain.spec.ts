import { describe, expect, it } from 'vitest'
import type { Entry } from '../api/points'
import { explainEntry } from './explain'
import { refusalText, signed } from './labels'

const base: Entry = {
  id: 40,
  person_id: 7,
  rule_id: 5,
  rule_version: 2,
  rule_code: 'study_note',
  rule_name: '学习心得或体会获认可',
  category_code: 'study',
  requested: 2,
  points: 2,
  limited_by: null,
  activity_date: '2026-11-20',
  year: 2026,
  source_type: 'claim',
  event_type: null,
  claim_id: 5,
  reverses_id: null,
  reversed_by: null,
  note: '读《习近平谈治国理政》第四卷心得',
  recorded_by: '刘洋',
  approved_by: '王芳',
  created_at: '2026-11-21T02:00:00Z',
}

// Table of cases: the entry (changes to `base`), who looks, and the source line they read.
const sources: [string, Partial<Entry>, Parameters<typeof explainEntry>[1], string][] = [
  ['my report on the phone', {}, { mine: true, claimKind: 'self_report' }, '本人申报，经 王芳 审批通过'],
  ['a member’s report in the console', {}, { personName: '刘洋' }, '刘洋 申报，经 王芳 审批通过'],
  ['a manager’s record', { recorded_by: '王芳', approved_by: '王芳' }, { personName: '刘洋' }, '由 王芳 记录'],
  ['a record with a second approver', { recorded_by: '王芳', approved_by: '王芳、李强' }, { claimKind: 'manager_record', mine: true }, '由 王芳 记录，经 王芳、李强 审批'],
  ['an automatic event', { source_type: 'event', event_type: 'study.checkin', claim_id: null, recorded_by: null, approved_by: null }, {}, '系统自动记入，依据学习活动签到记录'],
  ['an unknown event type', { source_type: 'event', event_type: 'study.new_thing', recorded_by: null, approved_by: null }, {}, '系统自动记入，依据study.new_thing'],
  ['a correction', { source_type: 'reversal', reverses_id: 39, points: -2, recorded_by: '王芳', approved_by: null }, { mine: true }, '由 王芳 更正，冲销 2026-11-20 的原记录'],
]

describe('explainEntry', () => {
  it.each(sources)('%s', (_name, change, ctx, source) => {
    expect(explainEntry({ ...base, ...change }, ctx).source).toBe(source)
  })

  it('names the rule with the version the points were earned under', () => {
    expect(explainEntry(base)).toMatchObject({ rule: '学习心得或体会获认可', version: '第 2 版' })
  })

  it.each([
    [{ limited_by: 'category_cap' as const, requested: 3, points: 1 }, '受类别年度上限限制，申请 +3 分，计入 +1 分'],
    [{ limited_by: 'cap_day' as const, requested: 2, points: 0 }, '受每日上限限制，申请 +2 分，计入 0 分'],
    [{ limited_by: 'floor' as const, requested: -10, points: -4 }, '已到最低分，应扣 -10 分，实扣 -4 分'],
    [{}, null],
  ])('a cut %j reads %s', (change, cut) => {
    expect(explainEntry({ ...base, ...change }).cut).toBe(cut)
  })

  it('keeps the note, labelled as a reason for corrections, and flags a reversed entry', () => {
    expect(explainEntry(base)).toMatchObject({ note: base.note, noteLabel: '说明', reversed: false })
    expect(explainEntry({ ...base, reversed_by: 41 }).reversed).toBe(true)
    expect(explainEntry({ ...base, source_type: 'reversal', note: '重复记入' })).toMatchObject({ note: '重复记入', noteLabel: '更正原因' })
  })
})

describe('labels', () => {
  it.each([
    [2, '+2'],
    [-3, '-3'],
    [0, '0'],
  ])('signed(%i) = %s', (n, text) => {
    expect(signed(n)).toBe(text)
  })

  it('refusals read in our words, or the server’s, or name their code', () => {
    expect(refusalText('own_claim')).toBe('不能审批本人的积分')
    expect(refusalText('validation', '日期格式应为 YYYY-MM-DD')).toBe('日期格式应为 YYYY-MM-DD')
    expect(refusalText('odd_code')).toBe('未能完成（odd_code）')
  })
})
