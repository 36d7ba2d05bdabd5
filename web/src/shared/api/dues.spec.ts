import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { ApiError } from './client'
import { duesQuery, fetchDues, fetchMyDues, recordPayment, recordPayments, setDuesBase } from './dues'

let server: FakeServer
beforeEach(() => {
  server = fakeServer()
})
afterEach(() => vi.unstubAllGlobals())

const headersOf = (i: number) => (vi.mocked(fetch).mock.calls[i][1]?.headers ?? {}) as Record<string, string>

describe('dues query', () => {
  it.each([
    [null, 1, 200, { page: 1, page_size: 200 }],
    [undefined, 2, 50, { page: 2, page_size: 50 }],
    [157, 1, 200, { page: 1, page_size: 200, node_id: 157 }],
  ])('node %s, page %s of %s', (node, page, size, expected) => {
    expect(duesQuery(node, page, size)).toEqual(expected)
  })
})

describe('reading dues', () => {
  it('asks for the members of an organisation page by page, and the member’s own', async () => {
    server.on('GET /api/v1/party/dues?page=1&page_size=200&node_id=157', json(200, { items: [{ person_id: 682 }], total: 1, page: 1, page_size: 200, month: '2026-11' }))
    server.on('GET /api/v1/party/dues?page=3&page_size=200', json(200, { items: [], total: 401, page: 3, page_size: 200, month: '2026-11' }))
    server.on('GET /api/v1/me/party/dues', json(200, { member: true, bases: [], payments: [], first_month: null, arrears_months: 0, level: null, month: '2026-11' }))

    expect((await fetchDues(157)).items[0].person_id).toBe(682)
    expect((await fetchDues(null, 3)).total).toBe(401)
    expect((await fetchMyDues()).member).toBe(true)
    expect(server.calls.map((c) => c.route)).toEqual([
      'GET /api/v1/party/dues?page=1&page_size=200&node_id=157',
      'GET /api/v1/party/dues?page=3&page_size=200',
      'GET /api/v1/me/party/dues',
    ])
  })

  it('an account without a person is ApiError no_person, left to the page to say', async () => {
    const reported = vi.fn()
    const { setErrorReporter } = await import('./error')
    setErrorReporter(reported)
    server.on('GET /api/v1/me/party/dues', apiError(403, 'no_person', '账号未关联人员'))
    await expect(fetchMyDues()).rejects.toMatchObject({ status: 403, code: 'no_person' })
    expect(reported).not.toHaveBeenCalled()
  })
})

describe('recording', () => {
  it('declares a base with PUT, records a payment with an Idempotency-Key and a batch of rows', async () => {
    server.on('PUT /api/v1/party/dues/bases/682', json(200, { person_id: 682, year: 2026, amount_cents: 12000, rate_permille: 15 }))
    server.on('POST /api/v1/party/dues/payments', json(201, { items: [{ id: 1, month: '2026-11', amount_cents: 12000 }] }))
    server.on('POST /api/v1/party/dues/payments/batch', json(200, { recorded: 1, failed: [{ row: 2, field: '', message: '2026-11 的党费已缴纳' }] }))

    const base = { year: 2026, category: 'employed' as const, income_cents: 800000 }
    expect((await setDuesBase(682, base)).amount_cents).toBe(12000)
    const payment = { person_id: 682, months: ['2026-10', '2026-11'], paid_on: '2026-11-29', method: 'cash' as const }
    expect((await recordPayment(payment, 'k-1')).items).toHaveLength(1)
    expect(headersOf(1)['Idempotency-Key']).toBe('k-1')
    const rows = [
      { row: 1, person_id: 682, months: ['2026-11'], paid_on: '2026-11-29' },
      { row: 2, person_id: 675, months: ['2026-11'], paid_on: '2026-11-29' },
    ]
    const result = await recordPayments(rows)
    expect(result).toEqual({ recorded: 1, failed: [{ row: 2, field: '', message: '2026-11 的党费已缴纳' }] })
    expect(headersOf(2)['Idempotency-Key']).toBeUndefined()

    expect(server.calls.map((c) => [c.route, c.body])).toEqual([
      ['PUT /api/v1/party/dues/bases/682', base],
      ['POST /api/v1/party/dues/payments', payment],
      ['POST /api/v1/party/dues/payments/batch', { rows }],
    ])
  })

  it('a refused income is ApiError validation on its field, not shown by the reporter', async () => {
    const reported = vi.fn()
    const { setErrorReporter } = await import('./error')
    setErrorReporter(reported)
    server.on('PUT /api/v1/party/dues/bases/682', apiError(400, 'validation_failed', '字段 income_cents 必须在 0 到 100000000 之间', { field: 'income_cents' }))
    const err = await setDuesBase(682, { year: 2026, category: 'employed', income_cents: -1 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 400, code: 'validation_failed', field: 'income_cents' })
    expect(reported).not.toHaveBeenCalled()
  })

  it('a month paid twice or without a declared income is a conflict with its code', async () => {
    server.on('POST /api/v1/party/dues/payments', apiError(409, 'already_paid', '2026-11 的党费已缴纳'))
    await expect(recordPayment({ person_id: 682, months: ['2026-11'], paid_on: '2026-11-29' })).rejects.toMatchObject({ status: 409, code: 'already_paid' })
    server.on('POST /api/v1/party/dues/payments', apiError(409, 'no_dues_base', '2026-11 所在年度尚未核定党费基数，请先登记收入'))
    await expect(recordPayment({ person_id: 675, months: ['2026-11'], paid_on: '2026-11-29' })).rejects.toMatchObject({ code: 'no_dues_base' })
  })
})
