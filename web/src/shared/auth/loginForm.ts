// The login form's state and rules, shared by the console (Element Plus) and the phone (Vant) login pages.
// They only draw it: which fields show, which message stands under which field.
import { reactive, ref, watch } from 'vue'
import { t } from '../i18n'
import { toApiError } from '../api/error'
import type { Me } from '../api/auth'
import { formatUntil } from '../format'
import { useAuthStore } from '../stores/auth'

export type LoginField = 'username' | 'password' | 'totp'

/** One message per field, and `form` for what belongs to no field. Empty string: nothing to say. */
export interface LoginErrors {
  username: string
  password: string
  totp: string
  form: string
}

export interface LoginFeedback {
  errors: Partial<LoginErrors>
  /** The 6-digit code field is shown from now on. */
  totpStep?: boolean
}

const TOTP_PATTERN = /^\d{6}$/

/** "账号已锁定，将于 18:30（北京时间）解锁", or the server's message when it named no time. */
export function lockedMessage(lockedUntil: unknown, fallback: string, now: Date = new Date()): string {
  if (typeof lockedUntil !== 'string' || Number.isNaN(new Date(lockedUntil).getTime())) return fallback
  return t('auth.locked', { time: formatUntil(lockedUntil, now) })
}

/** What a failed POST /auth/login means for the form. `sentTotp`: the request carried a code. */
export function loginFeedback(err: unknown, sentTotp: boolean, now: Date = new Date()): LoginFeedback {
  const e = toApiError(err)
  switch (e.code) {
    case 'totp_required':
      // First time: the account needs a code, so the field appears (its hint says why). Sent but refused: say so.
      return sentTotp ? { totpStep: true, errors: { totp: e.message } } : { totpStep: true, errors: {} }
    case 'totp_invalid':
      return { totpStep: true, errors: { totp: e.message } }
    case 'account_locked':
      return { errors: { form: lockedMessage(e.details.locked_until, e.message, now) } }
    case 'invalid_credentials':
      return { errors: { form: e.message } }
    default:
      if (e.field === 'username' || e.field === 'password' || e.field === 'totp') {
        return { errors: { [e.field]: e.message }, ...(e.field === 'totp' ? { totpStep: true } : {}) }
      }
      return { errors: { form: e.message } }
  }
}

function noErrors(): LoginErrors {
  return { username: '', password: '', totp: '', form: '' }
}

/**
 * Form state for a login page. `submit()` checks the fields, signs in through the auth store and resolves to
 * the signed-in user, or to null when the form now shows why not.
 */
export function useLoginForm() {
  const auth = useAuthStore()
  const values = reactive({ username: '', password: '', totp: '' })
  const errors = reactive<LoginErrors>(noErrors())
  const totpStep = ref(false)
  const submitting = ref(false)

  // The code belongs to the account it was asked for: another username starts over.
  watch(
    () => values.username,
    () => {
      if (totpStep.value) {
        totpStep.value = false
        values.totp = ''
        errors.totp = ''
      }
    },
  )

  function check(): boolean {
    Object.assign(errors, noErrors())
    values.totp = values.totp.replace(/\s/g, '')
    if (values.username.trim() === '') errors.username = t('auth.usernameRequired')
    if (values.password === '') errors.password = t('auth.passwordRequired')
    if (totpStep.value && !TOTP_PATTERN.test(values.totp)) errors.totp = t('auth.totpFormat')
    return !errors.username && !errors.password && !errors.totp
  }

  async function submit(): Promise<Me | null> {
    if (submitting.value || !check()) return null
    submitting.value = true
    const sentTotp = totpStep.value
    try {
      return await auth.login({
        username: values.username.trim(),
        password: values.password,
        ...(sentTotp ? { totp: values.totp } : {}),
      })
    } catch (err) {
      const feedback = loginFeedback(err, sentTotp)
      Object.assign(errors, feedback.errors)
      if (feedback.totpStep) totpStep.value = true
      if (feedback.errors.totp) values.totp = ''
      return null
    } finally {
      submitting.value = false
    }
  }

  /** Back from the code step to the username and password. */
  function leaveTotpStep(): void {
    totpStep.value = false
    values.totp = ''
    errors.totp = ''
  }

  return { values, errors, totpStep, submitting, submit, leaveTotpStep }
}
