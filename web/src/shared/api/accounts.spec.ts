import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { setErrorReporter, type ApiError } from './error'
import {
  createAccount, createRole, disableAccount, enableAccount, fetchAccounts, fetchRoles, grantRole, resetPassword, revokeGrant, unlockAccount,
} from './accounts'

let server: FakeServer
let reported: ApiError[]
beforeEach(() => {
  server = fakeServer()
  reported = []
  setErrorReporter((e) => reported.push(e))
})
afterEach(() => vi.unstubAllGlobals())

const PAGE = { items: [], total: 0, page: 1, page_size: 20 }

describe('accounts calls', () => {
  it('lists with the trimmed search, the state and role filters, the page and its size; empty filters are not sent', async () => {
    server.on('GET /api/v1/accounts?search=%E7%8E%8B&page=2&page_size=50', json(200, PAGE))
    server.on('GET /api/v1/accounts?page=1&page_size=20', json(200, PAGE))
    server.on('GET /api/v1/accounts?state=locked&role=unit_admin&page=1&page_size=20', json(200, PAGE))
    await fetchAccounts({ search: ' 王 ', state: '', role: '' }, 2, 50)
    await fetchAccounts({ search: '  ', state: '', role: '' }, 1, 20)
    await fetchAccounts({ search: '', state: 'locked', role: 'unit_admin' }, 1, 20)
    expect(server.calls.map((c) => c.route)).toEqual([
      'GET /api/v1/accounts?search=%E7%8E%8B&page=2&page_size=50',
      'GET /api/v1/accounts?page=1&page_size=20',
      'GET /api/v1/accounts?state=locked&role=unit_admin&page=1&page_size=20',
    ])
  })

  it('creates with the documented body and an Idempotency-Key; the one-time password comes back', async () => {
    let key: string | null = null
    server.on('POST /api/v1/accounts', (_body, init) => {
      key = new Headers(init?.headers).get('Idempotency-Key')
      return json(201, { id: 12, username: 'li.si', one_time_password: 'Xh-abc!A' })
    })
    const input = { username: 'li.si', display_name: '李四', grant: { role: 'cadre', scope: 'self' as const } }
    const created = await createAccount(input, 'k-1')
    expect(created.one_time_password).toBe('Xh-abc!A')
    expect(server.calls[0].body).toEqual(input)
    expect(key).toBe('k-1')
  })

  it('grant, revoke, unlock, disable, enable and reset reach their paths', async () => {
    server.on('POST /api/v1/accounts/7/grants', json(200, { id: 7 }))
    server.on('DELETE /api/v1/accounts/7/grants/31', json(200, { id: 7 }))
    server.on('POST /api/v1/accounts/7/unlock', json(200, { id: 7 }))
    server.on('POST /api/v1/accounts/7/disable', json(200, { id: 7 }))
    server.on('POST /api/v1/accounts/7/enable', json(200, { id: 7 }))
    server.on('POST /api/v1/accounts/7/reset-password', json(200, { id: 7, one_time_password: 'Xh-new!A' }))
    await grantRole(7, { role: 'unit_admin', scope: 'subtree', org_node_id: 5 })
    await revokeGrant(7, 31)
    await unlockAccount(7)
    await disableAccount(7)
    await enableAccount(7)
    expect((await resetPassword(7)).one_time_password).toBe('Xh-new!A')
    expect(server.calls[0].body).toEqual({ role: 'unit_admin', scope: 'subtree', org_node_id: 5 })
  })

  it('refusals are left to the page (silent), with their code', async () => {
    server.on('POST /api/v1/accounts/2/grants', apiError(409, 'separation_of_duties', '三员分立：…'))
    const err = await grantRole(2, { role: 'audit_admin', scope: 'all' }).catch((e: ApiError) => e)
    expect(err).toMatchObject({ status: 409, code: 'separation_of_duties' })
    expect(reported).toEqual([])
  })
})

describe('roles calls', () => {
  it('reads the roles and creates one with an Idempotency-Key', async () => {
    let key: string | null = null
    server.on('GET /api/v1/roles', json(200, { items: [{ code: 'cadre' }] }))
    server.on('POST /api/v1/roles', (_body, init) => {
      key = new Headers(init?.headers).get('Idempotency-Key')
      return json(201, { id: 9, code: 'liaison' })
    })
    expect((await fetchRoles()).items).toHaveLength(1)
    await createRole({ code: 'liaison', name: '联络员', permissions: ['people.read'] }, 'k-2')
    expect(server.calls[1].body).toEqual({ code: 'liaison', name: '联络员', permissions: ['people.read'] })
    expect(key).toBe('k-2')
  })
})
