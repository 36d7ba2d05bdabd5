import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN'
import en from './en'
import { i18n, setLocale, t } from './index'

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

function leaves(messages: object): string[] {
  return Object.values(messages).flatMap((v) => (typeof v === 'object' && v !== null ? leaves(v) : [v as string]))
}

describe('i18n messages', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it('no message is empty', () => {
    for (const text of [...leaves(zhCN), ...leaves(en)]) expect(text.trim()).not.toBe('')
  })

  it('placeholders match between the languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
    for (const key of keys(zhCN)) {
      const pick = (m: object) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], m) as string
      expect(placeholders(pick(en)), key).toEqual(placeholders(pick(zhCN)))
    }
  })

  it('Chinese is the default and the switch changes the texts', () => {
    expect(i18n.global.locale.value).toBe('zh-CN')
    expect(t('menu.points')).toBe('积分管理')
    setLocale('en')
    expect(t('menu.points')).toBe('Points')
    setLocale('zh-CN')
    expect(t('server.checkedAt', { time: '18:00:00' })).toBe('检查于 18:00:00')
  })
})
