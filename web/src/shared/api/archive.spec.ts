import { describe, expect, it } from 'vitest'
import { poolQuery } from './archive'

describe('pool query', () => {
  it('leaves empty filters out', () => {
    expect(poolQuery({ name: '  ', young_only: true, experience: [], evaluation: [], promotable: false, sort: 'name' }, 1, 20)).toEqual({
      page: 1,
      page_size: 20,
    })
  })

  it('sends every filter set, lists as one comma-separated value', () => {
    expect(
      poolQuery(
        { name: ' 曹 ', unit_id: 7, young_only: false, experience: ['frontline', 'training'], evaluation: ['excellent'], promotable: true, sort: 'unit' },
        2,
        50,
      ),
    ).toEqual({
      page: 2,
      page_size: 50,
      name: '曹',
      unit_id: 7,
      young_only: false,
      experience: 'frontline,training',
      evaluation: 'excellent',
      promotable: true,
      sort: 'unit',
    })
  })
})
