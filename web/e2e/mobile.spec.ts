import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD, hasAuth, screenshot, signIn, type SystemInfo } from './support'

const TABS = ['首页', '学习', '积分', '我的']

test.describe('mobile', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  test('a first visit to / on a phone lands on the mobile shell with its 4 tabs', async ({ page, request }) => {
    const info = (await (await request.get('/api/v1/system/info')).json()) as SystemInfo

    await page.goto('/')
    await expect(page).toHaveURL(/\/m\/$/)
    await expect(page.getByTestId('tabbar').locator('.van-tabbar-item')).toHaveText(TABS)
    await expect(page.getByTestId('server-status')).toHaveText('正常')
    await expect(page.getByTestId('server-version')).toHaveText(info.version)
    await screenshot(page, 'mobile-home')

    await page.getByTestId('tab-study').click()
    if (await hasAuth(request)) {
      // Every tab but 首页 needs a cadre signed in; after signing in the tab asked for opens.
      await expect(page).toHaveURL(/\/m\/login\?redirect=(%2F|\/)study$/)
      await page.getByTestId('login-username').locator('input').fill('cadre01')
      await page.getByTestId('login-password').locator('input').fill(DEMO_PASSWORD)
      await page.getByTestId('login-submit').click()
      await expect(page).toHaveURL(/\/m\/study$/)
      await expect(page.getByTestId('study-scan')).toHaveText('扫码签到')
      await expect(page.getByText('我的学习小组')).toBeVisible()
      await page.getByTestId('tab-points').click()
      await expect(page.getByTestId('points-score-card')).toContainText('年度积分')
    } else {
      await expect(page).toHaveURL(/\/m\/study$/)
      await expect(page.getByTestId('after-login')).toContainText('学习功能将在登录上线后开放')
      await page.getByTestId('tab-points').click()
      await expect(page.getByTestId('after-login')).toContainText('积分')
    }
    await screenshot(page, 'mobile-points')
  })

  test('我的 switches the language', async ({ page, request }) => {
    if (await hasAuth(request)) await signIn(page, 'cadre01')
    await page.goto('/m/me')
    await page.getByTestId('locale-switch').click()
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.locator('.van-action-sheet')).toBeHidden()
    await expect(page.getByTestId('locale-switch')).toContainText('English')
    await expect(page.getByTestId('tabbar').locator('.van-tabbar-item')).toHaveText(['Home', 'Study', 'Points', 'Me'])
    await screenshot(page, 'mobile-me-en')
  })

  test('an unreachable server shows a clear error and retry recovers', async ({ page }) => {
    await page.route(/\/(healthz|api\/v1\/system\/info)$/, (route) => route.abort('connectionrefused'))
    await page.goto('/m/')
    const failure = page.getByTestId('server-unreachable')
    await expect(failure).toContainText('无法连接服务器')
    await screenshot(page, 'mobile-unreachable')

    await page.unroute(/\/(healthz|api\/v1\/system\/info)$/)
    await failure.getByRole('button', { name: '重试' }).click()
    await expect(page.getByTestId('server-status')).toHaveText('正常')
  })

  test('an unknown mobile path offers the way home', async ({ page }) => {
    await page.goto('/m/nowhere')
    await expect(page.getByTestId('not-found')).toContainText('页面不存在')
    await page.getByRole('button', { name: '返回首页' }).click()
    await expect(page.getByTestId('server-status')).toHaveText('正常')
  })
})

test.describe('shell switch', () => {
  test('from the console to the phone and back, and the choice is remembered', async ({ page, request }) => {
    // One session serves both shells.
    if (await hasAuth(request)) await signIn(page, 'admin')
    await page.goto('/')
    await page.getByTestId('shell-switch').click()
    await expect(page).toHaveURL(/\/m\/$/)
    await expect(page.getByTestId('tabbar')).toBeVisible()

    // The stored choice now beats the wide screen.
    await page.goto('/')
    await expect(page).toHaveURL(/\/m\/$/)

    await page.getByTestId('tab-me').click()
    await page.getByTestId('shell-switch').click()
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByTestId('menu-home')).toBeVisible()

    // And the console choice beats a narrow screen.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/')
    await expect(page.getByTestId('menu-home')).toBeVisible()
  })
})
