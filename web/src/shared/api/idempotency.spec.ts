import { describe, expect, it } from 'vitest'
import { keyPerBody, newKey } from './idempotency'

describe('idempotency keys', () => {
  it('are 32 hex digits and differ', () => {
    expect(newKey()).toMatch(/^[0-9a-f]{32}$/)
    expect(newKey()).not.toBe(newKey())
  })

  it('repeat for the same body and change with it', () => {
    const key = keyPerBody()
    const first = key({ rule_id: 5, description: '心得' })
    expect(key({ rule_id: 5, description: '心得' })).toBe(first)
    const second = key({ rule_id: 5, description: '心得体会' })
    expect(second).not.toBe(first)
    expect(key({ rule_id: 5, description: '心得' })).not.toBe(first) // back to the old body: a new attempt, a new key
  })
})
