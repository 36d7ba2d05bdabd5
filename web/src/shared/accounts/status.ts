// What an account's row says about it: usable, locked by failed sign-ins until a time, or disabled.
import type { Account, Scope } from '../api/accounts'

export type AccountState = { kind: 'active' } | { kind: 'locked'; until: string } | { kind: 'disabled' }

/**
 * Disabled wins over locked (unlocking would not let it in). A lock whose end has passed no longer counts: the
 * server lets the next sign-in through then.
 */
export function accountState(account: Pick<Account, 'status' | 'locked_until'>, now: Date = new Date()): AccountState {
  if (account.status === 'disabled') return { kind: 'disabled' }
  if (account.locked_until) {
    const until = new Date(account.locked_until)
    if (!Number.isNaN(until.getTime()) && until.getTime() > now.getTime()) return { kind: 'locked', until: account.locked_until }
  }
  return { kind: 'active' }
}

/** Whether a failed-sign-in lock is there to lift (the server's unlock also clears the failure count). */
export function canUnlock(account: Pick<Account, 'status' | 'locked_until' | 'failed_logins'>, now: Date = new Date()): boolean {
  return accountState(account, now).kind === 'locked' || (account.status === 'active' && account.failed_logins > 0)
}

/** 本部门 and 本部门及以下 are about an organisation; 全部 and 仅本人 may name one but need not. */
export function scopeNeedsNode(scope: Scope): boolean {
  return scope === 'subtree' || scope === 'node'
}
