import { expect, test, type Page } from '@playwright/test'
import { DEMO_PASSWORD, NO_AUTH_REASON, demoTotp, hasAuth, screenshot, type Me } from './support'

// The wrong-password tests use this account; a good sign-in afterwards keeps repeated runs clear of the lockout.
const WRONG_PASSWORD_USER = 'unitadmin'

// Sign-in on both shells, against a server with the demo seed. Skipped while the server has no sign-in.

/** The text box of a form field, whether the test id sits on the input (Element Plus) or around it (Vant). */
function field(page: Page, id: string) {
  return page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`)
}

/** Submits the login form and returns the server's answer to POST /auth/login. */
async function submitLogin(page: Page, username: string, password: string) {
  await field(page, 'login-username').fill(username)
  await field(page, 'login-password').fill(password)
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.request().method() === 'POST')
  await page.getByTestId('login-submit').click()
  return answer
}

test.beforeEach(async ({ request }) => {
  test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
})

test.afterAll(async ({ playwright }, testInfo) => {
  const request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL })
  if (await hasAuth(request)) {
    await request.post('/api/v1/auth/login', {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      data: { username: WRONG_PASSWORD_USER, password: DEMO_PASSWORD },
    })
  }
  await request.dispose()
})

test.describe('console sign-in', () => {
  test('admin signs in and the home page greets 组织部管理员', async ({ page }) => {
    await page.goto('/')
    await expect(page).toHaveURL(/\/login$/)
    await expect(page.getByTestId('login-submit')).toBeVisible()
    await expect(page.getByTestId('demo-accounts')).toContainText('cadre01')
    await screenshot(page, 'console-login')

    const res = await submitLogin(page, 'admin', DEMO_PASSWORD)
    expect(res.status()).toBe(200)
    const me = (await res.json()) as Me
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByTestId('welcome')).toContainText('组织部管理员')
    await expect(page.getByTestId('welcome')).toContainText(me.display_name)
    await expect(page.getByTestId('user-menu')).toContainText(me.display_name)
    await expect(page.getByTestId('current-org')).toHaveText(me.roles[0].org_node_name)
    await expect(page.getByTestId('server-status')).toHaveText('正常')
    await screenshot(page, 'console-home-signed-in')
  })

  test('a wrong password shows the server message on the form', async ({ page }) => {
    await page.goto('/login')
    const res = await submitLogin(page, WRONG_PASSWORD_USER, 'not-the-password')
    expect(res.status()).toBe(401)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('invalid_credentials')
    const error = page.getByTestId('login-error')
    await expect(error).toBeVisible()
    await expect(error).toContainText(body.error.message)
    await expect(page).toHaveURL(/\/login$/)
    await screenshot(page, 'console-login-error')
  })

  test('after signing in the page asked for opens; 我的会话 marks this session; signing out returns to the login page', async ({ page }) => {
    await page.goto('/account/sessions')
    await expect(page).toHaveURL(/\/login\?redirect=(%2F|\/)account(%2F|\/)sessions$/)
    await submitLogin(page, 'admin', DEMO_PASSWORD)
    await expect(page).toHaveURL(/\/account\/sessions$/)
    await expect(page.getByTestId('session-current')).toHaveCount(1)
    await expect(page.getByTestId('sessions-table')).toContainText('当前会话')
    await screenshot(page, 'console-sessions')

    await page.getByTestId('user-menu').click()
    await page.getByTestId('menu-logout').click()
    await expect(page).toHaveURL(/\/login$/)
    await expect(page.getByTestId('login-submit')).toBeVisible()

    // The session is gone: the console asks for sign-in again.
    await page.goto('/')
    await expect(page).toHaveURL(/\/login$/)
  })

  test('an account with an authenticator asks for the 6-digit code', async ({ page }) => {
    await page.goto('/login')
    const first = await submitLogin(page, 'sysadmin', DEMO_PASSWORD)
    expect(first.status()).toBe(401)
    await expect(page.getByTestId('login-totp-hint')).toBeVisible()
    await expect(field(page, 'login-totp')).toBeFocused()
    await screenshot(page, 'console-login-totp')

    await field(page, 'login-totp').fill(demoTotp())
    await page.getByTestId('login-submit').click()
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByTestId('user-menu')).toBeVisible()
  })
})

test.describe('mobile sign-in', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  test('cadre01 signs in and 我的 shows the name, role and organisation', async ({ page }) => {
    await page.goto('/m/me')
    await expect(page).toHaveURL(/\/m\/login\?redirect=(%2F|\/)me$/)
    await expect(page.getByTestId('demo-accounts')).toBeVisible()
    await screenshot(page, 'mobile-login')

    const res = await submitLogin(page, 'cadre01', DEMO_PASSWORD)
    expect(res.status()).toBe(200)
    const me = (await res.json()) as Me
    await expect(page).toHaveURL(/\/m\/me$/)
    await expect(page.getByTestId('me-name')).toHaveText(me.display_name)
    await expect(page.getByTestId('me-role')).toContainText(me.roles[0].name)
    await expect(page.getByTestId('me-org')).toHaveText(me.roles[0].org_node_name)
    await expect(page.getByTestId('me-change-password')).toBeVisible()
    await screenshot(page, 'mobile-me')

    await page.getByTestId('me-logout').click()
    await page.locator('.van-dialog').getByRole('button', { name: '退出登录' }).click()
    await expect(page).toHaveURL(/\/m\/login$/)
  })

  test('a wrong password shows the server message', async ({ page }) => {
    await page.goto('/m/login')
    const res = await submitLogin(page, WRONG_PASSWORD_USER, 'not-the-password')
    const body = (await res.json()) as { error: { message: string } }
    await expect(page.getByTestId('login-error')).toHaveText(body.error.message)
  })
})
