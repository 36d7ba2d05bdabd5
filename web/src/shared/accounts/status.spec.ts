import { describe, expect, it } from 'vitest'
import { accountState, canUnlock, scopeNeedsNode } from './status'

const NOW = new Date('2026-11-29T10:00:00Z')

describe('accountState', () => {
  it.each([
    ['active, never locked', { status: 'active', locked_until: null }, { kind: 'active' }],
    ['locked until later', { status: 'active', locked_until: '2026-11-29T10:30:00Z' }, { kind: 'locked', until: '2026-11-29T10:30:00Z' }],
    ['a lock that has run out', { status: 'active', locked_until: '2026-11-29T09:59:59Z' }, { kind: 'active' }],
    ['an unreadable lock time', { status: 'active', locked_until: 'soon' }, { kind: 'active' }],
    ['disabled wins over locked', { status: 'disabled', locked_until: '2026-11-29T10:30:00Z' }, { kind: 'disabled' }],
  ] as const)('%s', (_what, account, state) => {
    expect(accountState(account, NOW)).toEqual(state)
  })
})

describe('canUnlock', () => {
  it('a locked account, or an active one with failed sign-ins counting toward a lock', () => {
    expect(canUnlock({ status: 'active', locked_until: '2026-11-29T10:30:00Z', failed_logins: 5 }, NOW)).toBe(true)
    expect(canUnlock({ status: 'active', locked_until: null, failed_logins: 2 }, NOW)).toBe(true)
    expect(canUnlock({ status: 'active', locked_until: null, failed_logins: 0 }, NOW)).toBe(false)
    expect(canUnlock({ status: 'disabled', locked_until: null, failed_logins: 3 }, NOW)).toBe(false)
  })
})

describe('scopeNeedsNode', () => {
  it('本部门 and 本部门及以下 need an organisation, 全部 and 仅本人 do not', () => {
    expect((['all', 'subtree', 'node', 'self'] as const).map(scopeNeedsNode)).toEqual([false, true, true, false])
  })
})
