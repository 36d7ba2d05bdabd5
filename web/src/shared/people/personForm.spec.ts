import { describe, expect, it } from 'vitest'
import type { Person } from '../api/people'
import { errorField, formFromPerson, personPatch } from './personForm'

const person: Person = {
  id: 42,
  name: '王晓明',
  gender: 'male',
  ethnicity: '汉族',
  birth_date: '1992-05-17',
  age: 34,
  native_place: '浙江宁波',
  education: '大学本科',
  degree: null,
  unit_id: 3,
  unit_name: '市教育局',
  branch_id: 5,
  branch_name: '第一支部',
  position: '科员',
  rank: 'clerk_1',
  work_start_date: '2015-07-01',
  party_status: 'full',
  party_joined_date: null,
  young_cadre: true,
  id_card_masked: '3302**********1234',
  phone_masked: '138****5678',
  updated_at: '2026-11-29T10:00:00Z',
}

describe('the edit form', () => {
  it('starts from the record, nulls as empty, numbers empty (never the masked ones)', () => {
    const form = formFromPerson(person)
    expect(form.degree).toBe('')
    expect(form.party_joined_date).toBe('')
    expect(form.branch_id).toBe(5)
    expect(form.id_card).toBe('')
    expect(form.phone).toBe('')
    expect(formFromPerson({ ...person, branch_id: null }).branch_id).toBe(0)
  })

  it('an untouched form sends nothing', () => {
    expect(personPatch(person, formFromPerson(person))).toEqual({})
  })

  it.each([
    ['a changed position', { position: '副科长' }, { position: '副科长' }],
    ['texts trimmed; only spaces added is no change', { name: ' 王晓明 ', position: '副科长  ' }, { position: '副科长' }],
    ['a cleared rank is sent as empty', { rank: '' }, { rank: '' }],
    ['a filled-in empty field', { degree: '学士' }, { degree: '学士' }],
    ['a date picker cleared to null is no change when it was empty', { party_joined_date: null }, {}],
    ['a date picker cleared to null clears a date', { work_start_date: null }, { work_start_date: '' }],
    ['gender and party status', { gender: 'female', party_status: 'probationary' }, { gender: 'female', party_status: 'probationary' }],
    ['another unit without a branch', { unit_id: 6, branch_id: 0 }, { unit_id: 6, branch_id: 0 }],
    ['a new ID number, upper-cased', { id_card: ' 33020319920517123x ' }, { id_card: '33020319920517123X' }],
    ['a new phone number', { phone: '13900001111' }, { phone: '13900001111' }],
  ])('%s', (_name, change, expected) => {
    const form = { ...formFromPerson(person), ...(change as object) } as ReturnType<typeof formFromPerson>
    expect(personPatch(person, form)).toEqual(expected)
  })

  it('server errors go to their field; id_card_taken to the ID number; others to the whole form', () => {
    expect(errorField({ code: 'validation_failed', field: 'phone' })).toBe('phone')
    expect(errorField({ code: 'validation_failed', field: 'birth_date' })).toBe('birth_date')
    expect(errorField({ code: 'id_card_taken' })).toBe('id_card')
    expect(errorField({ code: 'validation_failed', field: 'no_such_field' })).toBeNull()
    expect(errorField({ code: 'forbidden' })).toBeNull()
  })
})
