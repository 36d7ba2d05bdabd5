import { expect, test, type Page } from '@playwright/test'
import { DEMO_PASSWORD, NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 学习教育 against the demo city, the acceptance test: the organisation department's administrator organises a
// study session for cadre01's unit starting at the next half hour (check-in opens 30 minutes before) and opens the
// check-in screen; on a phone, cadre01 — not signed in yet — opens the link the screen's QR code carries, signs in,
// lands back on the check-in page and is checked in; the screen's count goes up, so do cadre01's points, and a
// second scan is the same check-in. Closing the session takes the code off the screen and the cadre's 学习 page
// shows the session with the status. Each run adds one session to the demo database.

interface Person {
  id: number
  name: string
  unit_id: number
  unit_name: string
}
interface Summary {
  score: number
  categories: { code: string; points: number }[]
}

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path)
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true)
  return (await res.json()) as T
}

const answered = (page: Page, method: string, pattern: RegExp) =>
  page.waitForResponse((r) => pattern.test(new URL(r.url()).pathname) && r.request().method() === method)

const beijingYear = () => Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))

test.describe('学习教育', () => {
  test.describe.configure({ timeout: 180_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('a cadre checks in by scanning the screen’s code; the count and the points go up', async ({ browser, page }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL
    // --- cadre01 as the API sees them: their unit, and their points before
    const cadreApi = await (await browser.newContext({ baseURL })).newPage()
    await signIn(cadreApi, 'cadre01')
    const person = await json<Person>(cadreApi, '/api/v1/me/person')
    const year = beijingYear()
    const before = await json<Summary>(cadreApi, `/api/v1/me/points?year=${year}`)

    // --- the organiser: 学习教育 → 学习活动 → 安排学习活动 for the whole unit
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'admin')
    await page.goto('/study/sessions')
    await expect(page.getByTestId('menu-study')).toContainText('学习教育')
    await expect(page.getByTestId('sessions-table')).toBeVisible()
    await page.getByTestId('sessions-create').click()
    const dialog = page.getByTestId('session-dialog')
    await expect(dialog).toBeVisible()

    // Nothing chosen: the dialog says what is missing and sends nothing.
    await page.getByTestId('session-audience-unit').click()
    await page.getByTestId('session-submit').click()
    await expect(dialog.locator('.el-form-item__error')).toContainText(['请选择单位', '请填写学习主题', '请填写学习地点或线上链接'])

    await dialog.getByTestId('session-unit').click()
    await page.keyboard.type(person.unit_name)
    // The tree of the picker's dropdown carries the same test id.
    await page.locator(`.el-tree[data-testid="session-unit"] .el-tree-node[data-key="${person.unit_id}"] > .el-tree-node__content`).click()
    const title = `e2e 周二夜学 ${Date.now() % 1_000_000}：学习党的二十届四中全会精神`
    await textBox(page, 'session-title').fill(title)
    await textBox(page, 'session-place').fill('机关三楼会议室')
    await screenshot(page, 'console-study-session-dialog')
    const created = answered(page, 'POST', /^\/api\/v1\/study\/sessions$/)
    await page.getByTestId('session-submit').click()
    const createdRes = await created
    expect(createdRes.status()).toBe(201)
    const session = (await createdRes.json()) as { id: number; starts_at: string; expected: number }
    // The default start is the next half hour, in UTC on the wire: check-in is open already.
    expect(session.starts_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:(00|30):00Z$/)
    expect(Date.parse(session.starts_at) - Date.now()).toBeLessThanOrEqual(30 * 60 * 1000)
    expect(session.expected).toBeGreaterThan(0)

    // --- the session's page
    await expect(page).toHaveURL(new RegExp(`/study/sessions/${session.id}$`))
    await expect(page.getByTestId('session-title')).toHaveText(title)
    await expect(page.getByTestId('session-status')).toHaveText('进行中')
    await expect(page.getByTestId('session-count-expected')).toContainText(String(session.expected))
    await expect(page.getByTestId(`attendance-${person.id}`)).toHaveText('未签到')

    // --- the check-in screen opens in its own window
    const [screen] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('session-open-screen').click()])
    await screen.setViewportSize({ width: 1440, height: 900 })
    await expect(screen).toHaveURL(new RegExp(`/study/sessions/${session.id}/screen$`))
    const qr = screen.getByTestId('checkin-qr')
    await expect(qr).toBeVisible()
    await expect(screen.getByTestId('screen-title')).toHaveText(title)
    await expect(screen.getByTestId('screen-checked-in')).toHaveText('0')
    await expect(screen.getByTestId('screen-expected')).toHaveText(String(session.expected))
    await expect(screen.getByTestId('screen-countdown')).toContainText(/\d+ 秒后更新/)
    await screenshot(screen, 'console-study-screen')
    const token = (await qr.getAttribute('data-token'))!
    const url = (await qr.getAttribute('data-checkin-url'))!
    expect(token).not.toBe('')
    expect(url).toBe(`${new URL(screen.url()).origin}/m/study/checkin?t=${token}`)

    // --- the phone: not signed in, the link leads through the login page and back with the token
    const phone = await (await browser.newContext({ ...PHONE, baseURL })).newPage()
    await phone.goto(url)
    await expect(phone).toHaveURL(/\/m\/login\?redirect=/)
    expect(decodeURIComponent(new URL(phone.url()).searchParams.get('redirect') ?? '')).toBe(`/study/checkin?t=${token}`)
    await phone.getByTestId('login-username').locator('input').fill('cadre01')
    await phone.getByTestId('login-password').locator('input').fill(DEMO_PASSWORD)
    const checkedIn = answered(phone, 'POST', /^\/api\/v1\/study\/checkins$/)
    await phone.getByTestId('login-submit').click()
    expect((await checkedIn).status()).toBe(200)
    await expect(phone).toHaveURL(/\/m\/study\/checkin\?t=/)
    const success = phone.getByTestId('checkin-success')
    await expect(success).toBeVisible()
    await expect(success).toHaveAttribute('data-status', 'present')
    await expect(phone.getByTestId('checkin-headline')).toHaveText('签到成功')
    await expect(phone.getByTestId('checkin-session')).toContainText(title)
    await screenshot(phone, 'mobile-study-checkin')

    // --- the screen's count follows within a poll or two
    await expect(screen.getByTestId('screen-checked-in')).toHaveText('1', { timeout: 10_000 })

    // --- the points: the check-in earned them (rule study_checkin)
    await expect
      .poll(async () => (await json<Summary>(cadreApi, `/api/v1/me/points?year=${year}`)).score, { timeout: 10_000 })
      .toBeGreaterThan(before.score)
    // and the phone's 积分 tab shows the new score
    const after = await json<Summary>(cadreApi, `/api/v1/me/points?year=${year}`)
    await phone.goto('/m/points')
    await expect(phone.getByTestId('points-score-card')).toContainText(String(after.score))

    // --- scanning again is the same check-in
    await phone.goto(url.replace(/^https?:\/\/[^/]+/, ''))
    await expect(phone.getByTestId('checkin-headline')).toHaveText('您已签到过，无需重复签到')
    expect((await json<Summary>(cadreApi, `/api/v1/me/points?year=${year}`)).score).toBe(after.score)

    // --- a made-up code is refused with a clear message, never a blank page
    await phone.goto('/m/study/checkin?t=1.2.forged')
    await expect(phone.getByTestId('checkin-problem')).toHaveText('二维码无效')
    await expect(phone.getByTestId('checkin-scan-again')).toBeVisible()
    await screenshot(phone, 'mobile-study-checkin-invalid')

    // --- the organiser's page shows the check-in
    await page.reload()
    await expect(page.getByTestId(`attendance-${person.id}`)).toHaveText('已签到')
    await expect(page.getByTestId('session-count-present')).toContainText('1')
    await screenshot(page, 'console-study-session')

    // --- closing: confirmed, then the screen takes the code down
    await page.getByTestId('session-close').click()
    const box = page.locator('.el-message-box')
    await expect(box).toContainText('记为缺席')
    const closed = answered(page, 'POST', new RegExp(`^/api/v1/study/sessions/${session.id}/close$`))
    await box.locator('.el-message-box__btns .el-button--primary').click()
    const closedRes = await closed
    // Closing needs the start to have passed; before it the server says so and the page shows it.
    if (closedRes.status() === 200) {
      await expect(page.getByTestId('session-status')).toHaveText('已结束')
      await expect(screen.getByTestId('screen-ended')).toHaveText('本次学习活动已结束，签到已关闭', { timeout: 10_000 })
    } else {
      expect((await closedRes.json()).error.code).toBe('not_started')
      await page.getByTestId('session-cancel').click()
      await expect(page.locator('.el-message-box')).toContainText('不能取消')
      const cancelled = answered(page, 'POST', new RegExp(`^/api/v1/study/sessions/${session.id}/cancel$`))
      await page.locator('.el-message-box .el-message-box__btns .el-button--primary').click()
      expect((await cancelled).status()).toBe(409) // someone has checked in: only closing is possible
      await expect(screen.getByTestId('checkin-qr')).toBeVisible()
    }
    await screenshot(screen, 'console-study-screen-after')

    // --- the cadre's 学习 page lists the session with the check-in
    await phone.goto('/m/study')
    await expect(phone.getByTestId('study-scan')).toBeVisible()
    await expect(phone.getByTestId(`my-session-${session.id}`)).toContainText(title)
    await expect(phone.getByTestId(`my-session-${session.id}-status`)).toHaveText('已签到')
    await screenshot(phone, 'mobile-study')
  })

  test('学习小组 shows the coverage, the units and the groups', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'admin')
    await page.goto('/study/groups')
    await expect(page.getByTestId('coverage-summary')).toBeVisible()
    await expect(page.getByTestId('coverage-groups')).toHaveText(/^\d+$/)
    await expect(page.getByTestId('coverage-rate')).toHaveText(/%$/)
    await expect(page.getByTestId('coverage-units').locator('.el-table__row').first()).toBeVisible()
    await screenshot(page, 'console-study-groups')
    await page.getByRole('tab', { name: /学习小组 \(\d+\)/ }).click()
    const firstGroup = page.getByTestId('groups-table').locator('.el-table__row').first()
    await expect(firstGroup).toBeVisible()
    await firstGroup.locator('[data-testid^="group-members-"]').click()
    await expect(page.getByTestId('group-members')).toBeVisible()
    await expect(page.getByTestId('group-members-count')).toContainText('年轻干部')
    await screenshot(page, 'console-study-group-members')
  })
})
