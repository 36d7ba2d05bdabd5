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
