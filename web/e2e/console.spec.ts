import { expect, test } from '@playwright/test'
import { hasAuth, screenshot, signIn, type SystemInfo } from './support'

// Once the server has sign-in every console page needs a session: these tests sign in as admin first (through the
// API; e2e/auth.spec.ts tests the login page itself). Against a server without it they run as before.
test.describe('console', () => {
  let auth = false
  test.beforeEach(async ({ page, request }) => {
    auth = await hasAuth(request)
    if (auth) await signIn(page, 'admin')
  })

  test('home in Chinese shows the service as 正常 with the server version', async ({ page, request }) => {
    const info = (await (await request.get('/api/v1/system/info')).json()) as SystemInfo

    await page.goto('/')
    await expect(page.getByTestId('server-status')).toHaveText('正常')
    await expect(page.getByTestId('server-version')).toHaveText(info.version)
    await expect(page.getByTestId('server-database')).toContainText(info.database === 'sqlite' ? 'SQLite' : 'PostgreSQL')
    await expect(page.getByTestId('demo-banner')).toBeVisible({ visible: info.demo })
    if (auth) {
      const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { display_name: string; roles: { org_node_name: string }[] }
      await expect(page.getByTestId('current-org')).toHaveText(me.roles[0].org_node_name)
      await expect(page.getByTestId('user-menu')).toContainText(me.display_name)
      await expect(page.getByTestId('welcome')).toContainText(me.display_name)
    } else {
      await expect(page.getByTestId('current-org')).toHaveText('全市')
      await expect(page.getByTestId('user-menu')).toContainText('未登录')
    }
    // The dashboards have their page now: no longer "coming soon".
    await expect(page.getByTestId('menu-analytics')).toBeVisible()
    await expect(page.getByTestId('menu-analytics')).not.toContainText('待上线')
    await expect(page).toHaveTitle(/薪火/)
    await screenshot(page, 'console-home')
  })

  test('switching to English changes the menu, and the choice is kept', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByTestId('menu-points')).toContainText('积分管理')

    await page.getByTestId('locale-switch').click()
    await page.getByTestId('locale-en').click()
    await expect(page.getByTestId('menu-points')).toContainText('Points')
    await expect(page.getByTestId('menu-home')).toHaveText('Home')
    await expect(page.getByTestId('server-status')).toHaveText('OK')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await screenshot(page, 'console-home-en')

    await page.reload()
    await expect(page.getByTestId('menu-points')).toContainText('Points')
    await page.getByTestId('locale-switch').click()
    await page.getByTestId('locale-zh-CN').click()
    await expect(page.getByTestId('menu-points')).toContainText('积分管理')
  })

  test('an unknown path shows the 404 page with a way home', async ({ page }) => {
    await page.goto('/no/such/page')
    await expect(page.getByTestId('not-found')).toContainText('页面不存在')
    await expect(page.getByTestId('menu-home')).toBeVisible()
    await screenshot(page, 'console-404')

    await page.getByRole('link', { name: '返回首页' }).click()
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByTestId('server-status')).toHaveText('正常')
  })

  test('an unreachable server shows a clear error and retry recovers', async ({ page }) => {
    await page.route(/\/(healthz|api\/v1\/system\/info)$/, (route) => route.abort('connectionrefused'))
    await page.goto('/')
    const failure = page.getByTestId('server-unreachable')
    await expect(failure).toContainText('无法连接服务器')
    await screenshot(page, 'console-unreachable')

    await page.unroute(/\/(healthz|api\/v1\/system\/info)$/)
    await failure.getByRole('button', { name: '重试' }).click()
    await expect(page.getByTestId('server-status')).toHaveText('正常')
  })
})
