import { expect, test, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn } from './support'

// 联系群众 against the demo city: cadre01 writes a visit with a photo on the phone while the phone has no network — it
// shows 待发送 — and when the network returns the photo goes up and the visit is sent once, with it, and the unit administrator finds it in the console's visit list;
// a micro-project published by the unit is claimed and marked done on cadre01's phone and rated in the console. Each
// run adds one visit and one project to the demo database.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
// An 8 × 8 PNG, enough for the phone's photo shrinking to read.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4ISaLFTEMLQkAr/A+wcNtZQkAAAAASUVORK5CYII=', 'base64')

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path)
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true)
  return (await res.json()) as T
}

test.describe('联系群众', () => {
  test.describe.configure({ timeout: 90_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('a visit written offline waits, then is sent once and shows in the console', async ({ browser, page }, testInfo) => {
    const context = await browser.newContext({ ...PHONE, baseURL: testInfo.project.use.baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const phone = await context.newPage()
    await signIn(phone, 'cadre01')
    const homes = await json<{ items: { id: number; head_name: string }[] }>(phone, '/api/v1/me/mass/households')
    expect(homes.items.length).toBeGreaterThan(0)
    const home = homes.items[0]
    const learned = `e2e 走访 ${Date.now() % 1_000_000}：老人反映楼道灯不亮`

    await phone.goto('/m/mass')
    await expect(phone.getByTestId(`m-household-${home.id}`)).toContainText(home.head_name)
    await screenshot(phone, 'mobile-mass-households')

    await context.setOffline(true)
    await expect(phone.getByTestId('m-mass-offline')).toBeVisible()
    await phone.getByTestId(`m-visit-${home.id}`).click()
    await phone.locator('[data-testid="m-visit-learned"] textarea').fill(learned)
    await phone.locator('[data-testid="m-visit-done"] textarea').fill('已联系物业维修')
    await phone.locator('[data-testid="m-visit-photos"] input[type="file"]').setInputFiles({ name: 'hall.png', mimeType: 'image/png', buffer: PNG })
    await expect(phone.locator('[data-testid="m-visit-photos"] .van-uploader__preview')).toHaveCount(1)
    await expect(phone.locator('[data-testid="m-visit-photos"] .van-uploader__mask')).toHaveCount(0)
    await phone.getByTestId('m-visit-submit').click()
    await expect(phone.getByTestId('m-waiting')).toHaveText('待发送')
    await expect(phone.getByTestId('m-outbox')).toContainText(home.head_name)
    await screenshot(phone, 'mobile-mass-waiting')

    const uploaded = phone.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/files' && r.request().method() === 'POST')
    const sent = phone.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/me/mass/visits' && r.request().method() === 'POST')
    await context.setOffline(false)
    expect((await uploaded).status()).toBe(201)
    const answer = await sent
    expect(answer.status()).toBe(201)
    expect(((await answer.json()) as { photos: number[] }).photos).toHaveLength(1)
    await expect(phone.getByTestId('m-outbox')).toHaveCount(0)
    await expect(phone.getByTestId('m-visits')).toContainText(learned)
    // Opened again, nothing is left to send.
    await phone.reload()
    await phone.locator('.van-tab', { hasText: '走访记录' }).click()
    await expect(phone.getByTestId('m-visits')).toContainText(learned)
    await expect(phone.getByTestId('m-outbox')).toHaveCount(0)

    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'unitadmin')
    const listed = await json<{ items: { learned: string; photos: number[] }[] }>(page, '/api/v1/mass/visits?page_size=200')
    const mine = listed.items.filter((v) => v.learned === learned)
    expect(mine).toHaveLength(1)
    expect(mine[0].photos).toHaveLength(1)
    await page.goto('/mass/visits')
    await expect(page.getByTestId('mass-visit-table')).toContainText(learned)
    await screenshot(page, 'console-mass-visits')
    await context.close()
  })

  test('a micro-project goes from published to rated: claimed and done on the phone, rated in the console', async ({ browser, page }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    const admin = await signIn(page, 'unitadmin')
    const unit = (admin.roles[0] as unknown as { org_node_id: number }).org_node_id
    const title = `e2e 微心愿 ${Date.now() % 1_000_000}`
    const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10)
    const res = await page.request.post('/api/v1/mass/projects', {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      data: { org_node_id: unit, title, category: 'wish', need: '独居老人希望有一台收音机', budget_cap: 150, deadline },
    })
    expect(res.status()).toBe(201)
    const id = ((await res.json()) as { id: number }).id
    await page.goto('/mass/projects')
    await expect(page.getByTestId(`mass-project-state-${id}`)).toHaveText('待认领')

    const context = await browser.newContext({ ...PHONE, baseURL: testInfo.project.use.baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const phone = await context.newPage()
    await signIn(phone, 'cadre01')
    await phone.goto('/m/mass/projects')
    await expect(phone.getByTestId(`m-board-${id}`)).toContainText(title)
    await screenshot(phone, 'mobile-mass-board')
    await phone.getByTestId(`m-claim-${id}`).click()
    // cadre01 leads the demo's service team: claim as themselves.
    await phone.locator('.van-action-sheet__item', { hasText: '本人认领' }).click()
    await expect(phone.getByTestId(`m-claim-state-${id}`)).toHaveText('已认领')
    await phone.getByTestId(`m-done-${id}`).click()
    await phone.locator('[data-testid="m-report-note"] textarea').fill('已购买收音机送到老人家中，并教会使用')
    await phone.locator('[data-testid="m-report-form"] input[type="file"]').setInputFiles({ name: 'radio.png', mimeType: 'image/png', buffer: PNG })
    await expect(phone.locator('[data-testid="m-report-form"] .van-uploader__preview')).toHaveCount(1)
    await expect(phone.locator('[data-testid="m-report-form"] .van-uploader__mask')).toHaveCount(0)
    await phone.getByTestId('m-report-send').click()
    await expect(phone.getByTestId(`m-claim-state-${id}`)).toHaveText('已完成')
    await screenshot(phone, 'mobile-mass-claims')

    await page.reload()
    await page.getByTestId(`mass-rate-${id}`).click()
    await page.getByTestId('mass-rate-save').click()
    await expect(page.getByTestId(`mass-project-state-${id}`)).toHaveText('已评价')
    await screenshot(page, 'console-mass-projects')
    await context.close()
  })
  test('a service team is formed with a leader chosen among its members, and the leader changed later', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    const admin = await signIn(page, 'unitadmin')
    const unit = (admin.roles[0] as unknown as { org_node_name: string }).org_node_name
    const name = `e2e 服务队 ${Date.now() % 1_000_000}`
    await page.goto('/mass/teams')
    await page.getByTestId('mass-team-new').click()
    // The unit administrator's one unit is filled in.
    await expect(page.locator('.el-dialog').getByText(unit)).toBeVisible()
    await page.getByTestId('mass-team-name').fill(name)
    await page.getByTestId('mass-team-members').click()
    const options = page.locator('[data-testid^="mass-team-members-option-"]')
    await expect(options.first()).toBeVisible()
    const [a, b] = await Promise.all([0, 1].map(async (i) => Number((await options.nth(i).getAttribute('data-testid'))!.split('-').pop())))
    await options.nth(0).click()
    await options.nth(1).click()
    await page.getByTestId('mass-team-name').click()  // closes the member list
    await page.getByTestId('mass-team-leader').click()
    await expect(page.locator('[data-testid^="mass-team-leader-"]:visible')).toHaveCount(2)
    await page.getByTestId(`mass-team-leader-${b}`).click()
    await screenshot(page, 'console-mass-team-form')
    const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/mass/teams' && r.request().method() === 'POST')
    await page.getByTestId('mass-team-save').click()
    const made = (await (await saved).json()) as { id: number; leader_person_id: number; members: { person_id: number }[] }
    expect(made.leader_person_id).toBe(b)
    expect(made.members.map((m) => m.person_id).sort()).toEqual([a, b].sort())

    // The leader changes to the other member.
    await page.getByTestId(`mass-team-edit-${made.id}`).click()
    await expect(page.getByTestId('mass-team-name')).toHaveValue(name)
    await page.getByTestId('mass-team-leader').click()
    await page.getByTestId(`mass-team-leader-${a}`).click()
    const changed = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/mass/teams/${made.id}` && r.request().method() === 'PUT')
    await page.getByTestId('mass-team-save').click()
    expect(((await (await changed).json()) as { leader_person_id: number }).leader_person_id).toBe(a)
  })
})
