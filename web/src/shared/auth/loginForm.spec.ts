import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { setErrorReporter, type ApiError } from '../api/error'
import { setLocale } from '../i18n'
import { useAuthStore } from '../stores/auth'
import { ADMIN, apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { lockedMessage, loginFeedback, useLoginForm } from './loginForm'

let server: FakeServer
let reported: ApiError[]

beforeEach(() => {
  setActivePinia(createPinia())
  setLocale('zh-CN')
  server = fakeServer()
  reported = []
  setErrorReporter((e) => reported.push(e))
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

function filled(username = 'admin', password = 'Xinhuo#2026') {
  const form = useLoginForm()
  form.values.username = username
  form.values.password = password
  return form
}

const loginCalls = () => server.calls.filter((c) => c.route === 'POST /api/v1/auth/login').map((c) => c.body)

describe('the login form', () => {
  it('success: signs in and returns the user', async () => {
    server.on('POST /api/v1/auth/login', json(200, ADMIN))
    const form = filled('  admin ')
    const me = await form.submit()
    expect(me?.display_name).toBe('组织部管理员')
    expect(useAuthStore().signedIn).toBe(true)
    expect(loginCalls()).toEqual([{ username: 'admin', password: 'Xinhuo#2026' }])
    expect(form.errors).toEqual({ username: '', password: '', totp: '', form: '' })
  })

  it('empty fields are named under each field and nothing is sent', async () => {
    const form = useLoginForm()
    expect(await form.submit()).toBeNull()
    expect(form.errors.username).toBe('请输入用户名')
    expect(form.errors.password).toBe('请输入密码')
    expect(server.calls).toEqual([])
  })

  it('401 invalid_credentials: the server message above the form', async () => {
    server.on('POST /api/v1/auth/login', apiError(401, 'invalid_credentials', '用户名或密码错误'))
    const form = filled('admin', 'wrong')
    expect(await form.submit()).toBeNull()
    expect(form.errors.form).toBe('用户名或密码错误')
    expect(form.totpStep.value).toBe(false)
    expect(reported).toEqual([])
  })

  it('423 account_locked: when it unlocks, in Beijing time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-29T10:15:00Z'))
    server.on('POST /api/v1/auth/login', apiError(423, 'account_locked', '账号已锁定', { locked_until: '2026-11-29T10:30:00Z' }))
    const form = filled()
    await form.submit()
    expect(form.errors.form).toBe('账号已锁定，将于 18:30（北京时间）解锁')
  })

  it('401 totp_required: the code field appears, then the resubmission carries the code', async () => {
    server.on('POST /api/v1/auth/login', (body) =>
      (body as { totp?: string }).totp === '123456' ? json(200, { ...ADMIN, username: 'sysadmin', totp_enabled: true }) : apiError(401, 'totp_required', '请输入动态验证码'),
    )
    const form = filled('sysadmin')
    expect(await form.submit()).toBeNull()
    expect(form.totpStep.value).toBe(true)
    expect(form.errors).toEqual({ username: '', password: '', totp: '', form: '' }) // a step, not a mistake

    expect(await form.submit()).toBeNull() // no code typed yet
    expect(form.errors.totp).toBe('请输入 6 位数字动态验证码')

    form.values.totp = '123 456'
    const me = await form.submit()
    expect(me?.username).toBe('sysadmin')
    expect(loginCalls()).toEqual([
      { username: 'sysadmin', password: 'Xinhuo#2026' },
      { username: 'sysadmin', password: 'Xinhuo#2026', totp: '123456' },
    ])
  })

  it('401 totp_invalid: the server message under the code field, which is cleared', async () => {
    server.on('POST /api/v1/auth/login', apiError(401, 'totp_required', '请输入动态验证码'))
    const form = filled('sysadmin')
    await form.submit()
    server.on('POST /api/v1/auth/login', apiError(401, 'totp_invalid', '动态验证码错误'))
    form.values.totp = '000000'
    await form.submit()
    expect(form.totpStep.value).toBe(true)
    expect(form.errors.totp).toBe('动态验证码错误')
    expect(form.errors.form).toBe('')
    expect(form.values.totp).toBe('')
  })

  it('400 validation_failed names its field', async () => {
    server.on('POST /api/v1/auth/login', apiError(400, 'validation_failed', '用户名过长', { field: 'username' }))
    const form = filled('a'.repeat(300))
    await form.submit()
    expect(form.errors.username).toBe('用户名过长')
    expect(form.errors.form).toBe('')
  })

  it('another username leaves the code step', async () => {
    server.on('POST /api/v1/auth/login', apiError(401, 'totp_required', '请输入动态验证码'))
    const form = filled('sysadmin')
    await form.submit()
    expect(form.totpStep.value).toBe(true)
    form.values.username = 'admin'
    await nextTick()
    expect(form.totpStep.value).toBe(false)
  })

  it('no connection: said above the form', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    const form = filled()
    await form.submit()
    expect(form.errors.form).toBe('无法连接服务器')
  })
})

describe('loginFeedback and lockedMessage', () => {
  const now = new Date('2026-11-29T10:15:00Z')

  it('a lock ending on another day shows the date too, and English follows the locale', () => {
    expect(lockedMessage('2026-11-29T17:00:00Z', 'x', now)).toBe('账号已锁定，将于 2026-11-30 01:00（北京时间）解锁')
    setLocale('en')
    expect(lockedMessage('2026-11-29T10:30:00Z', 'x', now)).toBe('The account is locked until 18:30 (Beijing time)')
  })

  it('without a readable locked_until the server message stays', () => {
    expect(lockedMessage(undefined, '账号已锁定', now)).toBe('账号已锁定')
    expect(lockedMessage('soon', '账号已锁定', now)).toBe('账号已锁定')
  })

  it('totp_required after a code was sent is a mistake under the code field', async () => {
    server.on('POST /api/v1/auth/login', apiError(401, 'totp_required', '请输入动态验证码'))
    const err = await useAuthStore().login({ username: 'u', password: 'p' }).catch((e: unknown) => e)
    expect(loginFeedback(err, true)).toEqual({ totpStep: true, errors: { totp: '请输入动态验证码' } })
    expect(loginFeedback(err, false)).toEqual({ totpStep: true, errors: {} })
  })
})
