import type { FileHandleLike, FolderHandle } from '../../../src/storage/savedTables';

/**
 * An in-memory stand-in for the origin-private file system, with the File System API's
 * semantics that matter here: a writable replaces the file only on close, abort keeps the old
 * content, and writes can be made to fail (a full disk) from a given byte count.
 */
export class MemoryFolder implements FolderHandle {
  readonly files = new Map<string, Uint8Array>();
  readonly folders = new Map<string, MemoryFolder>();
  /** Writes that would bring the folder's total above this fail with QuotaExceededError. */
  quotaBytes = Number.POSITIVE_INFINITY;

  constructor(private readonly root: MemoryFolder | null = null) {}

  private totalBytes(): number {
    const own = [...this.files.values()].reduce((sum, f) => sum + f.length, 0);
    return own + [...this.folders.values()].reduce((sum, f) => sum + f.totalBytes(), 0);
  }

  async getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<FolderHandle> {
    let folder = this.folders.get(name);
    if (!folder) {
      if (!options?.create) throw new DOMException(`${name} not found`, 'NotFoundError');
      folder = new MemoryFolder(this.root ?? this);
      this.folders.set(name, folder);
    }
    return folder;
  }

  async getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike> {
    if (!this.files.has(name)) {
      if (!options?.create) throw new DOMException(`${name} not found`, 'NotFoundError');
      this.files.set(name, new Uint8Array(0));
    }
    const rootFolder = this.root ?? this;
    return {
      getFile: async () => new Blob([this.files.get(name)! as Uint8Array<ArrayBuffer>]),
      createWritable: async () => {
        const parts: Uint8Array[] = [];
        return {
          write: async (data: Uint8Array) => {
            const pending = parts.reduce((sum, p) => sum + p.length, 0) + data.length;
            if (rootFolder.totalBytes() + pending > rootFolder.quotaBytes) throw new DOMException('quota exceeded', 'QuotaExceededError');
            parts.push(data.slice());
          },
          close: async () => {
            const size = parts.reduce((sum, p) => sum + p.length, 0);
            const file = new Uint8Array(size);
            let at = 0;
            for (const p of parts) {
              file.set(p, at);
              at += p.length;
            }
            this.files.set(name, file);
          },
          abort: async () => undefined,
        };
      },
    };
  }

  async removeEntry(name: string): Promise<void> {
    if (!this.files.delete(name) && !this.folders.delete(name)) throw new DOMException(`${name} not found`, 'NotFoundError');
  }

  async *keys(): AsyncIterable<string> {
    yield* [...this.files.keys(), ...this.folders.keys()];
  }
}
