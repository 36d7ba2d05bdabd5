import { expect, test, type Browser, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, signIn } from './support'

// Stored XSS: markup saved through the API into fields the console and the phone show (a cadre's position, a
// record entry's title and content, a visit log, a points claim) must come back as literal text. The pages run with the Content-Security-Policy
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

  test('markup in a visit log and a points claim shows as text on the phone and in the console', async ({ browser }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL
    const phone = await watchedPage(browser, baseURL, true)
    const con = await watchedPage(browser, baseURL, false)
    await signIn(phone.page, 'cadre01')
    await signIn(con.page, 'unitadmin')
    const api = phone.page.request
    const headers = { 'X-Requested-With': 'XMLHttpRequest' }
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date())
    const tag = Date.now() % 1_000_000

    // --- a visit to a paired household, written on the phone with markup in what was learned and done
    const homes = (await (await api.get('/api/v1/me/mass/households')).json()) as { items: { id: number }[] }
    expect(homes.items.length).toBeGreaterThan(0)
    const learned = `${IMG}走访${tag}`
    const done = `${SCRIPT}办理${LINK}`
    const visit = await api.post('/api/v1/me/mass/visits', {
      headers,
      data: { client_key: `xss-${tag}-${Math.random().toString(36).slice(2)}`, household_id: homes.items[0].id, visit_date: today, learned, done },
    })
    expect(visit.status(), await visit.text()).toBe(201)

    // --- a points claim with markup in its description (a rule that needs no photo when there is one)
    const rules = ((await (await api.get('/api/v1/points/rules')).json()) as {
      items: { id: number; earn_mode: string; status: string; evidence_required: boolean }[]
    }).items.filter((r) => r.earn_mode === 'self_report' && r.status === 'current')
    const rule = rules.find((r) => !r.evidence_required) ?? rules[0]
    expect(rule, 'a self-report rule').toBeTruthy()
    const evidence: number[] = []
    if (rule.evidence_required) {
      // the smallest PNG there is: one transparent pixel
      const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
      const file = await api.post('/api/v1/files', { headers: { ...headers, 'Content-Type': 'image/png' }, data: pixel })
      expect(file.status(), await file.text()).toBe(201)
      evidence.push(((await file.json()) as { id: number }).id)
    }
    const description = `${SVG}宣讲${tag}${IMG}`
    const claimed = await api.post('/api/v1/me/points/claims', { headers, data: { rule_id: rule.id, activity_date: today, description, evidence } })
    expect(claimed.status(), await claimed.text()).toBe(201)
    const claimId = ((await claimed.json()) as { id: number }).id
    try {
      // --- the phone: 走访记录 (what was learned) and 我的申报
      await phone.page.goto('/m/mass')
      await phone.page.locator('.van-tab', { hasText: '走访记录' }).click()
      await expect(phone.page.getByTestId('m-visits')).toContainText(learned, { timeout: 20_000 })
      await phone.page.goto('/m/points/claims')
      await expect(phone.page.getByTestId(`my-claim-${claimId}`)).toContainText(description, { timeout: 20_000 })
      await expectNothingRan(phone.page, phone.dialogs)

      // --- the console: the visits table (learned and done) and the approval queue
      await con.page.goto('/mass/visits')
      await expect(con.page.getByTestId('mass-visit-table')).toContainText(learned, { timeout: 20_000 })
      await expect(con.page.getByTestId('mass-visit-table')).toContainText(done)
      await signIn(con.page, 'secretary') // cadre01's branch secretary approves the branch's claims
      await con.page.goto('/points/claims')
      const row = con.page.getByTestId('claim-table').locator('tr', { has: con.page.getByTestId(`claim-approve-${claimId}`) })
      await expect(row).toContainText(description, { timeout: 20_000 })
      await expectNothingRan(con.page, con.dialogs)
    } finally {
      await api.post(`/api/v1/me/points/claims/${claimId}/withdraw`, { headers })
    }
  })
})
