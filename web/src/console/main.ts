// The PC console: Element Plus, loaded only when the bootstrap picks the console.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { ElMessage } from 'element-plus'
import 'element-plus/dist/index.css'
import './theme.css'
import { i18n } from '../shared/i18n'
import { setErrorReporter } from '../shared/api/error'
import ConsoleApp from './ConsoleApp.vue'
import { router } from './router'

export function mount(selector: string): void {
  setErrorReporter((error) => {
    ElMessage({ type: 'error', message: error.message, grouping: true, showClose: true })
  })
  document.documentElement.lang = i18n.global.locale.value
  createApp(ConsoleApp).use(createPinia()).use(i18n).use(router).mount(selector)
}
