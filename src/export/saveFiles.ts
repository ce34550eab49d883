import type { ExportedFile } from './protocol';

/** Starts a download of an exported file; the Blob stays where it is, the link only points to it. */
export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference once started; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The part of the File System Access API used to write into a folder the user picked. */
export interface DirectoryHandle {
  name: string;
  getFileHandle(name: string, options: { create: boolean }): Promise<{ createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }> }>;
}

type WindowWithPicker = Window & { showDirectoryPicker?: (options?: { mode?: 'readwrite' }) => Promise<DirectoryHandle> };

/** TRUE where the browser lets a page write into a folder (Chromium-based browsers). */
export function canPickDirectory(): boolean {
  return typeof window !== 'undefined' && typeof (window as WindowWithPicker).showDirectoryPicker === 'function';
}

/** Asks the user for a folder; must be called from a click, before any await. */
export function pickDirectory(): Promise<DirectoryHandle> {
  return (window as WindowWithPicker).showDirectoryPicker!({ mode: 'readwrite' });
}

export async function saveToDirectory(directory: DirectoryHandle, files: readonly ExportedFile[]): Promise<void> {
  for (const file of files) {
    const writable = await (await directory.getFileHandle(file.name, { create: true })).createWritable();
    await writable.write(file.blob);
    await writable.close();
  }
}
