import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { setErrorReporter } from '../api/error'
import { setLocale } from '../i18n'
import { useAuthStore } from '../stores/auth'
import { ADMIN, apiError, fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { usePasswordForm } from './passwordForm'

let server: FakeServer

beforeEach(() => {
  setActivePinia(createPinia())
  setLocale('zh-CN')
  server = fakeServer()
  setErrorReporter(() => {})
})
afterEach(() => vi.unstubAllGlobals())

function filled(current = 'Xinhuo#2026', next = 'Better#Pass2026', confirm = next) {
  const form = usePasswordForm()
  Object.assign(form.values, { current, next, confirm })
  return form
}

describe('the change-password form', () => {
  it('checks the fields before asking the server', async () => {
    const form = usePasswordForm()
    expect(await form.submit()).toBe(false)
    expect(form.errors).toMatchObject({ current: '请输入当前密码', next: '请输入新密码', confirm: '请再次输入新密码' })

    const mismatch = filled('a', 'b', 'c')
    expect(await mismatch.submit()).toBe(false)
    expect(mismatch.errors.confirm).toBe('两次输入的新密码不一致')

    const same = filled('a', 'a')
    expect(await same.submit()).toBe(false)
    expect(same.errors.next).toBe('新密码不能与当前密码相同')
    expect(server.calls).toEqual([])
  })

  it('success clears the form and the forced state', async () => {
    server.on('POST /api/v1/auth/login', json(200, { ...ADMIN, must_change_password: true }))
    server.on('POST /api/v1/auth/password', json(204))
    server.on('GET /api/v1/auth/me', json(200, ADMIN))
    const auth = useAuthStore()
    await auth.login({ username: 'admin', password: 'Xinhuo#2026' })
    const form = filled()
    expect(await form.submit()).toBe(true)
    expect(form.values).toEqual({ current: '', next: '', confirm: '' })
    expect(auth.mustChangePassword).toBe(false)
  })

  it.each([
    [apiError(400, 'validation_failed', '密码至少 10 位，且包含字母、数字和符号', { field: 'new_password' }), 'next', '密码至少 10 位，且包含字母、数字和符号'],
    [apiError(400, 'validation_failed', '当前密码不正确', { field: 'current_password' }), 'current', '当前密码不正确'],
    [apiError(400, 'password_reused', '不能使用最近 5 次用过的密码'), 'next', '不能使用最近 5 次用过的密码'],
    [apiError(429, 'rate_limited', '操作过于频繁'), 'form', '操作过于频繁'],
  ] as const)('server error %#: message under %s', async (response, field, message) => {
    server.on('POST /api/v1/auth/password', response)
    const form = filled()
    expect(await form.submit()).toBe(false)
    expect(form.errors[field]).toBe(message)
  })
})
