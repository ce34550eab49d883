import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { describeStorageError, fileNameOf, SavedTables, tableNameOf } from '../../../src/storage/savedTables';
import { MemoryFolder } from './memoryFolder';

const ipcOf = (ids: number[]) => tableToIPC(tableFromArrays({ id: Int32Array.from(ids), name: ids.map((i) => `row ${i}`) }), 'stream');

describe('SavedTables', () => {
  test('a saved table reads back byte for byte, and as the same Arrow table', async () => {
    const root = new MemoryFolder();
    const saved = new SavedTables(async () => root);
    const ipc = ipcOf([1, 2, 3]);
    expect(await saved.saveTable('orders', ipc)).toEqual({ saved: true });
    const [back] = await saved.loadTables();
    expect(back!.name).toBe('orders');
    expect(back!.ipc).toEqual(ipc);
    const table = tableFromIPC(back!.ipc);
    expect(table.getChild('id')!.toArray()).toEqual(Int32Array.from([1, 2, 3]));
    expect(table.getChild('name')!.get(2)).toBe('row 3');
  });

  test('saving again replaces the table; names are listed sorted; delete and clear remove them', async () => {
    const root = new MemoryFolder();
    const saved = new SavedTables(async () => root);
    await saved.saveTable('b', ipcOf([1]));
    await saved.saveTable('a', ipcOf([1]));
    await saved.saveTable('b', ipcOf([7, 8]));
    expect(await saved.listTables()).toEqual(['a', 'b']);
    const b = (await saved.loadTables()).find((t) => t.name === 'b')!;
    expect(tableFromIPC(b.ipc).numRows).toBe(2);
    await saved.deleteTable('a');
    expect(await saved.listTables()).toEqual(['b']);
    await saved.clearSaved();
    expect(root.folders.size).toBe(0);
    expect(await saved.listTables()).toEqual([]);
    // Saving works again after a clear.
    expect(await saved.saveTable('c', ipcOf([1]))).toEqual({ saved: true });
  });

  test('any table name becomes a safe file name and comes back unchanged', async () => {
    for (const name of ['my table', '../escape', 'a/b', 'sales.2024', 'Café €', '%41']) {
      expect(fileNameOf(name)).not.toMatch(/[/\\]|^\.\.?$|\.\./);
      expect(tableNameOf(fileNameOf(name))).toBe(name);
    }
    expect(tableNameOf('notes.txt')).toBeNull();
    const root = new MemoryFolder();
    const saved = new SavedTables(async () => root);
    await saved.saveTable('../escape', ipcOf([1]));
    expect(await saved.listTables()).toEqual(['../escape']);
  });

  test('a full storage is reported as such, and the previous version of the table survives', async () => {
    const root = new MemoryFolder();
    const saved = new SavedTables(async () => root);
    const small = ipcOf([1]);
    await saved.saveTable('orders', small);
    root.quotaBytes = small.length + 10;
    const result = await saved.saveTable('orders', ipcOf(Array.from({ length: 1000 }, (_, i) => i)));
    expect(result).toEqual({ saved: false, reason: 'the browser storage for this site is full' });
    const [kept] = await saved.loadTables();
    expect(kept!.ipc).toEqual(small);
  });

  test('without a file system (or refused) nothing throws and the reason is given', async () => {
    const none = new SavedTables(null);
    expect(await none.state()).toEqual({ available: false, reason: 'this browser has no origin-private file system' });
    expect(await none.saveTable('t', ipcOf([1]))).toMatchObject({ saved: false });
    expect(await none.loadTables()).toEqual([]);
    await expect(none.clearSaved()).resolves.toBeUndefined();

    const refused = new SavedTables(async () => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(await refused.state()).toEqual({ available: false, reason: 'the browser does not allow this site to store files (private window or site settings)' });
    expect(await refused.saveTable('t', ipcOf([1]))).toEqual({ saved: false, reason: 'the browser does not allow this site to store files (private window or site settings)' });
    expect(await refused.listTables()).toEqual([]);
  });

  test('other failures keep their message', () => {
    expect(describeStorageError(new Error('disk on fire'))).toBe('the browser storage failed (disk on fire)');
  });
});
