import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

export type Locale = 'zh-CN' | 'en'
export const LOCALES: readonly Locale[] = ['zh-CN', 'en']
const LOCALE_KEY = 'xinhuo.locale'

/** The saved choice, else Chinese: the interface is Chinese unless the user picks English. */
export function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_KEY)
    if (value === 'zh-CN' || value === 'en') return value
  } catch {
    // storage blocked: fall through to the default
  }
  return 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export const t = i18n.global.t

/**
 * Adds the texts of a console-only area (same keys in both languages) when its pages load, instead of carrying them in
 * every first load; the phone's has a budget (DESIGN §6).
 */
export function addMessages(messages: Record<Locale, Record<string, unknown>>): void {
  for (const locale of LOCALES) i18n.global.mergeLocaleMessage(locale, messages[locale] as never)
}

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  try {
    globalThis.localStorage?.setItem(LOCALE_KEY, locale)
  } catch {
    // not saved; the choice still holds for this visit
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}

/** The language's own name, as shown in the switch (中文 / English). */
export function localeName(locale: Locale): string {
  return locale === 'en' ? t('locale.en') : t('locale.zhCN')
}
