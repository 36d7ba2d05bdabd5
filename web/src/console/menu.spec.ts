import { describe, expect, it } from 'vitest'
import { allowedEntries } from '../shared/auth/permissions'
import { menuGroups } from './menu'

const points = () => menuGroups.flatMap((g) => g.entries).filter((e) => e.key === 'points')

describe('积分管理 in the menu', () => {
  it.each([
    ['org_admin', ['points.read', 'points.approve', 'points.adjust', 'points.rules'], ['pointsClaims', 'pointsRecords', 'pointsRanking', 'pointsPublicity', 'pointsRules']],
    ['branch_secretary', ['org.read', 'people.read', 'points.read', 'points.approve', 'points.adjust'], ['pointsClaims', 'pointsRecords', 'pointsRanking', 'pointsPublicity', 'pointsRules']],
    ['a reader', ['points.read'], ['pointsRanking', 'pointsPublicity', 'pointsRules']],
    ['an approver only', ['points.approve'], ['pointsClaims']],
  ])('%s sees %j', (_who, granted, children) => {
    const seen = allowedEntries(points(), granted)
    expect(seen[0]?.children?.map((c) => c.key)).toEqual(children)
  })

  it('is left out for accounts without any points permission', () => {
    expect(allowedEntries(points(), ['audit.read'])).toEqual([])
  })
})

const system = () => menuGroups.flatMap((g) => g.entries).filter((e) => e.key === 'system')

describe('系统管理 in the menu', () => {
  it.each([
    ['the security administrator', ['account.read', 'account.manage', 'account.unlock', 'role.manage'], ['accounts', 'roles']],
    ['a reader of accounts', ['account.read'], ['accounts', 'roles']],
    ['the audit administrator', ['audit.read', 'audit.export'], ['audit']],
  ])('%s sees %j', (_who, granted, children) => {
    expect(allowedEntries(system(), granted)[0]?.children?.map((c) => c.key)).toEqual(children)
  })

  it('leaves 系统管理 out for those who may see none of its pages (not "coming soon": they may not open them)', () => {
    expect(allowedEntries(system(), ['org.read', 'people.read', 'people.import', 'points.read'])).toEqual([])
  })

  it('账号管理 and 角色权限 are the account pages', () => {
    const children = system()[0].children ?? []
    expect(children.map((c) => [c.key, c.path, c.permission])).toEqual([
      ['accounts', '/system/accounts', 'account.read'],
      ['roles', '/system/roles', 'account.read'],
      ['audit', '/system/audit', 'audit.read'],
    ])
  })
})

describe('党员发展 in the menu', () => {
  const development = () => menuGroups.flatMap((g) => g.entries).filter((e) => e.key === 'development')

  it.each([
    ['org_admin', ['points.read', 'party.read', 'party.write']],
    ['a reader', ['party.read']],
  ])('%s sees the pipeline and the warnings', (_who, granted) => {
    const seen = allowedEntries(development(), granted)
    expect(seen[0]?.children?.map((c) => [c.key, c.path])).toEqual([
      ['partyPipeline', '/party/pipeline'],
      ['partyWarnings', '/party/warnings'],
    ])
  })

  it('is left out without party.read (a cadre uses the phone’s 我的党员发展)', () => {
    expect(allowedEntries(development(), ['points.read', 'people.read'])).toEqual([])
  })
})

describe('政治生命周期 in the menu', () => {
  const party = () => menuGroups.flatMap((g) => g.entries).filter((e) => e.key === 'party')

  it.each([
    ['the branch secretary', ['org.read', 'people.read', 'party.read', 'party.write']],
    ['a reader', ['party.read']],
  ])('%s sees dues, transfers, floating members, the member timeline, appraisals and rewards', (_who, granted) => {
    expect(allowedEntries(party(), granted)[0]?.children?.map((c) => [c.key, c.path])).toEqual([
      ['partyDues', '/party/dues'],
      ['partyTransfers', '/party/transfers'],
      ['partyFloating', '/party/floating'],
      ['partyTimeline', '/party/timeline'],
      ['partyAppraisals', '/party/appraisals'],
      ['partyRewards', '/party/rewards'],
    ])
  })

  it('is left out without party.read (a member sees their own dues on the phone)', () => {
    expect(allowedEntries(party(), ['points.read', 'people.read'])).toEqual([])
  })
})

describe('组织生活 in the menu', () => {
  const orgLife = () => menuGroups.flatMap((g) => g.entries).filter((e) => e.key === 'orgLife')

  it.each([
    ['the branch secretary', ['org.read', 'people.read', 'party.read', 'party.write']],
    ['a reader', ['party.read']],
  ])('%s sees 会议记录 and 开展情况', (_who, granted) => {
    expect(allowedEntries(orgLife(), granted)[0]?.children?.map((c) => [c.key, c.path])).toEqual([
      ['partyMeetings', '/party/meetings'],
      ['partyCadence', '/party/cadence'],
    ])
  })

  it('is left out without party.read (a member sees their own meetings on the phone)', () => {
    expect(allowedEntries(orgLife(), ['points.read', 'people.read'])).toEqual([])
  })
})

describe('实践锻炼 in the menu', () => {
  const practice = () => menuGroups.flatMap((g) => g.entries).filter((e) => e.key === 'practice')

  it.each([
    ['org_admin', ['party.read', 'practice.read', 'practice.write']],
    ['the branch secretary', ['party.read', 'practice.read']],
  ])('%s sees 一线历练, 培训班 and 岗位练兵比武', (_who, granted) => {
    expect(allowedEntries(practice(), granted)[0]?.children?.map((c) => [c.key, c.path])).toEqual([
      ['practiceAssignments', '/practice/assignments'],
      ['practiceTrainings', '/practice/trainings'],
      ['practiceCompetitions', '/practice/competitions'],
    ])
  })

  it('is left out without practice.read (a cadre sees their own on the phone)', () => {
    expect(allowedEntries(practice(), ['self.read', 'party.read'])).toEqual([])
  })
})

describe('干部纪实 in the menu', () => {
  const record = () => menuGroups.flatMap((g) => g.entries).filter((e) => e.key === 'record')

  it('shows a cadre\'s record and the entries to those with record.read', () => {
    expect(allowedEntries(record(), ['record.read', 'record.write'])[0]?.children?.map((c) => [c.key, c.path])).toEqual([
      ['recordPerson', '/record/person'],
      ['recordEntries', '/record/entries'],
      ['recordPool', '/record/pool'],
    ])
  })

  it('is left out without record.read (a cadre sees their own on the phone)', () => {
    expect(allowedEntries(record(), ['self.read', 'practice.read'])).toEqual([])
  })
})

describe('学习教育 in the menu', () => {
  const study = () => menuGroups.flatMap((g) => g.entries).filter((e) => e.key === 'study')

  it.each([
    ['the org administrator', ['org.read', 'people.read', 'party.read', 'study.read', 'study.write']],
    ['the unit administrator', ['org.read', 'study.read', 'study.write']],
    ['a reader', ['study.read']],
  ])('%s sees 学习小组 and 学习活动', (_who, granted) => {
    expect(allowedEntries(study(), granted)[0]?.children?.map((c) => [c.key, c.path])).toEqual([
      ['studyGroups', '/study/groups'],
      ['studySessions', '/study/sessions'],
      ['studyCourses', '/study/courses'],
      ['studyReadings', '/study/readings'],
      ['studyLectures', '/study/lectures'],
    ])
  })

  it('is left out without study.read (a cadre studies and checks in on the phone)', () => {
    expect(allowedEntries(study(), ['party.read', 'party.write', 'points.read'])).toEqual([])
  })

  it('sits in the 干部成长 group with a real page, no longer "coming soon"', () => {
    const cadre = menuGroups.find((g) => g.key === 'cadre')!
    expect(cadre.entries.find((e) => e.key === 'study')?.children?.every((c) => Boolean(c.path))).toBe(true)
  })
})

describe('问卷调查 in the menu', () => {
  const evaluation = () => menuGroups.flatMap((g) => g.entries).filter((e) => e.key === 'evaluation')

  it('shows the surveys under 考核评价 to those with evaluation.read', () => {
    expect(allowedEntries(evaluation(), ['evaluation.read', 'evaluation.manage'])[0]?.children?.map((c) => [c.key, c.path])).toContainEqual([
      'evaluationSurveys',
      '/evaluation/surveys',
    ])
  })

  it('is left out without evaluation.read (a cadre answers on the phone)', () => {
    expect(allowedEntries(evaluation(), ['self.read', 'record.read'])).toEqual([])
  })
})

describe('考核评价 in the menu', () => {
  const evaluation = () => menuGroups.flatMap((g) => g.entries).filter((e) => e.key === 'evaluation')

  it('shows the campaigns to those with evaluation.read', () => {
    expect(allowedEntries(evaluation(), ['evaluation.read'])[0]?.children?.map((c) => [c.key, c.path])).toEqual([
      ['evaluationCampaigns', '/evaluation/campaigns'],
      ['evaluationSurveys', '/evaluation/surveys'],
    ])
  })

  it('is left out for a rater or a cadre (they rate and see results on the phone)', () => {
    expect(allowedEntries(evaluation(), ['evaluation.rate', 'self.read'])).toEqual([])
  })
})

describe('数据看板 in the menu', () => {
  const analytics = () => menuGroups.flatMap((g) => g.entries).filter((e) => e.key === 'analytics')

  it('opens the dashboards for those with analytics.read', () => {
    expect(allowedEntries(analytics(), ['analytics.read']).map((e) => e.path)).toEqual(['/analytics'])
  })

  it('is left out without analytics.read', () => {
    expect(allowedEntries(analytics(), ['party.read', 'self.read'])).toEqual([])
  })
})

describe('联系群众 in the menu', () => {
  const mass = () => menuGroups.flatMap((g) => g.entries).filter((e) => e.key === 'masswork')

  it('shows contact points, visits, micro-projects and teams to those with mass.read', () => {
    expect(allowedEntries(mass(), ['mass.read'])[0]?.children?.map((c) => [c.key, c.path])).toEqual([
      ['massHouseholds', '/mass/households'],
      ['massVisits', '/mass/visits'],
      ['massProjects', '/mass/projects'],
      ['massTeams', '/mass/teams'],
    ])
  })

  it('is left out without mass.read (a cadre works on the phone)', () => {
    expect(allowedEntries(mass(), ['self.read', 'record.read'])).toEqual([])
  })
})

describe('监督激励 in the menu', () => {
  const oversight = () => menuGroups.flatMap((g) => g.entries).filter((e) => e.key === 'oversight')

  it('shows fault tolerance, inspections, accountability and policies to those with oversight.read', () => {
    expect(allowedEntries(oversight(), ['oversight.read'])[0]?.children?.map((c) => [c.key, c.path])).toEqual([
      ['oversightCases', '/oversight/cases'],
      ['oversightInspections', '/oversight/inspections'],
      ['oversightAccountability', '/oversight/accountability'],
      ['oversightPolicies', '/oversight/policies'],
    ])
  })

  it('is left out without oversight.read (a cadre applies and reads the policies on the phone)', () => {
    expect(allowedEntries(oversight(), ['self.read', 'record.read'])).toEqual([])
  })
})
