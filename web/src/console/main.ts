// The PC console: Element Plus, loaded only when the bootstrap picks the console.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { ElMessage } from 'element-plus'
import 'element-plus/dist/index.css'
import './theme.css'
import { i18n } from '../shared/i18n'
import { setErrorReporter } from '../shared/api/error'
import { installAuth } from '../shared/auth/guard'
import { useAuthStore } from '../shared/stores/auth'
import ConsoleApp from './ConsoleApp.vue'
import { authRoutes, router } from './router'

export function mount(selector: string): void {
  setErrorReporter((error) => {
    ElMessage({ type: 'error', message: error.message, grouping: true, showClose: true })
  })
  document.documentElement.lang = i18n.global.locale.value
  const pinia = createPinia()
  installAuth(router, useAuthStore(pinia), authRoutes)
  createApp(ConsoleApp).use(pinia).use(i18n).use(router).mount(selector)
}
