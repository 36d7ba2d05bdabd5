// The change-password form's state and rules, for the console dialog, the forced change and the phone page.
// The password policy is the server's: its message comes back on new_password and is shown there.
import { reactive, ref } from 'vue'
import { t } from '../i18n'
import { toApiError } from '../api/error'
import { useAuthStore } from '../stores/auth'

export interface PasswordErrors {
  current: string
  next: string
  confirm: string
  form: string
}

function noErrors(): PasswordErrors {
  return { current: '', next: '', confirm: '', form: '' }
}

/** Where a failed POST /auth/password puts its message. */
export function passwordFeedback(err: unknown): Partial<PasswordErrors> {
  const e = toApiError(err)
  if (e.code === 'password_reused' || e.field === 'new_password') return { next: e.message }
  if (e.field === 'current_password') return { current: e.message }
  return { form: e.message }
}

export function usePasswordForm() {
  const auth = useAuthStore()
  const values = reactive({ current: '', next: '', confirm: '' })
  const errors = reactive<PasswordErrors>(noErrors())
  const submitting = ref(false)

  function check(): boolean {
    Object.assign(errors, noErrors())
    if (values.current === '') errors.current = t('password.currentRequired')
    if (values.next === '') errors.next = t('password.nextRequired')
    else if (values.next === values.current) errors.next = t('password.sameAsCurrent')
    if (values.confirm === '') errors.confirm = t('password.confirmRequired')
    else if (values.next !== '' && values.confirm !== values.next) errors.confirm = t('password.mismatch')
    return !errors.current && !errors.next && !errors.confirm
  }

  /** true when the password was changed. */
  async function submit(): Promise<boolean> {
    if (submitting.value || !check()) return false
    submitting.value = true
    try {
      await auth.changePassword(values.current, values.next)
      reset()
      return true
    } catch (err) {
      Object.assign(errors, passwordFeedback(err))
      return false
    } finally {
      submitting.value = false
    }
  }

  function reset(): void {
    Object.assign(values, { current: '', next: '', confirm: '' })
    Object.assign(errors, noErrors())
  }

  return { values, errors, submitting, submit, reset }
}
