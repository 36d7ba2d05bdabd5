// The mobile H5 shell: Vant, each component and its styles imported one by one where used.
import { createApp, watch } from 'vue'
import { createPinia } from 'pinia'
import { Locale as VantLocale, showNotify } from 'vant'
import 'vant/es/notify/style/index'
import vantEn from 'vant/es/locale/lang/en-US'
import vantZh from 'vant/es/locale/lang/zh-CN'
import './theme.css'
import { i18n } from '../shared/i18n'
import { setErrorReporter } from '../shared/api/error'
import { installAuth } from '../shared/auth/guard'
import { useAuthStore } from '../shared/stores/auth'
import MobileApp from './MobileApp.vue'
import { authRoutes, router } from './router'
import { installPwa } from './pwa'

export function mount(selector: string): void {
  setErrorReporter((error) => {
    showNotify({ type: 'danger', message: error.message })
  })
  // Vant's own texts (buttons of its dialogs, "loading") follow the app's language.
  watch(
    i18n.global.locale,
    (locale) => {
      if (locale === 'en') VantLocale.use('en-US', vantEn)
      else VantLocale.use('zh-CN', vantZh)
      document.documentElement.lang = locale
    },
    { immediate: true },
  )
  const pinia = createPinia()
  installAuth(router, useAuthStore(pinia), authRoutes)
  createApp(MobileApp).use(pinia).use(i18n).use(router).mount(selector)
  installPwa()
}
