import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { setLocale } from '../i18n'
import { setErrorReporter, type ApiError } from '../api/error'
import { ADMIN, apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { useAuthStore } from './auth'

let server: FakeServer
let reported: ApiError[]

beforeEach(() => {
  setActivePinia(createPinia())
  setLocale('zh-CN')
  server = fakeServer()
  reported = []
  setErrorReporter((e) => reported.push(e))
})
afterEach(() => vi.unstubAllGlobals())

describe('loading who is signed in', () => {
  it('a session: me, the current org and the role names', async () => {
    server.on('GET /api/v1/auth/me', json(200, ADMIN))
    const auth = useAuthStore()
    await auth.load()
    expect(auth.signedIn).toBe(true)
    expect(auth.me?.display_name).toBe('组织部管理员')
    expect(auth.currentOrg).toBe('江滨市')
    expect(auth.roleNames).toEqual(['组织部管理员'])
    expect(auth.can('org.read')).toBe(true)
    expect(auth.can('system.admin')).toBe(false)
    expect(auth.mustChangePassword).toBe(false)
    expect(auth.loaded).toBe(true)
  })

  it('401: simply signed out, with no error shown', async () => {
    server.on('GET /api/v1/auth/me', apiError(401, 'unauthenticated', '请先登录'))
    const auth = useAuthStore()
    await auth.load()
    expect(auth.signedIn).toBe(false)
    expect(auth.available).toBe(true)
    expect(auth.loadProblem).toBe('')
    expect(auth.loaded).toBe(true)
    expect(reported).toEqual([])
  })

  it('404: the server has no sign-in yet', async () => {
    server.on('GET /api/v1/auth/me', apiError(404, 'route_not_found', '请求的地址不存在'))
    const auth = useAuthStore()
    await auth.load()
    expect(auth.available).toBe(false)
    expect(auth.signedIn).toBe(false)
    expect(reported).toEqual([])
  })

  it('a server error is kept as the load problem, not as a toast', async () => {
    server.on('GET /api/v1/auth/me', apiError(500, 'internal', '服务器内部错误'))
    const auth = useAuthStore()
    await auth.load()
    expect(auth.available).toBe(true)
    expect(auth.loadProblem).toBe('服务器内部错误')
    expect(reported).toEqual([])
  })

  it('ensureLoaded asks the server once, however many navigations wait for it', async () => {
    server.on('GET /api/v1/auth/me', json(200, ADMIN))
    const auth = useAuthStore()
    await Promise.all([auth.ensureLoaded(), auth.ensureLoaded(), auth.ensureLoaded()])
    await auth.ensureLoaded()
    expect(server.calls.filter((c) => c.route === 'GET /api/v1/auth/me')).toHaveLength(1)
  })
})

describe('signing in and out', () => {
  it('login sends the credentials and keeps the user', async () => {
    server.on('POST /api/v1/auth/login', json(200, ADMIN))
    const auth = useAuthStore()
    auth.sessionLost('登录已过期')
    const me = await auth.login({ username: 'admin', password: 'Xinhuo#2026' })
    expect(me.username).toBe('admin')
    expect(auth.signedIn).toBe(true)
    expect(auth.notice).toBe('')
    expect(server.calls[0]).toEqual({ route: 'POST /api/v1/auth/login', body: { username: 'admin', password: 'Xinhuo#2026' } })
  })

  it('a refused login throws the server error for the form, and shows no toast', async () => {
    server.on('POST /api/v1/auth/login', apiError(401, 'invalid_credentials', '用户名或密码错误'))
    const auth = useAuthStore()
    await expect(auth.login({ username: 'admin', password: 'x' })).rejects.toMatchObject({ code: 'invalid_credentials', message: '用户名或密码错误' })
    expect(auth.signedIn).toBe(false)
    expect(reported).toEqual([])
  })

  it('logout ends the session; a session already gone counts as signed out', async () => {
    server.on('POST /api/v1/auth/login', json(200, ADMIN))
    server.on('POST /api/v1/auth/logout', json(204))
    const auth = useAuthStore()
    await auth.login({ username: 'admin', password: 'p' })
    await auth.logout()
    expect(auth.signedIn).toBe(false)

    await auth.login({ username: 'admin', password: 'p' })
    server.on('POST /api/v1/auth/logout', apiError(401, 'session_expired', '登录已过期'))
    await auth.logout()
    expect(auth.signedIn).toBe(false)
  })

  it('a logout that did not reach the server keeps the user signed in and throws', async () => {
    server.on('POST /api/v1/auth/login', json(200, ADMIN))
    server.on('POST /api/v1/auth/logout', apiError(503, 'unavailable', '服务暂时不可用'))
    const auth = useAuthStore()
    await auth.login({ username: 'admin', password: 'p' })
    await expect(auth.logout()).rejects.toMatchObject({ status: 503 })
    expect(auth.signedIn).toBe(true)
  })
})

describe('forced password change', () => {
  it('must_change_password from the server blocks until the change, then me is refreshed', async () => {
    server.on('POST /api/v1/auth/login', json(200, { ...ADMIN, must_change_password: true }))
    server.on('POST /api/v1/auth/password', json(204))
    server.on('GET /api/v1/auth/me', json(200, { ...ADMIN, password_expires_at: '2027-05-28T00:00:00Z' }))
    const auth = useAuthStore()
    await auth.login({ username: 'admin', password: 'p' })
    expect(auth.mustChangePassword).toBe(true)

    await auth.changePassword('old', 'New#Pass2026')
    expect(server.calls.find((c) => c.route === 'POST /api/v1/auth/password')?.body).toEqual({
      current_password: 'old',
      new_password: 'New#Pass2026',
    })
    expect(auth.mustChangePassword).toBe(false)
    expect(auth.me?.password_expires_at).toBe('2027-05-28T00:00:00Z')
  })

  it('a 403 password_change_required elsewhere sets the same state', async () => {
    server.on('GET /api/v1/auth/me', json(200, ADMIN))
    const auth = useAuthStore()
    await auth.load()
    auth.requirePasswordChange()
    expect(auth.mustChangePassword).toBe(true)
    auth.sessionLost('登录已过期')
    expect(auth.mustChangePassword).toBe(false) // nobody to ask any more
    expect(auth.notice).toBe('登录已过期')
  })

  it('a refused change leaves the requirement in place', async () => {
    server.on('POST /api/v1/auth/login', json(200, { ...ADMIN, must_change_password: true }))
    server.on('POST /api/v1/auth/password', apiError(400, 'password_reused', '不能使用最近用过的密码'))
    const auth = useAuthStore()
    await auth.login({ username: 'admin', password: 'p' })
    await expect(auth.changePassword('p', 'p2')).rejects.toMatchObject({ code: 'password_reused' })
    expect(auth.mustChangePassword).toBe(true)
    expect(reported).toEqual([])
  })
})
