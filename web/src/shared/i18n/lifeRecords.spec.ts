import { describe, expect, it, vi } from 'vitest'
import { enLifeRecords, zhCNLifeRecords } from './lifeRecords'

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

const pick = (m: object, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], m) as string

// The texts of the life-cycle pages, loaded with those pages (lifeRecords.ts).
describe('i18n messages: 政治生命档案 / 民主评议 / 党员奖惩', () => {
  it('zh-CN and en have exactly the same keys, none empty, with the same placeholders', () => {
    expect(keys(enLifeRecords).sort()).toEqual(keys(zhCNLifeRecords).sort())
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
    for (const key of keys(zhCNLifeRecords)) {
      expect(pick(zhCNLifeRecords, key).trim(), key).not.toBe('')
      expect(pick(enLifeRecords, key).trim(), key).not.toBe('')
      expect(placeholders(pick(enLifeRecords, key)), key).toEqual(placeholders(pick(zhCNLifeRecords, key)))
    }
  })

  it('replaces none of the shells’ texts and is not in the shells', async () => {
    vi.resetModules()
    const shells = [(await import('./zh-CN')).default, (await import('./en')).default]
    for (const messages of shells) for (const top of Object.keys(zhCNLifeRecords)) expect(Object.keys(messages)).not.toContain(top)
  })
})
