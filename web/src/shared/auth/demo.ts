// The demo database's accounts (xinhuo seed --demo), listed on the login pages while /system/info says demo=true.
// Everything here is public demo material, never real credentials.

export const DEMO_PASSWORD = 'Xinhuo#2026'
/** Base32 secret of the demo accounts that sign in with an authenticator code. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP'

export interface DemoUser {
  username: string
  /** Needs an authenticator code from DEMO_TOTP_SECRET. */
  totp: boolean
}

/** i18n key of each one's role: `demo.roles.<username>`. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', totp: false },
  { username: 'sysadmin', totp: true },
  { username: 'secadmin', totp: true },
  { username: 'auditor', totp: true },
  { username: 'unitadmin', totp: false },
  { username: 'secretary', totp: false },
  { username: 'cadre01', totp: false },
]

function base32Decode(input: string): Uint8Array<ArrayBuffer> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  const clean = input.toUpperCase().replace(/[\s=]/g, '')
  const out: number[] = []
  let bits = 0
  let value = 0
  for (const ch of clean) {
    const index = alphabet.indexOf(ch)
    if (index < 0) throw new Error(`not base32: ${ch}`)
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return new Uint8Array(out)
}

/**
 * RFC 6238 time-based code (HMAC-SHA1, 30 s steps, 6 digits), so that a demo visitor without an authenticator
 * app can still try those accounts. Needs Web Crypto (HTTPS or localhost); null without it.
 */
export async function totpCode(
  secret: string,
  at: Date = new Date(),
  subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null,
  digits = 6,
): Promise<string | null> {
  if (!subtle) return null
  const counter = Math.floor(at.getTime() / 1000 / 30)
  const message = new DataView(new ArrayBuffer(8))
  message.setUint32(0, Math.floor(counter / 2 ** 32))
  message.setUint32(4, counter >>> 0)
  const key = await subtle.importKey('raw', base32Decode(secret), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign'])
  const mac = new Uint8Array(await subtle.sign('HMAC', key, message.buffer))
  const offset = mac[mac.length - 1] & 0x0f
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3]
  return String(binary % 10 ** digits).padStart(digits, '0')
}

/** Seconds the current code stays valid. */
export function totpSecondsLeft(at: Date = new Date()): number {
  return 30 - (Math.floor(at.getTime() / 1000) % 30)
}

export { base32Decode }
