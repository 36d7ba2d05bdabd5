import { deflateSync } from 'node:zlib'
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test'
import { DEMO_PASSWORD, NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 党员积分 against the demo city: cadre01 reports an activity with a photo on the phone, the branch secretary approves
// it in the console's queue, and cadre01 then sees the points in the score with the approver named.

interface Rule {
  id: number
  code: string
  category_code: string
  name: string
  points: number
  earn_mode: string
  evidence_required: boolean
  status: string
}
interface Summary {
  score: number
  categories: { code: string; points: number; yearly_cap: number | null }[]
}
interface Entry {
  id: number
  claim_id: number | null
  points: number
}

const JSON_HEADERS = { 'X-Requested-With': 'XMLHttpRequest' }
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

/** A real PNG of a few colour bands, made here so that the test needs no file. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const rows = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    const band = Math.floor((y / height) * 3)
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3
      rows[at] = [200, 250, 40][band]
      rows[at + 1] = [22, 200, 120][band]
      rows[at + 2] = [29, 60, 200][band]
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path)
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true)
  return (await res.json()) as T
}

/** A self-report rule whose category still has room for its points this year: study_note when it fits. */
function roomyRule(rules: Rule[], summary: Summary): Rule {
  const room = (r: Rule) => {
    const c = summary.categories.find((x) => x.code === r.category_code)
    return !c || c.yearly_cap == null || c.points + r.points <= c.yearly_cap
  }
  const candidates = rules.filter((r) => r.earn_mode === 'self_report' && r.status === 'current' && r.points > 0 && room(r))
  const rule = candidates.find((r) => r.code === 'study_note') ?? candidates[0]
  expect(rule, 'a self-report rule with room left in its category').toBeTruthy()
  return rule
}

/** Reports an activity through the API (a photo first, since the rule needs one); the claim's id. */
async function report(request: APIRequestContext, rule: Rule, description: string): Promise<number> {
  const photo = await request.post('/api/v1/files', { headers: { ...JSON_HEADERS, 'Content-Type': 'image/png' }, data: png(32, 24) })
  expect(photo.status()).toBe(201)
  const { id } = (await photo.json()) as { id: number }
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date())
  const res = await request.post('/api/v1/me/points/claims', {
    headers: JSON_HEADERS,
    data: { rule_id: rule.id, activity_date: today, description, evidence: [id] },
  })
  expect(res.status(), await res.text()).toBe(201)
  return ((await res.json()) as { id: number }).id
}

async function phone(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  return context.newPage()
}

test.describe('党员积分', () => {
  test.describe.configure({ timeout: 90_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('cadre01 reports with a photo, the secretary approves, cadre01 sees the points and who approved them', async ({ browser, page }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL
    // --- the phone: cadre01 reports
    const cadre = await phone(browser, baseURL)
    await signIn(cadre, 'cadre01')
    const before = await json<Summary>(cadre, '/api/v1/me/points')
    const rule = roomyRule((await json<{ items: Rule[] }>(cadre, '/api/v1/points/rules')).items, before)
    const description = `e2e 积分申报 ${Date.now() % 1_000_000}：参加主题学习并撰写心得`

    await cadre.goto('/m/points')
    await expect(cadre.getByTestId('points-score')).toHaveText(String(before.score))
    await expect(cadre.getByTestId('points-categories')).toContainText('理论学习')
    await expect(cadre.getByTestId('rank-value')).toContainText('第')
    await screenshot(cadre, 'mobile-points-home')

    await cadre.getByTestId('points-report').click()
    await expect(cadre).toHaveURL(/\/m\/points\/claim$/)
    await cadre.getByTestId('claim-rule').click()
    await cadre.getByTestId(`rule-option-${rule.code}`).click()
    await expect(cadre.getByTestId('claim-rule').locator('input')).toHaveValue(new RegExp(rule.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    await cadre.getByTestId('claim-date').click()
    await cadre.locator('.van-picker__confirm').click() // today, the picker's default
    await cadre.getByTestId('claim-description').locator('textarea').fill(description)
    const uploaded = cadre.waitForResponse((r) => r.url().endsWith('/api/v1/files') && r.request().method() === 'POST')
    await cadre.getByTestId('claim-photos').locator('input[type="file"]').setInputFiles({ name: 'activity.png', mimeType: 'image/png', buffer: png(240, 180) })
    const upload = await uploaded
    expect(upload.status()).toBe(201)
    expect(upload.request().headers()['content-type']).toBe('image/jpeg') // shrunk and re-encoded in the browser
    await expect(cadre.locator('.van-uploader__preview')).toHaveCount(1)
    await expect(cadre.locator('.van-uploader__mask')).toHaveCount(0) // uploaded: no "uploading" or "failed" mask
    await screenshot(cadre, 'mobile-points-claim')

    const submitted = cadre.waitForResponse((r) => r.url().endsWith('/api/v1/me/points/claims') && r.request().method() === 'POST')
    await cadre.getByTestId('claim-submit').click()
    const claim = (await (await submitted).json()) as { id: number; status: string; evidence: number[] }
    expect(claim.status).toBe('pending')
    expect(claim.evidence).toHaveLength(1)
    await expect(cadre).toHaveURL(/\/m\/points\/claims$/)
    const mine = cadre.getByTestId(`my-claim-${claim.id}`)
    await expect(mine).toContainText(description)
    await expect(mine.getByTestId('my-claim-status')).toHaveText('待审批')
    await expect(mine.getByTestId('my-claim-withdraw')).toBeVisible()
    await screenshot(cadre, 'mobile-points-my-claims')

    // --- the console: the branch secretary approves it
    const secretary = await signIn(page, 'secretary')
    await page.goto('/')
    await page.getByTestId('menu-points').click()
    await page.getByTestId('menu-pointsClaims').click()
    await expect(page).toHaveURL(/\/points\/claims$/)
    const row = page.getByTestId('claim-table').locator('tr', { has: page.getByTestId(`claim-approve-${claim.id}`) })
    await expect(row).toContainText(description)
    await expect(row).toContainText(rule.name)
    const thumb = row.getByTestId('evidence-thumbs').locator('img')
    await expect(thumb).toBeVisible()
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0) // read through GET /files/{id}
    await screenshot(page, 'console-points-claims')
    await page.getByTestId(`claim-approve-${claim.id}`).click()
    await expect(page.locator('.el-message--success')).toContainText('已通过')
    await page.getByTestId('claim-status').click()
    await page.getByRole('option', { name: '已通过' }).click()
    await page.getByTestId('claim-search-submit').click()
    await expect(page.getByTestId(`claim-status-${claim.id}`)).toHaveText('已通过')

    // --- the phone again: the points are in the score, explained
    const entry = (await json<{ items: Entry[] }>(cadre, '/api/v1/me/points/entries')).items.find((e) => e.claim_id === claim.id)
    expect(entry, 'the ledger entry of the approved claim').toBeTruthy()
    expect(entry!.points).toBe(rule.points)
    await cadre.goto('/m/points')
    await expect(cadre.getByTestId('points-score')).toHaveText(String(before.score + rule.points))
    const explained = cadre.getByTestId(`points-entry-${entry!.id}`)
    await expect(explained.getByTestId('entry-source')).toHaveText(`本人申报，经 ${secretary.display_name} 审批通过`)
    await expect(explained).toContainText(rule.name)
    await expect(explained).toContainText(description)
    await expect(explained.getByTestId('entry-points')).toHaveText(`+${rule.points}`)
    await explained.scrollIntoViewIfNeeded()
    await screenshot(cadre, 'mobile-points-after')
    await cadre.context().close()
  })

  test('the console pages: ranking, a person’s points, recording a deduction, the rules', async ({ page }) => {
    await signIn(page, 'admin')
    await page.goto('/points/ranking')
    const first = page.getByTestId('ranking-table').locator('.el-table__body tbody tr').first()
    await expect(first).toBeVisible()
    await expect(page.getByTestId('ranking-period')).toContainText('年')
    await screenshot(page, 'console-points-ranking')

    await first.click()
    await expect(page.getByTestId('person-points-score')).toBeVisible()
    await expect(page.getByTestId('person-points-entries')).toContainText('自动记入')
    await screenshot(page, 'console-points-person')
    await page.keyboard.press('Escape')

    // Record a deduction for someone, then correct it from their points (the net change is nil).
    const someone = (await json<{ items: { id: number; name: string }[] }>(page, '/api/v1/people?party_status=full&page_size=1')).items[0]
    await page.goto('/points/records')
    await page.getByTestId('record-submit').click()
    await expect(page.getByTestId('record-error')).toContainText('请修正')
    await textBox(page, 'record-person').fill(someone.name)
    await page.locator('.el-select-dropdown__item', { hasText: someone.name }).first().click()
    await page.getByTestId('record-rule').click()
    await page.getByRole('option', { name: '未完成分配的任务' }).click()
    await page.getByTestId('record-reason').fill('e2e：未按期完成专题调研报告')
    await screenshot(page, 'console-points-record')
    const recorded = page.waitForResponse((r) => r.url().endsWith('/api/v1/points/records'))
    await page.getByTestId('record-submit').click()
    const claim = (await (await recorded).json()) as { person_id: number; entry_id: number }
    await expect(page.getByTestId('record-result')).toContainText('记入 -3 分')
    await page.getByTestId('record-view-person').click()
    await expect(page.getByTestId(`person-entry-${claim.entry_id}`)).toContainText('由 组织部管理员 记录')
    await page.getByTestId(`reverse-${claim.entry_id}`).click()
    await page.locator('.el-message-box textarea').fill('e2e：记录有误，予以更正')
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
    await expect(page.getByTestId(`reverse-${claim.entry_id}`)).toHaveCount(0)
    await expect(page.getByTestId('person-points-entries')).toContainText('已更正')
    await expect(page.getByTestId('person-points-entries')).toContainText('e2e：记录有误，予以更正')
    await screenshot(page, 'console-points-reversed')
    await page.keyboard.press('Escape')

    await page.goto('/points/rules')
    await expect(page.getByTestId('rule-study_note')).toHaveText('学习心得或体会获认可')
    await screenshot(page, 'console-points-rules')
    await page.getByTestId('rule-versions-study_note').click()
    await expect(page.getByTestId('rule-versions')).toContainText('第 1 版')
    await screenshot(page, 'console-points-rule-versions')
    await page.keyboard.press('Escape')
    await page.getByTestId('rules-tabs').getByRole('tab', { name: '年度方案' }).click()
    await expect(page.getByTestId('scheme-table')).toContainText('60')
    await page.getByTestId('rules-tabs').getByRole('tab', { name: '自动记分对应' }).click()
    await expect(page.getByTestId('event-map')).toContainText('study.checkin')
    await screenshot(page, 'console-points-events')
  })

  test('batch approval approves what it may and says why the rest failed', async ({ page, playwright }, testInfo) => {
    const secretary = await signIn(page, 'secretary')
    const cadre = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: JSON_HEADERS })
    expect((await cadre.post('/api/v1/auth/login', { data: { username: 'cadre01', password: DEMO_PASSWORD } })).ok()).toBe(true)
    const rules = (await json<{ items: Rule[] }>(page, '/api/v1/points/rules')).items
    const rule = rules.find((r) => r.earn_mode === 'self_report' && r.status === 'current')!
    const stamp = Date.now() % 1_000_000
    const theirs = await report(cadre, rule, `e2e 批量审批 ${stamp}：支部学习交流发言`)
    // The secretary's own report sits in their queue too, and must not be approved by them.
    const own = await report(page.request, rule, `e2e 本人申报 ${stamp}：参加专题党课`)

    await page.goto('/points/claims')
    for (const id of [theirs, own]) {
      await page.getByTestId('claim-table').locator('tr', { has: page.getByTestId(`claim-approve-${id}`) }).locator('.el-checkbox').click()
    }
    await expect(page.getByTestId('claim-approve-selected')).toContainText('2')
    await page.getByTestId('claim-approve-selected').click()
    const result = page.getByTestId('claim-batch-result')
    await expect(result).toContainText('已通过 1 条，1 条未能通过')
    await expect(result).toContainText(`${secretary.display_name} · ${rule.name}：不能审批本人的积分`)
    await screenshot(page, 'console-points-batch')
    await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).click()
    await expect(page.getByTestId(`claim-approve-${theirs}`)).toHaveCount(0)
    await expect(page.getByTestId(`claim-approve-${own}`)).toBeVisible()

    // Leave the demo queue as it was: the secretary withdraws their own report.
    expect((await page.request.post(`/api/v1/me/points/claims/${own}/withdraw`, { headers: JSON_HEADERS })).ok()).toBe(true)
    await cadre.dispose()
  })

  test('a branch secretary sees the points menu without 积分规则 editing', async ({ page }) => {
    await signIn(page, 'secretary')
    await page.goto('/points/rules')
    await expect(page.getByTestId('rule-study_note')).toBeVisible()
    await expect(page.getByTestId('rule-add')).toHaveCount(0)
    await expect(page.getByTestId('rule-edit-study_note')).toHaveCount(0)
  })
})
