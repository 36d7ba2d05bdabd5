// Accounts and roles, for the security administrator (account.read to look; account.manage, account.unlock and
// role.manage to change). Every change is audited by the server; nobody changes their own account.
import { del, get, post } from './client'
import type { Page } from './people'

/** all: 全部; subtree: 本部门及以下; node: 本部门; self: 仅本人; custom: 自定义 (chosen organisations, each of them only). */
export const SCOPES = ['all', 'subtree', 'node', 'self', 'custom'] as const
export type Scope = (typeof SCOPES)[number]

export interface AccountGrant {
  id: number
  /** The role's code. */
  role: string
  role_name: string
  org_node_id: number | null
  org_node_name: string
  scope: Scope
}

export interface Account {
  id: number
  username: string
  display_name: string
  person_id: number | null
  /** "active" or "disabled"; a lock is `locked_until` in the future. */
  status: 'active' | 'disabled'
  /** ISO-8601 UTC; null when not locked. */
  locked_until: string | null
  failed_logins: number
  totp_enabled: boolean
  must_change_password: boolean
  demo: boolean
  grants: AccountGrant[]
  created_at: string
  last_login_at: string | null
}

/** An account as answered by create and reset-password: with the one-time password, shown once. */
export interface AccountWithPassword extends Account {
  one_time_password: string
}

export interface Role {
  id: number
  code: string
  name: string
  /** system / security / audit for the three administrators (三员), else null. */
  admin_kind: 'system' | 'security' | 'audit' | null
  builtin: boolean
  permissions: string[]
}

export interface GrantInput {
  role: string
  scope: Scope
  /** Needed for subtree and node; optional for all and self. */
  org_node_id?: number
  /** The organisations of a custom scope (at least one). */
  org_node_ids?: number[]
}

export interface AccountCreate {
  username: string
  display_name: string
  person_id?: number
  grant: GrantInput
}

export interface RoleCreate {
  code: string
  name: string
  permissions: string[]
}

const account = (id: number) => `/accounts/${encodeURIComponent(String(id))}`
// Refusals (三员分立, own account, taken names …) are shown by the dialogs and the page in their own words.
const quiet = { silent: true } as const

export type AccountStateFilter = '' | 'active' | 'locked' | 'disabled'
export interface AccountFilter {
  search: string
  state: AccountStateFilter
  role: string
}
export const fetchAccounts = (filter: AccountFilter, page: number, pageSize: number) =>
  get<Page<Account>>('/accounts', {
    query: { search: filter.search.trim() || undefined, state: filter.state || undefined, role: filter.role || undefined, page, page_size: pageSize },
  })
export const fetchAccount = (id: number) => get<Account>(account(id))
export const createAccount = (input: AccountCreate, idempotencyKey: string) =>
  post<AccountWithPassword>('/accounts', input, { ...quiet, headers: { 'Idempotency-Key': idempotencyKey } })
export const grantRole = (id: number, grant: GrantInput) => post<Account>(`${account(id)}/grants`, grant, quiet)
export const revokeGrant = (id: number, grantId: number) => del<Account>(`${account(id)}/grants/${encodeURIComponent(String(grantId))}`, quiet)
export const unlockAccount = (id: number) => post<Account>(`${account(id)}/unlock`, undefined, quiet)
export const disableAccount = (id: number) => post<Account>(`${account(id)}/disable`, undefined, quiet)
export const enableAccount = (id: number) => post<Account>(`${account(id)}/enable`, undefined, quiet)
export const resetPassword = (id: number) => post<AccountWithPassword>(`${account(id)}/reset-password`, undefined, quiet)

export const fetchRoles = () => get<{ items: Role[] }>('/roles')
export const createRole = (input: RoleCreate, idempotencyKey: string) =>
  post<Role>('/roles', input, { ...quiet, headers: { 'Idempotency-Key': idempotencyKey } })
