import { describe, expect, it } from 'vitest'
import type { Visit, VisitInput } from '../api/mass'
import { memoryPhotos } from './photos'
import { localOutbox, VisitOutbox, worthRetrying, type OutboxStorage, type QueuedVisit } from './queue'

function memory(): OutboxStorage & { items: QueuedVisit[] } {
  const box = {
    items: [] as QueuedVisit[],
    load: () => JSON.parse(JSON.stringify(box.items)) as QueuedVisit[],
    save: (items: QueuedVisit[]) => {
      box.items = JSON.parse(JSON.stringify(items)) as QueuedVisit[]
    },
  }
  return box
}

const body = (key: string): VisitInput => ({ client_key: key, household_id: 7, visit_date: '2026-11-28', learned: '老人降压药快吃完了' })
const visit = (b: VisitInput, id: number) => ({ id, client_key: b.client_key }) as Visit
const offline = Object.assign(new Error('offline'), { status: 0, code: 'network_error' })

describe('VisitOutbox', () => {
  it('keeps a visit written offline and sends it once when the network returns', async () => {
    const storage = memory()
    let online = false
    const sent: string[] = []
    const outbox = new VisitOutbox(storage, async (b) => {
      if (!online) throw offline
      sent.push(b.client_key)
      return visit(b, sent.length)
    })
    outbox.add(body('k1'), '周桂英')
    const first = await outbox.flush()
    expect(first).toEqual({ sent: [], waiting: 1, refused: 0 })
    expect(outbox.items()).toHaveLength(1)
    expect(outbox.items()[0].attempts).toBe(1)

    online = true
    const [a, b] = await Promise.all([outbox.flush(), outbox.flush()])
    expect(a).toBe(b)
    expect(sent).toEqual(['k1'])
    expect(outbox.items()).toEqual([])
    await outbox.flush()
    expect(sent).toEqual(['k1'])
  })

  it('adds the same key once and sends oldest first, stopping at the first network failure', async () => {
    const storage = memory()
    const sent: string[] = []
    let failAt = 'k2'
    const outbox = new VisitOutbox(storage, async (b) => {
      if (b.client_key === failAt) throw offline
      sent.push(b.client_key)
      return visit(b, sent.length)
    })
    outbox.add(body('k1'), 'a')
    outbox.add(body('k1'), 'a')
    outbox.add(body('k2'), 'b')
    outbox.add(body('k3'), 'c')
    expect(outbox.items().map((v) => v.body.client_key)).toEqual(['k1', 'k2', 'k3'])
    const r = await outbox.flush()
    expect(sent).toEqual(['k1'])
    expect(r.waiting).toBe(2)
    failAt = ''
    await outbox.flush()
    expect(sent).toEqual(['k1', 'k2', 'k3'])
  })

  it('marks a refused visit and keeps sending the others; a discarded one is gone', async () => {
    const storage = memory()
    const outbox = new VisitOutbox(storage, async (b) => {
      if (b.client_key === 'bad') throw Object.assign(new Error('走访日期不能晚于今天'), { status: 400 })
      return visit(b, 1)
    })
    outbox.add(body('bad'), 'a')
    outbox.add(body('good'), 'b')
    const r = await outbox.flush()
    expect(r.sent).toHaveLength(1)
    expect(r.refused).toBe(1)
    expect(outbox.items()).toHaveLength(1)
    expect(outbox.items()[0].refused).toBe('走访日期不能晚于今天')
    outbox.discard('bad')
    expect(outbox.items()).toEqual([])
  })

  it('retries what the server could not take now, not what it refused', () => {
    expect(worthRetrying({ status: 0 })).toBe(true)
    expect(worthRetrying({ status: 503 })).toBe(true)
    expect(worthRetrying({ status: 429 })).toBe(true)
    expect(worthRetrying({ status: 400 })).toBe(false)
    expect(worthRetrying({ status: 403 })).toBe(false)
  })
})

describe('localOutbox', () => {
  it('keeps each account apart and survives unreadable contents', () => {
    const data = new Map<string, string>()
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    } as unknown as Storage
    const mine = localOutbox('cadre01', storage)
    const theirs = localOutbox('cadre02', storage)
    mine.save([{ body: body('k1'), label: 'a', queuedAt: 't', attempts: 0 }])
    expect(mine.load()).toHaveLength(1)
    expect(theirs.load()).toEqual([])
    data.set('xinhuo.mass.outbox.cadre02', '{not json')
    expect(theirs.load()).toEqual([])
    mine.save([])
    expect(data.has('xinhuo.mass.outbox.cadre01')).toBe(false)
  })

  it('keeps photos taken offline on the phone and uploads each once, just before its visit', async () => {
    const storage = memory()
    const store = memoryPhotos()
    let online = false
    let failUploadAt = -1
    const uploads: number[] = []
    const sent: VisitInput[] = []
    const outbox = new VisitOutbox(
      storage,
      async (b) => {
        if (!online) throw offline
        sent.push(b)
        return visit(b, sent.length)
      },
      () => new Date('2026-11-28T02:00:00Z'),
      {
        store,
        upload: async (photo) => {
          if (!online || uploads.length === failUploadAt) throw offline
          uploads.push(photo.size)
          return 100 + uploads.length
        },
      },
    )
    await outbox.addWithPhotos(body('k1'), '周桂英', [new Blob(['a']), new Blob(['bb'])])
    expect(store.size()).toBe(2)
    expect(storage.items[0].photos).toEqual([{ key: 'k1.0' }, { key: 'k1.1' }])
    expect(await outbox.flush()).toEqual({ sent: [], waiting: 1, refused: 0 })
    expect(uploads).toEqual([])

    // The network returns but drops after the first photo: that one is not uploaded again.
    online = true
    failUploadAt = 1
    expect((await outbox.flush()).waiting).toBe(1)
    expect(uploads).toEqual([1])
    expect(storage.items[0].photos).toEqual([{ key: 'k1.0', id: 101 }, { key: 'k1.1' }])
    expect(sent).toEqual([])

    failUploadAt = -1
    const done = await outbox.flush()
    expect(done.sent).toHaveLength(1)
    expect(uploads).toEqual([1, 2])
    expect(sent[0].photos).toEqual([101, 102])
    expect(store.size()).toBe(0)
    expect(outbox.items()).toEqual([])
  })

  it('discarding a refused visit deletes its photos from the phone', async () => {
    const store = memoryPhotos()
    const outbox = new VisitOutbox(memory(), async () => Promise.reject(Object.assign(new Error('bad'), { status: 400 })), undefined, {
      store,
      upload: async () => 7,
    })
    await outbox.addWithPhotos(body('k9'), 'x', [new Blob(['a'])])
    expect((await outbox.flush()).refused).toBe(1)
    outbox.discard('k9')
    await Promise.resolve()
    expect(store.size()).toBe(0)
  })
})
