import { expect, test, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 问卷 against the demo city: the unit administrator builds a three-question survey in the console (a single choice
// whose 否 skips to the last question, a scale, a text), publishes it; cadre01 answers on a phone, where choosing 否
// hides the scale; a second submission is refused (409); the console's results count the answer. Each run adds one
// survey to the demo database.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

const answered = (page: Page, method: string, pattern: RegExp) =>
  page.waitForResponse((r) => pattern.test(new URL(r.url()).pathname) && r.request().method() === method)

interface Created {
  id: number
  questions: { id: string; options?: { id: string }[] }[]
}

test.describe('问卷', () => {
  test.describe.configure({ timeout: 90_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('a survey built in the console is answered on the phone with a skip and counted', async ({ browser, page }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    const title = `e2e 问卷 ${Date.now() % 1_000_000}`

    // --- the console: 新建问卷, three questions, a skip from 否 to the third
    await signIn(page, 'unitadmin')
    await page.goto('/evaluation/surveys')
    await expect(page.getByTestId('survey-table')).toBeVisible()
    await page.getByTestId('survey-create').click()
    await expect(page.getByTestId('survey-builder')).toBeVisible()
    await textBox(page, 'survey-title').fill(title)
    await page.getByTestId('survey-add-single').click()
    await page.getByTestId('survey-add-scale').click()
    await page.getByTestId('survey-add-text').click()
    await textBox(page, 'survey-question-0-title').fill('您是否参加了本季度的青年理论学习？')
    await textBox(page, 'survey-question-0-option-0').fill('是')
    await textBox(page, 'survey-question-0-option-1').fill('否')
    await textBox(page, 'survey-question-1-title').fill('您对学习内容的满意度')
    await textBox(page, 'survey-question-2-title').fill('您的建议')
    await page.getByTestId('survey-question-0-option-1-skip').click()
    await page.getByRole('option', { name: /第 3 题/ }).click()
    await screenshot(page, 'console-survey-builder')
    const created = answered(page, 'POST', /^\/api\/v1\/evaluation\/surveys$/)
    await page.getByTestId('survey-save').click()
    const response = await created
    expect(response.status()).toBe(201)
    const survey = (await response.json()) as Created
    const [q1, q2, q3] = survey.questions
    await expect(page.getByTestId(`survey-row-${survey.id}`)).toContainText(title)

    // 发布 after the confirmation
    await page.getByTestId(`survey-publish-${survey.id}`).click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await expect(page.getByTestId(`survey-row-${survey.id}-status`)).toHaveText('进行中')
    await screenshot(page, 'console-survey-list')

    // --- the phone: 我的 → 我的问卷, the survey, 否 hides the scale, submit once
    const phone = await (await browser.newContext({ ...PHONE, baseURL: testInfo.project.use.baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
    await signIn(phone, 'cadre01')
    await phone.goto('/m/me')
    await phone.getByTestId('me-surveys').click()
    await expect(phone).toHaveURL(/\/m\/surveys$/)
    await phone.getByTestId(`my-survey-${survey.id}`).click()
    await expect(phone.getByTestId(`survey-q-${q2!.id}`)).toBeVisible()
    await phone.getByTestId('survey-submit').click()
    await expect(phone.getByTestId(`survey-q-${q1!.id}`)).toHaveClass(/answer__q--missing/)
    await phone.getByTestId(`survey-q-${q1!.id}-${q1!.options![1]!.id}`).click()
    await expect(phone.getByTestId(`survey-q-${q2!.id}`)).toHaveCount(0)
    await phone.getByTestId(`survey-q-${q3!.id}-text`).locator('textarea').fill('希望多组织现场教学')
    await screenshot(phone, 'mobile-survey-answer')
    const sent = answered(phone, 'POST', /\/api\/v1\/me\/surveys\/\d+\/responses$/)
    await phone.getByTestId('survey-submit').click()
    expect((await sent).status()).toBe(201)
    await expect(phone.getByTestId('survey-answer-done')).toBeVisible()
    const again = await phone.request.post(`/api/v1/me/surveys/${survey.id}/responses`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      data: { answers: [{ question_id: q1!.id, option_ids: [q1!.options![0]!.id] }] },
    })
    expect(again.status()).toBe(409)

    // --- the console: the results count the answer
    await page.getByTestId(`survey-results-${survey.id}`).click()
    await expect(page.getByTestId('survey-results-total')).toContainText('共 1 份答卷')
    await expect(page.getByTestId(`survey-count-${q1!.id}-${q1!.options![1]!.id}`)).toHaveText('1')
    await expect(page.getByTestId(`survey-result-${q3!.id}`)).toContainText('希望多组织现场教学')
    await expect(page.locator(`[data-testid="survey-result-${q1!.id}"] canvas`)).toBeVisible()
    await screenshot(page, 'console-survey-results')
  })
})
