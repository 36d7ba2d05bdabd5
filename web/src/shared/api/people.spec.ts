import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../i18n'
import { apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { setErrorReporter, type ApiError } from './error'
import { downloadMyData, exportPeople, fetchHistory, fetchMyPerson, fetchPeople, fetchSensitive, peopleQuery, updatePerson, type PeopleFilter } from './people'

let server: FakeServer
let reported: ApiError[]
beforeEach(() => {
  setLocale('zh-CN')
  server = fakeServer()
  reported = []
  setErrorReporter((e) => reported.push(e))
})
afterEach(() => vi.unstubAllGlobals())

describe('peopleQuery', () => {
  it.each<[string, PeopleFilter, Record<string, unknown>]>([
    ['nothing', {}, {}],
    ['empty fields are left out', { name: '  ', rank: '', party_status: '', age_min: null, age_max: null, young_cadre: null, unit_id: null }, {}],
    ['name trimmed', { name: ' 王 ' }, { name: '王' }],
    ['the tree node', { unit_id: 3 }, { unit_id: 3 }],
    ['rank and party status', { rank: 'clerk_1', party_status: 'full' }, { rank: 'clerk_1', party_status: 'full' }],
    ['age band', { age_min: 30, age_max: 35 }, { age_min: 30, age_max: 35 }],
    ['age 0 means no bound', { age_min: 0, age_max: 0 }, {}],
    ['young cadre yes', { young_cadre: true }, { young_cadre: true }],
    ['young cadre no is a filter too', { young_cadre: false }, { young_cadre: false }],
    ['ID number upper-cased', { id_card: '33020319920517123x' }, { id_card: '33020319920517123X' }],
    ['sort with its order', { sort: 'birth_date', order: 'desc' }, { sort: 'birth_date', order: 'desc' }],
    ['sort ascending by default', { sort: 'rank' }, { sort: 'rank', order: 'asc' }],
    ['the default sort is not sent', { sort: 'id', order: 'asc' }, {}],
  ])('%s', (_name, filter, expected) => {
    expect(peopleQuery(filter)).toEqual(expected)
  })
})

describe('people calls', () => {
  it('GET /people with the filter, the page and its size', async () => {
    server.on('GET /api/v1/people?name=%E7%8E%8B&unit_id=3&young_cadre=true&sort=name&order=desc&page=2&page_size=50', json(200, { items: [], total: 0, page: 2, page_size: 50 }))
    const answer = await fetchPeople({ name: '王', unit_id: 3, young_cadre: true, sort: 'name', order: 'desc' }, 2, 50)
    expect(answer.total).toBe(0)
    expect(reported).toEqual([])
  })

  it('PATCH sends only the body given, and a field error is left to the form', async () => {
    server.on('PATCH /api/v1/people/42', apiError(400, 'validation_failed', '电话号码格式不正确', { field: 'phone' }))
    const err = await updatePerson(42, { phone: '123' }).catch((e: ApiError) => e)
    expect(server.calls[0].body).toEqual({ phone: '123' })
    expect(err).toMatchObject({ status: 400, field: 'phone', message: '电话号码格式不正确' })
    expect(reported).toEqual([]) // silent: shown by the field
  })

  it('history, full numbers and my own record', async () => {
    server.on('GET /api/v1/people/42/history', json(200, { items: [{ id: 1, field: 'position' }] }))
    server.on('GET /api/v1/people/42/sensitive', json(200, { id_card: '330203199205171234', phone: '13800005678' }))
    server.on('GET /api/v1/me/person', apiError(404, 'not_found', '您的账号没有关联人员信息'))
    expect((await fetchHistory(42)).items).toHaveLength(1)
    expect((await fetchSensitive(42)).phone).toBe('13800005678')
    await expect(fetchMyPerson()).rejects.toMatchObject({ status: 404 })
    expect(reported).toEqual([]) // the 我的 page says it itself
  })

  it('export downloads the file with the same filters and the name the server gives', async () => {
    server.on(
      'GET /api/v1/people/export?unit_id=3&rank=clerk_1',
      () =>
        new Response(new Uint8Array([80, 75, 3, 4]), {
          status: 200,
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'Content-Disposition': "attachment; filename=\"people.xlsx\"; filename*=UTF-8''%E4%BA%BA%E5%91%98%E5%90%8D%E5%86%8C.xlsx",
          },
        }),
    )
    const file = await exportPeople({ unit_id: 3, rank: 'clerk_1' })
    expect(file.filename).toBe('人员名册.xlsx')
    expect(file.blob.size).toBe(4)
  })

  it('an export past the cap reaches the user as the server message', async () => {
    server.on('GET /api/v1/people/export', apiError(422, 'export_too_large', '导出结果超过 5000 行，请缩小筛选范围'))
    await expect(exportPeople({})).rejects.toMatchObject({ code: 'export_too_large' })
    expect(reported.map((e) => e.message)).toEqual(['导出结果超过 5000 行，请缩小筛选范围'])
  })
})

describe('my data', () => {
  it('downloads the JSON file under the name the server gives', async () => {
    server.on(
      'GET /api/v1/me/data',
      () =>
        new Response('{"format":"xinhuo.my-data.v1"}', {
          status: 200,
          headers: { 'Content-Type': 'application/json', 'Content-Disposition': 'attachment; filename="my-data.json"' },
        }),
    )
    const file = await downloadMyData()
    expect(file.filename).toBe('my-data.json')
    expect(JSON.parse(await file.blob.text())).toEqual({ format: 'xinhuo.my-data.v1' })
  })
})
