import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { ApiError } from './error'
import {
  cancelLecture, confirmLecture, fetchLectures, fetchLectureStats, fetchMyLectures, fetchTeams, lectureQuery, rejectLecture, reportLecture, withdrawLecture,
} from './lectures'

let server: FakeServer
beforeEach(() => {
  server = fakeServer()
})
afterEach(() => vi.unstubAllGlobals())

const headersOf = (i: number) => (vi.mocked(fetch).mock.calls[i][1]?.headers ?? {}) as Record<string, string>

describe('lecture filters as query parameters', () => {
  it.each([
    [{}, undefined, undefined, {}],
    [{ team_id: null, status: '' as const, level: '' as const, from: null }, 1, 20, { page: 1, page_size: 20 }],
    [
      { team_id: 3, person_id: 9, status: 'pending' as const, level: 'city' as const, audience_kind: 'public' as const, from: '2026-01-01', to: '2026-11-30', year: 2026 },
      2,
      50,
      { team_id: 3, person_id: 9, status: 'pending', level: 'city', audience_kind: 'public', from: '2026-01-01', to: '2026-11-30', year: 2026, page: 2, page_size: 50 },
    ],
  ])('%j, page %s of %s → %j', (filter, p, size, expected) => {
    expect(lectureQuery(filter, p, size)).toEqual(expected)
  })
})

describe('lectures', () => {
  it('reads teams, lectures, statistics and my record with the documented calls', async () => {
    server.on('GET /api/v1/study/lecture-teams?status=active&page=1&page_size=20', json(200, { items: [{ id: 3 }], total: 1, page: 1, page_size: 20 }))
    server.on('GET /api/v1/study/lectures?status=pending&page=1&page_size=20', json(200, { items: [{ id: 7 }], total: 1, page: 1, page_size: 20 }))
    server.on('GET /api/v1/study/lectures/stats?team_id=3&year=2026', json(200, { lectures: 4, audience: 480, by_level: [], by_year: [], by_month: [] }))
    server.on('GET /api/v1/me/study/lectures', json(200, { person_id: 9, teams: [], lectures: [], stats: { lectures: 0 } }))
    expect((await fetchTeams({ status: 'active' })).items[0].id).toBe(3)
    expect((await fetchLectures({ status: 'pending' })).total).toBe(1)
    expect((await fetchLectureStats({ team_id: 3, year: 2026 })).audience).toBe(480)
    expect((await fetchMyLectures()).person_id).toBe(9)
  })

  it('reports with an Idempotency-Key; confirms, rejects with a reason, cancels and withdraws', async () => {
    server.on('POST /api/v1/me/study/lectures', json(201, { id: 7, status: 'pending' }))
    server.on('POST /api/v1/study/lectures/7/confirm', json(200, { id: 7, status: 'confirmed' }))
    server.on('POST /api/v1/study/lectures/8/reject', (body) => json(200, { id: 8, status: 'rejected', reject_reason: (body as { reason: string }).reason }))
    server.on('POST /api/v1/study/lectures/9/cancel', apiError(409, 'lecture_confirmed', '已确认的宣讲已计入积分，不能撤销'))
    server.on('POST /api/v1/me/study/lectures/10/withdraw', json(200, { id: 10, status: 'cancelled' }))
    const body = { team_id: 3, topic: '宣讲', held_on: '2026-11-27', place: '社区', audience_kind: 'public' as const, audience_size: 86, level: 'city' as const, lecturer_ids: [9] }
    expect((await reportLecture(body, 'k-7')).status).toBe('pending')
    expect(headersOf(0)['Idempotency-Key']).toBe('k-7')
    expect((await confirmLecture(7)).status).toBe('confirmed')
    expect((await rejectLecture(8, '请补充照片')).reject_reason).toBe('请补充照片')
    await expect(cancelLecture(9)).rejects.toBeInstanceOf(ApiError)
    expect((await withdrawLecture(10)).status).toBe('cancelled')
  })
})
