import { expect, test, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn } from './support'

// 考核评价 against the demo city: the unit administrator sets up a 双对双排 campaign like the demo's (cadre01 leads a
// line, the administrator heads the unit) and rates as the unit head; cadre01, on a phone, scores the line and drags
// the last cadre to the top, then submits; the administrator sees the combined results in the console. Each run adds
// one campaign to the demo database.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

interface Campaign {
  id: number
  state: string
  settings: { lines?: { name: string; leader_id: number; ratee_ids: number[] }[]; unit_heads?: { unit_id: number; head_id: number }[] }
  org_node_id: number
}

async function call<T>(page: Page, method: string, path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(path, {
    method,
    data,
    headers: { 'X-Requested-With': 'XMLHttpRequest', 'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}` },
  })
  expect(res.ok(), `${method} ${path} → ${res.status()} ${await res.text()}`).toBe(true)
  return (await res.json()) as T
}

test.describe('考核评价', () => {
  test.describe.configure({ timeout: 90_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('a rater ranks cadres by drag on the phone and the organiser sees the combined results', async ({ browser, page }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'unitadmin')
    const demo = (await call<{ items: Campaign[] }>(page, 'GET', '/api/v1/evaluation/campaigns?kind=dual_ranking&state=open')).items.at(-1)
    expect(demo, 'the demo seeds an open 双对双排 campaign').toBeTruthy()
    const line = demo!.settings.lines![0]
    const made = await call<Campaign>(page, 'POST', '/api/v1/evaluation/campaigns', {
      kind: 'dual_ranking',
      title: `e2e 双对双排 ${Date.now() % 1_000_000}`,
      org_node_id: demo!.org_node_id,
      lines: [line],
      unit_heads: demo!.settings.unit_heads,
    })
    await call(page, 'POST', `/api/v1/evaluation/campaigns/${made.id}/open`)
    const ids = line.ratee_ids
    await call(page, 'PUT', `/api/v1/me/evaluation/tasks/${made.id}/ratings`, {
      role: 'unit',
      items: ids.map((ratee_id, i) => ({ ratee_id, score: 90 - i * 3, rank: i + 1 })),
    })

    // --- the phone: 我的 → 考核评价 → the task; scores typed, the last cadre dragged to the top
    const phone = await (await browser.newContext({ ...PHONE, baseURL: testInfo.project.use.baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
    await signIn(phone, 'cadre01')
    await phone.goto('/m/me')
    await phone.getByTestId('me-evaluation').click()
    await phone.getByTestId(`task-${made.id}-line`).click()
    await expect(phone.getByTestId('rate-list-line')).toBeVisible()
    for (const [i, id] of ids.entries()) await phone.getByTestId(`rank-score-${id}`).fill(String(95 - i * 4))
    const last = ids[ids.length - 1]
    await expect(phone.getByTestId(`rank-place-${last}`)).toHaveText(String(ids.length))
    const handle = (await phone.getByTestId(`rank-handle-${last}`).boundingBox())!
    const top = (await phone.getByTestId(`rank-row-${ids[0]}`).boundingBox())!
    await phone.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
    await phone.mouse.down()
    await phone.mouse.move(handle.x + handle.width / 2, top.y + 4, { steps: 12 })
    await phone.mouse.up()
    await expect(phone.getByTestId(`rank-place-${last}`)).toHaveText('1')
    await expect(phone.getByTestId(`rank-place-${ids[0]}`)).toHaveText('2')
    await screenshot(phone, 'mobile-evaluation-rank')
    const sent = phone.waitForResponse((r) => r.url().endsWith(`/api/v1/me/evaluation/tasks/${made.id}/ratings`) && r.request().method() === 'PUT')
    await phone.getByTestId('rate-submit-line').click()
    expect((await sent).status()).toBe(200)
    await expect(phone.getByTestId('rate-list-line')).toContainText(`已评 ${ids.length}/${ids.length}`)
    await phone.context().close()

    // --- the console: the campaign's results, combined and ranked, the dragged cadre first in the line
    await page.goto('/evaluation/campaigns')
    await page.getByTestId(`campaign-${made.id}`).click()
    await page.getByRole('tab', { name: '结果' }).click()
    const table = page.getByTestId('dual-results')
    await expect(table).toBeVisible()
    await expect(page.getByTestId(`combined-${last}`)).not.toHaveText('—')
    await expect(page.getByTestId('leniency')).toContainText('条线分管领导')
    await screenshot(page, 'console-evaluation-results')
    const results = await call<{ items: { person_id: number; line_rank: number; combined_rank: number | null }[] }>(
      page, 'GET', `/api/v1/evaluation/campaigns/${made.id}/results`,
    )
    expect(results.items.find((r) => r.person_id === last)?.line_rank).toBe(1)
    expect(results.items.every((r) => r.combined_rank !== null)).toBe(true)
  })
})
