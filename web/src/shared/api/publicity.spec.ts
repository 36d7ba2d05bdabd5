import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import {
  closePublicity,
  fetchMyAppeals,
  fetchMyPublicities,
  fetchPublicities,
  fetchPublicity,
  handleAppeal,
  publishBody,
  publishPublicity,
  submitAppeal,
} from './publicity'

let server: FakeServer
beforeEach(() => {
  server = fakeServer()
})
afterEach(() => vi.unstubAllGlobals())

describe('publicity: managers’ calls', () => {
  it.each([
    [{ node_id: 4, period: '2026', days: 7, title: '' }, { node_id: 4, period: '2026', days: 7 }],
    [{ node_id: 4, period: '2026-Q4', days: 10, title: '  第四季度积分公示 ' }, { node_id: 4, period: '2026-Q4', days: 10, title: '第四季度积分公示' }],
  ])('publish form %j → body %j', (form, body) => {
    expect(publishBody(form)).toEqual(body)
  })

  it('publishes, lists, reads, answers and closes with the documented bodies', async () => {
    server.on('POST /api/v1/points/publicities', json(201, { id: 9, status: 'open', rows: [] }))
    server.on('GET /api/v1/points/publicities', json(200, { items: [] }))
    server.on('GET /api/v1/points/publicities?node_id=4', json(200, { items: [{ id: 9 }] }))
    server.on('GET /api/v1/points/publicities/9', json(200, { id: 9, rows: [], appeals: [] }))
    server.on('POST /api/v1/points/appeals/3/handle', json(200, { id: 3, status: 'dismissed' }))
    server.on('POST /api/v1/points/publicities/9/close', json(200, { id: 9, status: 'closed' }))

    expect((await publishPublicity({ node_id: 4, period: '2026', days: 7 })).id).toBe(9)
    await fetchPublicities()
    await fetchPublicities(null)
    expect((await fetchPublicities(4)).items).toHaveLength(1)
    expect((await fetchPublicity(9)).appeals).toEqual([])
    expect((await handleAppeal(3, 'dismissed', '经核实，积分记录无误')).status).toBe('dismissed')
    expect((await closePublicity(9, '公示期满，无异议')).status).toBe('closed')

    expect(server.calls.map((c) => [c.route, c.body])).toEqual([
      ['POST /api/v1/points/publicities', { node_id: 4, period: '2026', days: 7 }],
      ['GET /api/v1/points/publicities', undefined],
      ['GET /api/v1/points/publicities', undefined],
      ['GET /api/v1/points/publicities?node_id=4', undefined],
      ['GET /api/v1/points/publicities/9', undefined],
      ['POST /api/v1/points/appeals/3/handle', { decision: 'dismissed', result: '经核实，积分记录无误' }],
      ['POST /api/v1/points/publicities/9/close', { note: '公示期满，无异议' }],
    ])
  })

  it.each([
    ['POST /api/v1/points/publicities/9/close', () => closePublicity(9, '结束'), 409, 'appeals_open'],
    ['POST /api/v1/points/publicities/9/close', () => closePublicity(9, '结束'), 409, 'publicity_closed'],
    ['POST /api/v1/points/appeals/3/handle', () => handleAppeal(3, 'upheld', '属实'), 403, 'own_appeal'],
    ['POST /api/v1/points/appeals/3/handle', () => handleAppeal(3, 'upheld', '属实'), 409, 'appeal_handled'],
  ] as const)('%s refused with %s %s reaches the caller as ApiError', async (route, call, status, code) => {
    server.on(route, apiError(status, code, '…'))
    await expect(call()).rejects.toMatchObject({ status, code })
  })
})

describe('publicity: the member’s side', () => {
  it('reads my publicities and appeals, and appeals with a reason', async () => {
    server.on('GET /api/v1/me/points/publicities', json(200, { items: [{ id: 9, rows: [] }] }))
    server.on('GET /api/v1/me/points/appeals', json(200, { items: [] }))
    server.on('POST /api/v1/me/points/publicities/9/appeals', json(201, { id: 3, status: 'open' }))

    expect((await fetchMyPublicities()).items[0].id).toBe(9)
    await fetchMyAppeals()
    expect((await submitAppeal(9, '我 11 月参加的专题学习未计入')).status).toBe('open')
    expect(server.calls[2].body).toEqual({ reason: '我 11 月参加的专题学习未计入' })
  })

  it('after the last day the appeal is refused with publicity_over; without a person, no_person', async () => {
    server.on('POST /api/v1/me/points/publicities/9/appeals', apiError(409, 'publicity_over', '公示期已结束，不能再申诉'))
    server.on('GET /api/v1/me/points/publicities', apiError(403, 'no_person', '当前账号未关联党员信息'))
    await expect(submitAppeal(9, '理由')).rejects.toMatchObject({ status: 409, code: 'publicity_over' })
    await expect(fetchMyPublicities()).rejects.toMatchObject({ status: 403, code: 'no_person' })
  })
})
