import { expect, test, type Browser, type Page } from '@playwright/test'
import { DEMO_PASSWORD, NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 积分公示 and 规则调整模拟 against the demo city: the branch secretary publishes the year's ranking of the branch,
// cadre01 (a member of it) sees it on the phone and appeals, the secretary answers in writing and closes it; the
// admin tries a rule change on this year's entries and applies it as a new version.

interface Publicity {
  id: number
  status: string
  rows: { person_id: number; name: string }[]
}
interface Appeal {
  id: number
  status: string
}
interface Rule {
  id: number
  code: string
  name: string
  points: number
  version: number
}

const JSON_HEADERS = { 'X-Requested-With': 'XMLHttpRequest' }
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

async function phone(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  return context.newPage()
}

const posted = (page: Page, path: RegExp) => page.waitForResponse((r) => path.test(new URL(r.url()).pathname) && r.request().method() === 'POST')

test.describe('积分公示与规则模拟', () => {
  test.describe.configure({ timeout: 120_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('the secretary publishes, cadre01 appeals on the phone, the secretary answers and closes', async ({ browser, page, playwright }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL
    const stamp = Date.now() % 1_000_000
    const title = `e2e ${stamp} 支部年度党员积分公示`
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date())

    // --- the console: the secretary publishes the year's ranking of the branch
    await signIn(page, 'secretary')
    await page.goto('/')
    await page.getByTestId('menu-points').click()
    await page.getByTestId('menu-pointsPublicity').click()
    await expect(page).toHaveURL(/\/points\/publicity$/)
    await expect(page.getByTestId('publicity-table')).toBeVisible()
    await screenshot(page, 'console-publicity-list')

    await page.getByTestId('publicity-publish').click()
    const dialog = page.getByTestId('publicity-publish-dialog')
    await expect(dialog.getByTestId('publish-window')).toContainText(`公示期：${today} 至`)
    await expect(dialog.locator('.el-select').first()).toContainText('支部') // the top of the secretary's scope
    await textBox(page, 'publish-title').fill(title)
    await screenshot(page, 'console-publicity-publish')
    const publishing = posted(page, /\/api\/v1\/points\/publicities$/)
    await page.getByTestId('publish-submit').click()
    const publishedRes = await publishing
    expect(publishedRes.status(), await publishedRes.text()).toBe(201)
    const publicity = (await publishedRes.json()) as Publicity
    expect(publicity.status).toBe('open')
    expect(publicity.rows.length).toBeGreaterThan(1)
    const detail = page.getByTestId('publicity-detail')
    await expect(detail).toContainText(title)
    await expect(detail.getByTestId('publicity-detail-status')).toHaveText('公示中')
    await expect(detail.getByTestId('publicity-rows').locator('.el-table__body tbody tr')).toHaveCount(publicity.rows.length)
    await screenshot(page, 'console-publicity-detail')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId(`publicity-status-${publicity.id}`)).toHaveText('公示中')

    // --- the phone: cadre01 finds it from the 积分 page and appeals
    const cadre = await phone(browser, baseURL)
    const me = await signIn(cadre, 'cadre01')
    await cadre.goto('/m/points')
    await expect(cadre.getByTestId('points-publicity-badge')).toContainText('公示中')
    await screenshot(cadre, 'mobile-points-publicity-entry')
    await cadre.getByTestId('points-publicity').click()
    await expect(cadre).toHaveURL(/\/m\/points\/publicity$/)
    const card = cadre.getByTestId(`publicity-${publicity.id}`)
    await expect(card).toContainText(title)
    await expect(card.getByTestId('publicity-phase')).toHaveText('公示中')
    await expect(card.getByTestId('publicity-my-rank')).toContainText('我的名次：第')
    if (await card.getByTestId('publicity-more').count()) await card.getByTestId('publicity-more').click()
    await expect(card.getByTestId('publicity-my-row')).toContainText(me.display_name)
    await screenshot(cadre, 'mobile-publicity')

    await card.getByTestId('publicity-appeal').click()
    const form = cadre.locator('.van-popup')
    await expect(form).toContainText(`针对：${title}`)
    await cadre.getByTestId('appeal-submit').click()
    await expect(form.locator('.van-field__error-message')).toHaveText('请填写申诉理由')
    const reason = `e2e ${stamp}：11 月 20 日参加的专题学习未计入积分`
    await cadre.getByTestId('appeal-reason').locator('textarea').fill(reason)
    await screenshot(cadre, 'mobile-publicity-appeal')
    const appealing = posted(cadre, /\/appeals$/)
    await cadre.getByTestId('appeal-submit').click()
    const appeal = (await (await appealing).json()) as Appeal
    expect(appeal.status).toBe('open')
    await expect(card.getByTestId('publicity-my-appeals')).toContainText('我在此公示中的申诉：1 条')
    await cadre.locator('.van-nav-bar__right').click()
    await expect(cadre).toHaveURL(/\/m\/points\/appeals$/)
    const mine = cadre.getByTestId(`my-appeal-${appeal.id}`)
    await expect(mine).toContainText(reason)
    await expect(mine.getByTestId('my-appeal-status')).toHaveText('待处理')
    await screenshot(cadre, 'mobile-my-appeals-open')

    // The secretary is on the list too and appeals: they may not answer their own appeal.
    const own = await page.request.post(`/api/v1/me/points/publicities/${publicity.id}/appeals`, {
      headers: JSON_HEADERS,
      data: { reason: `e2e ${stamp}：本人的名次有误` },
    })
    expect(own.status(), await own.text()).toBe(201)
    const ownAppeal = (await own.json()) as Appeal

    // --- the console: two open appeals keep the publicity from closing
    await page.getByTestId(`publicity-view-${publicity.id}`).click()
    await expect(detail.getByTestId('publicity-close-blocked')).toContainText('还有 2 条申诉未处理')
    await expect(detail.getByTestId('publicity-close')).toBeDisabled()
    await expect(detail.getByTestId(`appeal-${appeal.id}`)).toContainText(reason)
    await screenshot(page, 'console-publicity-appeals')

    await detail.getByTestId(`appeal-handle-${ownAppeal.id}`).click()
    const handle = page.getByTestId('appeal-handle-dialog')
    await page.getByTestId('appeal-decision-upheld').click()
    await expect(handle).toContainText('公示名单不会自动改变')
    await page.getByTestId('appeal-result').fill('本人申诉，试图自行处理')
    await page.getByTestId('appeal-handle-submit').click()
    await expect(page.getByTestId('appeal-handle-error')).toContainText('不能处理本人的申诉')
    await screenshot(page, 'console-publicity-own-appeal')
    await handle.getByRole('button', { name: '取消' }).click()

    await detail.getByTestId(`appeal-handle-${appeal.id}`).click()
    await page.getByTestId('appeal-handle-submit').click()
    await expect(handle).toContainText('请选择申诉是否成立')
    await expect(handle).toContainText('请填写书面处理意见')
    await page.getByTestId('appeal-decision-dismissed').click()
    const answer = `经核对签到记录，11 月 20 日的专题学习未签到，积分无误。（e2e ${stamp}）`
    await page.getByTestId('appeal-result').fill(answer)
    await screenshot(page, 'console-publicity-handle')
    await page.getByTestId('appeal-handle-submit').click()
    await expect(detail.getByTestId(`appeal-status-${appeal.id}`)).toHaveText('不成立')
    await expect(detail.getByTestId('publicity-close-blocked')).toContainText('还有 1 条申诉未处理')

    // The admin answers the secretary's appeal; then the secretary may close.
    const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: JSON_HEADERS })
    expect((await admin.post('/api/v1/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } })).ok()).toBe(true)
    const adminAnswer = await admin.post(`/api/v1/points/appeals/${ownAppeal.id}/handle`, { data: { decision: 'upheld', result: '名次已复核，情况属实' } })
    expect(adminAnswer.status(), await adminAnswer.text()).toBe(200)
    await admin.dispose()

    await page.keyboard.press('Escape')
    await page.getByTestId(`publicity-view-${publicity.id}`).click()
    await expect(detail.getByTestId('publicity-close-blocked')).toHaveCount(0)
    await detail.getByTestId('publicity-close').click()
    const box = page.locator('.el-message-box')
    await expect(box).toContainText('提前结束后，党员将不能再提出申诉')
    await box.getByRole('button', { name: '结束公示' }).click()
    await expect(box).toContainText('请填写结束说明')
    await box.locator('textarea').fill('申诉均已书面答复，公示结束')
    await screenshot(page, 'console-publicity-close')
    await box.getByRole('button', { name: '结束公示' }).click()
    await expect(detail.getByTestId('publicity-detail-status')).toHaveText('已结束')
    await expect(detail.getByTestId('publicity-closing-note')).toHaveText('申诉均已书面答复，公示结束')
    await screenshot(page, 'console-publicity-closed')

    // --- the phone: the answer, and the publicity no longer takes appeals
    await cadre.reload()
    await expect(mine.getByTestId('my-appeal-status')).toHaveText('不成立')
    await expect(mine.getByTestId('my-appeal-result')).toContainText(answer)
    await screenshot(cadre, 'mobile-my-appeals-answered')
    await cadre.goto('/m/points/publicity')
    await expect(card.getByTestId('publicity-phase')).toHaveText('已结束')
    await expect(card.getByTestId('publicity-appeal')).toHaveCount(0)
    await expect(card).toContainText('结束说明：申诉均已书面答复，公示结束')
    const late = await cadre.request.post(`/api/v1/me/points/publicities/${publicity.id}/appeals`, { headers: JSON_HEADERS, data: { reason: '迟到的申诉' } })
    expect(late.status()).toBe(409)
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe('publicity_over')
    await screenshot(cadre, 'mobile-publicity-closed')
    await cadre.context().close()
  })

  test('the admin tries a rule change on this year’s entries and applies it as a new version', async ({ page }) => {
    await signIn(page, 'admin')
    const rules = ((await (await page.request.get('/api/v1/points/rules')).json()) as { items: Rule[] }).items
    const rule = rules.find((r) => r.code === 'org_meeting')!
    expect(rule, 'the demo catalog has org_meeting').toBeTruthy()
    const next = rule.points < 100 ? rule.points + 1 : 1

    await page.goto('/points/rules')
    await page.getByTestId('rules-tabs').getByRole('tab', { name: '模拟调整' }).click()
    await page.getByTestId('sim-run').click()
    await expect(page.getByTestId('sim-problem')).toHaveText('请至少添加一项调整')
    await expect(page.getByTestId('sim-apply')).toBeDisabled()

    await page.getByTestId('sim-add-rule').click()
    await page.getByRole('option', { name: new RegExp(`^${rule.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click()
    await expect(page.getByTestId(`sim-draft-${rule.code}`)).toHaveText(rule.name)
    await page.getByTestId('sim-run').click()
    await expect(page.getByTestId('sim-problem')).toContainText('尚未填写任何调整')
    await textBox(page, `sim-points-${rule.code}`).fill(String(next))
    await textBox(page, `sim-points-${rule.code}`).blur()

    const simulating = posted(page, /\/api\/v1\/points\/simulations$/)
    await page.getByTestId('sim-run').click()
    const res = await simulating
    expect(res.status(), await res.text()).toBe(200)
    const result = (await res.json()) as { total_before: number; total_after: number; movers_up: unknown[] }
    expect(result.total_after).toBeGreaterThan(result.total_before)
    expect(result.movers_up.length).toBeGreaterThan(0)
    await expect(page.getByTestId('sim-total-before')).toHaveText(String(result.total_before))
    await expect(page.getByTestId('sim-total-after')).toContainText(String(result.total_after))
    await expect(page.getByTestId('sim-movers-up').locator('.el-table__body tbody tr')).toHaveCount(result.movers_up.length)
    await screenshot(page, 'console-simulation-result')

    // A changed draft makes the result stale until it is run again.
    await textBox(page, `sim-points-${rule.code}`).fill(String(next === 100 ? 99 : next + 1))
    await textBox(page, `sim-points-${rule.code}`).blur()
    await expect(page.getByTestId('sim-stale')).toBeVisible()
    await expect(page.getByTestId('sim-apply')).toBeDisabled()
    await textBox(page, `sim-points-${rule.code}`).fill(String(next))
    await textBox(page, `sim-points-${rule.code}`).blur()
    await expect(page.getByTestId('sim-stale')).toHaveCount(0)

    await page.getByTestId('sim-apply').click()
    const confirm = page.getByTestId('sim-apply-dialog')
    await expect(confirm.getByTestId('sim-apply-list')).toContainText(`分值：+${rule.points} → +${next}`)
    await expect(confirm.getByTestId('sim-apply-list')).toContainText(`将生成第 ${rule.version + 1} 版`)
    await screenshot(page, 'console-simulation-apply')
    await page.getByTestId('sim-apply-confirm').click()
    await expect(page.locator('.el-message--success')).toContainText('已全部应用（1 项）')
    await expect(page.getByTestId(`sim-draft-${rule.code}`)).toHaveCount(0)

    const after = ((await (await page.request.get('/api/v1/points/rules')).json()) as { items: Rule[] }).items.find((r) => r.code === rule.code)!
    expect(after.version).toBe(rule.version + 1)
    expect(after.points).toBe(next)
    await page.getByTestId('rules-tabs').getByRole('tab', { name: '积分项目' }).click()
    await page.getByTestId(`rule-versions-${rule.code}`).click()
    await expect(page.getByTestId('rule-versions')).toContainText(`第 ${rule.version + 1} 版`)
  })

  test('what people see when there is nothing, or when a draft is wrong', async ({ browser, page }, testInfo) => {
    // An account without a person (admin in the demo) is told so on the phone.
    const admin = await phone(browser, testInfo.project.use.baseURL)
    await signIn(admin, 'admin')
    const mine = await admin.request.get('/api/v1/me/points/publicities', { headers: JSON_HEADERS })
    if (mine.status() === 403) {
      await admin.goto('/m/points/publicity')
      await expect(admin.getByTestId('publicity-unlinked')).toContainText('账号未关联党员信息')
      await screenshot(admin, 'mobile-publicity-unlinked')
    }
    await admin.context().close()

    // A member who never appealed.
    const cadre = await phone(browser, testInfo.project.use.baseURL)
    await signIn(cadre, 'cadre02')
    const appeals = (await (await cadre.request.get('/api/v1/me/points/appeals', { headers: JSON_HEADERS })).json()) as { items: unknown[] }
    if (appeals.items.length === 0) {
      await cadre.goto('/m/points/appeals')
      await expect(cadre.getByTestId('my-appeals-empty')).toContainText('暂无申诉记录')
      await screenshot(cadre, 'mobile-my-appeals-empty')
    }
    await cadre.context().close()

    // A draft with points the rules do not allow is stopped before it reaches the server.
    await signIn(page, 'admin')
    await page.goto('/points/rules')
    await page.getByTestId('rules-tabs').getByRole('tab', { name: '模拟调整' }).click()
    await expect(page.getByTestId('sim-draft')).toContainText('尚未添加要调整的项目')
    await page.getByTestId('sim-add-rule').click()
    await page.getByRole('option', { name: /^走访结对帮扶户/ }).click()
    await textBox(page, 'sim-points-service_visit').fill('0')
    await textBox(page, 'sim-points-service_visit').blur()
    await page.getByTestId('sim-run').click()
    await expect(page.getByTestId('sim-problem')).toHaveText('分值应在 -100 至 100 之间且不为 0')
    await expect(page.getByTestId('sim-draft')).toContainText('分值应在 -100 至 100 之间且不为 0')
    await expect(page.getByTestId('sim-apply')).toBeDisabled()
    await screenshot(page, 'console-simulation-error')
  })
})
