import { expect, test } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 审计日志: only the audit administrator sees it; their own sign-in is in it.
test.describe('审计日志', () => {
  // Signing in as the auditor may wait for the next authenticator code (each is taken once).
  test.describe.configure({ timeout: 90_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('the auditor opens 审计日志 from the menu and finds the row of their sign-in', async ({ page }) => {
    const me = await signIn(page, 'auditor')
    await page.goto('/')
    await expect(page.getByTestId('menu-org')).toHaveCount(0) // no roster for the auditor
    await page.getByTestId('menu-system').locator('.el-sub-menu__title').click()
    await page.getByTestId('menu-audit').click()
    await expect(page).toHaveURL(/\/system\/audit$/)

    const login = page.getByTestId('audit-table').locator('tbody tr').filter({ has: page.getByTestId('audit-row-auth.login') }).filter({ hasText: me.username })
    await expect(login.first()).toBeVisible()
    await expect(login.first()).toContainText('登录')
    await expect(login.first()).toContainText('成功')
    await screenshot(page, 'audit-log')

    // Filtering by user and action asks the server for just those rows.
    await textBox(page, 'audit-user').fill('auditor')
    await textBox(page, 'audit-action').fill('auth.login')
    const answer = page.waitForResponse((r) => r.url().includes('/api/v1/audit/logs?') && r.url().includes('username=auditor'))
    await page.getByTestId('audit-search-submit').click()
    const body = (await (await answer).json()) as { items: { username: string; action: string }[]; total: number }
    expect(body.total).toBeGreaterThan(0)
    expect(body.items.every((r) => r.username === 'auditor' && r.action.startsWith('auth.login'))).toBe(true)
    await expect(page.getByTestId('audit-total')).toHaveText(`共 ${body.total} 条`)
  })

  test('others see no 审计日志 entry, and the address shows 无权访问', async ({ page }) => {
    await signIn(page, 'admin')
    await page.goto('/')
    await expect(page.getByTestId('menu-audit')).toHaveCount(0)
    await expect(page.getByTestId('menu-system')).toHaveCount(0) // none of its pages are theirs: not shown at all
    await page.goto('/system/audit')
    await expect(page.getByTestId('forbidden')).toContainText('无权访问')
  })
})
