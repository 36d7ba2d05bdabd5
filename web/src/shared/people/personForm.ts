// The person edit form: its state made from a Person, and the PATCH body holding only what the user changed.
import type { ApiError } from '../api/error'
import type { Person, PersonPatch } from '../api/people'

/** Every editable field as the form holds it: '' for "not filled", branch_id 0 for "no branch". */
export interface PersonForm {
  name: string
  gender: Person['gender']
  ethnicity: string
  birth_date: string
  native_place: string
  education: string
  degree: string
  position: string
  rank: string
  work_start_date: string
  party_status: Person['party_status']
  party_joined_date: string
  unit_id: number
  branch_id: number
  /** Only a new number: the present one is never sent to the page. '' keeps it. */
  id_card: string
  phone: string
}

export type PersonFormField = keyof PersonForm

export const FORM_FIELDS: readonly PersonFormField[] = [
  'name',
  'gender',
  'ethnicity',
  'birth_date',
  'native_place',
  'education',
  'degree',
  'position',
  'rank',
  'work_start_date',
  'party_status',
  'party_joined_date',
  'unit_id',
  'branch_id',
  'id_card',
  'phone',
]

const TEXT_FIELDS = [
  'name',
  'ethnicity',
  'birth_date',
  'native_place',
  'education',
  'degree',
  'position',
  'rank',
  'work_start_date',
  'party_joined_date',
] as const

export function formFromPerson(p: Person): PersonForm {
  return {
    name: p.name,
    gender: p.gender,
    ethnicity: p.ethnicity,
    birth_date: p.birth_date,
    native_place: p.native_place ?? '',
    education: p.education ?? '',
    degree: p.degree ?? '',
    position: p.position ?? '',
    rank: p.rank ?? '',
    work_start_date: p.work_start_date ?? '',
    party_status: p.party_status,
    party_joined_date: p.party_joined_date ?? '',
    unit_id: p.unit_id,
    branch_id: p.branch_id ?? 0,
    id_card: '',
    phone: '',
  }
}

/**
 * The PATCH body: only the fields whose value differs from the record (texts compared trimmed, null as ''), so the
 * history records real changes and nothing the user did not touch is sent. A new ID or phone number is sent when
 * one was typed.
 */
export function personPatch(original: Person, form: PersonForm): PersonPatch {
  const before = formFromPerson(original)
  const body: PersonPatch = {}
  for (const field of TEXT_FIELDS) {
    // A cleared date picker leaves null.
    const value = (form[field] ?? '').trim()
    if (value !== before[field].trim()) body[field] = value
  }
  if (form.gender !== before.gender) body.gender = form.gender
  if (form.party_status !== before.party_status) body.party_status = form.party_status
  if (form.unit_id !== before.unit_id) body.unit_id = form.unit_id
  if (form.branch_id !== before.branch_id) body.branch_id = form.branch_id
  const idCard = (form.id_card ?? '').trim().toUpperCase()
  if (idCard) body.id_card = idCard
  const phone = (form.phone ?? '').trim()
  if (phone) body.phone = phone
  return body
}

/** The form field a server error is about (the server names fields as the form does), or null for the whole form. */
export function errorField(err: Pick<ApiError, 'field' | 'code'>): PersonFormField | null {
  if (err.code === 'id_card_taken') return 'id_card'
  const field = err.field as PersonFormField | undefined
  return field && FORM_FIELDS.includes(field) ? field : null
}
