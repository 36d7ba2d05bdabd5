import { describe, expect, it } from 'vitest'
import type { Account, Role } from '../api/accounts'
import { adminConflict, businessPermissions, groupPermissions, knownNodes, ROLE_CODE_PATTERN, USERNAME_PATTERN } from './roles'

// GET /roles as the demo seed answers it (permissions sorted by the server).
const ROLES: Role[] = [
  { id: 1, code: 'system_admin', name: '系统管理员', admin_kind: 'system', builtin: true, permissions: ['system.config'] },
  { id: 2, code: 'security_admin', name: '安全管理员', admin_kind: 'security', builtin: true, permissions: ['account.manage', 'account.read', 'account.unlock', 'role.manage'] },
  { id: 3, code: 'audit_admin', name: '审计管理员', admin_kind: 'audit', builtin: true, permissions: ['audit.export', 'audit.read'] },
  { id: 4, code: 'unit_admin', name: '单位管理员', admin_kind: null, builtin: true, permissions: ['org.read', 'people.export', 'people.read', 'points.read'] },
  { id: 5, code: 'rater', name: '评价人', admin_kind: null, builtin: true, permissions: ['evaluation.rate'] },
  { id: 6, code: 'cadre', name: '干部/党员', admin_kind: null, builtin: true, permissions: ['self.read'] },
  { id: 9, code: 'liaison', name: '联络员', admin_kind: null, builtin: false, permissions: ['people.read', 'made.up'] },
]

const grant = (role: string) => ({ id: 1, role, role_name: role, org_node_id: 1, org_node_name: '江滨市', scope: 'all' as const })

describe('businessPermissions', () => {
  it('are those of the built-in roles that are not one of the three administrators, in area order, read first', () => {
    expect(businessPermissions(ROLES)).toEqual(['org.read', 'people.read', 'people.export', 'points.read', 'evaluation.rate', 'self.read'])
  })

  it('a custom role never widens the list', () => {
    expect(businessPermissions(ROLES)).not.toContain('made.up')
  })
})

describe('groupPermissions', () => {
  it('groups by area in menu order, unknown areas last', () => {
    expect(groupPermissions(['audit.read', 'zeta.do', 'people.write', 'org.read', 'people.read', 'points.rules', 'points.read'])).toEqual([
      { area: 'org', permissions: ['org.read'] },
      { area: 'people', permissions: ['people.read', 'people.write'] },
      { area: 'points', permissions: ['points.read', 'points.rules'] },
      { area: 'audit', permissions: ['audit.read'] },
      { area: 'zeta', permissions: ['zeta.do'] },
    ])
  })
})

describe('adminConflict (三员分立)', () => {
  const sysadmin = { grants: [grant('system_admin')] }
  it.each([
    ['the audit role for the system administrator', sysadmin, 'audit_admin', 'system'],
    ['the security role for the system administrator', sysadmin, 'security_admin', 'system'],
    ['the same administrator role again', sysadmin, 'system_admin', null],
    ['a business role for an administrator', sysadmin, 'unit_admin', null],
    ['an administrator role for a business account', { grants: [grant('unit_admin'), grant('cadre')] }, 'audit_admin', null],
    ['a role the page does not know', sysadmin, 'nobody', null],
  ])('%s', (_what, account, role, kind) => {
    expect(adminConflict(account as Pick<Account, 'grants'>, role as string, ROLES)).toBe(kind)
  })
})

describe('knownNodes', () => {
  it('the organisations named in grants, once each, by name (pinyin order in Chinese)', () => {
    const accounts = [
      { grants: [grant('unit_admin'), { ...grant('cadre'), org_node_id: 5, org_node_name: '市教育局' }] },
      { grants: [{ ...grant('cadre'), org_node_id: 5, org_node_name: '市教育局' }, { ...grant('cadre'), org_node_id: null, org_node_name: '' }] },
    ]
    expect(knownNodes(accounts)).toEqual([
      { id: 1, name: '江滨市' },
      { id: 5, name: '市教育局' },
    ])
  })
})

describe('the shapes the server asks for', () => {
  it.each([
    ['zhang.san', true],
    ['e2e_1-2', true],
    ['ZhangSan', false],
    ['张三', false],
    ['a'.repeat(33), false],
  ])('username %j: %s', (name, ok) => expect(USERNAME_PATTERN.test(name)).toBe(ok))

  it.each([
    ['discipline_liaison', true],
    ['r2', true],
    ['x', false],
    ['2role', false],
    ['Role', false],
    ['has-dash', false],
  ])('role code %j: %s', (code, ok) => expect(ROLE_CODE_PATTERN.test(code)).toBe(ok))
})
