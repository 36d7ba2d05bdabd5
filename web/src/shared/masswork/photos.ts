// Photos of visits waiting in the outbox. localStorage holds only text and a few megabytes, so the photos (already
// shrunk to JPEGs of a few hundred KB) wait in IndexedDB under a key the queued visit names; they go up just before
// their visit, and are deleted once the server has the visit. Kept per account, like the outbox.
export interface PhotoStore {
  put(key: string, photo: Blob): Promise<void>
  get(key: string): Promise<Blob | undefined>
  remove(key: string): Promise<void>
}

const STORE = 'photos'

function open(account: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(`xinhuo.mass.photos.${account}`, 1)
    req.onupgradeneeded = () => req.result.createObjectStore(STORE)
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('indexedDB'))
  })
}

function run<T>(account: string, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open(account).then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode)
        const req = work(tx.objectStore(STORE))
        tx.oncomplete = () => {
          db.close()
          resolve(req.result)
        }
        tx.onerror = () => {
          db.close()
          reject(tx.error ?? new Error('indexedDB'))
        }
      }),
  )
}

/** The photos of one account's outbox in the browser's IndexedDB. */
export function indexedDbPhotos(account: string): PhotoStore {
  return {
    put: (key, photo) => run(account, 'readwrite', (s) => s.put(photo, key)).then(() => undefined),
    get: (key) => run<Blob | undefined>(account, 'readonly', (s) => s.get(key) as IDBRequest<Blob | undefined>),
    remove: (key) => run(account, 'readwrite', (s) => s.delete(key)).then(() => undefined),
  }
}

/** In memory: for tests, and for a browser without IndexedDB (photos then last as long as the page). */
export function memoryPhotos(): PhotoStore & { size(): number } {
  const kept = new Map<string, Blob>()
  return {
    put: async (key, photo) => void kept.set(key, photo),
    get: async (key) => kept.get(key),
    remove: async (key) => void kept.delete(key),
    size: () => kept.size,
  }
}
