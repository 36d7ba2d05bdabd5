// The server's refusals on the accounts and roles pages in words for the security administrator.
import { i18n, t } from '../i18n'
import type { ApiError } from '../api/error'
import '../i18n/accounts' // the texts of these refusals

/**
 * Our wording for the codes people meet here (三员分立, own account, taken names, nothing to change …); the server's
 * own message for the rest (it is already in the user's language), the code as a last resort.
 */
export function accountRefusal(code: string, serverMessage?: string): string {
  const key = `accounts.errors.${code}`
  if (i18n.global.te(key, 'zh-CN')) return t(key)
  return serverMessage || t('accounts.errors.other', { code })
}

export const accountErrorText = (e: ApiError) => accountRefusal(e.code, e.message)

/**
 * The form field a validation error is about. The create call nests the first grant under "grant.", while the
 * server's own checks of a grant name the bare field: both land on the same form field.
 */
export function formField(e: ApiError, fields: readonly string[]): string | null {
  if (e.code !== 'validation_failed' || !e.field) return null
  const bare = e.field.startsWith('grant.') ? e.field.slice('grant.'.length) : e.field
  return fields.includes(bare) ? bare : null
}
