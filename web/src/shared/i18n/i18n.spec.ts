import { describe, expect, it, vi } from 'vitest'
import zhCN from './zh-CN'
import en from './en'
import zhCNAccounts from './zh-CN.accounts'
import enAccounts from './en.accounts'
import zhCNImport from './zh-CN.import'
import enImport from './en.import'
import { i18n, setLocale, t } from './index'
import { enParty, zhCNParty } from './party'
import enDues from './en.dues'
import zhCNDues from './zh-CN.dues'
import { enMeetings, zhCNMeetings } from './meetings'
import { enPractice, zhCNPractice } from './practice'
import { enRecord, zhCNRecord } from './record'
import { enStudy, zhCNStudy } from './study'
import { enLectures, zhCNLectures } from './lectures'
import { enCourses, zhCNCourses } from './courses'
import { enArchive, zhCNArchive } from './archive'
import { enSurvey, zhCNSurvey } from '../survey/i18n'
import { enEvaluation, zhCNEvaluation } from './evaluation'
import { enAnalytics, zhCNAnalytics } from './analytics'
import { enMass, zhCNMass } from './mass'
import { enOversight, zhCNOversight } from './oversight'
import { enFiles, zhCNFiles } from './files'

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
  ['党费与组织关系转接', zhCNDues, enDues],
  ['组织生活', zhCNMeetings, enMeetings],
  ['实践锻炼', zhCNPractice, enPractice],
  ['干部纪实', zhCNRecord, enRecord],
  ['学习教育', zhCNStudy, enStudy],
  ['宣讲团', zhCNLectures, enLectures],
  ['网络课程与读书活动', zhCNCourses, enCourses],
  ['成长档案与年轻干部库', zhCNArchive, enArchive],
  ['问卷', zhCNSurvey, enSurvey],
  ['考核评价', zhCNEvaluation, enEvaluation],
  ['数据看板', zhCNAnalytics, enAnalytics],
  ['联系群众', zhCNMass, enMass],
  ['监督激励', zhCNOversight, enOversight],
  ['附件', zhCNFiles, enFiles],
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
    for (const messages of shells)
      for (const top of [...Object.keys(zhCNParty), ...Object.keys(zhCNDues), ...Object.keys(zhCNMeetings), ...Object.keys(zhCNStudy), ...Object.keys(zhCNLectures)])
        expect(Object.keys(messages)).not.toContain(top)
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

// Console-only areas whose texts are added when their pages load (accounts.ts, peopleImport.ts).
describe.each([
  ['党费与组织关系转接', zhCNDues, enDues],
  ['账号管理 / 角色权限', zhCNAccounts, enAccounts],
  ['人员导入', zhCNImport, enImport],
])('the texts of %s', (_area, zh, english) => {
  it('have the same keys and placeholders in both languages, none empty', () => {
    expect(keys(english).sort()).toEqual(keys(zh).sort())
    for (const text of [...leaves(zh), ...leaves(english)]) expect(text.trim()).not.toBe('')
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
    const pick = (m: object, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], m) as string
    for (const key of keys(zh)) expect(placeholders(pick(english, key)), key).toEqual(placeholders(pick(zh, key)))
  })

  it('use none of the keys of the messages every page has (adding them must not replace any)', () => {
    const always = new Set(Object.keys(zhCN))
    expect(Object.keys(zh).filter((k) => always.has(k))).toEqual([])
  })

  it('are not in the first load: only their pages add them', () => {
    expect(i18n.global.te(Object.keys(zh)[0], 'zh-CN')).toBe(false)
  })
})

describe('adding an area', () => {
  it('makes its texts available in both languages', async () => {
    await import('./accounts')
    await import('./peopleImport')
    // The same instance the areas were added to (another test may have reset the module registry).
    const fresh = await import('./index')
    expect(fresh.t('accounts.state.locked')).toBe('已锁定')
    fresh.setLocale('en')
    expect(fresh.t('peopleImport.preview.rowN', { n: 4 })).toBe('Row 4')
    fresh.setLocale('zh-CN')
  })
})
