import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { assignmentStep, createAssignment, fetchAssignments, fetchMyAssignments, fetchPlanReport, practiceQuery, setPlan } from './practice'

let server: FakeServer
beforeEach(() => {
  server = fakeServer()
})
afterEach(() => vi.unstubAllGlobals())

const headersOf = (i: number) => (vi.mocked(fetch).mock.calls[i][1]?.headers ?? {}) as Record<string, string>

describe('practice filter', () => {
  it.each([
    [{}, 1, 20, { page: 1, page_size: 20 }],
    [{ node_id: null, assignment_type: '' as const, state: '' as const, year: null, q: '' }, 2, 50, { page: 2, page_size: 50 }],
    [
      { node_id: 12, assignment_type: 'urgent' as const, state: 'completed' as const, year: 2026, q: '姜山' },
      1,
      20,
      { node_id: 12, assignment_type: 'urgent', state: 'completed', year: 2026, q: '姜山', page: 1, page_size: 20 },
    ],
  ])('%j, page %i of %i → %j', (filter, page, size, expected) => {
    expect(practiceQuery(filter, page, size)).toEqual(expected)
  })

  it('leaves paging out for the export', () => {
    expect(practiceQuery({ year: 2026, state: '' })).toEqual({ year: 2026 })
  })
})

describe('assignments', () => {
  it('lists, creates with an Idempotency-Key, steps, and reads the plan', async () => {
    server.on('GET /api/v1/practice/assignments?year=2026&page=1&page_size=20', json(200, { items: [], total: 0, page: 1, page_size: 20 }))
    server.on('POST /api/v1/practice/assignments', json(201, { id: 7, state: 'planned' }))
    server.on('POST /api/v1/practice/assignments/7/mid-term', json(200, { id: 7, state: 'mid_term' }))
    server.on('GET /api/v1/practice/plan-report?node_id=3&year=2026', json(200, { year: 2026, node: { planned: 500 }, units: [] }))
    server.on('PUT /api/v1/practice/plans', json(200, { node_id: 3, year: 2026, planned: 480 }))
    server.on('GET /api/v1/me/practice/assignments', json(200, { items: [{ id: 7 }] }))

    expect((await fetchAssignments({ year: 2026 })).total).toBe(0)
    const body = { person_id: 1, assignment_type: 'frontline' as const, host_place: '姜山镇', starts_on: '2026-11-01', planned_end: '2026-12-01' }
    expect((await createAssignment(body, 'k1')).state).toBe('planned')
    expect(headersOf(1)['Idempotency-Key']).toBe('k1')
    expect((await assignmentStep(7, 'mid-term', { evaluated_on: '2026-11-20', grade: 'good' })).state).toBe('mid_term')
    expect((await fetchPlanReport(3, 2026)).node.planned).toBe(500)
    expect((await setPlan(3, 2026, 480)).planned).toBe(480)
    expect((await fetchMyAssignments()).items).toHaveLength(1)
  })

  it('a stale step is ApiError 409, left to the drawer to show', async () => {
    server.on('POST /api/v1/practice/assignments/7/complete', apiError(409, 'assignment_state', '该历练当前为“已完成”'))
    await expect(assignmentStep(7, 'complete', { actual_end: '2026-11-20', grade: 'good', outcome: '完成' })).rejects.toMatchObject({
      status: 409,
      code: 'assignment_state',
    })
  })
})
