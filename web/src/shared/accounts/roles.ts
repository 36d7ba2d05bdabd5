// Roles and permissions as the security administrator sees them: which permissions a custom role may hold, how they
// group for the form, and the separation of the three administrators (三员分立).
import type { Account, Role } from '../api/accounts'

/**
 * The permissions a custom role may be made of: those of the built-in roles that are not one of the three
 * administrators. The server applies the same rule; taking it from GET /roles keeps the form in step with it.
 */
export function businessPermissions(roles: readonly Role[]): string[] {
  const out = new Set<string>()
  for (const r of roles) if (r.builtin && r.admin_kind === null) for (const p of r.permissions) out.add(p)
  return [...out].sort(byArea)
}

/** The area of a permission: its code's first part (org, people, points …). */
export const permissionArea = (code: string): string => code.split('.')[0]

/** The areas in the order the console's menu shows them; others after, by name. */
const AREA_ORDER = ['org', 'people', 'points', 'evaluation', 'self', 'system', 'account', 'role', 'audit']
/** Inside an area: reading first, then changing, then the rarer and more sensitive; unknown ones after, by code. */
const PERMISSION_ORDER = [
  'org.read', 'org.write', 'people.read', 'people.write', 'people.import', 'people.export', 'people.read_sensitive',
  'points.read', 'points.approve', 'points.adjust', 'points.rules', 'evaluation.rate', 'self.read', 'system.config',
  'account.read', 'account.manage', 'account.unlock', 'role.manage', 'audit.read', 'audit.export',
]

function rank(list: readonly string[], value: string): number {
  const i = list.indexOf(value)
  return i < 0 ? list.length : i
}

function byArea(a: string, b: string): number {
  const x = permissionArea(a)
  const y = permissionArea(b)
  return rank(AREA_ORDER, x) - rank(AREA_ORDER, y) || x.localeCompare(y) || rank(PERMISSION_ORDER, a) - rank(PERMISSION_ORDER, b) || a.localeCompare(b)
}

export interface PermissionGroup {
  area: string
  permissions: string[]
}

/** Permissions grouped by area, areas in menu order, for the checkbox groups of the role form. */
export function groupPermissions(permissions: readonly string[]): PermissionGroup[] {
  const groups: PermissionGroup[] = []
  for (const p of [...permissions].sort(byArea)) {
    const area = permissionArea(p)
    const last = groups[groups.length - 1]
    if (last && last.area === area) last.permissions.push(p)
    else groups.push({ area, permissions: [p] })
  }
  return groups
}

/**
 * 三员分立: the administrator kind the account already holds that a grant of `roleCode` would clash with, or null.
 * The server refuses the grant (409 separation_of_duties); the dialog warns before it is sent.
 */
export function adminConflict(account: Pick<Account, 'grants'>, roleCode: string, roles: readonly Role[]): Role['admin_kind'] {
  const byCode = new Map(roles.map((r) => [r.code, r]))
  const wanted = byCode.get(roleCode)?.admin_kind ?? null
  if (wanted === null) return null
  for (const g of account.grants) {
    const held = byCode.get(g.role)?.admin_kind ?? null
    if (held !== null && held !== wanted) return held
  }
  return null
}

/** The shape the server asks of a custom role's code. */
export const ROLE_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/
/** The shape of a username. */
export const USERNAME_PATTERN = /^[a-z0-9_.-]{1,32}$/

export interface KnownNode {
  id: number
  name: string
}

/**
 * The organisations named in the accounts' grants, by name. The security administrator may not read the org tree
 * (that is org.read, a business permission): these are then the organisations the grant form can offer by name.
 */
export function knownNodes(accounts: readonly Pick<Account, 'grants'>[]): KnownNode[] {
  const byId = new Map<number, string>()
  for (const a of accounts) for (const g of a.grants) if (g.org_node_id && g.org_node_name) byId.set(g.org_node_id, g.org_node_name)
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id)
}
