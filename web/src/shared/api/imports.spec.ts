import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { setErrorReporter, type ApiError } from './error'
import { commitImport, downloadTemplate, previewImport, undoImport } from './imports'

let server: FakeServer
let reported: ApiError[]
beforeEach(() => {
  server = fakeServer()
  reported = []
  setErrorReporter((e) => reported.push(e))
})
afterEach(() => vi.unstubAllGlobals())

const ROWS = [{ row: 2, name: '王芳', gender: '女' }]

describe('people import calls', () => {
  it('preview sends the rows; commit the rows, the mode and an Idempotency-Key', async () => {
    let key: string | null = null
    server.on('POST /api/v1/people/imports/preview', json(200, { total: 1, valid: 1, errors: [] }))
    server.on('POST /api/v1/people/imports', (_body, init) => {
      key = new Headers(init?.headers).get('Idempotency-Key')
      return json(201, { import_id: 4, created: 1, skipped: 0, errors: [] })
    })
    expect((await previewImport(ROWS)).valid).toBe(1)
    expect((await commitImport(ROWS, 'skip_invalid', 'k-3')).import_id).toBe(4)
    expect(server.calls.map((c) => c.body)).toEqual([{ rows: ROWS }, { rows: ROWS, mode: 'skip_invalid' }])
    expect(key).toBe('k-3')
  })

  it('undo and its refusals are the wizard’s to show', async () => {
    server.on('POST /api/v1/people/imports/4/undo', apiError(409, 'not_last_import', '只能撤销最近一次导入'))
    await expect(undoImport(4)).rejects.toMatchObject({ code: 'not_last_import' })
    expect(reported).toEqual([])
  })

  it('the template is a file with the name the server gives', async () => {
    server.on(
      'GET /api/v1/people/imports/template',
      () =>
        new Response(new Uint8Array([80, 75]), {
          status: 200,
          headers: { 'Content-Disposition': "attachment; filename=\"people-template.xlsx\"; filename*=UTF-8''%E4%BA%BA%E5%91%98%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx" },
        }),
    )
    const file = await downloadTemplate()
    expect(file.filename).toBe('人员导入模板.xlsx')
    expect(file.blob.size).toBe(2)
  })
})
