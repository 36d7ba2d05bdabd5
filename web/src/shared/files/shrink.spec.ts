import { describe, expect, it } from 'vitest'
import { fitWithin } from './shrink'

describe('fitWithin', () => {
  it.each([
    [4000, 3000, { width: 1600, height: 1200 }],
    [3000, 4000, { width: 1200, height: 1600 }],
    [1600, 900, { width: 1600, height: 900 }],
    [800, 600, { width: 800, height: 600 }],
    [10000, 10, { width: 1600, height: 2 }],
    [0, 0, { width: 0, height: 0 }],
  ])('%i × %i → %j', (w, h, expected) => {
    expect(fitWithin(w, h)).toEqual(expected)
  })
})
