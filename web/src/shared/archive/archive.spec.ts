import { describe, expect, it } from 'vitest'
import type { ArchiveItem } from '../api/archive'
import { poolQuery } from '../api/archive'
import { careerLine, describeItem, sectionsOf, studyOf } from './archive'

const item = (over: Partial<ArchiveItem>): ArchiveItem => ({
  date: '2026-10-16', section: 'training', kind: 'training', code: null, status: null, title: '', detail: null, ref_id: 1, ...over,
})

describe('the archive in words', () => {
  it('reads a completed training class with its result and hours', () => {
    const line = describeItem(item({ code: 'young_cadre', status: 'completed', title: '能力提升班', detail: '40|excellent' }))
    expect(line.title).toBe('参加培训：能力提升班')
    expect(line.tag).toBe('结业 · 优秀')
    expect(line.detail).toContain('40 学时')
    expect(line.tone).toBe('good')
  })

  it('ranks a competition and marks the top three', () => {
    const first = describeItem(item({ section: 'practice', kind: 'competition', code: 'unit', status: '1', title: '比武' }))
    expect(first.tag).toBe('第 1 名')
    expect(first.tone).toBe('good')
    const tenth = describeItem(item({ section: 'practice', kind: 'competition', code: 'unit', status: '10', title: '比武' }))
    expect(tenth.tone).toBe('normal')
    const unranked = describeItem(item({ section: 'practice', kind: 'competition', code: 'unit', status: '0', title: '比武' }))
    expect(unranked.tag).toBe('')
  })

  it('shows both sides of a contested entry and marks shortcomings', () => {
    const line = describeItem(item({ section: 'record', kind: 'entry', code: 'shortcoming', status: 'contested', title: '工作不细致', detail: '材料有误\n当日在外培训' }))
    expect(line.tag).toBe('问题不足 · 有异议')
    expect(line.detail).toBe('材料有误\n本人异议：当日在外培训')
    expect(line.tone).toBe('bad')
  })

  it('reads an assignment with its type, end and state', () => {
    const line = describeItem(item({ section: 'practice', kind: 'assignment', code: 'secondment', status: 'completed', title: '某县', detail: '2026-08-31|表现优秀' }))
    expect(line.title).toContain('某县')
    expect(line.detail).toBe('至 2026-08-31 · 表现优秀')
  })

  it('reads party-life items as the political-life timeline does', () => {
    const line = describeItem(item({ section: 'party', kind: 'reward_punishment', code: 'commendation', status: 'reward', title: '抗洪表现突出' }))
    expect(line.tone).toBe('good')
    expect(line.detail).toContain('抗洪表现突出')
  })

  it('names a course as it was titled, 《》 included', () => {
    expect(describeItem(item({ section: 'study', kind: 'course_completed', code: 'video', title: '《条例》逐章解读', detail: '1.5' }))).toMatchObject({ title: '完成网络课程：《条例》逐章解读', tag: '1.5 学时' })
  })

  it('reads evaluation results: a grade, a combined rank of how many', () => {
    const annual = describeItem(item({ section: 'evaluation', kind: 'annual', code: 'excellent', status: '12', title: '2025 年度考核' }))
    expect(annual).toMatchObject({ title: '年度考核：2025 年度考核', tag: '优秀', tone: 'good' })
    const dual = describeItem(item({ section: 'evaluation', kind: 'dual_ranking', code: '3', status: '12', title: '双对双排', detail: '57.24' }))
    expect(dual).toMatchObject({ tag: '综合排名 3 / 12', detail: '综合得分 57.24' })
  })

  it('reads accountability with its effects, and a clarification', () => {
    const a = describeItem(item({ section: 'oversight', kind: 'accountability', code: 'admonition', status: 'in_effect', title: '诫勉', detail: '履职不力|2027-05-31|2026' }))
    expect(a).toMatchObject({ title: '问责：诫勉', tag: '影响期内', tone: 'bad' })
    expect(a.detail).toBe('履职不力 · 2027-05-31 前不得提拔 · 2026 年度考核不得评优')
    const c = describeItem(item({ section: 'oversight', kind: 'clarification', title: '反映收受礼品', detail: '经查不实' }))
    expect(c).toMatchObject({ title: '信访澄清：反映收受礼品', detail: '查实情况：经查不实', tone: 'good' })
  })

  it('keeps an unknown kind readable', () => {
    const line = describeItem(item({ section: 'evaluation', kind: 'annual_grade', code: 'excellent', title: '2026 年度考核' }))
    expect(line.title).toBe('2026 年度考核')
    expect(line.tag).toBe('excellent')
  })

  it('groups items by section in the printed order, leaving empty sections out', () => {
    const sections = sectionsOf([
      item({ section: 'record', kind: 'entry', code: 'work_result', title: 'a' }),
      item({ section: 'party', kind: 'status_change', code: 'party_status', status: 'full', title: 'probationary' }),
      item({ section: 'record', kind: 'entry', code: 'work_result', title: 'b', date: '2026-11-01' }),
    ])
    expect(sections.map((s) => s.section)).toEqual(['party', 'record'])
    expect(sections[1]!.lines.map((l) => l.title)).toEqual(['a', 'b'])
  })

  it('words career changes and counts study attendance', () => {
    expect(careerLine({ field: 'rank', old_value: 'clerk_1', new_value: 'senior_clerk_4', date: '2026-01-01' })).toBe('职级：一级科员 → 四级主任科员')
    expect(careerLine({ field: 'position', old_value: null, new_value: '副科长', date: '2026-01-01' })).toBe('职务：— → 副科长')
    expect(studyOf({ year: 2026, meetings_attended: 0, meetings_missed: 0, meetings_excused: 0, dues_payments: 0, study_present: 30, study_late: 2, study_excused: 1, study_absent: 3 })).toEqual({ attended: 32, missed: 3 })
  })
})

describe('the pool query', () => {
  it('leaves out empty filters and joins the experience', () => {
    expect(poolQuery({ name: '  ', experience: [], evaluation: [], sort: 'name', young_only: true }, 1, 20)).toEqual({ page: 1, page_size: 20 })
    expect(poolQuery({ name: ' 王 ', unit_id: 3, experience: ['frontline', 'no_shortcoming'], young_only: false, sort: 'rank', age_max: 35 }, 2, 50)).toEqual({
      page: 2, page_size: 50, name: '王', unit_id: 3, experience: 'frontline,no_shortcoming', young_only: false, sort: 'rank', age_max: 35,
    })
  })
  it('joins the evaluation outcomes the same way', () => {
    expect(poolQuery({ evaluation: ['excellent', 'no_low'] }, 1, 20)).toEqual({ page: 1, page_size: 20, evaluation: 'excellent,no_low' })
  })
})
