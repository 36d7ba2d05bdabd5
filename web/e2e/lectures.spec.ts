import { expect, test, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn } from './support'

// 宣讲团 against the demo city: cadre01, a lecturer of the city's youth lecture team, reports a lecture on a phone; it
// waits in the console's confirmation queue, where the organisation department's administrator confirms it; the
// lecture is confirmed on the phone and cadre01's points go up (a city-level lecture). Each run adds one lecture.

interface Summary {
  score: number
}
interface Entry {
  id: number
  event_type: string | null
  requested: number
  points: number
  limited_by: string | null
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

test.describe('宣讲团', () => {
  test.describe.configure({ timeout: 180_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('a lecturer reports a lecture on the phone, the administrator confirms it, the points go up', async ({ browser, page }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL
    const year = beijingYear()
    const phone = await (await browser.newContext({ ...PHONE, baseURL })).newPage()
    await signIn(phone, 'cadre01')
    const before = await json<Summary>(phone, `/api/v1/me/points?year=${year}`)
    const cityEntries = async () =>
      (await json<{ items: Entry[] }>(phone, `/api/v1/me/points/entries?year=${year}`)).items.filter((e) => e.event_type === 'study.lecture_given_city')
    const entriesBefore = new Set((await cityEntries()).map((e) => e.id))

    // --- 学习 → 我的宣讲 → 登记宣讲
    await phone.goto('/m/study')
    await phone.getByTestId('my-lectures-entry').click()
    await expect(phone.getByTestId('my-lecture-record')).toBeVisible()
    await screenshot(phone, 'mobile-my-lectures')
    await phone.getByTestId('lecture-report').click()
    await expect(phone.getByTestId('lecture-form')).toBeVisible()
    // Nothing filled in: the form says what is missing and sends nothing.
    await phone.getByTestId('report-submit').click()
    await expect(phone.locator('.van-field__error-message').first()).toBeVisible()
    const topic = `e2e 宣讲 ${Date.now() % 1_000_000}：学习贯彻党的二十届四中全会精神`
    await phone.getByTestId('report-topic').locator('input').fill(topic)
    await phone.getByTestId('report-place').locator('input').fill('朝阳社区党群服务中心')
    await phone.getByTestId('report-size').locator('input').fill('0')
    await phone.getByTestId('report-submit').click()
    await expect(phone.getByTestId('report-size')).toContainText('听众人数应为 1 到 100000 之间的整数')
    await phone.getByTestId('report-size').locator('input').fill('86')
    await screenshot(phone, 'mobile-lecture-report')
    const reported = answered(phone, 'POST', /^\/api\/v1\/me\/study\/lectures$/)
    await phone.getByTestId('report-submit').click()
    const reportedRes = await reported
    expect(reportedRes.status()).toBe(201)
    const lecture = (await reportedRes.json()) as { id: number; status: string; level: string }
    expect(lecture.status).toBe('pending')
    expect(lecture.level).toBe('city')
    await expect(phone.getByTestId(`my-lecture-${lecture.id}-status`)).toHaveText('待确认')
    expect((await json<Summary>(phone, `/api/v1/me/points?year=${year}`)).score).toBe(before.score)

    // --- the console: 学习教育 → 宣讲团, the queue
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'admin')
    await page.goto('/study/lectures')
    await expect(page.getByTestId('study-lectures')).toBeVisible()
    const queue = page.getByTestId('lecture-queue')
    await expect(queue.getByTestId(`lecture-row-${lecture.id}`)).toHaveText(topic)
    await screenshot(page, 'console-lecture-queue')
    await queue.getByTestId(`lecture-confirm-${lecture.id}`).click()
    const box = page.locator('.el-message-box')
    await expect(box).toContainText('积分')
    const confirmed = answered(page, 'POST', new RegExp(`^/api/v1/study/lectures/${lecture.id}/confirm$`))
    await box.locator('.el-message-box__btns .el-button--primary').click()
    expect((await confirmed).status()).toBe(200)
    await expect(queue.getByTestId(`lecture-row-${lecture.id}`)).toHaveCount(0)
    // A second confirmation (another administrator, a double click) books nothing.
    const again = await page.request.post(`/api/v1/study/lectures/${lecture.id}/confirm`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } })
    expect(again.status()).toBe(409)

    // --- the points and the phone follow: one booking of lecture_city (+5). On a demo database used before, the
    // category's yearly cap may have been reached: the entry then says so and books what is left.
    await expect.poll(async () => (await cityEntries()).filter((e) => !entriesBefore.has(e.id)).length, { timeout: 10_000 }).toBe(1)
    const booked = (await cityEntries()).find((e) => !entriesBefore.has(e.id))!
    expect(booked.requested).toBe(5)
    const after = await json<Summary>(phone, `/api/v1/me/points?year=${year}`)
    expect(after.score).toBe(before.score + booked.points)
    if (!booked.limited_by) expect(after.score).toBeGreaterThan(before.score)
    await phone.reload()
    await expect(phone.getByTestId(`my-lecture-${lecture.id}-status`)).toHaveText('已确认')
    await screenshot(phone, 'mobile-my-lectures-confirmed')

    // --- the lectures tab and the teams
    await page.getByRole('tab', { name: '宣讲记录' }).click()
    await expect(page.getByTestId('lecture-list').getByTestId(`lecture-row-${lecture.id}`)).toBeVisible()
    await page.getByRole('tab', { name: '宣讲团', exact: true }).click()
    await expect(page.getByTestId('lecture-teams').getByText('潮涌青年宣讲团')).toBeVisible()
    await screenshot(page, 'console-lecture-teams')
  })
})
