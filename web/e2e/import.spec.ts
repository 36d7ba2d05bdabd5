import ExcelJS from 'exceljs'
import { expect, test } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 人员导入 against the demo seed: admin downloads the template, chooses an .xlsx made here with some bad rows, the
// preview lists each error by row and column, the import skips the bad rows, the people are in the roster, and undoing
// the import (offered again on the wizard's first step) removes them.

const EDUCATION = '市教育局'

/** A workbook as a person fills in the template: titles with the required-mark star, an extra column, a blank row. */
async function workbook(path: string, prefix: string): Promise<void> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('人员导入模板')
  sheet.addRow(['姓名*', '性别*', '民族*', '出生日期*', '身份证号', '手机号码', '单位*', '党支部', '职务', '职级', '政治面貌*', '备注'])
  // 2: a date cell, as Excel stores dates
  sheet.addRow([`${prefix}甲`, '男', '汉族', new Date(Date.UTC(1990, 4, 1)), null, null, EDUCATION, null, '科员', '一级科员', '正式党员', '备注不导入'])
  // 3: a date typed with slashes
  sheet.addRow([`${prefix}乙`, '女', '汉族', '1992/7/15', null, null, EDUCATION, null, null, null, '群众'])
  // 4: a gender the server does not know
  sheet.addRow([`${prefix}丙`, '未知', '汉族', '1991-01-01', null, null, EDUCATION, null, null, null, '群众'])
  // 5: a unit that does not exist
  sheet.addRow([`${prefix}丁`, '男', '汉族', '1991-01-01', null, null, '不存在的单位', null, null, null, '群众'])
  // 6: no name, and a month 13
  sheet.addRow([null, '男', '汉族', '1990-13-01', null, null, EDUCATION, null, null, null, '群众'])
  // 7: an ID number Excel turned into a number (its last digits are gone): only the browser can see it
  sheet.addRow([`${prefix}戊`, '男', '汉族', '1995-03-01', 330203199503011236, null, EDUCATION, null, null, null, '群众'])
  // 8: a phone number typed as a number is fine
  sheet.addRow([`${prefix}己`, '女', '回族', '1993-12-31', null, 13912345678, EDUCATION, null, null, null, '预备党员'])
  sheet.addRow([]) // 9: blank
  await book.xlsx.writeFile(path)
}

interface PersonPage {
  items: { id: number; name: string }[]
  total: number
}

test.describe('人员导入', () => {
  test.describe.configure({ timeout: 120_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('admin imports an .xlsx with bad rows: errors by row and column, skip them, roster, undo', async ({ page }, testInfo) => {
    await signIn(page, 'admin')
    const prefix = `导入${Date.now() % 1_000_000}`
    const file = testInfo.outputPath('people.xlsx')
    await workbook(file, prefix)

    await page.goto('/org')
    await page.getByTestId('roster-import').click()
    await expect(page).toHaveURL(/\/org\/import$/)
    await expect(page.getByTestId('import-step-template')).toContainText('姓名')
    const template = page.waitForEvent('download')
    await page.getByTestId('import-template').click()
    expect((await template).suggestedFilename()).toMatch(/\.xlsx$/)
    await screenshot(page, 'import-template')

    await page.getByTestId('import-next').click()
    const preview = page.waitForResponse((r) => r.url().endsWith('/api/v1/people/imports/preview'))
    await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(file)
    const sent = (await preview).request().postDataJSON() as { rows: Record<string, unknown>[] }
    // Row 7 is held back in the browser; the dates are sent as YYYY-MM-DD, the extra column not at all.
    expect(sent.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 8])
    expect(sent.rows[0]).toMatchObject({ birth_date: '1990-05-01', unit: EDUCATION, rank: '一级科员' })
    expect(sent.rows[1]).toMatchObject({ birth_date: '1992-07-15' })
    expect(sent.rows[5]).toMatchObject({ phone: '13912345678' })
    expect(JSON.stringify(sent)).not.toContain('备注')

    const step = page.getByTestId('import-step-preview')
    await expect(step).toBeVisible()
    await expect(page.getByTestId('import-valid')).toHaveText('3')
    await expect(page.getByTestId('import-bad')).toHaveText('4')
    const errors = page.getByTestId('import-errors')
    for (const row of [4, 5, 6, 7]) await expect(errors.getByTestId(`import-error-row-${row}`)).toBeVisible()
    const line = (text: string) => errors.locator('tbody tr').filter({ hasText: text })
    await expect(line('只能填 男 或 女')).toContainText('性别')
    await expect(line('单位不存在')).toContainText('单位')
    await expect(line('必须填写')).toContainText('姓名')
    await expect(line('YYYY-MM-DD')).toContainText('出生日期')
    await expect(line('存成了数字')).toContainText('身份证号')
    await expect(step).toContainText('以下列不是模板中的列，已忽略：备注')
    // All-or-nothing is the default and cannot go on with errors.
    await expect(page.getByTestId('import-commit')).toBeDisabled()
    await expect(page.getByTestId('import-blocked')).toContainText('4 行有误')
    await screenshot(page, 'import-preview')

    await page.getByTestId('import-mode-skip').click()
    await expect(page.getByTestId('import-commit')).toBeEnabled()
    await expect(page.getByTestId('import-commit')).toHaveText('导入 3 人')
    const committed = page.waitForResponse((r) => r.url().endsWith('/api/v1/people/imports') && r.request().method() === 'POST')
    await page.getByTestId('import-commit').click()
    const answer = await committed
    expect(answer.status()).toBe(201)
    expect(answer.request().postDataJSON()).toMatchObject({ mode: 'skip_invalid' })
    await expect(page.getByTestId('import-result')).toContainText('新增 3 人')
    await expect(page.getByTestId('import-result')).toContainText('跳过了 4 行')
    await screenshot(page, 'import-result')

    // The three are in the roster.
    await page.getByTestId('import-roster').click()
    await expect(page).toHaveURL(/\/org$/)
    await textBox(page, 'roster-name').fill(prefix)
    await page.getByTestId('roster-search-submit').click()
    await expect(page.getByTestId('roster-total')).toHaveAttribute('data-total', '3')
    await expect(page.getByTestId('roster-table')).toContainText(`${prefix}甲`)
    await expect(page.getByTestId('roster-table')).toContainText(`${prefix}己`)
    await screenshot(page, 'import-roster')

    // The wizard offers to undo the last import; undoing removes them.
    await page.getByTestId('roster-import').click()
    await expect(page.getByTestId('import-last')).toContainText('导入了 3 人')
    await page.getByTestId('import-last-undo').click()
    const undone = page.waitForResponse((r) => /\/api\/v1\/people\/imports\/\d+\/undo$/.test(r.url()))
    await page.locator('.el-message-box').getByRole('button', { name: '撤销导入' }).click()
    expect((await undone).status()).toBe(200)
    await expect(page.getByTestId('import-last')).toHaveCount(0)
    const left = (await (await page.request.get(`/api/v1/people?name=${encodeURIComponent(prefix)}&page_size=1`)).json()) as PersonPage
    expect(left.total).toBe(0)
    await page.goto('/org')
    await textBox(page, 'roster-name').fill(prefix)
    await page.getByTestId('roster-search-submit').click()
    await expect(page.getByTestId('roster-total')).toHaveAttribute('data-total', '0')
  })

  test('a file without errors goes in all-or-nothing and is undone from its result page', async ({ page }, testInfo) => {
    await signIn(page, 'admin')
    const name = `导入${Date.now() % 1_000_000}全`
    const book = new ExcelJS.Workbook()
    book.addWorksheet('人员').addRows([
      ['姓名', '性别', '民族', '出生日期', '单位', '政治面貌'],
      [name, '女', '汉族', '1994-06-30', EDUCATION, '入党积极分子'],
    ])
    const file = testInfo.outputPath('one.xlsx')
    await book.xlsx.writeFile(file)

    await page.goto('/org/import')
    await page.getByTestId('import-next').click()
    await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(file)
    await expect(page.getByTestId('import-all-good')).toContainText('全部 1 行检查无误', { timeout: 20_000 })
    await expect(page.getByTestId('import-mode-skip').locator('input')).toBeDisabled()
    const committed = page.waitForResponse((r) => r.url().endsWith('/api/v1/people/imports') && r.request().method() === 'POST')
    await page.getByTestId('import-commit').click()
    expect((await committed).request().postDataJSON()).toMatchObject({ mode: 'all_or_nothing' })
    await expect(page.getByTestId('import-result')).toContainText('新增 1 人')
    await expect(page.getByTestId('import-result')).toContainText('所有行均已导入')

    await page.getByTestId('import-undo').click()
    await page.locator('.el-message-box').getByRole('button', { name: '撤销导入' }).click()
    await expect(page.getByTestId('import-undone')).toContainText('删除了 1 人')
    const left = (await (await page.request.get(`/api/v1/people?name=${encodeURIComponent(name)}&page_size=1`)).json()) as PersonPage
    expect(left.total).toBe(0)
  })

  test('a file without the required columns is stopped before anything is sent', async ({ page }, testInfo) => {
    await signIn(page, 'admin')
    const book = new ExcelJS.Workbook()
    book.addWorksheet('名单').addRows([
      ['姓名', '电话'],
      ['张三', '13912345678'],
    ])
    const file = testInfo.outputPath('wrong.xlsx')
    await book.xlsx.writeFile(file)
    let asked = false
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/people/imports/preview')) asked = true
    })
    await page.goto('/org/import')
    await page.getByTestId('import-next').click()
    await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(file)
    // Reading waits for exceljs (its own chunk, fetched when the wizard opens).
    await expect(page.getByTestId('import-file-problem')).toContainText('缺少必填列：性别、民族、出生日期、单位、政治面貌', { timeout: 20_000 })
    expect(asked).toBe(false)
  })

  test('without people.import there is no import button and the address shows 无权访问', async ({ page }) => {
    await signIn(page, 'secretary')
    await page.goto('/org')
    await expect(page.getByTestId('roster-total')).toBeVisible()
    await expect(page.getByTestId('roster-import')).toHaveCount(0)
    await page.goto('/org/import')
    await expect(page.getByTestId('forbidden')).toContainText('无权访问')
  })
})
