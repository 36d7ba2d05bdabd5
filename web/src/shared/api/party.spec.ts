import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { ApiError } from './client'
import {
  addReport,
  caseQuery,
  fetchCase,
  fetchCases,
  fetchMyParty,
  fetchPipeline,
  fetchSteps,
  fetchWarnings,
  openCase,
  recordStep,
  submitThoughtReport,
} from './party'

let server: FakeServer
beforeEach(() => {
  server = fakeServer()
})
afterEach(() => vi.unstubAllGlobals())

const headersOf = (i: number) => (vi.mocked(fetch).mock.calls[i][1]?.headers ?? {}) as Record<string, string>

describe('case filter', () => {
  it.each([
    [{}, { page_size: 200 }],
    [{ node_id: null, status: '' as const, name: '  ' }, { page_size: 200 }],
    [{ node_id: 12, status: 'all' as const, name: ' 张 ' }, { page_size: 200, node_id: 12, status: 'all', name: '张' }],
    [{ status: 'completed' as const }, { page_size: 200, status: 'completed' }],
  ])('%j → %j', (filter, expected) => {
    expect(caseQuery(filter)).toEqual(expected)
  })
})

describe('reading development files', () => {
  it('asks for the steps, the cases, one file, the warnings and the pipeline of an organisation', async () => {
    server.on('GET /api/v1/party/steps', json(200, { items: [{ step_no: 1 }] }))
    server.on('GET /api/v1/party/cases?page_size=200', json(200, { items: [], today: '2026-05-01' }))
    server.on('GET /api/v1/party/cases?page_size=200&node_id=7&status=active&name=%E5%BC%A0', json(200, { items: [{ id: 3 }], today: '2026-05-01' }))
    server.on('GET /api/v1/party/cases/3', json(200, { id: 3, steps: [] }))
    server.on('GET /api/v1/party/warnings?node_id=7&page_size=500', json(200, { items: [], today: '2026-05-01' }))
    server.on('GET /api/v1/party/warnings?page_size=500', json(200, { items: [], today: '2026-05-01' }))
    server.on('GET /api/v1/party/pipeline?node_id=7', json(200, { items: [{ stage: 1, cases: 2 }] }))

    expect((await fetchSteps()).items).toHaveLength(1)
    expect((await fetchCases()).today).toBe('2026-05-01')
    expect((await fetchCases({ node_id: 7, status: 'active', name: '张' })).items[0].id).toBe(3)
    expect((await fetchCase(3)).id).toBe(3)
    await fetchWarnings(7)
    await fetchWarnings(null)
    expect((await fetchPipeline(7)).items[0].cases).toBe(2)
    expect(server.calls.map((c) => c.route)).toEqual([
      'GET /api/v1/party/steps',
      'GET /api/v1/party/cases?page_size=200',
      'GET /api/v1/party/cases?page_size=200&node_id=7&status=active&name=%E5%BC%A0',
      'GET /api/v1/party/cases/3',
      'GET /api/v1/party/warnings?node_id=7&page_size=500',
      'GET /api/v1/party/warnings?page_size=500',
      'GET /api/v1/party/pipeline?node_id=7',
    ])
  })

  it('a file outside the scope is ApiError 404, left to the page to show', async () => {
    const reported = vi.fn()
    const { setErrorReporter } = await import('./error')
    setErrorReporter(reported)
    server.on('GET /api/v1/party/cases/9', apiError(404, 'not_found', '发展档案不存在'))
    await expect(fetchCase(9)).rejects.toMatchObject({ status: 404, code: 'not_found' })
    expect(reported).not.toHaveBeenCalled()
  })
})

describe('recording', () => {
  it('opens a case with an Idempotency-Key, records a step and a report with the documented bodies', async () => {
    server.on('POST /api/v1/party/cases', json(201, { id: 4, person_name: '李明', steps: [{ step_no: 1 }] }))
    server.on('POST /api/v1/party/cases/4/steps', json(201, { id: 4, steps: [{ step_no: 1 }, { step_no: 2 }] }))
    server.on('POST /api/v1/party/cases/4/reports', json(201, { id: 8, kind: 'assessment' }))

    const open = { person_id: 21, date: '2025-01-10', note: '本人递交', documents: [5] }
    expect((await openCase(open, 'k-1')).id).toBe(4)
    expect(headersOf(0)['Idempotency-Key']).toBe('k-1')
    const talk = { step_no: 2, date: '2025-01-20', people: [{ role: 'talker' as const, name: '王书记' }] }
    expect((await recordStep(4, talk)).steps).toHaveLength(2)
    expect(headersOf(1)['Idempotency-Key']).toBeUndefined()
    await addReport(4, { kind: 'assessment', date: '2025-07-01', content: '表现良好' })

    expect(server.calls.map((c) => [c.route, c.body])).toEqual([
      ['POST /api/v1/party/cases', open],
      ['POST /api/v1/party/cases/4/steps', talk],
      ['POST /api/v1/party/cases/4/reports', { kind: 'assessment', date: '2025-07-01', content: '表现良好' }],
    ])
  })

  it('a too-early step is ApiError validation with its field and earliest date, not shown by the reporter', async () => {
    const reported = vi.fn()
    const { setErrorReporter } = await import('./error')
    setErrorReporter(reported)
    server.on(
      'POST /api/v1/party/cases/4/steps',
      apiError(400, 'validation', '第7步「确定发展对象」最早可在 2026-02-01 记录：确定发展对象须在入党积极分子备案满一年后', {
        field: 'date',
        earliest: '2026-02-01',
      }),
    )
    const err = await recordStep(4, { step_no: 7, date: '2025-10-01' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 400, code: 'validation', field: 'date', details: { earliest: '2026-02-01' } })
    expect(reported).not.toHaveBeenCalled()
  })

  it('a step out of order carries the expected step', async () => {
    server.on('POST /api/v1/party/cases/4/steps', apiError(409, 'step_out_of_order', '步骤须按顺序记录', { expected_step: '3' }))
    await expect(recordStep(4, { step_no: 2, date: '2025-01-20' })).rejects.toMatchObject({ status: 409, details: { expected_step: '3' } })
  })
})

describe('the member’s own file', () => {
  it('reads my case (or null) and hands in a thought report with an Idempotency-Key', async () => {
    server.on('GET /api/v1/me/party', json(200, { case: null }))
    expect((await fetchMyParty()).case).toBeNull()
    server.on('POST /api/v1/me/party/thought-reports', json(201, { id: 9, kind: 'thought_report', date: '2026-05-01' }))
    expect((await submitThoughtReport('近期认真学习党章，对党的认识更加深刻。', 'k-2')).id).toBe(9)
    expect(headersOf(1)['Idempotency-Key']).toBe('k-2')
    expect(server.calls[1].body).toEqual({ content: '近期认真学习党章，对党的认识更加深刻。' })
  })

  it('without a person or an open case the page gets the error to say so itself', async () => {
    server.on('GET /api/v1/me/party', apiError(403, 'no_person', '账号未关联人员'))
    await expect(fetchMyParty()).rejects.toMatchObject({ status: 403, code: 'no_person' })
    server.on('POST /api/v1/me/party/thought-reports', apiError(409, 'no_case', '您没有进行中的入党发展档案'))
    await expect(submitThoughtReport('一二三四五六七八九十')).rejects.toMatchObject({ status: 409, code: 'no_case' })
  })
})
