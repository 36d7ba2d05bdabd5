import { describe, expect, it, vi } from 'vitest'
import zhCN from './zh-CN'
import en from './en'
import { i18n, setLocale, t } from './index'
import { enParty, zhCNParty } from './party'

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

function leaves(messages: object): string[] {
  return Object.values(messages).flatMap((v) => (typeof v === 'object' && v !== null ? leaves(v) : [v as string]))
}

// The shells' messages, and those loaded with a module's pages.
const SETS: [string, object, object][] = [
  ['shells', zhCN, en],
  ['党员发展', zhCNParty, enParty],
]

describe.each(SETS)('i18n messages: %s', (_name, zh, english) => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(keys(english).sort()).toEqual(keys(zh).sort())
  })

  it('no message is empty', () => {
    for (const text of [...leaves(zh), ...leaves(english)]) expect(text.trim()).not.toBe('')
  })

  it('placeholders match between the languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
    for (const key of keys(zh)) {
      const pick = (m: object) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], m) as string
      expect(placeholders(pick(english)), key).toEqual(placeholders(pick(zh)))
    }
  })
})

describe('i18n messages', () => {
  it('a module loaded later replaces none of the shells’ texts', async () => {
    // Merging writes into the shells' message objects: a fresh copy of the module shows what the shells have.
    vi.resetModules()
    const shells = [(await import('./zh-CN')).default, (await import('./en')).default]
    for (const messages of shells) for (const top of Object.keys(zhCNParty)) expect(Object.keys(messages)).not.toContain(top)
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
