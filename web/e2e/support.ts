import { createHmac } from 'node:crypto'
import type { APIRequestContext, Page } from '@playwright/test'

export interface SystemInfo {
  name: string
  version: string
  database: 'sqlite' | 'postgresql'
  schema_version: number
  demo: boolean
  time: string
}

/** The parts of GET /auth/me the tests look at. */
export interface Me {
  username: string
  display_name: string
  roles: { name: string; org_node_name: string }[]
}

/** The text box of a form field, whether the test id sits on the input (Element Plus) or around it (Vant). */
export function textBox(page: Page, id: string) {
  return page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`)
}

/** Screenshots for people to look at; test-results/ is not committed. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true })
}

// The demo seed's accounts (xinhuo seed --demo).
export const DEMO_PASSWORD = 'Xinhuo#2026'
const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP'
const TOTP_USERS = new Set(['sysadmin', 'secadmin', 'auditor'])

/**
 * Whether the server has sign-in. Until the accounts module lands GET /api/v1/auth/me answers 404, the app
 * works without a login page, and the sign-in tests are skipped.
 */
export async function hasAuth(request: APIRequestContext): Promise<boolean> {
  return (await request.get('/api/v1/auth/me')).status() !== 404
}

export const NO_AUTH_REASON = 'the server has no sign-in yet (GET /api/v1/auth/me answers 404)'

/** RFC 6238 code of the demo authenticator secret. */
export function demoTotp(at: number = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  const key: number[] = []
  let bits = 0
  let value = 0
  for (const ch of DEMO_TOTP_SECRET) {
    value = (value << 5) | alphabet.indexOf(ch)
    bits += 5
    if (bits >= 8) {
      key.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  const counter = Buffer.alloc(8)
  const step = Math.floor(at / 30_000)
  counter.writeUInt32BE(Math.floor(step / 2 ** 32), 0)
  counter.writeUInt32BE(step >>> 0, 4)
  const mac = createHmac('sha1', Buffer.from(key)).update(counter).digest()
  const offset = mac[mac.length - 1] & 0x0f
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}

/** The authenticator step each TOTP account last signed in with: the server takes each code once. */
const lastStep = new Map<string, number>()
const step = () => Math.floor(Date.now() / 30_000)

async function nextFreshStep(username: string): Promise<void> {
  while (lastStep.get(username) === step()) await new Promise((r) => setTimeout(r, 500))
}

/** Signs the page's browser context in through the API (the cookie lands in the browser), for tests about other things. */
export async function signIn(page: Page, username: string): Promise<Me> {
  const totpUser = TOTP_USERS.has(username)
  for (let attempt = 0; ; attempt++) {
    if (totpUser) await nextFreshStep(username)
    const now = Date.now()
    const used = Math.floor(now / 30_000)
    const res = await page.request.post('/api/v1/auth/login', {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      data: { username, password: DEMO_PASSWORD, ...(totpUser ? { totp: demoTotp(now) } : {}) },
    })
    if (totpUser) lastStep.set(username, used)
    if (res.ok()) return (await res.json()) as Me
    const body = await res.text()
    // The code of this step was used by an earlier run: the next step brings a new one.
    if (totpUser && attempt === 0 && body.includes('totp_invalid')) continue
    throw new Error(`sign-in as ${username} failed: ${res.status()} ${body}`)
  }
}
