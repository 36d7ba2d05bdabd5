import { describe, expect, it } from 'vitest'
import { allowedEntries, allows, PERM, type Need } from './permissions'

describe('allows', () => {
  it.each([
    [['org.read'], PERM.orgRead, true],
    [['org.read'], PERM.orgWrite, false],
    [['people.read'], [PERM.auditRead, PERM.peopleRead], true],
    [[], [PERM.auditRead, PERM.peopleRead], false],
    [undefined, PERM.orgRead, false],
    [[], undefined, true],
    [undefined, [], true],
  ] as const)('%j needs %j → %s', (granted, need, expected) => {
    expect(allows(granted, need)).toBe(expected)
  })
})

describe('allowedEntries', () => {
  interface Entry {
    key: string
    permission?: Need
    children?: Entry[]
  }
  const entries: Entry[] = [
    { key: 'home' },
    { key: 'org', permission: PERM.orgRead },
    { key: 'system', children: [{ key: 'audit', permission: PERM.auditRead }, { key: 'accounts', permission: 'accounts.admin' as Need }] },
  ]

  it('an organisation administrator sees 组织与人员, and not 系统管理, none of whose pages they may open', () => {
    const seen = allowedEntries(entries, ['org.read', 'people.read'])
    expect(seen.map((e) => e.key)).toEqual(['home', 'org'])
  })

  it('the audit administrator sees 审计日志 and not 组织与人员', () => {
    const seen = allowedEntries(entries, ['audit.read'])
    expect(seen.map((e) => e.key)).toEqual(['home', 'system'])
    expect(seen[1].children?.map((c) => c.key)).toEqual(['audit'])
  })

  it('the original list is left as it was', () => {
    allowedEntries(entries, [])
    expect(entries[2].children).toHaveLength(2)
  })
})
