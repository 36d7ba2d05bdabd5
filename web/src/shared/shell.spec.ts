import { afterEach, describe, expect, it, vi } from 'vitest'
import { chooseShell, readShellPreference, switchShell, type Shell, type ShellChoice } from './shell'

describe('chooseShell', () => {
  // path, screen width, stored preference → choice
  const cases: [string, number, Shell | null, ShellChoice][] = [
    ['/', 1366, null, { shell: 'console' }],
    ['/', 390, null, { shell: 'mobile', redirect: '/m/' }],
    ['/', 767, null, { shell: 'mobile', redirect: '/m/' }],
    ['/', 768, null, { shell: 'console' }],
    ['/points/ledger', 390, null, { shell: 'mobile', redirect: '/m/' }],
    ['/', 390, 'console', { shell: 'console' }],
    ['/', 1366, 'mobile', { shell: 'mobile', redirect: '/m/' }],
    ['/', 1366, 'console', { shell: 'console' }],
    ['/m/', 1366, null, { shell: 'mobile' }],
    ['/m/', 1366, 'console', { shell: 'mobile' }],
    ['/m/study', 390, null, { shell: 'mobile' }],
    ['/m', 1366, null, { shell: 'mobile', redirect: '/m/' }],
    ['/media', 1366, null, { shell: 'console' }],
    ['/missing', 390, 'console', { shell: 'console' }],
  ]
  it.each(cases)('%s at %ipx with stored %s', (path, width, stored, expected) => {
    expect(chooseShell(path, width, stored)).toEqual(expected)
  })
})

describe('shell preference', () => {
  afterEach(() => vi.unstubAllGlobals())

  function fakeStorage(initial: Record<string, string> = {}) {
    const data = new Map(Object.entries(initial))
    return {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      data,
    }
  }

  it('reads only known values', () => {
    vi.stubGlobal('localStorage', fakeStorage({ 'xinhuo.shell': 'mobile' }))
    expect(readShellPreference()).toBe('mobile')
    vi.stubGlobal('localStorage', fakeStorage({ 'xinhuo.shell': 'tablet' }))
    expect(readShellPreference()).toBeNull()
  })

  it('treats blocked storage as a first visit', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError')
      },
    })
    expect(readShellPreference()).toBeNull()
  })

  it('switching stores the choice and loads the other shell', () => {
    const storage = fakeStorage()
    const assign = vi.fn()
    vi.stubGlobal('localStorage', storage)
    vi.stubGlobal('window', { location: { assign } })

    switchShell('mobile')
    expect(storage.data.get('xinhuo.shell')).toBe('mobile')
    expect(assign).toHaveBeenLastCalledWith('/m/')

    switchShell('console')
    expect(storage.data.get('xinhuo.shell')).toBe('console')
    expect(assign).toHaveBeenLastCalledWith('/')
  })
})
