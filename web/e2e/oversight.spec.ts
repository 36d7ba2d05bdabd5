import { expect, test, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 容错纠错 against the demo city: cadre01 applies on a phone (我的 → 容错纠错 → 申请容错); the city administrator finds the
// case in the console, accepts it at the initial review, records the collective decision (vote, the three distinctions,
// reasons) and notifies the result; the phone then shows 予以容错 with the reasons. Each run adds one case.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

const answered = (page: Page, method: string, pattern: RegExp) =>
  page.waitForResponse((r) => pattern.test(new URL(r.url()).pathname) && r.request().method() === method)

test.describe('容错纠错', () => {
  test.describe.configure({ timeout: 90_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('a cadre applies on the phone, the administrator decides in the console, the cadre sees the result', async ({ browser, page }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    const phone = await (await browser.newContext({ ...PHONE, baseURL: testInfo.project.use.baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
    await signIn(phone, 'cadre01')
    const title = `e2e 容错 ${Date.now() % 1_000_000}`

    // --- the phone: 我的 → 容错纠错 → 申请容错
    await phone.goto('/m/me')
    await phone.getByTestId('me-oversight').click()
    await expect(phone).toHaveURL(/\/m\/oversight$/)
    await phone.getByTestId('my-oversight-apply').click()
    const form = phone.getByTestId('oversight-apply')
    await form.getByTestId('oversight-apply-submit').click()
    await expect(form.locator('.van-field__error-message').first()).toContainText('请填写')
    await textBox(phone, 'oversight-apply-title').fill(title)
    const texts: [string, string][] = [
      ['facts', '台风过后为保证按期复课，采用简化程序采购维修材料。'],
      ['decision_taken', '经分管领导同意，以询价方式代替公开招标。'],
      ['basis', '局党委会议纪要及紧急采购的有关规定。'],
      ['loss', '采购单价较市场均价高约 4%。'],
      ['remedy', '已与供应商协商退还差价。'],
    ]
    for (const [field, text] of texts) await form.locator(`[data-testid="oversight-apply-${field}"] textarea`).fill(text)
    await screenshot(phone, 'mobile-oversight-apply')
    const applied = answered(phone, 'POST', /^\/api\/v1\/me\/oversight\/cases$/)
    await form.getByTestId('oversight-apply-submit').click()
    const response = await applied
    expect(response.status()).toBe(201)
    const caseId = ((await response.json()) as { id: number }).id
    await expect(phone.getByTestId(`my-oversight-${caseId}-state`)).toHaveText('待初审')
    await screenshot(phone, 'mobile-oversight-mine')

    // --- the console: 容错纠错, the case, initial review, collective decision, notify
    await signIn(page, 'admin')
    await page.goto('/oversight/cases')
    await expect(page.getByTestId(`oversight-row-${caseId}-state`)).toHaveText('待初审')
    await screenshot(page, 'console-oversight-cases')
    await page.getByTestId(`oversight-row-${caseId}`).click()
    const drawer = page.getByTestId('oversight-drawer')
    await expect(drawer.getByTestId('oversight-drawer-state')).toHaveText('待初审')
    await drawer.getByTestId('oversight-review').click()
    await expect(drawer.getByTestId('oversight-drawer-state')).toHaveText('调查核实')
    await drawer.getByTestId('oversight-decide').click()
    await expect(drawer.locator('.el-form-item__error').first()).toBeVisible()  // the distinctions and reasons are missing
    await drawer.getByTestId('oversight-distinction-experiment').click()
    await drawer.locator('textarea[data-testid="oversight-reasons"], [data-testid="oversight-reasons"] textarea').fill('属于探索性试验中的失误，出于公心，未谋私利，已及时纠正。')
    await screenshot(page, 'console-oversight-decide')
    await drawer.getByTestId('oversight-decide').click()
    await expect(drawer.getByTestId('oversight-drawer-state')).toHaveText('已集体研究')
    await expect(drawer.getByTestId('oversight-drawer-outcome')).toHaveText('予以容错')
    await drawer.locator('textarea[data-testid="oversight-result-note"], [data-testid="oversight-result-note"] textarea').fill('经集体研究，予以容错免责。')
    await drawer.getByTestId('oversight-notify').click()
    await expect(drawer.getByTestId('oversight-drawer-state')).toHaveText('已反馈结果')
    await screenshot(page, 'console-oversight-drawer')

    // --- the phone: the result
    await phone.reload()
    await expect(phone.getByTestId(`my-oversight-${caseId}-outcome`)).toHaveText('予以容错')
    await phone.getByTestId(`my-oversight-${caseId}`).click()
    await expect(phone.getByTestId('my-oversight-result')).toContainText('出于公心')
    await screenshot(phone, 'mobile-oversight-result')
  })

  test('a policy document is added with its PDF, which opens from the drawer', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'admin')
    await page.goto('/oversight/policies')
    const title = `e2e 激励政策 ${Date.now() % 1_000_000}`
    await page.getByRole('button', { name: '新增文件' }).click()
    const dialog = page.getByRole('dialog', { name: '新增文件' })
    const field = (label: string) => dialog.locator('.el-form-item', { has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) }).locator('input')
    await field('文件标题').fill(title)
    await field('发文机关').fill('市委组织部')
    await field('文号').fill(`组通〔2026〕${Date.now() % 100}号`)
    // A one-page PDF, as a scanner would give it; a Word file is refused with words before anything is sent.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
    await page.getByTestId('policy-file-input').setInputFiles({ name: 'word.doc', mimeType: 'application/msword', buffer: Buffer.from('\xD0\xCF\x11\xE0', 'latin1') })
    await expect(page.locator('.el-message--error')).toContainText('只接受 PDF 和图片')
    const uploaded = answered(page, 'POST', /^\/api\/v1\/files$/)
    await page.getByTestId('policy-file-input').setInputFiles({ name: '激励办法.pdf', mimeType: 'application/pdf', buffer: pdf })
    const file = (await (await uploaded).json()) as { id: number; content_type: string }
    expect(file.content_type).toBe('application/pdf')
    await expect(page.getByTestId('policy-file-name')).toContainText('激励办法.pdf')
    await screenshot(page, 'console-policy-with-file')
    const saved = answered(page, 'POST', /^\/api\/v1\/policies$/)
    await dialog.getByRole('button', { name: '确定' }).click()
    const policy = (await (await saved).json()) as { id: number; has_file: boolean }
    expect(policy.has_file).toBe(true)

    await page.getByRole('row', { name: new RegExp(title) }).click()
    const link = page.getByRole('link', { name: '扫描件' })
    await expect(link).toBeVisible()
    const res = await page.request.get((await link.getAttribute('href'))!)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toBe('application/pdf')
    expect((await res.body()).equals(pdf)).toBe(true)
  })

  test('an effect period follows a revised regulation, and the pool shows who may not be promoted', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'admin')
    await page.goto('/oversight/accountability')
    await page.getByRole('tab', { name: '影响期限' }).click()
    const row = page.getByTestId('accountability-periods').getByRole('row', { name: /严重警告/ })
    await expect(row).toContainText('18')
    // Changed as a revision would, then put back so that other runs see the shipped period.
    const basis = `e2e 修订 ${Date.now() % 1_000_000}`
    await page.getByTestId('period-edit-discipline_serious_warning').click()
    await page.getByTestId('period-months').locator('input').fill('24')
    await page.getByTestId('period-basis').fill(basis)
    const saved = answered(page, 'PUT', /^\/api\/v1\/oversight\/accountability\/forms\/discipline_serious_warning$/)
    await page.getByTestId('period-save').click()
    expect((await saved).status()).toBe(200)
    await expect(row).toContainText('24')
    await expect(row).toContainText(basis)
    await screenshot(page, 'console-accountability-periods')
    const restored = await page.request.put('/api/v1/oversight/accountability/forms/discipline_serious_warning', {
      data: { promotion_months: 18, bars_excellent: true, basis: '中国共产党纪律处分条例' },
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    })
    expect(restored.status()).toBe(200)

    // The demo admonished one cadre 40 days ago: six months without promotion, shown in the pool and filtered out.
    const records = (await (await page.request.get('/api/v1/oversight/accountability')).json()) as {
      items: { person_id: number; person_name: string; promotion_until: string | null; in_effect: boolean }[]
    }
    const barred = records.items.find((r) => r.in_effect && r.promotion_until)
    expect(barred, 'the demo admonition').toBeTruthy()
    await page.goto('/record/pool')
    await page.getByText('仅年轻干部').click()
    await page.getByTestId('pool-name').fill(barred!.person_name)
    const loaded = answered(page, 'GET', /^\/api\/v1\/record\/pool$/)
    await page.getByTestId('pool-submit').click()
    await loaded
    await expect(page.getByTestId(`pool-barred-${barred!.person_id}`)).toContainText(`${barred!.promotion_until} 前不得提拔`)
    await screenshot(page, 'console-pool-barred')
    await page.getByTestId('pool-promotable').click()
    const filtered = page.waitForResponse((r) => r.url().includes('/api/v1/record/pool') && r.url().includes('promotable=true'))
    await page.getByTestId('pool-submit').click()
    await filtered
    await expect(page.getByTestId(`pool-barred-${barred!.person_id}`)).toHaveCount(0)
    await expect(page.locator('[data-testid="pool-table"]').getByText(barred!.person_name)).toHaveCount(0)
  })
})
