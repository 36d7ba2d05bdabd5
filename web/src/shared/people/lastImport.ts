// The last import this browser made for a user, kept so that the wizard can still offer 撤销 after the page was left.
// Only the server knows whether it is still the last import and unchanged: undo asks it and shows its refusal.
export interface LastImport {
  id: number
  created: number
  /** ISO-8601 UTC of the commit. */
  at: string
}

const key = (username: string) => `xinhuo.lastImport.${username}`

export function rememberImport(username: string, last: LastImport): void {
  try {
    globalThis.localStorage?.setItem(key(username), JSON.stringify(last))
  } catch {
    // storage blocked: undo stays possible on the result page
  }
}

export function recalledImport(username: string): LastImport | null {
  try {
    const raw = globalThis.localStorage?.getItem(key(username))
    if (!raw) return null
    const v = JSON.parse(raw) as Partial<LastImport>
    return typeof v.id === 'number' && typeof v.created === 'number' && typeof v.at === 'string' ? { id: v.id, created: v.created, at: v.at } : null
  } catch {
    return null
  }
}

export function forgetImport(username: string): void {
  try {
    globalThis.localStorage?.removeItem(key(username))
  } catch {
    // nothing to forget
  }
}
