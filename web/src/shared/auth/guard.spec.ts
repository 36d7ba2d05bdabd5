import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { get } from '../api/client'
import { setAuthFailureHandler, setErrorReporter, type ApiError } from '../api/error'
import { setLocale } from '../i18n'
import { useAuthStore } from '../stores/auth'
import { ADMIN, apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { authRedirect, installAuth, safeRedirect, type AuthRoutes, type GuardTarget } from './guard'

const consoleRoutes: AuthRoutes = { login: 'login', loginPath: '/login', home: '/', needsSignIn: (to) => to.meta.public !== true }
const mobileRoutes: AuthRoutes = { login: 'login', loginPath: '/login', home: '/', needsSignIn: (to) => to.meta.signIn === true }

function target(fullPath: string, name: string, meta: GuardTarget['meta'] = {}, query: GuardTarget['query'] = {}): GuardTarget {
  return { fullPath, name, meta, query }
}

const signedOut = { available: true, signedIn: false }
const signedIn = { available: true, signedIn: true }
const noAuthServer = { available: false, signedIn: false }

describe('authRedirect', () => {
  it('console: every page but the login page needs a session, and remembers where it was going', () => {
    expect(authRedirect(target('/people?unit=3', 'people'), signedOut, consoleRoutes)).toEqual({
      name: 'login',
      query: { redirect: '/people?unit=3' },
    })
    expect(authRedirect(target('/', 'home'), signedOut, consoleRoutes)).toEqual({ name: 'login' })
    expect(authRedirect(target('/no/such', 'not-found'), signedOut, consoleRoutes)).toEqual({ name: 'login', query: { redirect: '/no/such' } })
    expect(authRedirect(target('/login', 'login', { public: true }), signedOut, consoleRoutes)).toBe(true)
    expect(authRedirect(target('/people', 'people'), signedIn, consoleRoutes)).toBe(true)
  })

  it('mobile: only pages marked signIn need it', () => {
    expect(authRedirect(target('/', 'home'), signedOut, mobileRoutes)).toBe(true)
    expect(authRedirect(target('/me', 'me', { signIn: true }), signedOut, mobileRoutes)).toEqual({ name: 'login', query: { redirect: '/me' } })
    expect(authRedirect(target('/study', 'study', { signIn: true }), signedIn, mobileRoutes)).toBe(true)
  })

  it('a signed-in user on the login page goes on to the page asked for, or home', () => {
    const login = (redirect?: string) => target('/login', 'login', { public: true }, redirect === undefined ? {} : { redirect })
    expect(authRedirect(login('/account/sessions'), signedIn, consoleRoutes)).toBe('/account/sessions')
    expect(authRedirect(login(), signedIn, consoleRoutes)).toBe('/')
    expect(authRedirect(login('https://evil.example/'), signedIn, consoleRoutes)).toBe('/')
  })

  it('a server without sign-in: everything is open and there is no login page', () => {
    expect(authRedirect(target('/people', 'people'), noAuthServer, consoleRoutes)).toBe(true)
    expect(authRedirect(target('/me', 'me', { signIn: true }), noAuthServer, mobileRoutes)).toBe(true)
    expect(authRedirect(target('/login', 'login'), noAuthServer, consoleRoutes)).toBe('/')
  })
})

describe('safeRedirect only returns to pages of this app', () => {
  it.each([
    ['/people?unit=3#top', '/people?unit=3#top'],
    ['/account/sessions', '/account/sessions'],
    [['/a', '/b'], '/a'],
    [undefined, '/'],
    [null, '/'],
    ['', '/'],
    ['people', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/login', '/'],
    ['/login?redirect=/x', '/'],
  ])('%j → %s', (raw, expected) => {
    expect(safeRedirect(raw, consoleRoutes)).toBe(expected)
  })
})

describe('installed on a router', () => {
  let server: FakeServer
  let reported: ApiError[]
  let router: Router
  const Page = defineComponent({ render: () => null })

  beforeEach(async () => {
    setActivePinia(createPinia())
    setLocale('zh-CN')
    server = fakeServer()
    reported = []
    setErrorReporter((e) => reported.push(e))
    router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', name: 'home', component: Page },
        { path: '/login', name: 'login', component: Page, meta: { public: true } },
        { path: '/people', name: 'people', component: Page },
      ],
    })
    installAuth(router, useAuthStore(), consoleRoutes)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    setAuthFailureHandler(() => false)
  })

  it('signed out: the intended page leads to the login page, and sign-in returns to it', async () => {
    server.on('GET /api/v1/auth/me', apiError(401, 'unauthenticated', '请先登录'))
    await router.push('/people?unit=3')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/people?unit=3')

    server.on('POST /api/v1/auth/login', json(200, ADMIN))
    await useAuthStore().login({ username: 'admin', password: 'p' })
    await router.replace(safeRedirect(router.currentRoute.value.query.redirect, consoleRoutes))
    expect(router.currentRoute.value.fullPath).toBe('/people?unit=3')
    expect(reported).toEqual([])
  })

  it('a session that expires during a call sends the user to sign in again, keeping the page, without a toast', async () => {
    server.on('GET /api/v1/auth/me', json(200, ADMIN))
    await router.push('/people?unit=3')
    expect(router.currentRoute.value.name).toBe('people')

    server.on('GET /api/v1/people', apiError(401, 'session_expired', '登录已过期，请重新登录'))
    await expect(get('/people')).rejects.toMatchObject({ code: 'session_expired' })
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'))
    expect(router.currentRoute.value.query.redirect).toBe('/people?unit=3')
    const auth = useAuthStore()
    expect(auth.signedIn).toBe(false)
    expect(auth.notice).toBe('登录已过期，请重新登录')
    expect(reported).toEqual([])
  })

  it('403 password_change_required from any call turns on the forced change', async () => {
    server.on('GET /api/v1/auth/me', json(200, ADMIN))
    await router.push('/people')
    server.on('GET /api/v1/people', apiError(403, 'password_change_required', '请先修改密码'))
    await expect(get('/people')).rejects.toMatchObject({ code: 'password_change_required' })
    expect(useAuthStore().mustChangePassword).toBe(true)
    expect(router.currentRoute.value.name).toBe('people')
    expect(reported).toEqual([])
  })

  it('other errors still reach the reporter', async () => {
    server.on('GET /api/v1/auth/me', json(200, ADMIN))
    await router.push('/people')
    server.on('GET /api/v1/people', apiError(403, 'forbidden', '没有权限'))
    await expect(get('/people')).rejects.toMatchObject({ code: 'forbidden' })
    expect(reported.map((e) => e.message)).toEqual(['没有权限'])
    expect(router.currentRoute.value.name).toBe('people')
  })

  it('a signed-in user asking for the login page goes home', async () => {
    server.on('GET /api/v1/auth/me', json(200, ADMIN))
    await router.push('/login')
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('against a server without sign-in, pages open as before', async () => {
    server.on('GET /api/v1/auth/me', apiError(404, 'route_not_found', '请求的地址不存在'))
    await router.push('/people')
    expect(router.currentRoute.value.name).toBe('people')
  })
})
