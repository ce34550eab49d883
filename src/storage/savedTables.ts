/**
 * Tables the user brought in (imports), kept across reloads as Arrow IPC files in the
 * origin-private file system (OPFS, navigator.storage.getDirectory()). OPFS holds binary
 * files of any size without IndexedDB's structured-clone copies and is in every current
 * browser. When it is missing (an old browser, some private windows) or full, nothing
 * throws: the call says why, and the table simply lives in DuckDB's memory for the session.
 *
 * Usage (the import view): `await savedTables.saveTable(name, tableToIPC(arrow))` after a
 * successful import; the app re-inserts every saved table after each run (restoreSaved.ts).
 */

/** The part of the File System API this module uses (so tests can pass an in-memory folder). */
export interface FolderHandle {
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<FolderHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike>;
  removeEntry(name: string, options?: { recursive?: boolean }): Promise<void>;
  keys(): AsyncIterable<string>;
}

export interface FileHandleLike {
  getFile(): Promise<Blob>;
  createWritable(): Promise<{ write(data: Uint8Array<ArrayBuffer>): Promise<void>; close(): Promise<void>; abort(reason?: unknown): Promise<void> }>;
}

export interface SavedTable {
  name: string;
  ipc: Uint8Array;
}

/** Whether saving works, and if not, why (shown to the user as is). */
export type StorageState = { available: true } | { available: false; reason: string };

export type SaveResult = { saved: true } | { saved: false; reason: string };

const FOLDER = 'growthbench-tables';
const NO_OPFS = 'this browser has no origin-private file system';
const SUFFIX = '.arrow';

/** The file a table is saved in: any table name, even one with "/" or "..", becomes a safe file name. */
export function fileNameOf(table: string): string {
  return `${encodeURIComponent(table).replaceAll('.', '%2E')}${SUFFIX}`;
}

export function tableNameOf(fileName: string): string | null {
  if (!fileName.endsWith(SUFFIX)) return null;
  try {
    return decodeURIComponent(fileName.slice(0, -SUFFIX.length));
  } catch {
    return null;
  }
}

/** A human sentence for a storage failure: a full disk reads differently from a refusal. */
export function describeStorageError(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return 'the browser storage for this site is full';
  if (name === 'NotSupportedError') return NO_OPFS;
  if (name === 'SecurityError' || name === 'NotAllowedError') return 'the browser does not allow this site to store files (private window or site settings)';
  const message = error instanceof Error ? error.message : String(error);
  return `the browser storage failed (${message})`;
}

export class SavedTables {
  private folder: Promise<FolderHandle> | null = null;

  constructor(private readonly openRoot: (() => Promise<FolderHandle>) | null) {}

  private open(): Promise<FolderHandle> {
    if (!this.openRoot) return Promise.reject(new DOMException('no origin-private file system', 'NotSupportedError'));
    this.folder ??= this.openRoot()
      .then((root) => root.getDirectoryHandle(FOLDER, { create: true }))
      .catch((error: unknown) => {
        this.folder = null;
        throw error;
      });
    return this.folder;
  }

  /** Whether tables can be saved here, checked by opening the folder. */
  async state(): Promise<StorageState> {
    if (!this.openRoot) return { available: false, reason: NO_OPFS };
    try {
      await this.open();
      return { available: true };
    } catch (error) {
      return { available: false, reason: describeStorageError(error) };
    }
  }

  /**
   * Saves (or replaces) a table's Arrow IPC stream. Pass a buffer the caller still owns: the
   * connector's insertArrowIpc transfers its buffer to the database worker.
   */
  async saveTable(name: string, ipc: Uint8Array): Promise<SaveResult> {
    let writable: Awaited<ReturnType<FileHandleLike['createWritable']>> | null = null;
    try {
      const folder = await this.open();
      const file = await folder.getFileHandle(fileNameOf(name), { create: true });
      writable = await file.createWritable();
      await writable.write(ipc as Uint8Array<ArrayBuffer>);
      await writable.close();
      return { saved: true };
    } catch (error) {
      // A half-written file is never left behind: abort keeps the previous version, if any.
      await writable?.abort(error).catch(() => undefined);
      return { saved: false, reason: describeStorageError(error) };
    }
  }

  /** Every saved table, by name. Unreadable files are skipped, never fatal. */
  async loadTables(): Promise<SavedTable[]> {
    let folder: FolderHandle;
    try {
      folder = await this.open();
    } catch {
      return [];
    }
    const tables: SavedTable[] = [];
    for await (const fileName of folder.keys()) {
      const name = tableNameOf(fileName);
      if (name === null) continue;
      try {
        const blob = await (await folder.getFileHandle(fileName)).getFile();
        tables.push({ name, ipc: new Uint8Array(await blob.arrayBuffer()) });
      } catch {
        // A file removed or unreadable since the listing: the others still load.
      }
    }
    return tables.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Names of the saved tables, without reading them. */
  async listTables(): Promise<string[]> {
    try {
      const folder = await this.open();
      const names: string[] = [];
      for await (const fileName of folder.keys()) {
        const name = tableNameOf(fileName);
        if (name !== null) names.push(name);
      }
      return names.sort();
    } catch {
      return [];
    }
  }

  async deleteTable(name: string): Promise<void> {
    try {
      await (await this.open()).removeEntry(fileNameOf(name));
    } catch {
      // Not saved, or storage unavailable: nothing to delete.
    }
  }

  /** Removes every saved table. */
  async clearSaved(): Promise<void> {
    if (!this.openRoot) return;
    try {
      const root = await this.openRoot();
      this.folder = null;
      await root.removeEntry(FOLDER, { recursive: true });
    } catch {
      // Nothing saved yet (NotFoundError) or storage unavailable: nothing to clear.
    }
  }
}

function browserRoot(): (() => Promise<FolderHandle>) | null {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') return null;
  return () => navigator.storage.getDirectory();
}

/** The app's saved tables (OPFS in the browser; unavailable elsewhere). */
export const savedTables = new SavedTables(browserRoot());
