import { webcrypto } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DEMO_TOTP_SECRET, DEMO_USERS, base32Decode, totpCode, totpSecondsLeft } from './demo'

// Node 18 has no global Web Crypto; the browser does.
const subtle = webcrypto.subtle as unknown as SubtleCrypto

describe('demo authenticator codes (RFC 6238)', () => {
  it('decodes base32', () => {
    expect([...base32Decode(DEMO_TOTP_SECRET)]).toEqual([...new TextEncoder().encode('Hello!'), 0xde, 0xad, 0xbe, 0xef])
    expect(() => base32Decode('not base32!')).toThrow()
  })

  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ])('the RFC test vector at %i s', async (seconds, expected) => {
    // The RFC's SHA-1 key is the ASCII "12345678901234567890", base32-encoded here.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
    expect(await totpCode(secret, new Date(seconds * 1000), subtle, 8)).toBe(expected)
  })

  it('six digits by default, null without Web Crypto', async () => {
    expect(await totpCode(DEMO_TOTP_SECRET, new Date(59_000), subtle)).toMatch(/^\d{6}$/)
    expect(await totpCode(DEMO_TOTP_SECRET, new Date(), null)).toBeNull()
    expect(totpSecondsLeft(new Date(59_000))).toBe(1)
    expect(totpSecondsLeft(new Date(60_000))).toBe(30)
  })

  it('lists the seven demo accounts, three with codes', () => {
    expect(DEMO_USERS.map((u) => u.username)).toEqual(['admin', 'sysadmin', 'secadmin', 'auditor', 'unitadmin', 'secretary', 'cadre01'])
    expect(DEMO_USERS.filter((u) => u.totp).map((u) => u.username)).toEqual(['sysadmin', 'secadmin', 'auditor'])
  })
})
