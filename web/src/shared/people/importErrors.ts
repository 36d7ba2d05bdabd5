// The server's refusals of an import or its undo, in words for the person importing.
import { i18n, t } from '../i18n'
import type { ApiError } from '../api/error'
import '../i18n/peopleImport' // the texts of these refusals

/**
 * Ours for the codes the wizard meets (errors at commit, not the last import, people changed since, too large …);
 * the server's message for the rest, which is already in the user's language.
 */
export function importRefusal(e: Pick<ApiError, 'code' | 'message' | 'status'>): string {
  const key = `peopleImport.errors.${e.code}`
  if (i18n.global.te(key, 'zh-CN')) return t(key, { message: e.message })
  if (e.status === 404) return t('peopleImport.errors.not_found')
  return e.message || t('peopleImport.errors.other', { code: e.code })
}
