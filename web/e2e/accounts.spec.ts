import { expect, test, type Locator, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 账号管理 and 角色权限 against the demo seed: the security administrator (secadmin, with an authenticator code)
// creates an account, grants it a role on 市教育局, resets its password, and the new account signs in with the
// one-time password and must set its own. 三员分立 is refused in words; a custom role is made of business permissions.

const EDUCATION = '市教育局'

/** Picks an entry of the Element Plus select with this test id inside `scope` (closed dialogs stay in the page). */
async function choose(page: Page, scope: Locator, testId: string, name: string | RegExp): Promise<void> {
  await scope.getByTestId(testId).click()
  const items = page.locator('.el-select-dropdown:visible .el-select-dropdown__item')
  await items.filter({ hasText: name }).first().click()
}

/** The organisation of a grant: picked in the tree when the caller may read it, else from the organisations named in grants. */
async function chooseOrg(page: Page, dialog: Locator, name: string): Promise<void> {
  const picker = dialog.getByTestId('grant-node')
  await picker.click()
  await page.keyboard.type(name)
  const items = page.locator('.el-select-dropdown:visible .el-select-dropdown__item, .el-tree-select__popper:visible .el-tree-node__content')
  await items.filter({ hasText: new RegExp(`^\\s*${name}\\s*(#\\d+)?\\s*$`) }).first().click()
}

async function oneTimePassword(page: Page): Promise<string> {
  const dialog = page.getByTestId('one-time-password')
  await expect(dialog).toBeVisible({ timeout: 30_000 }) // the server hashes the new password with Argon2id first
  const value = (await dialog.getByTestId('one-time-password-value').innerText()).trim()
  expect(value.length).toBeGreaterThanOrEqual(12)
  return value
}

test.describe('账号管理', () => {
  // secadmin signs in with an authenticator code, which may mean waiting for the next one (each is taken once).
  test.describe.configure({ timeout: 180_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('secadmin creates an account, grants a role on a node, resets its password, and the account signs in', async ({ page, browser }) => {
    await signIn(page, 'secadmin')
    await page.goto('/')
    await expect(page.getByTestId('menu-org')).toHaveCount(0) // no business pages for the security administrator
    await page.getByTestId('menu-system').locator('.el-sub-menu__title').click()
    await page.getByTestId('menu-accounts').click()
    await expect(page).toHaveURL(/\/system\/accounts$/)
    await expect(page.getByTestId('account-row-admin')).toBeVisible()
    await expect(page.getByTestId('account-state-admin')).toHaveText('正常')
    await screenshot(page, 'accounts')

    // Create: a cadre account that sees only itself.
    const stamp = Date.now() % 100_000_000
    const username = `e2e_${stamp}`
    const displayName = `测试账号${stamp % 10_000}`
    await page.getByTestId('account-create').click()
    const create = page.getByTestId('account-create-dialog')
    await textBox(page, 'create-username').fill(username)
    await textBox(page, 'create-display-name').fill(displayName)
    await choose(page, create, 'grant-role', '干部/党员')
    await create.getByTestId('grant-scope-self').click()
    await screenshot(page, 'account-create')
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/accounts') && r.request().method() === 'POST')
    await page.getByTestId('create-submit').click()
    expect((await created).status()).toBe(201)
    const firstPassword = await oneTimePassword(page)
    await screenshot(page, 'account-one-time-password')
    await page.getByTestId('one-time-password-done').click()
    await expect(page.getByTestId(`account-row-${username}`)).toBeVisible()
    await expect(page.getByTestId(`grant-${username}-cadre`)).toContainText('仅本人')

    // Grant: 单位管理员 on 市教育局 and below.
    await page.getByTestId(`grant-open-${username}`).click()
    const grant = page.getByTestId('grant-dialog')
    await expect(grant).toBeVisible()
    await choose(page, grant, 'grant-role', '单位管理员')
    await grant.getByTestId('grant-scope-subtree').click()
    await chooseOrg(page, grant, EDUCATION)
    await screenshot(page, 'account-grant')
    await grant.getByTestId('grant-submit').click()
    await expect(grant).toBeHidden()
    await expect(page.getByTestId(`grant-${username}-unit_admin`)).toContainText(`${EDUCATION} · 本部门及以下`)

    // 自定义: a role on chosen organisations (each of them only).
    await page.getByTestId(`grant-open-${username}`).click()
    await expect(grant).toBeVisible()
    await choose(page, grant, 'grant-role', '支部书记')
    await grant.getByTestId('grant-scope-custom').click()
    await grant.getByTestId('grant-submit').click()
    await expect(grant).toContainText('请至少选择一个组织') // nothing sent without one
    await grant.getByTestId('grant-nodes').click()
    await page.keyboard.type(EDUCATION)
    await page
      .locator('.el-select-dropdown:visible .el-select-dropdown__item, .el-tree-select__popper:visible .el-tree-node__content')
      .filter({ hasText: EDUCATION })
      .first()
      .click()
    await grant.locator('.el-dialog__header').click() // closes the list (Escape would close the dialog)
    await grant.getByTestId('grant-submit').click()
    await expect(grant).toBeHidden()
    await expect(page.getByTestId(`grant-${username}-branch_secretary`)).toContainText('自定义')

    // Reset the password: the one-time password of creation stops working, the new one is shown once.
    await page.getByTestId(`account-more-${username}`).click()
    await page.locator('.el-dropdown-menu:visible').getByTestId('account-reset').click()
    await page.locator('.el-message-box').getByRole('button', { name: '重置密码' }).click()
    const password = await oneTimePassword(page)
    expect(password).not.toBe(firstPassword)
    await page.getByTestId('one-time-password-done').click()
    await expect(page.getByTestId(`account-row-${username}`)).toBeVisible()

    // The new account signs in with it, must set its own password, and then works in 市教育局.
    // Each sign-in and the password change hash with Argon2id: slow on a busy machine, hence the longer waits.
    const slow = { timeout: 30_000 }
    const other = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const them = await other.newPage()
    await them.goto('/login')
    await textBox(them, 'login-username').fill(username)
    await textBox(them, 'login-password').fill(firstPassword)
    await them.getByTestId('login-submit').click()
    await expect(them.getByTestId('login-error')).toBeVisible(slow) // the first password ended with the reset
    await textBox(them, 'login-password').fill(password)
    await them.getByTestId('login-submit').click()
    await expect(them.getByTestId('forced-password')).toBeVisible(slow)
    const own = `Ee2e-${stamp}!x`
    await textBox(them, 'password-current').fill(password)
    await textBox(them, 'password-next').fill(own)
    await textBox(them, 'password-confirm').fill(own)
    await them.getByTestId('password-submit').click()
    await expect(them.getByTestId('welcome')).toContainText(displayName, slow)
    await expect(them.getByTestId('menu-org')).toBeVisible() // 单位管理员 reads the roster
    await them.getByTestId('menu-org').click()
    await expect(them.getByTestId('org-tree')).toContainText(EDUCATION)
    await expect(them.getByTestId('org-tree')).not.toContainText('江滨市')
    await screenshot(them, 'account-new-user-roster')
    await other.close()

    // Back in the list the account shows its sign-in.
    await page.reload()
    await textBox(page, 'accounts-search-input').fill(username)
    await page.getByTestId('accounts-search-submit').click()
    await expect(page.getByTestId('accounts-total')).toHaveAttribute('data-total', '1')
    await expect(page.getByTestId('accounts-table').locator('tbody tr').first()).not.toContainText('从未登录')
  })

  test('三员分立: granting the audit role to the system administrator is warned of and refused in words', async ({ page }) => {
    await signIn(page, 'secadmin')
    await page.goto('/system/accounts')
    await page.getByTestId('grant-open-sysadmin').click()
    const grant = page.getByTestId('grant-dialog')
    await choose(page, grant, 'grant-role', '审计管理员')
    await expect(grant.getByTestId('grant-conflict')).toContainText('三员分立')
    await grant.getByTestId('grant-scope-all').click()
    const refused = page.waitForResponse((r) => r.url().includes('/grants') && r.request().method() === 'POST')
    await grant.getByTestId('grant-submit').click()
    expect((await refused).status()).toBe(409)
    await expect(grant.getByTestId('grant-error')).toContainText('三员分立')
    await screenshot(page, 'account-grant-refused')
    await grant.getByRole('button', { name: '取消' }).click()
    await expect(page.getByTestId('grant-sysadmin-audit_admin')).toHaveCount(0)

    // Nor may the security administrator act on their own account.
    await expect(page.getByTestId('grant-open-secadmin')).toHaveCount(0)
    await expect(page.getByTestId('account-more-secadmin')).toHaveCount(0)
  })

  test('角色权限: secadmin creates a custom role from business permissions only', async ({ page }) => {
    await signIn(page, 'secadmin')
    await page.goto('/')
    await page.getByTestId('menu-system').locator('.el-sub-menu__title').click()
    await page.getByTestId('menu-roles').click()
    await expect(page).toHaveURL(/\/system\/roles$/)
    await expect(page.getByTestId('role-row-audit_admin')).toBeVisible()
    await expect(page.getByTestId('roles-table')).toContainText('三员 · 审计管理员')
    await expect(page.getByTestId('roles-table')).toContainText('查看审计日志')

    const code = `e2e_role_${Date.now() % 100_000_000}`
    await page.getByTestId('role-create').click()
    const dialog = page.getByTestId('role-create-dialog')
    await expect(dialog.getByTestId('role-perm-people.read')).toBeVisible()
    await expect(dialog.getByTestId('role-perm-audit.read')).toHaveCount(0) // 三员 permissions are not offered
    await expect(dialog.getByTestId('role-perm-account.manage')).toHaveCount(0)
    await textBox(page, 'role-name').fill('纪检联络员')
    await textBox(page, 'role-code').fill(code)
    await dialog.getByTestId('role-perm-org.read').click()
    await dialog.getByTestId('role-perm-people.read').click()
    await screenshot(page, 'role-create')
    await dialog.getByTestId('role-create-submit').click()
    await expect(dialog).toBeHidden()
    const row = page.getByTestId('roles-table').locator('tbody tr').filter({ has: page.getByTestId(`role-row-${code}`) })
    await expect(row).toContainText('自定义')
    await expect(row).toContainText('查看组织树')
    await expect(row).toContainText('查看人员')
    await screenshot(page, 'roles')

    // The same code a second time is refused under its field.
    await page.getByTestId('role-create').click()
    await textBox(page, 'role-name').fill('重复')
    await textBox(page, 'role-code').fill(code)
    await dialog.getByTestId('role-perm-org.read').click()
    await dialog.getByTestId('role-create-submit').click()
    await expect(dialog.locator('.el-form-item.is-error')).toContainText('该角色编码已被使用')
  })

  test('others see no 账号管理 and its address shows 无权访问', async ({ page }) => {
    await signIn(page, 'admin')
    await page.goto('/')
    await expect(page.getByTestId('menu-accounts')).toHaveCount(0)
    await page.goto('/system/accounts')
    await expect(page.getByTestId('forbidden')).toContainText('无权访问')
  })
})
