// Which of the two front ends (PC console or mobile H5) a page load starts.
// Kept free of Vue and of any UI library: the bootstrap entry imports it before either shell is downloaded.

export type Shell = 'console' | 'mobile'

export interface ShellChoice {
  shell: Shell
  /** Path to replace the current one with before the shell starts, when the choice moves the user. */
  redirect?: string
}

export const MOBILE_BASE = '/m/'
export const NARROW_SCREEN_PX = 768
const PREFERENCE_KEY = 'xinhuo.shell'

export function isMobilePath(path: string): boolean {
  return path === '/m' || path.startsWith(MOBILE_BASE)
}

/**
 * Paths under /m/ are the mobile shell, whatever was stored. Elsewhere a preference the user stored with the
 * shell switch wins; without one, a narrow screen is sent to the mobile home.
 */
export function chooseShell(path: string, width: number, stored: Shell | null): ShellChoice {
  if (isMobilePath(path)) return path === '/m' ? { shell: 'mobile', redirect: MOBILE_BASE } : { shell: 'mobile' }
  if (stored === 'console') return { shell: 'console' }
  if (stored === 'mobile' || width < NARROW_SCREEN_PX) return { shell: 'mobile', redirect: MOBILE_BASE }
  return { shell: 'console' }
}

export function readShellPreference(): Shell | null {
  try {
    const value = localStorage.getItem(PREFERENCE_KEY)
    return value === 'console' || value === 'mobile' ? value : null
  } catch {
    return null // storage blocked (private mode, policy): behave as a first visit
  }
}

/** The "切换到手机版 / 切换到电脑版" switch: remember the choice and load the other shell. */
export function switchShell(to: Shell): void {
  try {
    localStorage.setItem(PREFERENCE_KEY, to)
  } catch {
    // without storage the switch still works for this visit
  }
  window.location.assign(to === 'mobile' ? MOBILE_BASE : '/')
}
