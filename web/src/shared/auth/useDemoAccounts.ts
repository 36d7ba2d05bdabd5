// For the login pages: is the server running on demo data, and the demo accounts' current authenticator code.
import { onBeforeUnmount, onMounted, ref } from 'vue'
import { fetchSystemInfo } from '../api/system'
import { DEMO_TOTP_SECRET, totpCode, totpSecondsLeft } from './demo'

export function useDemoAccounts() {
  const demo = ref(false)
  /** null until computed, or when the browser has no Web Crypto (plain http on a LAN address). */
  const code = ref<string | null>(null)
  const secondsLeft = ref(30)
  let timer: ReturnType<typeof setInterval> | undefined

  async function tick(): Promise<void> {
    const now = new Date()
    secondsLeft.value = totpSecondsLeft(now)
    try {
      code.value = await totpCode(DEMO_TOTP_SECRET, now)
    } catch {
      code.value = null
    }
  }

  onMounted(async () => {
    try {
      demo.value = (await fetchSystemInfo({ silent: true })).demo === true
    } catch {
      demo.value = false // the note is a convenience; the form works without it
    }
    if (demo.value) {
      await tick()
      timer = setInterval(() => void tick(), 1000)
    }
  })
  onBeforeUnmount(() => clearInterval(timer))

  return { demo, code, secondsLeft }
}
