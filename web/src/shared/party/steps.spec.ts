import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '../i18n'
import { outcomeLabel, stageName, stageOf, STEP_CODES, stepName, stepRule, stepsOf, stepTitle, warningKindLabel } from './steps'

// The server's table (GET /party/steps): number, stage, code.
const SERVER = `1 1 application; 2 1 talk; 3 2 activist; 4 2 activist_filed; 5 2 contacts; 6 2 cultivation; 7 3 candidate;
8 3 candidate_filed; 9 3 sponsors; 10 3 political_review; 11 3 training; 12 4 committee_review; 13 4 pre_review;
14 4 application_form; 15 4 admission_vote; 16 4 committee_talk; 17 4 admission_approval; 18 4 admission_filed;
19 5 assigned; 20 5 oath; 21 5 probation; 22 5 conversion_application; 23 5 conversion_vote; 24 5 conversion_approval;
25 5 archived`
  .split(';')
  .map((s) => s.trim().split(/\s+/))
  .map(([no, stage, code]) => ({ no: Number(no), stage: Number(stage), code }))

afterEach(() => setLocale('zh-CN'))

describe('the 25 steps', () => {
  it('match the server’s numbers, stages and codes', () => {
    expect(SERVER).toHaveLength(25)
    for (const s of SERVER) {
      expect(STEP_CODES[s.no - 1]).toBe(s.code)
      expect(stageOf(s.no)).toBe(s.stage)
    }
    expect([1, 2, 3, 4, 5].map(stepsOf)).toEqual([1, 2, 3, 4, 5].map((stage) => SERVER.filter((s) => s.stage === stage).map((s) => s.no)))
  })

  it('have a name in both languages, and a title with the number', () => {
    for (const s of SERVER) expect(stepName(s.no)).not.toBe(String(s.no))
    expect(stepTitle(7)).toBe('第7步 确定发展对象')
    expect(stepTitle(22, 2)).toBe('第22步 提出转正申请（第2次）')
    expect(stepName(99, '未知')).toBe('未知')
    setLocale('en')
    expect(stepTitle(7)).toBe('Step 7: Designated as development candidate')
    expect(stageName(3)).toBe('Designation and review of candidates')
  })

  it('name stages, rules and codes in words', () => {
    expect(stageName(1)).toBe('申请入党')
    expect(stageName(5, true)).toBe('预备期与转正')
    expect(stepRule(7)).toContain('满一年')
    expect(stepRule(8)).toBe('')
    expect(outcomeLabel('youth_league')).toBe('团组织推优')
    expect(outcomeLabel(null)).toBe('')
    expect(warningKindLabel('thought_report')).toBe('思想汇报')
    expect(warningKindLabel('something_new')).toBe('something_new')
  })
})
