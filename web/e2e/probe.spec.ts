import { expect, test, type Browser, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, signIn } from './support'

// Stored XSS: markup saved through the API into fields the console and the phone show (a cadre's position, a
// record entry's title and content) must come back as literal text. The pages run with the Content-Security-Policy
// bypassed, so that markup turned into HTML would run its handler: the test fails if any of them sets the flag,
// opens a dialog, or leaves an element of its own in the page. cadre01's position is restored at the end.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
const IMG = '<img src=x onerror="window.__xss=1;alert(1)">'
const SCRIPT = '<script>window.__xss=2;alert(2)</script>'
const LINK = '<a href="javascript:window.__xss=3" id="xss-link">点我</a>'
const SVG = '<svg onload="window.__xss=4"></svg>'

async function watchedPage(browser: Browser, baseURL: string | undefined, phone: boolean): Promise<{ page: Page; dialogs: string[] }> {
  const context = await browser.newContext({ ...(phone ? PHONE : { viewport: { width: 1440, height: 900 } }), baseURL, bypassCSP: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  const dialogs: string[] = []
  page.on('dialog', async (d) => {
    dialogs.push(d.message())
    await d.dismiss()
  })
  return { page, dialogs }
}

async function expectNothingRan(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
  expect(dialogs).toEqual([])
  expect(await page.locator('img[src="x"], svg[onload], #xss-link, script:not([src])').count()).toBe(0)
}

test.describe('stored XSS', () => {
  test.describe.configure({ timeout: 60_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('markup saved in a position and a record entry shows as text in the console and on the phone', async ({ browser }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL
    const con = await watchedPage(browser, baseURL, false)
    const phone = await watchedPage(browser, baseURL, true)
    await signIn(phone.page, 'cadre01')
    const cadre = (await (await phone.page.request.get('/api/v1/auth/me')).json()) as { person_id: number }
    await signIn(con.page, 'unitadmin')
    const api = con.page.request
    const headers = { 'X-Requested-With': 'XMLHttpRequest' }

    const before = (await (await api.get(`/api/v1/people/${cadre.person_id}`)).json()) as { position: string | null }
    const position = `${SVG}科员` // a position holds at most 50 characters
    const patched = await api.patch(`/api/v1/people/${cadre.person_id}`, { headers, data: { position } })
    expect(patched.status(), await patched.text()).toBe(200)
    try {
      const title = `${IMG}纪实${Date.now() % 1_000_000}`
      const content = `${SCRIPT}内容${LINK}`
      const created = await api.post('/api/v1/record/entries', {
        headers,
        data: { person_id: cadre.person_id, category: 'work_result', fact_date: '2026-06-01', title, content, source_kind: 'unit' },
      })
      expect(created.status(), await created.text()).toBe(201)
      const entryId = ((await created.json()) as { id: number }).id

      // --- the console: the cadre's record page shows the entry; the growth archive the position
      await con.page.goto(`/record/person?person=${cadre.person_id}`)
      await expect(con.page.getByText(title).first()).toBeVisible({ timeout: 20_000 })
      await expect(con.page.locator('body')).toContainText(content)
      await con.page.goto(`/record/archive/${cadre.person_id}`)
      await expect(con.page.locator('body')).toContainText(position)
      await expectNothingRan(con.page, con.dialogs)

      // --- the phone: 我的纪实 lists the entry, its detail shows the content; 我的成长档案 shows the position
      await phone.page.goto('/m/record')
      const mine = phone.page.getByTestId(`my-record-${entryId}`)
      await expect(mine).toContainText(title, { timeout: 20_000 })
      await mine.click()
      await expect(phone.page.getByTestId('my-record-detail')).toContainText(content)
      await phone.page.goto('/m/record/archive')
      await expect(phone.page.getByTestId('my-archive')).toContainText(position)
      await expectNothingRan(phone.page, phone.dialogs)
    } finally {
      await api.patch(`/api/v1/people/${cadre.person_id}`, { headers, data: { position: before.position ?? '' } })
    }
  })
})
