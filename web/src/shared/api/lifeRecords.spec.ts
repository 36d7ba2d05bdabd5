import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { ApiError } from './client'
import {
  appraisalQuery,
  fetchAppraisal,
  fetchAppraisals,
  fetchBranchMembers,
  fetchMyTimeline,
  fetchRewardsPunishments,
  fetchTimeline,
  recordAppraisal,
  recordRewardPunishment,
} from './lifeRecords'

let server: FakeServer
beforeEach(() => {
  server = fakeServer()
})
afterEach(() => vi.unstubAllGlobals())

const headersOf = (i: number) => (vi.mocked(fetch).mock.calls[i][1]?.headers ?? {}) as Record<string, string>

describe('appraisal filter', () => {
  it.each([
    [{}, {}],
    [{ node_id: null, year: null }, {}],
    [{ node_id: 157, year: 2025 }, { node_id: 157, year: 2025 }],
    [{ year: 2024 }, { year: 2024 }],
  ])('%j → %j', (filter, expected) => {
    expect(appraisalQuery(filter)).toEqual(expected)
  })
})

describe('timelines', () => {
  it('reads a member’s timeline and my own', async () => {
    const person = { id: 671, name: '薛振帅', party_status: 'full', status: 'active', party_joined_date: '2009-07-27', unit_name: '市教育局', branch_name: '第二党支部' }
    server.on('GET /api/v1/party/people/671/timeline', json(200, { person, items: [{ date: '2025-01-22', type: 'meeting', code: 'life_meeting', status: 'present', text: '组织生活会', ref_id: 1 }] }))
    server.on('GET /api/v1/me/party/timeline', json(200, { person, items: [] }))
    expect((await fetchTimeline(671)).items[0].code).toBe('life_meeting')
    expect((await fetchMyTimeline()).person.name).toBe('薛振帅')
    expect(server.calls.map((c) => c.route)).toEqual(['GET /api/v1/party/people/671/timeline', 'GET /api/v1/me/party/timeline'])
  })

  it('a person outside the scope is ApiError 404, left to the page to show', async () => {
    const reported = vi.fn()
    const { setErrorReporter } = await import('./error')
    setErrorReporter(reported)
    server.on('GET /api/v1/party/people/9/timeline', apiError(404, 'not_found', '人员不存在'))
    server.on('GET /api/v1/me/party/timeline', apiError(403, 'no_person', '账号未关联人员'))
    await expect(fetchTimeline(9)).rejects.toMatchObject({ status: 404, code: 'not_found' })
    await expect(fetchMyTimeline()).rejects.toMatchObject({ status: 403, code: 'no_person' })
    expect(reported).not.toHaveBeenCalled()
  })
})

describe('democratic appraisal', () => {
  it('lists with the filter, reads one, and records with the documented body and an Idempotency-Key', async () => {
    server.on('GET /api/v1/party/appraisals', json(200, { items: [] }))
    server.on('GET /api/v1/party/appraisals?node_id=157&year=2025', json(200, { items: [{ id: 4, year: 2025 }] }))
    server.on('GET /api/v1/party/appraisals/4', json(200, { id: 4, grades: [{ person_id: 671, grade: 'excellent' }] }))
    server.on('POST /api/v1/party/appraisals', json(201, { id: 5, grades: [] }))

    expect((await fetchAppraisals()).items).toEqual([])
    expect((await fetchAppraisals({ node_id: 157, year: 2025 })).items[0].id).toBe(4)
    expect((await fetchAppraisal(4)).grades?.[0].grade).toBe('excellent')
    const input = {
      branch_id: 157,
      year: 2025,
      decided_on: '2025-12-20',
      grades: [
        { person_id: 671, grade: 'excellent' as const },
        { person_id: 674, grade: 'unqualified' as const, note: '限期整改' },
      ],
    }
    expect((await recordAppraisal(input, 'k-9')).id).toBe(5)
    expect(headersOf(3)['Idempotency-Key']).toBe('k-9')
    expect(server.calls.map((c) => [c.route, c.body])).toEqual([
      ['GET /api/v1/party/appraisals', undefined],
      ['GET /api/v1/party/appraisals?node_id=157&year=2025', undefined],
      ['GET /api/v1/party/appraisals/4', undefined],
      ['POST /api/v1/party/appraisals', input],
    ])
  })

  it('a row’s missing note is ApiError validation naming the row, not shown by the reporter', async () => {
    const reported = vi.fn()
    const { setErrorReporter } = await import('./error')
    setErrorReporter(reported)
    server.on('POST /api/v1/party/appraisals', apiError(400, 'validation', '评为不合格须写明处置意见', { field: 'grades[1].note' }))
    const err = await recordAppraisal({ branch_id: 157, year: 2025, decided_on: '2025-12-20', grades: [] }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 400, code: 'validation', field: 'grades[1].note' })
    expect(reported).not.toHaveBeenCalled()
  })

  it('a second appraisal of the year is 409 appraisal_exists', async () => {
    server.on('POST /api/v1/party/appraisals', apiError(409, 'appraisal_exists', '该支部本年度的民主评议已经记录'))
    await expect(recordAppraisal({ branch_id: 157, year: 2025, decided_on: '2025-12-20', grades: [] })).rejects.toMatchObject({
      status: 409,
      code: 'appraisal_exists',
    })
  })

  it('lists a branch’s full and probationary members of that branch only, page after page, by name', async () => {
    const person = (id: number, name: string, branch_id: number | null) => ({ id, name, branch_id })
    const full1 = Array.from({ length: 200 }, (_, i) => person(1000 + i, `甲${String(i).padStart(3, '0')}`, 157))
    server.on('GET /api/v1/people?unit_id=157&party_status=full&sort=name&order=asc&page=1&page_size=200', json(200, { items: full1, total: 202, page: 1, page_size: 200 }))
    server.on(
      'GET /api/v1/people?unit_id=157&party_status=full&sort=name&order=asc&page=2&page_size=200',
      json(200, { items: [person(2, '乙', 157), person(3, '丙（党小组）', 158)], total: 202, page: 2, page_size: 200 }),
    )
    server.on(
      'GET /api/v1/people?unit_id=157&party_status=probationary&sort=name&order=asc&page=1&page_size=200',
      json(200, { items: [person(4, '丁', 157)], total: 1, page: 1, page_size: 200 }),
    )
    const members = await fetchBranchMembers(157)
    expect(members).toHaveLength(202)
    expect(members.map((p) => p.id)).not.toContain(3)
    expect(members.map((p) => p.id)).toEqual(expect.arrayContaining([2, 4, 1000, 1199]))
    expect(server.calls).toHaveLength(3)
  })
})

describe('rewards and punishments', () => {
  it('lists by category and records with an Idempotency-Key', async () => {
    server.on('GET /api/v1/party/rewards-punishments', json(200, { items: [{ id: 1 }, { id: 2 }] }))
    server.on('GET /api/v1/party/rewards-punishments?category=punishment', json(200, { items: [{ id: 2 }] }))
    server.on('POST /api/v1/party/rewards-punishments', json(201, { id: 3, form: 'probation_in_party', probation_months: 12 }))

    expect((await fetchRewardsPunishments()).items).toHaveLength(2)
    expect((await fetchRewardsPunishments('')).items).toHaveLength(2)
    expect((await fetchRewardsPunishments('punishment')).items).toHaveLength(1)
    const input = {
      person_id: 671,
      form: 'probation_in_party' as const,
      decided_on: '2026-03-01',
      decided_by: '中共江滨市教育局机关委员会',
      document_no: '江教机党〔2026〕5号',
      probation_months: 12,
      reason: '违反工作纪律',
    }
    expect((await recordRewardPunishment(input, 'k-1')).probation_months).toBe(12)
    expect(headersOf(3)['Idempotency-Key']).toBe('k-1')
    expect(server.calls.map((c) => [c.route, c.body])).toEqual([
      ['GET /api/v1/party/rewards-punishments', undefined],
      ['GET /api/v1/party/rewards-punishments', undefined],
      ['GET /api/v1/party/rewards-punishments?category=punishment', undefined],
      ['POST /api/v1/party/rewards-punishments', input],
    ])
  })

  it('a punishment without its decision number is refused on that field', async () => {
    server.on('POST /api/v1/party/rewards-punishments', apiError(400, 'validation', '党纪处分须填写处分决定文号', { field: 'document_no' }))
    await expect(
      recordRewardPunishment({ person_id: 671, form: 'warning', decided_on: '2026-03-01', decided_by: '机关党委', reason: '迟到' }),
    ).rejects.toMatchObject({ status: 400, field: 'document_no' })
  })
})
