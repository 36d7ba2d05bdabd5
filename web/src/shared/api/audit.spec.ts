import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { auditQuery, fetchAuditLogs } from './audit'

let server: FakeServer
beforeEach(() => {
  server = fakeServer()
})
afterEach(() => vi.unstubAllGlobals())

describe('audit log query', () => {
  it.each([
    [{}, {}],
    [{ from: '', to: '', username: ' ', action: '', result: '' as const }, {}],
    [{ username: ' admin ', action: 'auth.' }, { username: 'admin', action: 'auth.' }],
    [{ from: '2026-11-28T16:00:00.000Z', to: '2026-11-29T16:00:00.000Z' }, { from: '2026-11-28T16:00:00.000Z', to: '2026-11-29T16:00:00.000Z' }],
    [{ result: 'denied' as const }, { result: 'denied' }],
  ])('%j → %j', (filter, expected) => {
    expect(auditQuery(filter)).toEqual(expected)
  })

  it('pages through GET /audit/logs', async () => {
    server.on('GET /api/v1/audit/logs?username=admin&result=failure&page=3&page_size=50', json(200, { items: [], total: 120, page: 3, page_size: 50 }))
    expect((await fetchAuditLogs({ username: 'admin', result: 'failure' }, 3, 50)).total).toBe(120)
  })
})
