import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../i18n'
import { ApiError, api, buildUrl, dispositionFilename, download, get, post } from './client'
import { setAuthFailureHandler, setErrorReporter } from './error'

const fetchMock = vi.fn<typeof fetch>()

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })
}

/** Runs a call that must fail and returns its ApiError. */
async function failure(call: Promise<unknown>): Promise<ApiError> {
  const err = await call.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(ApiError)
  return err as ApiError
}

beforeEach(() => {
  fetchMock.mockReset()
  vi.stubGlobal('fetch', fetchMock)
  setLocale('zh-CN')
  setErrorReporter(() => {})
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('requests', () => {
  it('sends the platform headers, same-origin credentials and the API base', async () => {
    fetchMock.mockResolvedValue(json(200, { ok: true }))
    await expect(get('/system/info')).resolves.toEqual({ ok: true })

    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/v1/system/info')
    expect(init?.method).toBe('GET')
    expect(init?.credentials).toBe('same-origin')
    expect(init?.body).toBeUndefined()
    const headers = init?.headers as Record<string, string>
    expect(headers['X-Requested-With']).toBe('XMLHttpRequest')
    expect(headers['Accept-Language']).toBe('zh-CN')
    expect(headers.Accept).toBe('application/json')
    expect(headers['Content-Type']).toBeUndefined()
  })

  it('follows the current locale in Accept-Language', async () => {
    fetchMock.mockResolvedValue(json(200, {}))
    setLocale('en')
    await get('/x')
    expect((fetchMock.mock.calls[0][1]?.headers as Record<string, string>)['Accept-Language']).toBe('en')
  })

  it('sends JSON bodies with every verb', async () => {
    fetchMock.mockImplementation(async () => json(200, { id: 7 }))
    await expect(post('/points/claims', { rule: 'study', hours: 2 })).resolves.toEqual({ id: 7 })
    await api.put('/a/1', { name: '薪火' })
    await api.patch('/a/1', { status: 'done' })
    await api.delete('/a/1')

    const calls = fetchMock.mock.calls.map(([url, init]) => [init?.method, url, init?.body])
    expect(calls).toEqual([
      ['POST', '/api/v1/points/claims', '{"rule":"study","hours":2}'],
      ['PUT', '/api/v1/a/1', '{"name":"薪火"}'],
      ['PATCH', '/api/v1/a/1', '{"status":"done"}'],
      ['DELETE', '/api/v1/a/1', undefined],
    ])
    expect((fetchMock.mock.calls[0][1]?.headers as Record<string, string>)['Content-Type']).toBe('application/json')
  })

  it('reaches endpoints outside the API and builds query strings', async () => {
    fetchMock.mockResolvedValue(json(200, { status: 'ok' }))
    await get('/healthz', { base: '' })
    expect(fetchMock.mock.calls[0][0]).toBe('/healthz')
    expect(buildUrl('/api/v1', 'people', { page: 2, q: '张 三', unit: undefined, active: true })).toBe(
      '/api/v1/people?page=2&q=%E5%BC%A0+%E4%B8%89&active=true',
    )
  })

  it('returns undefined for 204 No Content', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }))
    await expect(api.delete('/a/1')).resolves.toBeUndefined()
  })
})

describe('errors become ApiError', () => {
  it('keeps the server error body: code, localised message, field, request id', async () => {
    fetchMock.mockResolvedValue(
      json(422, { error: { code: 'validation', message: '手机号格式不正确', field: 'phone', request_id: 'req-42' } }),
    )
    const err = await failure(post('/people', { phone: '12' }))
    expect(err).toMatchObject({ status: 422, code: 'validation', message: '手机号格式不正确', field: 'phone', requestId: 'req-42' })
  })

  it.each([
    [400, 'bad_request'],
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [405, 'method_not_allowed'],
    [409, 'conflict'],
    [413, 'too_large'],
    [415, 'unsupported_media_type'],
    [423, 'locked'],
    [429, 'rate_limited'],
    [500, 'internal'],
  ])('status %i with a JSON body keeps code %s', async (status, code) => {
    fetchMock.mockResolvedValue(json(status, { error: { code, message: `m${status}`, request_id: 'r' } }))
    const err = await failure(get('/x'))
    expect([err.status, err.code, err.message, err.field]).toEqual([status, code, `m${status}`, undefined])
  })

  it('falls back to a localised message per status when the body is not the error JSON', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'X-Request-Id': 'gw-1' } }))
    const err = await failure(get('/x'))
    expect(err).toMatchObject({ status: 502, code: 'http_502', message: '服务暂时不可用，请稍后重试', requestId: 'gw-1' })

    fetchMock.mockResolvedValue(new Response('', { status: 404 }))
    expect((await failure(get('/x'))).message).toBe('请求的资源不存在')

    fetchMock.mockResolvedValue(json(409, { message: 'not our shape' }))
    expect((await failure(get('/x'))).message).toBe('数据已被他人修改或存在冲突，请刷新后重试')

    fetchMock.mockResolvedValue(new Response('nope', { status: 418 }))
    expect((await failure(get('/x'))).message).toBe('请求失败（418）')

    setLocale('en')
    fetchMock.mockResolvedValue(new Response('nope', { status: 599 }))
    expect((await failure(get('/x'))).message).toBe('Server error (599), please try again later')
  })

  it('reports a network failure as status 0 "无法连接服务器"', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const err = await failure(get('/x'))
    expect(err).toMatchObject({ status: 0, code: 'network_error', message: '无法连接服务器' })
    expect(err.isNetwork).toBe(true)
  })

  it('gives up after the timeout', async () => {
    vi.useFakeTimers()
    fetchMock.mockImplementation(
      (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    )
    const pending = failure(get('/slow', { timeoutMs: 1000 }))
    await vi.advanceTimersByTimeAsync(1000)
    expect(await pending).toMatchObject({ status: 0, code: 'timeout', message: '请求超时，请稍后重试' })
  })

  it('rejects a success response that is not JSON', async () => {
    fetchMock.mockResolvedValue(new Response('<html></html>', { status: 200 }))
    expect(await failure(get('/x'))).toMatchObject({ status: 200, code: 'bad_response' })
  })

  it('keeps the further members of the error object as details', async () => {
    fetchMock.mockResolvedValue(
      json(423, { error: { code: 'account_locked', message: '账号已锁定', request_id: 'r', locked_until: '2026-11-29T10:30:00Z' } }),
    )
    const err = await failure(post('/auth/login', {}))
    expect(err.details).toEqual({ locked_until: '2026-11-29T10:30:00Z' })
    expect(err.field).toBeUndefined()
  })

  it('sign-in failures go to the auth handler, which silences the reporter when it takes them', async () => {
    const shown: string[] = []
    const handled: string[] = []
    setErrorReporter((e) => shown.push(e.code))
    setAuthFailureHandler((e) => {
      handled.push(e.code)
      return e.code === 'session_expired'
    })
    try {
      fetchMock.mockImplementation(async () => json(401, { error: { code: 'session_expired', message: '登录已过期', request_id: 'r' } }))
      await failure(get('/x'))
      await failure(get('/auth/me', { authHandling: false }))
      fetchMock.mockResolvedValue(json(403, { error: { code: 'forbidden', message: '没有权限', request_id: 'r' } }))
      await failure(get('/x'))
      expect(handled).toEqual(['session_expired', 'forbidden'])
      expect(shown).toEqual(['session_expired', 'forbidden']) // the one with authHandling: false, and the unhandled one
    } finally {
      setAuthFailureHandler(() => false)
    }
  })

  it('shows errors through the one reporter unless the caller shows them itself', async () => {
    const shown: ApiError[] = []
    setErrorReporter((e) => shown.push(e))
    fetchMock.mockResolvedValue(json(403, { error: { code: 'forbidden', message: '没有权限', request_id: 'r' } }))
    await failure(get('/x'))
    await failure(get('/x', { silent: true }))
    expect(shown.map((e) => e.message)).toEqual(['没有权限'])
  })
})

describe('downloads', () => {
  it.each([
    [`attachment; filename="people.xlsx"; filename*=UTF-8''%E4%BA%BA%E5%91%98%E5%90%8D%E5%86%8C.xlsx`, '人员名册.xlsx'],
    ['attachment; filename="people.xlsx"', 'people.xlsx'],
    ['attachment; filename=plain.xlsx', 'plain.xlsx'],
    [`attachment; filename="ok.xlsx"; filename*=UTF-8''%E4%ZZ`, 'ok.xlsx'],
    ['attachment', 'fallback.xlsx'],
    [null, 'fallback.xlsx'],
  ])('Content-Disposition %s → %s', (header, name) => {
    expect(dispositionFilename(header, 'fallback.xlsx')).toBe(name)
  })

  it('sends the cookie and the platform headers, and returns the bytes', async () => {
    fetchMock.mockResolvedValue(new Response('xlsx', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="a.xlsx"' } }))
    const file = await download('/people/export', 'x.xlsx', { query: { unit_id: 3 } })
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/v1/people/export?unit_id=3')
    expect(init?.credentials).toBe('same-origin')
    expect((init?.headers as Record<string, string>)['X-Requested-With']).toBe('XMLHttpRequest')
    expect(file.filename).toBe('a.xlsx')
    expect(await file.blob.text()).toBe('xlsx')
  })

  it('a refusal is an ApiError with the server message, not a file', async () => {
    const shown: ApiError[] = []
    setErrorReporter((e) => shown.push(e))
    fetchMock.mockResolvedValue(json(422, { error: { code: 'export_too_large', message: '请缩小筛选范围', request_id: 'r1' } }))
    const err = await failure(download('/people/export', 'x.xlsx'))
    expect(err.code).toBe('export_too_large')
    expect(shown.map((e) => e.message)).toEqual(['请缩小筛选范围'])
  })
})
