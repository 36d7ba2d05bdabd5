import { expect, test, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 干部纪实 against the demo city: the unit administrator records an entry about cadre01 from the cadre's record page;
// cadre01, on a phone, finds it under 我的 → 我的纪实 and contests it with reasons; the administrator sees both sides in
// the contested queue and resolves the contest (维持), and the phone shows the unit's answer. Each run records one more
// entry in the demo database.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path)
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true)
  return (await res.json()) as T
}

const answered = (page: Page, method: string, pattern: RegExp) =>
  page.waitForResponse((r) => pattern.test(new URL(r.url()).pathname) && r.request().method() === method)

test.describe('干部纪实', () => {
  test.describe.configure({ timeout: 120_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('an entry recorded by the unit is contested on the cadre’s phone and the unit sees both sides', async ({ browser, page }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    const phone = await (await browser.newContext({ ...PHONE, baseURL: testInfo.project.use.baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
    await signIn(phone, 'cadre01')
    const cadre = await json<{ person_id: number }>(phone, '/api/v1/auth/me')
    const title = `e2e 纪实 ${Date.now() % 1_000_000}`

    // --- the console: the cadre's record, 新增纪实 (the cadre is chosen already)
    await signIn(page, 'unitadmin')
    await page.goto(`/record/person?person=${cadre.person_id}`)
    await expect(page.getByTestId('record-person-summary')).toBeVisible()
    await expect(page.getByTestId('record-comments')).toBeVisible()
    await screenshot(page, 'console-record-person')
    await page.getByTestId('record-person-add').click()
    const dialog = page.getByTestId('record-dialog')
    await expect(dialog).toBeVisible()
    await page.getByTestId('record-submit').click()
    await expect(dialog.locator('.el-form-item__error').first()).toContainText('请填写标题')
    await textBox(page, 'record-title').fill(title)
    await dialog.locator('textarea[data-testid="record-content"], [data-testid="record-content"] textarea').fill('未按要求参加周二夜学，未请假。')
    await textBox(page, 'record-source-name').fill('机关党委')
    const created = answered(page, 'POST', /^\/api\/v1\/record\/entries$/)
    await page.getByTestId('record-submit').click()
    const response = await created
    expect(response.status()).toBe(201)
    const entryId = ((await response.json()) as { id: number }).id
    await expect(page.getByTestId(`record-entry-${entryId}`)).toContainText(title)

    // --- the phone: 我的 → 我的纪实, the entry, 提出异议 with reasons
    await phone.goto('/m/me')
    await phone.getByTestId('me-record').click()
    await expect(phone).toHaveURL(/\/m\/record$/)
    const mine = phone.getByTestId(`my-record-${entryId}`)
    await expect(mine).toContainText(title)
    await expect(mine).toContainText('已确认')
    await mine.click()
    const detail = phone.getByTestId('my-record-detail')
    await detail.getByTestId('my-record-contest-open').click()
    await detail.locator('textarea').fill('当晚在社区参加防汛值班，已向支部书记口头请假。')
    const contested = answered(phone, 'POST', new RegExp(`^/api/v1/me/record/entries/${entryId}/contest$`))
    await detail.getByTestId('my-record-send').click()
    expect((await contested).status()).toBe(200)
    await expect(detail.getByTestId('my-record-contest')).toContainText('防汛值班')
    await screenshot(phone, 'mobile-record-contested')

    // --- the console: 纪实条目 → 异议处理 shows both sides; 维持 with an answer
    await page.goto('/record/entries')
    await page.getByTestId('record-tab-contested').click()
    await expect(page.getByTestId(`record-row-${entryId}-state`)).toHaveText('有异议')
    await page.getByTestId(`record-row-${entryId}-state`).click()
    const drawer = page.getByTestId('record-drawer')
    await expect(drawer.getByTestId('record-drawer-unit-side')).toContainText('未按要求参加周二夜学')
    await expect(drawer.getByTestId('record-drawer-person-side')).toContainText('防汛值班')
    await screenshot(page, 'console-record-contest')
    await drawer.locator('textarea[data-testid="record-drawer-note"], [data-testid="record-drawer-note"] textarea').fill('经核实值班属实，维持记录并注明情况。')
    const resolved = answered(page, 'POST', new RegExp(`^/api/v1/record/entries/${entryId}/resolve$`))
    await drawer.getByTestId('record-resolve-upheld').click()
    expect((await resolved).status()).toBe(200)
    await expect(drawer.getByTestId('record-drawer-state')).toHaveText('已确认')
    await expect(drawer.getByTestId('record-drawer-resolution')).toContainText('经核实值班属实')

    // --- the phone again: the unit's answer beside the contest
    await phone.reload()
    await phone.getByTestId(`my-record-${entryId}`).click()
    await expect(phone.getByTestId('my-record-detail')).toContainText('经核实值班属实')
    await phone.context().close()
  })

  test('a cadre without record.read has no 干部纪实 pages in the console', async ({ page }) => {
    await signIn(page, 'cadre01')
    await page.goto('/record/entries')
    await expect(page.getByTestId('forbidden')).toContainText('无权访问')
  })
})
