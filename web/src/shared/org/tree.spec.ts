import { describe, expect, it } from 'vitest'
import type { OrgNode } from '../api/org'
import { buildTree, canMoveUnder, childTypes, flatten, isWithin, matchesSearch, moveChoices, rosterScope } from './tree'

let nextId = 1
function node(over: Partial<OrgNode> & Pick<OrgNode, 'id' | 'node_type' | 'path'>): OrgNode {
  return {
    parent_id: null,
    depth: over.path.split('/').filter(Boolean).length - 1,
    name: `node ${over.id ?? nextId++}`,
    short_name: '',
    code: `C${over.id}`,
    sort_order: 0,
    status: 'active',
    people: 0,
    ...over,
  }
}

// 江滨市 → 教育系统 → 市教育局 (12 people) → 机关党委 → 第一支部; → 市财政局 (5); a closed 市档案馆 (3).
const city = node({ id: 1, node_type: 'city', path: '/1/', name: '江滨市' })
const system = node({ id: 2, parent_id: 1, node_type: 'system', path: '/1/2/', name: '教育系统', sort_order: 2 })
const edu = node({ id: 3, parent_id: 2, node_type: 'unit', path: '/1/2/3/', name: '市教育局', people: 12 })
const committee = node({ id: 4, parent_id: 3, node_type: 'party_committee', path: '/1/2/3/4/', name: '机关党委' })
const branch = node({ id: 5, parent_id: 4, node_type: 'branch', path: '/1/2/3/4/5/', name: '第一支部', short_name: '一支部' })
const finance = node({ id: 6, parent_id: 1, node_type: 'unit', path: '/1/6/', name: '市财政局', people: 5, sort_order: 1 })
const archive = node({ id: 7, parent_id: 1, node_type: 'unit', path: '/1/7/', name: '市档案馆', people: 3, sort_order: 3, status: 'closed' })
const all = [city, system, edu, committee, branch, finance, archive]

describe('buildTree', () => {
  it('nests the flat list and adds up people over subtrees', () => {
    const [root, ...others] = buildTree(all)
    expect(others).toEqual([])
    expect(root.name).toBe('江滨市')
    expect(root.total).toBe(20)
    expect(root.children.map((c) => c.name)).toEqual(['市财政局', '教育系统', '市档案馆']) // by sort_order
    expect(root.children[1].total).toBe(12)
    expect(root.children[1].children[0].children[0].children[0].name).toBe('第一支部')
  })

  it('does not need parents before children', () => {
    const [root] = buildTree([...all].reverse())
    expect(flatten([root]).map((n) => n.id)).toEqual([1, 6, 2, 3, 4, 5, 7])
  })

  it('makes roots of nodes whose parent is outside the scope (a unit administrator sees only their unit)', () => {
    const roots = buildTree([edu, committee, branch])
    expect(roots.map((r) => r.name)).toEqual(['市教育局'])
    expect(roots[0].total).toBe(12)
  })

  it('ties in sort_order go by id; an empty list is an empty tree', () => {
    const a = node({ id: 9, node_type: 'unit', path: '/9/' })
    const b = node({ id: 8, node_type: 'unit', path: '/8/' })
    expect(buildTree([a, b]).map((n) => n.id)).toEqual([8, 9])
    expect(buildTree([])).toEqual([])
  })
})

describe('tree actions', () => {
  it.each([
    [city, ['district', 'system', 'unit']],
    [edu, ['party_committee', 'general_branch', 'branch']],
    [branch, ['party_group']],
    [node({ id: 20, node_type: 'party_group', path: '/20/' }), []],
    [archive, []], // closed: nothing new below it
  ])('children of %#', (parent, types) => {
    expect(childTypes(parent)).toEqual(types)
  })

  it('a unit may move under the city or a system, not under itself, its own subtree, a unit or a closed node', () => {
    expect(canMoveUnder(finance, system)).toBe(true)
    expect(canMoveUnder(edu, city)).toBe(true)
    expect(canMoveUnder(edu, system)).toBe(false) // already there
    expect(canMoveUnder(edu, edu)).toBe(false)
    expect(canMoveUnder(system, edu)).toBe(false) // inside its own subtree
    expect(canMoveUnder(finance, edu)).toBe(false) // a unit cannot hold a unit
    const closedSystem = { ...system, id: 30, path: '/1/30/', status: 'closed' as const }
    expect(canMoveUnder(finance, closedSystem)).toBe(false)
    expect(canMoveUnder(branch, edu)).toBe(true)
  })

  it('isWithin compares paths', () => {
    expect(isWithin(branch, edu)).toBe(true)
    expect(isWithin(edu, edu)).toBe(true)
    expect(isWithin(finance, edu)).toBe(false)
  })

  it('the search matches name, short name and code, ignoring case and spaces around', () => {
    expect(matchesSearch(branch, '一支部')).toBe(true)
    expect(matchesSearch(branch, ' 第一 ')).toBe(true)
    expect(matchesSearch(branch, 'c5')).toBe(true)
    expect(matchesSearch(branch, '财政')).toBe(false)
    expect(matchesSearch(branch, '')).toBe(true)
  })
})

describe('moveChoices', () => {
  const roots = buildTree(all)
  const names = (choices: ReturnType<typeof moveChoices>): unknown =>
    choices.map((c) => (c.children.length ? { [c.label + (c.disabled ? ' (path)' : '')]: names(c.children) } : c.label + (c.disabled ? ' (path)' : '')))

  it('a unit: only the system it may join, under the city as the path (its present parent)', () => {
    expect(names(moveChoices(roots, finance))).toEqual([{ '江滨市 (path)': ['教育系统'] }])
  })

  it('a branch: any open unit or committee, not its present committee, never inside itself', () => {
    expect(names(moveChoices(roots, branch))).toEqual([{ '江滨市 (path)': ['市财政局', { '教育系统 (path)': ['市教育局'] }] }])
  })

  it('nothing to offer: an empty picker', () => {
    expect(moveChoices(roots, city)).toEqual([])
  })
})

describe('rosterScope', () => {
  const byId = new Map(all.map((n) => [n.id, n]))

  it('nothing picked: everyone in scope', () => {
    expect(rosterScope(null, byId)).toEqual({ unitId: null, widened: false, shown: null })
  })

  it('a unit or anything above it filters by itself (its subtree)', () => {
    expect(rosterScope(edu, byId)).toEqual({ unitId: 3, widened: false, shown: edu })
    expect(rosterScope(city, byId)).toEqual({ unitId: 1, widened: false, shown: city })
  })

  it('a branch or committee lists its own people', () => {
    expect(rosterScope(branch, byId)).toEqual({ unitId: branch.id, widened: false, shown: branch })
    expect(rosterScope(committee, byId)).toEqual({ unitId: committee.id, widened: false, shown: committee })
  })

  it('a branch secretary picking their branch (its unit outside their tree) gets the branch', () => {
    const own = new Map([[branch.id, branch]])
    expect(rosterScope(branch, own)).toEqual({ unitId: branch.id, widened: false, shown: branch })
  })
})
