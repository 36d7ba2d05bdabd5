// The accounts module's codes (scopes, permissions, administrator kinds, states) as words in the user's language.
import { i18n, t } from '../i18n'
import '../i18n/accounts' // the texts these labels read

function known(key: string, code: string): string {
  return i18n.global.te(key, 'zh-CN') ? t(key) : code
}

export const scopeLabel = (code: string) => known(`scope.${code}`, code)
/** Permission codes have dots ("people.read"), which i18n reads as nesting: the messages use underscores. */
export const permissionLabel = (code: string) => known(`permission.${code.replace(/\./g, '_')}`, code)
export const permissionAreaLabel = (area: string) => known(`permissionArea.${area}`, area)
export const adminKindLabel = (kind: string) => known(`accounts.adminKind.${kind}`, kind)
