// The PC console: Element Plus, loaded only when the bootstrap picks the console.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { ElMessage } from 'element-plus'
import 'element-plus/dist/index.css'
import './theme.css'
import { i18n } from '../shared/i18n'
import { setErrorReporter } from '../shared/api/error'
import { installAuth } from '../shared/auth/guard'
import { allows } from '../shared/auth/permissions'
import { useAuthStore } from '../shared/stores/auth'
import ConsoleApp from './ConsoleApp.vue'
import { authRoutes, router } from './router'

export function mount(selector: string): void {
  setErrorReporter((error) => {
    ElMessage({ type: 'error', message: error.message, grouping: true, showClose: true })
  })
  document.documentElement.lang = i18n.global.locale.value
  const pinia = createPinia()
  const auth = useAuthStore(pinia)
  installAuth(router, auth, authRoutes)
  // After the sign-in guard: a page that needs a permission the user lacks shows 无权访问 (the server refuses the
  // data anyway).
  router.beforeEach((to) => {
    if (!auth.available || !auth.signedIn || allows(auth.me?.permissions, to.meta.permission)) return true
    return { name: 'forbidden' }
  })
  createApp(ConsoleApp).use(pinia).use(i18n).use(router).mount(selector)
}
