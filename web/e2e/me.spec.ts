import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn } from './support'

// 我的 on the phone: the cadre's own record, masked; an account without one gets a plain note.
test.describe('mobile 我的信息', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('cadre01 sees their own record with masked numbers', async ({ page }) => {
    await signIn(page, 'cadre01')
    const mine = (await (await page.request.get('/api/v1/me/person')).json()) as { name: string; unit_name: string; id_card_masked: string | null }
    await page.goto('/m/me')
    const record = page.getByTestId('my-record')
    await expect(page.getByTestId('my-record-name')).toContainText(mine.name)
    await expect(page.getByTestId('my-record-unit')).toContainText(mine.unit_name)
    if (mine.id_card_masked) await expect(page.getByTestId('my-record-id-card')).toContainText(mine.id_card_masked)
    await expect(record).toContainText('政治面貌')
    await expect(record).not.toContainText(/\d{17}[\dX]/) // never a full ID number
    await screenshot(page, 'mobile-me-record')
  })

  test('cadre01 downloads their own data as one JSON file', async ({ page }) => {
    await signIn(page, 'cadre01')
    await page.goto('/m/me')
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('me-my-data').click()])
    expect(file.suggestedFilename()).toBe('my-data.json')
    const data = JSON.parse(readFileSync(await file.path(), 'utf8')) as { account: { username: string }; person: { id: number } | null }
    expect(data.account.username).toBe('cadre01')
    expect(data.person).not.toBeNull()
  })

  test('an account without a person record is told so', async ({ page }) => {
    await signIn(page, 'admin')
    const res = await page.request.get('/api/v1/me/person')
    test.skip(res.status() !== 404, 'admin has a person record in this seed')
    await page.goto('/m/me')
    await expect(page.getByTestId('my-record-unlinked')).toContainText('账号未关联人员信息')
    await screenshot(page, 'mobile-me-unlinked')
  })
})
