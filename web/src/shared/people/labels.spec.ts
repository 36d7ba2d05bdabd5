import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '../i18n'
import { historyFieldLabel, historyValue, nodeTypeLabel, partyStatusLabel, rankLabel } from './labels'

afterEach(() => setLocale('zh-CN'))

describe('labels', () => {
  it('codes become words in the chosen language; unknown codes stay as they are', () => {
    expect(rankLabel('senior_clerk_4')).toBe('四级主任科员')
    expect(partyStatusLabel('probationary')).toBe('预备党员')
    expect(nodeTypeLabel('general_branch')).toBe('党总支')
    expect(rankLabel('admiral')).toBe('admiral')
    expect(rankLabel(null)).toBe('')
    setLocale('en')
    expect(rankLabel('inspector_1')).toBe('Inspector, level 1')
  })

  it('history rows read as words', () => {
    expect(historyFieldLabel('party_status')).toBe('政治面貌')
    expect(historyFieldLabel('branch')).toBe('党支部')
    expect(historyFieldLabel('something_new')).toBe('something_new')
    expect(historyValue('rank', 'clerk_1')).toBe('一级科员')
    expect(historyValue('gender', 'female')).toBe('女')
    expect(historyValue('position', '科长')).toBe('科长')
    expect(historyValue('position', '')).toBe('（空）')
  })
})
