import { describe, expect, it } from 'vitest'
import type { Category, Rule } from '../api/points'
import { groupByCategory, latestVersions, ruleBody } from './catalog'

const rule = (code: string, version: number, category: string, status: Rule['status'] = 'current'): Rule => ({
  id: version * 100 + code.length,
  code,
  version,
  category_code: category,
  name: code,
  points: 1,
  earn_mode: 'automatic',
  evidence_required: false,
  cap_day: null,
  cap_month: null,
  cap_year: null,
  second_approver: false,
  applies_to: 'members',
  valid_from: '2020-01-01',
  valid_to: null,
  status,
  created_at: '2026-01-01T00:00:00Z',
})

const categories: Category[] = [
  { code: 'study', name: '理论学习', yearly_cap: 20, sort_order: 2 },
  { code: 'org_life', name: '组织生活', yearly_cap: 20, sort_order: 1 },
]

describe('catalog', () => {
  it('keeps the newest version of each code', () => {
    const all = [rule('a', 1, 'study', 'superseded'), rule('a', 2, 'study'), rule('b', 1, 'study', 'retired')]
    expect(latestVersions(all).map((r) => [r.code, r.version, r.status])).toEqual([
      ['a', 2, 'current'],
      ['b', 1, 'retired'],
    ])
  })

  it('groups by category in catalog order, with unknown categories last', () => {
    const groups = groupByCategory([rule('note', 1, 'study'), rule('meeting', 1, 'org_life'), rule('x', 1, 'new_one')], categories)
    expect(groups.map((g) => [g.category.code, g.rules.map((r) => r.code)])).toEqual([
      ['org_life', ['meeting']],
      ['study', ['note']],
      ['new_one', ['x']],
    ])
  })

  it('leaves empty caps and an open end out of the body', () => {
    const form = {
      category_code: 'study',
      name: ' 读书分享 ',
      points: 2,
      earn_mode: 'self_report' as const,
      evidence_required: true,
      second_approver: false,
      applies_to: 'members' as const,
      valid_from: '2026-01-01',
      valid_to: null,
      cap_day: null,
      cap_month: 4,
      cap_year: null,
    }
    expect(ruleBody(form)).toEqual({
      category_code: 'study',
      name: '读书分享',
      points: 2,
      earn_mode: 'self_report',
      evidence_required: true,
      second_approver: false,
      applies_to: 'members',
      valid_from: '2026-01-01',
      cap_month: 4,
    })
  })
})
