import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { ApiError } from './client'
import {
  approveClaim,
  approveClaims,
  claimQuery,
  createRule,
  exportRanking,
  fetchClaims,
  fetchMyEntries,
  fetchMyPoints,
  fetchMyRank,
  fetchRanking,
  fetchRules,
  recordPoints,
  rejectClaim,
  retireRule,
  reverseEntry,
  reviseRule,
  saveEventRule,
  saveScheme,
  simulateRules,
  submitClaim,
  withdrawClaim,
} from './points'

let server: FakeServer
beforeEach(() => {
  server = fakeServer()
})
afterEach(() => vi.unstubAllGlobals())

describe('points catalog calls', () => {
  it('reads the catalog and changes it with the documented bodies', async () => {
    server.on('GET /api/v1/points/rules', json(200, { items: [] }))
    server.on('GET /api/v1/points/rules?history=true&code=study_note', json(200, { items: [] }))
    server.on('POST /api/v1/points/rules', json(201, { id: 30 }))
    server.on('PUT /api/v1/points/rules/30', json(200, { id: 31, version: 2 }))
    server.on('POST /api/v1/points/rules/31/retire', json(200, { id: 31 }))
    server.on('PUT /api/v1/points/schemes/2027', json(200, { year: 2027 }))
    server.on('PUT /api/v1/points/event-rules/study.checkin', json(200, {}))

    await fetchRules()
    await fetchRules(true, 'study_note')
    const rule = { category_code: 'study', name: '读书分享', points: 2, earn_mode: 'self_report' as const, valid_from: '2026-01-01' }
    await createRule({ code: 'reading', ...rule })
    expect((await reviseRule(30, { ...rule, points: 3, cap_month: 4 })).version).toBe(2)
    await retireRule(31)
    await saveScheme(2027, { base_score: 60, floor_score: 0 })
    await saveEventRule('study.checkin', 'study_checkin')

    expect(server.calls.map((c) => [c.route, c.body])).toEqual([
      ['GET /api/v1/points/rules', undefined],
      ['GET /api/v1/points/rules?history=true&code=study_note', undefined],
      ['POST /api/v1/points/rules', { code: 'reading', ...rule }],
      ['PUT /api/v1/points/rules/30', { ...rule, points: 3, cap_month: 4 }],
      ['POST /api/v1/points/rules/31/retire', undefined],
      ['PUT /api/v1/points/schemes/2027', { base_score: 60, floor_score: 0 }],
      ['PUT /api/v1/points/event-rules/study.checkin', { rule_code: 'study_checkin' }],
    ])
  })
})

describe('the member’s own points', () => {
  it('asks for a year, a period, and sends a report with its photos', async () => {
    server.on('GET /api/v1/me/points?year=2026', json(200, { score: 62 }))
    server.on('GET /api/v1/me/points/entries?year=2026', json(200, { items: [] }))
    server.on('GET /api/v1/me/points/rank?period=2026-Q4', json(200, { rank: 3, of: 20 }))
    server.on('POST /api/v1/me/points/claims', json(201, { id: 5, status: 'pending' }))
    server.on('POST /api/v1/me/points/claims/5/withdraw', json(200, { id: 5, status: 'withdrawn' }))

    expect((await fetchMyPoints(2026)).score).toBe(62)
    await fetchMyEntries(2026)
    expect((await fetchMyRank('2026-Q4', '')).rank).toBe(3)
    let headers: Record<string, string> = {}
    server.on('POST /api/v1/me/points/claims', (_body, init) => {
      headers = init?.headers as Record<string, string>
      return json(201, { id: 5, status: 'pending' })
    })
    await submitClaim({ rule_id: 5, activity_date: '2026-11-20', description: '读书心得', evidence: [11, 12] }, 'k-1')
    expect(headers['Idempotency-Key']).toBe('k-1')
    expect((await withdrawClaim(5)).status).toBe('withdrawn')
    expect(server.calls[3].body).toEqual({ rule_id: 5, activity_date: '2026-11-20', description: '读书心得', evidence: [11, 12] })
  })

  it('an account without a person gets ApiError no_person, left to the page to show', async () => {
    server.on('GET /api/v1/me/points?year=2026', apiError(403, 'no_person', '当前账号未关联党员信息'))
    await expect(fetchMyPoints(2026)).rejects.toMatchObject({ status: 403, code: 'no_person' })
    await expect(fetchMyPoints(2026)).rejects.toBeInstanceOf(ApiError)
  })
})

describe('managers’ calls', () => {
  it.each([
    [{}, {}],
    [{ status: '' as const, unit_id: null, person_id: null }, {}],
    [{ status: 'approved' as const, unit_id: 12 }, { status: 'approved', unit_id: 12 }],
    [{ person_id: 7 }, { person_id: 7 }],
  ])('claim filter %j → %j', (filter, expected) => {
    expect(claimQuery(filter)).toEqual(expected)
  })

  it('pages the queue, decides claims, records and reverses with the documented bodies', async () => {
    server.on('GET /api/v1/points/claims?unit_id=12&page=2&page_size=20', json(200, { items: [], total: 21, page: 2, page_size: 20 }))
    server.on('POST /api/v1/points/claims/5/approve', json(200, { id: 5, status: 'approved' }))
    server.on('POST /api/v1/points/claims/6/reject', json(200, { id: 6, status: 'rejected' }))
    server.on('POST /api/v1/points/claims/approve-batch', json(200, { approved: [7], failed: [{ id: 8, code: 'own_claim' }] }))
    server.on('POST /api/v1/points/records', json(201, { id: 9, status: 'approved' }))
    server.on('POST /api/v1/points/entries/40/reverse', json(201, { id: 41, source_type: 'reversal' }))

    expect((await fetchClaims({ unit_id: 12 }, 2, 20)).total).toBe(21)
    await approveClaim(5)
    await rejectClaim(6, '照片与活动不符')
    expect((await approveClaims([7, 8])).failed).toEqual([{ id: 8, code: 'own_claim' }])
    await recordPoints({ person_id: 3, rule_id: 22, points: -5, activity_date: '2026-11-02', reason: '未按时完成调研报告' })
    await reverseEntry(40, '重复记入')

    expect(server.calls.slice(1).map((c) => [c.route, c.body])).toEqual([
      ['POST /api/v1/points/claims/5/approve', undefined],
      ['POST /api/v1/points/claims/6/reject', { reason: '照片与活动不符' }],
      ['POST /api/v1/points/claims/approve-batch', { ids: [7, 8] }],
      ['POST /api/v1/points/records', { person_id: 3, rule_id: 22, points: -5, activity_date: '2026-11-02', reason: '未按时完成调研报告' }],
      ['POST /api/v1/points/entries/40/reverse', { reason: '重复记入' }],
    ])
  })

  it('a second approval by the first approver is refused with its code', async () => {
    server.on('POST /api/v1/points/claims/5/approve', apiError(409, 'second_approver_required', '该项目需要另一位审批人复核'))
    await expect(approveClaim(5)).rejects.toMatchObject({ status: 409, code: 'second_approver_required' })
  })

  it('asks for a ranking of a node, leaving out an empty category', async () => {
    server.on('GET /api/v1/points/rankings?node_id=4&period=2026-11&limit=50', json(200, { items: [], period: '2026-11' }))
    server.on('GET /api/v1/points/rankings?node_id=4&period=2026&category=study&limit=10', json(200, { items: [], period: '2026' }))
    await fetchRanking({ node_id: 4, period: '2026-11', category: '' })
    await fetchRanking({ node_id: 4, period: '2026', category: 'study', limit: 10 })
    expect(server.calls).toHaveLength(2)
  })
})

describe('the what-if simulation', () => {
  it('sends the draft and reads the movers; a refusal reaches the caller', async () => {
    const input = { from: '2026-01-01', to: '2026-11-29', node_id: 4, changes: [{ rule_code: 'study_checkin', points: 2 }, { rule_code: 'mass_visit', retire: true }] }
    server.on('POST /api/v1/points/simulations', json(200, { people: 3, entries: 40, total_before: 90, total_after: 96, changed: 2, movers_up: [], movers_down: [] }))
    expect((await simulateRules(input)).total_after).toBe(96)
    expect(server.calls[0].body).toEqual(input)
    server.on('POST /api/v1/points/simulations', apiError(422, 'validation_failed', '截止日期应在起始日期之后且同一年内', { field: 'to' }))
    await expect(simulateRules({ ...input, to: '2027-01-01' })).rejects.toMatchObject({ code: 'validation_failed', field: 'to' })
  })

  it('a retirement the caller reports itself is silent', async () => {
    const reported: unknown[] = []
    const { setErrorReporter } = await import('./error')
    setErrorReporter((e) => reported.push(e))
    server.on('POST /api/v1/points/rules/31/retire', apiError(409, 'rule_not_current', '只能停用当前版本'))
    await expect(retireRule(31, true)).rejects.toMatchObject({ code: 'rule_not_current' })
    expect(reported).toEqual([])
    await expect(retireRule(31)).rejects.toMatchObject({ code: 'rule_not_current' })
    expect(reported).toHaveLength(1)
  })
})

describe('ranking export', () => {
  it('downloads the whole ranking with the page filters and the name the server gives', async () => {
    server.on(
      'GET /api/v1/points/rankings/export?node_id=7&period=2026-Q4&category=study',
      () =>
        new Response(new Uint8Array([80, 75, 3, 4]), {
          status: 200,
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'Content-Disposition': "attachment; filename=\"ranking.xlsx\"; filename*=UTF-8''%E7%A7%AF%E5%88%86%E6%8E%92%E5%90%8D.xlsx",
          },
        }),
    )
    const file = await exportRanking({ node_id: 7, period: '2026-Q4', category: 'study' })
    expect(file.filename).toBe('积分排名.xlsx')
    expect(file.blob.size).toBe(4)
  })
})
