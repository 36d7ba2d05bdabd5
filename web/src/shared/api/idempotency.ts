// Idempotency-Key for POSTs that create things: a phone on a weak network may send a report, lose the answer and
// send it again; with the same key the server answers the first result instead of booking twice. The server also
// refuses a key reused for a different body, so each distinct body gets its own key.

/** 128 random bits as hex. getRandomValues works on plain http too, unlike randomUUID. */
export function newKey(): string {
  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** A key per form: the same body gets the same key (a retry), a changed body a new one. */
export function keyPerBody(): (body: unknown) => string {
  let last: string | null = null
  let key = ''
  return (body) => {
    const text = JSON.stringify(body)
    if (text !== last) {
      last = text
      key = newKey()
    }
    return key
  }
}
