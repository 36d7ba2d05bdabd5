import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import {
  addGroupMembers,
  cancelSession,
  checkin,
  closeGroup,
  closeSession,
  createGroup,
  createSession,
  fetchAttendance,
  fetchCoverage,
  fetchGroup,
  fetchGroups,
  fetchMyGroups,
  fetchMySessions,
  fetchQr,
  fetchSession,
  fetchSessions,
  fetchUncovered,
  groupQuery,
  markAttendance,
  removeGroupMember,
  sessionQuery,
  updateGroup,
  updateSession,
} from './study'

let server: FakeServer
beforeEach(() => {
  server = fakeServer()
})
afterEach(() => vi.unstubAllGlobals())

const headersOf = (i: number) => (vi.mocked(fetch).mock.calls[i][1]?.headers ?? {}) as Record<string, string>
const methodOf = (i: number) => vi.mocked(fetch).mock.calls[i][1]?.method
const page = (items: unknown[] = [], total = 0) => json(200, { items, total, page: 1, page_size: 20 })

describe('filters as query parameters', () => {
  it.each([
    [{}, 1, 20, { page: 1, page_size: 20 }],
    [{ node_id: null, status: '' as const, name: '  ' }, 2, 50, { page: 2, page_size: 50 }],
    [{ node_id: 157, status: 'closed' as const, name: ' 第一组 ' }, 1, 20, { node_id: 157, status: 'closed', name: '第一组', page: 1, page_size: 20 }],
  ])('groups %j, page %i of %i → %j', (filter, p, size, expected) => {
    expect(groupQuery(filter, p, size)).toEqual(expected)
  })

  it.each([
    [{}, 1, 20, { page: 1, page_size: 20 }],
    [{ node_id: null, group_id: null, audience: '' as const, status: '' as const, from: '', to: null }, 3, 20, { page: 3, page_size: 20 }],
    [
      { node_id: 12, group_id: 4, audience: 'group' as const, status: 'open' as const, from: '2026-11-01', to: '2026-11-30' },
      1,
      50,
      { node_id: 12, group_id: 4, audience: 'group', status: 'open', from: '2026-11-01', to: '2026-11-30', page: 1, page_size: 50 },
    ],
  ])('sessions %j, page %i of %i → %j', (filter, p, size, expected) => {
    expect(sessionQuery(filter, p, size)).toEqual(expected)
  })
})

describe('study groups and coverage', () => {
  it('reads groups, one group, the coverage, the young cadres not covered and my groups with the documented calls', async () => {
    server.on('GET /api/v1/study/groups?status=active&page=1&page_size=20', page([{ id: 5 }], 1))
    server.on('GET /api/v1/study/groups/5', json(200, { id: 5, members: [{ person_id: 9, young_cadre: true }] }))
    server.on('GET /api/v1/study/coverage?page=1&page_size=20', json(200, { units: [], totals: { units: 74, coverage_rate: 0.9 } }))
    server.on('GET /api/v1/study/coverage?node_id=12&page=2&page_size=50', json(200, { units: [{ unit_id: 12 }], totals: { units: 1 } }))
    server.on('GET /api/v1/study/coverage/uncovered?node_id=12&page=1&page_size=20', page([{ person_id: 31 }], 1))
    server.on('GET /api/v1/me/study/groups', json(200, { items: [{ id: 5 }] }))

    expect((await fetchGroups({ status: 'active' })).total).toBe(1)
    expect((await fetchGroup(5)).members?.[0].young_cadre).toBe(true)
    expect((await fetchCoverage()).totals.units).toBe(74)
    expect((await fetchCoverage(12, 2, 50)).units[0].unit_id).toBe(12)
    expect((await fetchUncovered(12)).items[0].person_id).toBe(31)
    expect((await fetchMyGroups()).items).toHaveLength(1)
  })

  it('sets up a group with an Idempotency-Key, renames it, adds and removes members and closes it', async () => {
    server.on('POST /api/v1/study/groups', json(201, { id: 6, name: '青年理论学习小组' }))
    server.on('PUT /api/v1/study/groups/6', json(200, { id: 6, name: '青年理论学习小组（第一组）' }))
    server.on('POST /api/v1/study/groups/6/members', json(200, { id: 6, member_count: 3 }))
    server.on('DELETE /api/v1/study/groups/6/members/9', json(200, { id: 6, member_count: 2 }))
    server.on('POST /api/v1/study/groups/6/close', json(200, { id: 6, status: 'closed' }))

    const create = { unit_id: 12, name: '青年理论学习小组', leader_person_id: 9 }
    expect((await createGroup(create, 'k-1')).id).toBe(6)
    expect(headersOf(0)['Idempotency-Key']).toBe('k-1')
    await updateGroup(6, { name: '青年理论学习小组（第一组）' })
    expect((await addGroupMembers(6, [9, 10, 11])).member_count).toBe(3)
    expect((await removeGroupMember(6, 9)).member_count).toBe(2)
    expect(methodOf(3)).toBe('DELETE')
    expect((await closeGroup(6)).status).toBe('closed')

    expect(server.calls.map((c) => [c.route, c.body])).toEqual([
      ['POST /api/v1/study/groups', create],
      ['PUT /api/v1/study/groups/6', { name: '青年理论学习小组（第一组）' }],
      ['POST /api/v1/study/groups/6/members', { person_ids: [9, 10, 11] }],
      ['DELETE /api/v1/study/groups/6/members/9', undefined],
      ['POST /api/v1/study/groups/6/close', undefined],
    ])
  })

  it('a leader from another unit is ApiError validation naming the field, left to the form', async () => {
    const reported = vi.fn()
    const { setErrorReporter } = await import('./error')
    setErrorReporter(reported)
    server.on('POST /api/v1/study/groups', apiError(400, 'validation_failed', '组长须为本单位人员', { field: 'leader_person_id' }))
    await expect(createGroup({ unit_id: 12, name: 'x', leader_person_id: 99 })).rejects.toMatchObject({ status: 400, field: 'leader_person_id' })
    expect(reported).not.toHaveBeenCalled()
  })
})

describe('study sessions', () => {
  it('lists, reads, organises, changes, closes and cancels with the documented calls', async () => {
    server.on('GET /api/v1/study/sessions?status=open&from=2026-11-01&page=1&page_size=20', page([{ id: 7 }], 1))
    server.on('GET /api/v1/study/sessions/7', json(200, { id: 7, expected: 12 }))
    server.on('POST /api/v1/study/sessions', json(201, { id: 8, status: 'open' }))
    server.on('PUT /api/v1/study/sessions/8', json(200, { id: 8, title: '周二夜学' }))
    server.on('POST /api/v1/study/sessions/8/close', json(200, { id: 8, status: 'closed', absent: 3 }))
    server.on('POST /api/v1/study/sessions/9/cancel', json(200, { id: 9, status: 'cancelled' }))

    expect((await fetchSessions({ status: 'open', from: '2026-11-01' })).items[0].id).toBe(7)
    expect((await fetchSession(7)).expected).toBe(12)
    const create = {
      audience: 'unit' as const,
      node_id: 12,
      title: '周二夜学',
      starts_at: '2026-11-29T11:00:00Z',
      ends_at: '2026-11-29T12:30:00Z',
      place: '机关三楼会议室',
      late_after_minutes: 10,
    }
    expect((await createSession(create, 'k-2')).id).toBe(8)
    expect(headersOf(2)['Idempotency-Key']).toBe('k-2')
    const details = { title: '周二夜学', starts_at: '2026-11-29T11:00:00Z', ends_at: '2026-11-29T13:00:00Z', place: '机关三楼会议室' }
    await updateSession(8, details)
    expect(headersOf(3)['Idempotency-Key']).toBeUndefined()
    expect((await closeSession(8)).absent).toBe(3)
    expect((await cancelSession(9)).status).toBe('cancelled')

    expect(server.calls.slice(2).map((c) => [c.route, c.body])).toEqual([
      ['POST /api/v1/study/sessions', create],
      ['PUT /api/v1/study/sessions/8', details],
      ['POST /api/v1/study/sessions/8/close', undefined],
      ['POST /api/v1/study/sessions/9/cancel', undefined],
    ])
  })

  it('asks for the screen’s code, the attendance by status and marks people', async () => {
    server.on('GET /api/v1/study/sessions/8/qr', json(200, { token: '8.1.abc', checkin_path: '/m/study/checkin?t=8.1.abc', period_seconds: 30 }))
    server.on('GET /api/v1/study/sessions/8/attendance?page=1&page_size=50', page([{ person_id: 9, status: 'pending' }], 1))
    server.on('GET /api/v1/study/sessions/8/attendance?status=late&page=2&page_size=100', page([], 0))
    server.on('PUT /api/v1/study/sessions/8/attendance', json(200, { id: 8, excused: 1 }))

    expect((await fetchQr(8)).checkin_path).toBe('/m/study/checkin?t=8.1.abc')
    expect((await fetchAttendance(8)).items[0].status).toBe('pending')
    expect((await fetchAttendance(8, 'late', 2, 100)).total).toBe(0)
    const marks = [
      { person_id: 9, status: 'present' as const },
      { person_id: 10, status: 'excused' as const, reason: '公务外出' },
    ]
    expect((await markAttendance(8, marks)).excused).toBe(1)
    expect(server.calls.at(-1)).toEqual({ route: 'PUT /api/v1/study/sessions/8/attendance', body: { attendance: marks } })
  })

  it('a closed session’s code is 409 session_closed, left to the screen', async () => {
    const reported = vi.fn()
    const { setErrorReporter } = await import('./error')
    setErrorReporter(reported)
    server.on('GET /api/v1/study/sessions/8/qr', apiError(409, 'session_closed', '本次学习活动已结束或已取消'))
    await expect(fetchQr(8)).rejects.toMatchObject({ status: 409, code: 'session_closed' })
    expect(reported).not.toHaveBeenCalled()
  })
})

describe('the cadre’s own', () => {
  it('checks in with the token alone (no Idempotency-Key: the server takes a second scan as the same check-in)', async () => {
    server.on('POST /api/v1/study/checkins', json(200, { session: { id: 8, title: '周二夜学' }, status: 'late', checked_in_at: '2026-11-29T11:12:00Z', already: false }))
    const r = await checkin('8.1.abc')
    expect(r.status).toBe('late')
    expect(server.calls[0]).toEqual({ route: 'POST /api/v1/study/checkins', body: { token: '8.1.abc' } })
    expect(headersOf(0)['Idempotency-Key']).toBeUndefined()
  })

  it.each([
    [400, 'qr_expired'],
    [400, 'invalid_token'],
    [409, 'session_closed'],
    [409, 'not_started'],
    [409, 'session_ended'],
    [403, 'not_in_audience'],
    [403, 'no_person'],
  ])('a refused check-in (%i %s) is left to the page', async (status, code) => {
    const reported = vi.fn()
    const { setErrorReporter } = await import('./error')
    setErrorReporter(reported)
    server.on('POST /api/v1/study/checkins', apiError(status, code, '…'))
    await expect(checkin('x')).rejects.toMatchObject({ status, code })
    expect(reported).not.toHaveBeenCalled()
  })

  it('reads my coming week, my past year (past=true) or more days', async () => {
    server.on('GET /api/v1/me/study/sessions', json(200, { items: [{ id: 8, my_status: null }] }))
    server.on('GET /api/v1/me/study/sessions?past=true', json(200, { items: [{ id: 7, my_status: 'present' }] }))
    server.on('GET /api/v1/me/study/sessions?days=30', json(200, { items: [] }))
    expect((await fetchMySessions()).items[0].my_status).toBeNull()
    expect((await fetchMySessions({ past: true })).items[0].my_status).toBe('present')
    expect((await fetchMySessions({ days: 30 })).items).toEqual([])
  })
})
