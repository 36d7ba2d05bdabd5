// The roster: people in the caller's scope, one person's record and history, and the export.
import { download, get, patch, type Download, type Query } from './client'

/** Ranks, lowest first (the order of sort=rank). */
export const RANKS = [
  'clerk_2',
  'clerk_1',
  'senior_clerk_4',
  'senior_clerk_3',
  'senior_clerk_2',
  'senior_clerk_1',
  'researcher_4',
  'researcher_3',
  'researcher_2',
  'researcher_1',
  'inspector_2',
  'inspector_1',
] as const
export type Rank = (typeof RANKS)[number]

export const PARTY_STATUSES = ['masses', 'applicant', 'activist', 'candidate', 'probationary', 'full'] as const
export type PartyStatus = (typeof PARTY_STATUSES)[number]

export const GENDERS = ['male', 'female'] as const
export type Gender = (typeof GENDERS)[number]

export interface Person {
  id: number
  name: string
  gender: Gender
  ethnicity: string
  birth_date: string
  age: number
  native_place: string | null
  education: string | null
  degree: string | null
  unit_id: number
  unit_name: string
  branch_id: number | null
  branch_name: string | null
  position: string | null
  rank: Rank | null
  work_start_date: string | null
  party_status: PartyStatus
  party_joined_date: string | null
  young_cadre: boolean
  id_card_masked: string | null
  phone_masked: string | null
  updated_at: string
}

/** What PATCH /people/{id} takes; branch_id 0 clears the branch. */
export interface PersonPatch {
  name?: string
  gender?: Gender
  ethnicity?: string
  birth_date?: string
  native_place?: string
  education?: string
  degree?: string
  position?: string
  rank?: string
  work_start_date?: string
  party_status?: PartyStatus
  party_joined_date?: string
  unit_id?: number
  branch_id?: number
  id_card?: string
  phone?: string
}

export type PeopleSort = 'id' | 'name' | 'birth_date' | 'rank' | 'unit'

export interface PeopleFilter {
  name?: string
  /** A node of the tree: its whole subtree. */
  unit_id?: number | null
  rank?: Rank | ''
  party_status?: PartyStatus | ''
  age_min?: number | null
  age_max?: number | null
  young_cadre?: boolean | null
  id_card?: string
  sort?: PeopleSort
  order?: 'asc' | 'desc'
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

export interface HistoryRow {
  id: number
  field: string
  old_value: string
  new_value: string
  username: string
  changed_at: string
}

export interface SensitiveNumbers {
  id_card: string | null
  phone: string | null
}

/** The filter as query parameters: empty fields are left out, names trimmed, the default sort not sent. */
export function peopleQuery(filter: PeopleFilter): Query {
  const q: Query = {}
  const name = filter.name?.trim()
  if (name) q.name = name
  if (filter.unit_id) q.unit_id = filter.unit_id
  if (filter.rank) q.rank = filter.rank
  if (filter.party_status) q.party_status = filter.party_status
  if (filter.age_min != null && filter.age_min > 0) q.age_min = filter.age_min
  if (filter.age_max != null && filter.age_max > 0) q.age_max = filter.age_max
  if (filter.young_cadre != null) q.young_cadre = filter.young_cadre
  const idCard = filter.id_card?.trim()
  if (idCard) q.id_card = idCard.toUpperCase()
  if (filter.sort && filter.sort !== 'id') {
    q.sort = filter.sort
    q.order = filter.order ?? 'asc'
  } else if (filter.order === 'desc') {
    q.order = 'desc'
  }
  return q
}

const person = (id: number) => `/people/${encodeURIComponent(String(id))}`

export const fetchPeople = (filter: PeopleFilter, page: number, pageSize: number) =>
  get<Page<Person>>('/people', { query: { ...peopleQuery(filter), page, page_size: pageSize } })
export const fetchPerson = (id: number) => get<Person>(person(id))
/** Field errors are shown on the form. */
export const updatePerson = (id: number, changes: PersonPatch) => patch<Person>(person(id), changes, { silent: true })
export const fetchHistory = (id: number) => get<{ items: HistoryRow[] }>(`${person(id)}/history`)
/** The full numbers; the server records each look in the audit log. */
export const fetchSensitive = (id: number) => get<SensitiveNumbers>(`${person(id)}/sensitive`)
/** The filtered roster as .xlsx (numbers masked); 422 export_too_large past the server's cap. */
export const exportPeople = (filter: PeopleFilter): Promise<Download> =>
  download('/people/export', 'people.xlsx', { query: peopleQuery(filter) })
/** Everything held about the caller (account, sessions, own record, points) as one JSON file; audited. */
export const downloadMyData = (): Promise<Download> => download('/me/data', 'my-data.json')
/** The caller's own record; 404 when the account has no person (the page says so itself). */
export const fetchMyPerson = () => get<Person>('/me/person', { silent: true })
