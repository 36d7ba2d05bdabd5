import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { fileUrl, uploadFile } from './files'

let server: FakeServer
beforeEach(() => {
  server = fakeServer()
})
afterEach(() => vi.unstubAllGlobals())

describe('files', () => {
  it('uploads the image as the raw body with its own type', async () => {
    let sent: RequestInit | undefined
    server.on('POST /api/v1/files', (_body, init) => {
      sent = init
      return json(201, { id: 11, content_type: 'image/jpeg', size: 3 })
    })
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' })
    expect((await uploadFile(photo)).id).toBe(11)
    expect(sent?.body).toBe(photo)
    const headers = sent?.headers as Record<string, string>
    expect(headers['Content-Type']).toBe('image/jpeg')
    expect(headers['X-Requested-With']).toBe('XMLHttpRequest')
  })

  it('reads a file from its id', () => {
    expect(fileUrl(11)).toBe('/api/v1/files/11')
  })
})
