// The phone's outbox of visits: a visit is written to local storage first (with the key the phone made for it), then
// sent; without a network it stays there, shown as 待发送, and goes when the network returns (the page sends on load
// and on the browser's online event). The server makes the key unique per person, so a visit sent twice — the answer
// lost on a weak network, two tabs — is still one visit. Only the sender of this outbox sends (one flush at a time),
// and a visit leaves the outbox only once the server has it. What the outbox holds about residents is gone as soon as
// it is sent; it is kept per account, so another person signing in on the same phone neither sees nor sends it.
// Photos taken for a visit wait with it (in a PhotoStore): each is uploaded just before its visit is sent, its file id
// kept in the outbox as soon as the server has it, so that a retry neither uploads it again nor loses it.
import type { ApiError } from '../api/error'
import type { Visit, VisitInput } from '../api/mass'
import { memoryPhotos, type PhotoStore } from './photos'

export interface QueuedVisit {
  body: VisitInput
  /** What the list shows while it waits (the household's or place's name). */
  label: string
  queuedAt: string
  attempts: number
  /** The server refused it (a 4xx): it will not go by itself; the person changes or discards it. */
  refused?: string
  /** Photos kept on the phone for this visit: the key in the PhotoStore, and the file id once uploaded. */
  photos?: { key: string; id?: number }[]
}

export interface OutboxStorage {
  load(): QueuedVisit[]
  save(items: QueuedVisit[]): void
}

/** The outbox of one account in localStorage; unreadable contents count as empty. */
export function localOutbox(account: string, storage: Storage | undefined = globalThis.localStorage): OutboxStorage {
  const name = `xinhuo.mass.outbox.${account}`
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(storage?.getItem(name) ?? '[]')
        return Array.isArray(parsed) ? (parsed as QueuedVisit[]).filter((v) => v && typeof v.body?.client_key === 'string') : []
      } catch {
        return []
      }
    },
    save(items) {
      if (items.length === 0) storage?.removeItem(name)
      else storage?.setItem(name, JSON.stringify(items))
    },
  }
}

export interface FlushResult {
  sent: Visit[]
  /** Still waiting: no network, or the server could not answer now. */
  waiting: number
  refused: number
}

/** No answer at all (offline, timeout) or a server that cannot take it now: try again later. */
export function worthRetrying(err: ApiError | { status: number }): boolean {
  return err.status === 0 || err.status === 408 || err.status === 429 || err.status >= 500
}

export interface OutboxPhotos {
  store: PhotoStore
  /** Uploads one photo and answers its file id. */
  upload: (photo: Blob) => Promise<number>
}

export class VisitOutbox {
  private flushing: Promise<FlushResult> | null = null

  constructor(
    private readonly storage: OutboxStorage,
    private readonly send: (body: VisitInput) => Promise<Visit>,
    private readonly now: () => Date = () => new Date(),
    private readonly photos: OutboxPhotos = { store: memoryPhotos(), upload: () => Promise.reject(new Error('no upload')) },
  ) {}

  items(): QueuedVisit[] {
    return this.storage.load()
  }

  /** Keeps the visit before anything is sent: a closed tab or a dead battery does not lose it. */
  add(body: VisitInput, label: string): QueuedVisit {
    const items = this.storage.load()
    const existing = items.find((v) => v.body.client_key === body.client_key)
    if (existing) return existing
    const item: QueuedVisit = { body, label, queuedAt: this.now().toISOString(), attempts: 0 }
    this.storage.save([...items, item])
    return item
  }

  /** As add, with photos: they are stored on the phone first, then the visit that names them. */
  async addWithPhotos(body: VisitInput, label: string, photos: Blob[]): Promise<QueuedVisit> {
    const existing = this.storage.load().find((v) => v.body.client_key === body.client_key)
    if (existing) return existing
    const kept: { key: string }[] = []
    for (const [i, photo] of photos.entries()) {
      const key = `${body.client_key}.${i}`
      await this.photos.store.put(key, photo)
      kept.push({ key })
    }
    const item: QueuedVisit = { body, label, queuedAt: this.now().toISOString(), attempts: 0, ...(kept.length ? { photos: kept } : {}) }
    this.storage.save([...this.storage.load(), item])
    return item
  }

  discard(clientKey: string): void {
    const item = this.storage.load().find((v) => v.body.client_key === clientKey)
    for (const p of item?.photos ?? []) void this.photos.store.remove(p.key)
    this.storage.save(this.storage.load().filter((v) => v.body.client_key !== clientKey))
  }

  /** Sends what waits, oldest first; a second call while one runs shares its result. */
  flush(): Promise<FlushResult> {
    if (!this.flushing) this.flushing = this.run().finally(() => (this.flushing = null))
    return this.flushing
  }

  private async run(): Promise<FlushResult> {
    const result: FlushResult = { sent: [], waiting: 0, refused: 0 }
    for (const item of this.storage.load()) {
      if (item.refused) {
        result.refused++
        continue
      }
      try {
        const photoIds = await this.uploadPhotos(item)
        const body = photoIds.length ? { ...item.body, photos: [...(item.body.photos ?? []), ...photoIds] } : item.body
        const visit = await this.send(body)
        this.remove(item.body.client_key)
        for (const p of item.photos ?? []) await this.photos.store.remove(p.key)
        result.sent.push(visit)
      } catch (err) {
        const e = err as ApiError
        if (worthRetrying(e)) {
          this.update(item.body.client_key, { attempts: item.attempts + 1 })
          // Without a network the rest would fail the same way: stop here and wait for the online event.
          result.waiting = this.storage.load().filter((v) => !v.refused).length
          return result
        }
        this.update(item.body.client_key, { attempts: item.attempts + 1, refused: e.message || String(e.status) })
        result.refused++
      }
    }
    return result
  }

  /** Uploads the visit's photos not yet uploaded, keeping each id as it comes; answers all their ids in order. */
  private async uploadPhotos(item: QueuedVisit): Promise<number[]> {
    const ids: number[] = []
    for (const p of item.photos ?? []) {
      if (p.id === undefined) {
        const photo = await this.photos.store.get(p.key)
        // Gone from the phone (storage cleared): the visit still goes, without it.
        if (!photo) continue
        p.id = await this.photos.upload(photo)
        this.update(item.body.client_key, { photos: item.photos })
      }
      ids.push(p.id)
    }
    return ids
  }

  private remove(clientKey: string): void {
    this.storage.save(this.storage.load().filter((v) => v.body.client_key !== clientKey))
  }

  private update(clientKey: string, change: Partial<QueuedVisit>): void {
    this.storage.save(this.storage.load().map((v) => (v.body.client_key === clientKey ? { ...v, ...change } : v)))
  }
}
