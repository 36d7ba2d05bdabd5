import { describe, expect, it } from 'vitest'
import { actionsOn, branchPlace, destination, missingField, origin, transferBody, type TransferForm } from './transfers'

const form = (over: Partial<TransferForm> = {}): TransferForm => ({
  person_id: 682,
  kind: 'internal',
  to_branch_id: 160,
  outside_org: '  外市某党支部 ',
  letter_no: ' 2026-018 ',
  issued_on: '2026-11-20',
  note: '',
  ...over,
})

describe('the body of a transfer', () => {
  it('within the city: the receiving branch, nothing of outside', () => {
    expect(transferBody(form({ note: ' 工作调动 ' }))).toEqual({ person_id: 682, kind: 'internal', to_branch_id: 160, issued_on: '2026-11-20', note: '工作调动' })
  })

  it('out of the city: the organisation and the letter, no branch', () => {
    expect(transferBody(form({ kind: 'out_of_city' }))).toEqual({
      person_id: 682,
      kind: 'out_of_city',
      outside_org: '外市某党支部',
      letter_no: '2026-018',
      issued_on: '2026-11-20',
    })
  })

  it('into the city: all three', () => {
    expect(transferBody(form({ kind: 'into_city' }))).toMatchObject({ to_branch_id: 160, outside_org: '外市某党支部', letter_no: '2026-018' })
  })
})

describe('what is still missing', () => {
  it.each([
    [form({ person_id: null }), 'person_id'],
    [form({ to_branch_id: null }), 'to_branch_id'],
    [form({ kind: 'out_of_city', outside_org: '  ' }), 'outside_org'],
    [form({ kind: 'out_of_city', letter_no: '' }), 'letter_no'],
    [form({ kind: 'into_city', to_branch_id: null }), 'to_branch_id'],
  ])('%#: %s', (f, field) => {
    expect(missingField(f)?.field).toBe(field)
  })

  it('nothing when the kind has what it needs', () => {
    expect(missingField(form())).toBeNull()
    expect(missingField(form({ kind: 'out_of_city', to_branch_id: null }))).toBeNull()
  })
})

describe('where from and where to', () => {
  const t = { from_branch_id: 157, from_branch_name: '第二党支部', to_branch_id: 44, to_branch_name: '第一党支部', outside_org: '外市某党委' }
  it.each([
    ['internal', '第二党支部', '第一党支部'],
    ['out_of_city', '第二党支部', '外市某党委'],
    ['into_city', '外市某党委', '第一党支部'],
  ] as const)('%s', (kind, from, to) => {
    expect(origin({ ...t, kind })).toBe(from)
    expect(destination({ ...t, kind })).toBe(to)
  })
})

describe('a branch with its unit', () => {
  const byId = new Map([
    [153, { parent_id: 1, node_type: 'unit' as const, name: '市教育局' }],
    [155, { parent_id: 153, node_type: 'party_committee' as const, name: '机关党委' }],
    [157, { parent_id: 155, node_type: 'branch' as const, name: '第二党支部' }],
    [1, { parent_id: null, node_type: 'city' as const, name: '江滨市' }],
  ])
  it('names the unit above, through a committee', () => {
    expect(branchPlace(157, '第二党支部', byId)).toBe('市教育局 · 第二党支部')
  })
  it('keeps the name of a branch outside the tree, nothing without a branch', () => {
    expect(branchPlace(44, '第一党支部', byId)).toBe('第一党支部')
    expect(branchPlace(null, null, byId)).toBe('')
  })
})

describe('what the caller may do with a pending transfer', () => {
  const mine = new Set([157, 158])
  const inTree = (id: number) => mine.has(id)
  it.each([
    ['out of my branch to another: cancel only', { kind: 'internal', from_branch_id: 157, to_branch_id: 44 }, { confirm: false, cancel: true }],
    ['into my branch from another: confirm only', { kind: 'internal', from_branch_id: 44, to_branch_id: 157 }, { confirm: true, cancel: false }],
    ['leaving the city from my branch: both', { kind: 'out_of_city', from_branch_id: 157, to_branch_id: null }, { confirm: true, cancel: true }],
    ['coming into the city to my branch: both', { kind: 'into_city', from_branch_id: null, to_branch_id: 157 }, { confirm: true, cancel: true }],
  ] as const)('%s', (_case, tr, expected) => {
    expect(actionsOn({ ...tr, status: 'pending' }, inTree)).toEqual(expected)
  })

  it('nothing once decided', () => {
    expect(actionsOn({ kind: 'internal', status: 'confirmed', from_branch_id: 157, to_branch_id: 157 }, inTree)).toEqual({ confirm: false, cancel: false })
  })
})
