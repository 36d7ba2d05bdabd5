// Codes the server uses (ranks, party status, gender, node types, history fields) as words in the user's language.
import { i18n, t } from '../i18n'

function known(key: string, code: string): string {
  return i18n.global.te(key, 'zh-CN') ? t(key) : code
}

export const rankLabel = (code: string | null | undefined): string => (code ? known(`rank.${code}`, code) : '')
export const partyStatusLabel = (code: string | null | undefined): string => (code ? known(`partyStatus.${code}`, code) : '')
export const genderLabel = (code: string | null | undefined): string => (code ? known(`gender.${code}`, code) : '')
export const nodeTypeLabel = (code: string): string => known(`nodeType.${code}`, code)

/** The history's field names (name, unit, branch, id_card, …) as the detail view labels them. */
const HISTORY_FIELD_KEYS: Record<string, string> = {
  name: 'people.name',
  gender: 'people.gender',
  ethnicity: 'people.ethnicity',
  birth_date: 'people.birthDate',
  native_place: 'people.nativePlace',
  education: 'people.education',
  degree: 'people.degree',
  position: 'people.position',
  rank: 'people.rank',
  work_start_date: 'people.workStartDate',
  party_status: 'people.partyStatus',
  party_joined_date: 'people.partyJoinedDate',
  unit: 'people.unit',
  branch: 'people.branch',
  id_card: 'people.idCard',
  phone: 'people.phone',
}

export function historyFieldLabel(field: string): string {
  const key = HISTORY_FIELD_KEYS[field]
  return key ? t(key) : field
}

/** An old or new value in the history: codes become words; an empty value reads as "(空)". */
export function historyValue(field: string, value: string): string {
  if (value === '') return t('people.emptyValue')
  if (field === 'rank') return rankLabel(value)
  if (field === 'party_status') return partyStatusLabel(value)
  if (field === 'gender') return genderLabel(value)
  return value
}
