import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { ApiError } from './client'
import {
  BRANCH_MEETING_KINDS,
  closeMeeting,
  createMeeting,
  deleteMeeting,
  fetchCadence,
  fetchMeeting,
  fetchMeetings,
  fetchMyMeetings,
  meetingQuery,
  setAttendance,
  updateMeeting,
} from './meetings'

let server: FakeServer
beforeEach(() => {
  server = fakeServer()
})
afterEach(() => vi.unstubAllGlobals())

const headersOf = (i: number) => (vi.mocked(fetch).mock.calls[i][1]?.headers ?? {}) as Record<string, string>
const methodOf = (i: number) => vi.mocked(fetch).mock.calls[i][1]?.method

describe('meeting filter', () => {
  it.each([
    [{}, 1, 20, { page: 1, page_size: 20 }],
    [{ node_id: null, meeting_type: '' as const, status: '' as const, from: '', to: null }, 2, 50, { page: 2, page_size: 50 }],
    [
      { node_id: 157, meeting_type: 'theme_day' as const, status: 'closed' as const, from: '2026-01-01', to: '2026-03-31' },
      1,
      20,
      { node_id: 157, meeting_type: 'theme_day', status: 'closed', from: '2026-01-01', to: '2026-03-31', page: 1, page_size: 20 },
    ],
  ])('%j, page %i of %i → %j', (filter, page, size, expected) => {
    expect(meetingQuery(filter, page, size)).toEqual(expected)
  })

  it('a branch holds every meeting_type but the party group meeting', () => {
    expect(BRANCH_MEETING_KINDS).toEqual(['branch_general', 'branch_committee', 'party_lecture', 'theme_day', 'life_meeting'])
  })
})

describe('reading meetings', () => {
  it('asks for a page of meetings, one meeting, the cadence board and my meetings', async () => {
    server.on('GET /api/v1/party/meetings?page=1&page_size=20', json(200, { items: [], total: 0, page: 1, page_size: 20 }))
    server.on(
      'GET /api/v1/party/meetings?node_id=157&meeting_type=party_lecture&status=open&from=2026-10-01&page=3&page_size=50',
      json(200, { items: [{ id: 9 }], total: 101, page: 3, page_size: 50 }),
    )
    server.on('GET /api/v1/party/meetings/9', json(200, { id: 9, attendance: [{ person_id: 1, status: 'present' }] }))
    server.on('GET /api/v1/party/meeting-cadence?page=1&page_size=50', json(200, { items: [], total: 0, today: '2026-11-30' }))
    server.on('GET /api/v1/party/meeting-cadence?node_id=157&page=2&page_size=20', json(200, { items: [{ node_id: 158 }], total: 21, today: '2026-11-30' }))
    server.on('GET /api/v1/me/party/meetings', json(200, { items: [{ id: 9, my_status: 'excused' }] }))

    expect((await fetchMeetings()).total).toBe(0)
    expect((await fetchMeetings({ node_id: 157, meeting_type: 'party_lecture', status: 'open', from: '2026-10-01' }, 3, 50)).total).toBe(101)
    expect((await fetchMeeting(9)).attendance).toHaveLength(1)
    expect((await fetchCadence()).today).toBe('2026-11-30')
    expect((await fetchCadence(157, 2, 20)).items[0].node_id).toBe(158)
    expect((await fetchMyMeetings()).items[0].my_status).toBe('excused')
    expect(server.calls.map((c) => c.route)).toEqual([
      'GET /api/v1/party/meetings?page=1&page_size=20',
      'GET /api/v1/party/meetings?node_id=157&meeting_type=party_lecture&status=open&from=2026-10-01&page=3&page_size=50',
      'GET /api/v1/party/meetings/9',
      'GET /api/v1/party/meeting-cadence?page=1&page_size=50',
      'GET /api/v1/party/meeting-cadence?node_id=157&page=2&page_size=20',
      'GET /api/v1/me/party/meetings',
    ])
  })

  it('a meeting outside the scope is ApiError 404, left to the page to show', async () => {
    const reported = vi.fn()
    const { setErrorReporter } = await import('./error')
    setErrorReporter(reported)
    server.on('GET /api/v1/party/meetings/404', apiError(404, 'not_found', '会议记录不存在'))
    await expect(fetchMeeting(404)).rejects.toMatchObject({ status: 404, code: 'not_found' })
    server.on('GET /api/v1/me/party/meetings', apiError(403, 'no_person', '账号未关联人员'))
    await expect(fetchMyMeetings()).rejects.toMatchObject({ status: 403, code: 'no_person' })
    expect(reported).not.toHaveBeenCalled()
  })
})

describe('recording a meeting', () => {
  it('creates with an Idempotency-Key, changes details and attendance, closes and deletes with the documented calls', async () => {
    server.on('POST /api/v1/party/meetings', json(201, { id: 12, status: 'open', attendance: [] }))
    server.on('PUT /api/v1/party/meetings/12', json(200, { id: 12, minutes: '会议纪要' }))
    server.on('PUT /api/v1/party/meetings/12/attendance', json(200, { id: 12, excused: 1 }))
    server.on('POST /api/v1/party/meetings/12/close', json(200, { id: 12, status: 'closed', closed_by: '马月蕾' }))
    server.on('DELETE /api/v1/party/meetings/13', json(204))

    const create = { node_id: 157, meeting_type: 'party_lecture' as const, held_on: '2026-11-20', topic: '党课', host_person_id: 670, lecturer: '马月蕾', lecturer_is_secretary: true }
    expect((await createMeeting(create, 'k-1')).id).toBe(12)
    expect(headersOf(0)['Idempotency-Key']).toBe('k-1')
    const details = { held_on: '2026-11-20', topic: '党课', host_person_id: 670, minutes: '会议纪要', photos: [5, 6] }
    expect((await updateMeeting(12, details)).minutes).toBe('会议纪要')
    expect(headersOf(1)['Idempotency-Key']).toBeUndefined()
    const attendance = [
      { person_id: 670, status: 'present' as const },
      { person_id: 682, status: 'excused' as const, reason: '公务外出' },
    ]
    expect((await setAttendance(12, attendance)).excused).toBe(1)
    expect((await closeMeeting(12)).status).toBe('closed')
    expect(await deleteMeeting(13)).toBeUndefined()
    expect(methodOf(4)).toBe('DELETE')

    expect(server.calls.map((c) => [c.route, c.body])).toEqual([
      ['POST /api/v1/party/meetings', create],
      ['PUT /api/v1/party/meetings/12', details],
      ['PUT /api/v1/party/meetings/12/attendance', { attendance }],
      ['POST /api/v1/party/meetings/12/close', undefined],
      ['DELETE /api/v1/party/meetings/13', undefined],
    ])
  })

  it('an excused absence without a reason is ApiError validation naming the row, not shown by the reporter', async () => {
    const reported = vi.fn()
    const { setErrorReporter } = await import('./error')
    setErrorReporter(reported)
    server.on('PUT /api/v1/party/meetings/12/attendance', apiError(400, 'validation_failed', '请假须填写事由', { field: 'attendance[1].reason' }))
    const err = await setAttendance(12, [
      { person_id: 670, status: 'present' },
      { person_id: 682, status: 'excused' },
    ]).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 400, code: 'validation_failed', field: 'attendance[1].reason', message: '请假须填写事由' })
    expect(reported).not.toHaveBeenCalled()
  })

  it('a change to a closed meeting is 409 meeting_closed; closing without minutes names the field', async () => {
    server.on('PUT /api/v1/party/meetings/12', apiError(409, 'meeting_closed', '会议已结束归档，不能再修改'))
    await expect(updateMeeting(12, { held_on: '2026-11-20', topic: 'x', host_person_id: 1 })).rejects.toMatchObject({ status: 409, code: 'meeting_closed' })
    server.on('POST /api/v1/party/meetings/12/close', apiError(400, 'validation_failed', '请先填写会议记录', { field: 'minutes' }))
    await expect(closeMeeting(12)).rejects.toMatchObject({ status: 400, field: 'minutes' })
  })
})
