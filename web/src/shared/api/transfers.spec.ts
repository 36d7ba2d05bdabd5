import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { ApiError } from './client'
import { cancelTransfer, confirmTransfer, fetchTransfers, issueTransfer, transferQuery } from './transfers'

let server: FakeServer
beforeEach(() => {
  server = fakeServer()
})
afterEach(() => vi.unstubAllGlobals())

const headersOf = (i: number) => (vi.mocked(fetch).mock.calls[i][1]?.headers ?? {}) as Record<string, string>

describe('transfer query', () => {
  it.each([
    [undefined, {}],
    ['' as const, {}],
    ['pending' as const, { status: 'pending' }],
  ])('%j → %j', (status, expected) => {
    expect(transferQuery(status)).toEqual(expected)
  })
})

describe('transfers', () => {
  it('lists all or by status', async () => {
    server.on('GET /api/v1/party/transfers', json(200, { items: [{ id: 1 }, { id: 2 }] }))
    server.on('GET /api/v1/party/transfers?status=pending', json(200, { items: [{ id: 2, flagged: true }] }))
    expect((await fetchTransfers()).items).toHaveLength(2)
    expect((await fetchTransfers('pending')).items[0].flagged).toBe(true)
    expect(server.calls.map((c) => c.route)).toEqual(['GET /api/v1/party/transfers', 'GET /api/v1/party/transfers?status=pending'])
  })

  it('issues with an Idempotency-Key, confirms with the date (and the note when there is one), cancels with the reason', async () => {
    server.on('POST /api/v1/party/transfers', json(201, { id: 5, status: 'pending' }))
    server.on('POST /api/v1/party/transfers/5/confirm', json(200, { id: 5, status: 'confirmed' }))
    server.on('POST /api/v1/party/transfers/6/cancel', json(200, { id: 6, status: 'cancelled' }))

    const input = { person_id: 682, kind: 'internal' as const, to_branch_id: 160, issued_on: '2026-11-20' }
    expect((await issueTransfer(input, 'k-9')).id).toBe(5)
    expect(headersOf(0)['Idempotency-Key']).toBe('k-9')
    expect((await confirmTransfer(5, '2026-11-29')).status).toBe('confirmed')
    await confirmTransfer(5, '2026-11-29', '已报到')
    expect((await cancelTransfer(6, '填写有误')).status).toBe('cancelled')

    expect(server.calls.map((c) => [c.route, c.body])).toEqual([
      ['POST /api/v1/party/transfers', input],
      ['POST /api/v1/party/transfers/5/confirm', { confirmed_on: '2026-11-29' }],
      ['POST /api/v1/party/transfers/5/confirm', { confirmed_on: '2026-11-29', note: '已报到' }],
      ['POST /api/v1/party/transfers/6/cancel', { reason: '填写有误' }],
    ])
  })

  it('refusals keep their field and code and are left to the dialogs to show', async () => {
    const reported = vi.fn()
    const { setErrorReporter } = await import('./error')
    setErrorReporter(reported)
    server.on('POST /api/v1/party/transfers', apiError(400, 'validation_failed', '接收支部与现所在支部相同', { field: 'to_branch_id' }))
    const err = await issueTransfer({ person_id: 682, kind: 'internal', to_branch_id: 157, issued_on: '2026-11-20' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 400, field: 'to_branch_id' })

    server.on('POST /api/v1/party/transfers/5/confirm', apiError(403, 'not_receiving_side', '只有接收方党组织可以确认接收'))
    await expect(confirmTransfer(5, '2026-11-29')).rejects.toMatchObject({ status: 403, code: 'not_receiving_side' })
    server.on('POST /api/v1/party/transfers/5/cancel', apiError(409, 'transfer_decided', '该转接已处理'))
    await expect(cancelTransfer(5, '重复')).rejects.toMatchObject({ status: 409, code: 'transfer_decided' })
    expect(reported).not.toHaveBeenCalled()
  })
})
