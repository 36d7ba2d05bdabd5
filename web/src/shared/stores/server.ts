// What the home pages show about the server: reachable or not, healthy or not, and what it runs.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { t } from '../i18n'
import { toApiError } from '../api/error'
import { fetchHealth, fetchSystemInfo, type SystemInfo } from '../api/system'

export const useServerStore = defineStore('server', () => {
  const loading = ref(false)
  const checkedAt = ref<Date | null>(null)
  /** null until the first check ends. */
  const healthy = ref<boolean | null>(null)
  /** Why the service is not healthy, in the user's language. */
  const healthProblem = ref('')
  const info = ref<SystemInfo | null>(null)
  const infoProblem = ref('')
  const unreachable = ref(false)
  const demo = computed(() => info.value?.demo === true)

  async function check(): Promise<void> {
    loading.value = true
    // The pages show these errors inline, so the calls are silent.
    const [health, system] = await Promise.allSettled([fetchHealth({ silent: true }), fetchSystemInfo({ silent: true })])

    if (health.status === 'fulfilled') {
      healthy.value = health.value?.status === 'ok'
      healthProblem.value = healthy.value ? '' : t('server.reported', { status: String(health.value?.status ?? '') })
    } else {
      healthy.value = false
      healthProblem.value = toApiError(health.reason).message
    }

    if (system.status === 'fulfilled') {
      info.value = system.value
      infoProblem.value = ''
    } else {
      info.value = null // never show an old version as if it were current
      infoProblem.value = toApiError(system.reason).message
    }

    unreachable.value =
      health.status === 'rejected' && system.status === 'rejected' && toApiError(health.reason).isNetwork && toApiError(system.reason).isNetwork
    checkedAt.value = new Date()
    loading.value = false
  }

  return { loading, checkedAt, healthy, healthProblem, info, infoProblem, unreachable, demo, check }
})
