import { describe, expect, it } from 'vitest';
import { BlobBuilder } from '../../../src/export/exportJob';
import { type DirectoryHandle, saveToDirectory } from '../../../src/export/saveFiles';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('BlobBuilder', () => {
  it('keeps every chunk in order across folds, and the type', async () => {
    const builder = new BlobBuilder(4);
    const chunks = [bytes(1, 2), bytes(3), bytes(4, 5, 6), bytes(), bytes(7), bytes(8, 9, 10, 11, 12)];
    chunks.forEach((c) => builder.push(c));
    const blob = builder.finish('text/csv');
    expect(blob.type).toBe('text/csv');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('snapshots a chunk when folding, so a buffer reused afterwards does not change the file', async () => {
    const builder = new BlobBuilder(2);
    const reused = bytes(1, 2);
    builder.push(reused);
    reused.set([9, 9]);
    expect([...new Uint8Array(await builder.finish('').arrayBuffer())]).toEqual([1, 2]);
  });
});

describe('saveToDirectory', () => {
  it('writes each file under its name into the picked folder and closes it', async () => {
    const written: { name: string; text: string; closed: boolean }[] = [];
    const directory: DirectoryHandle = {
      name: 'exports',
      async getFileHandle(name, options) {
        expect(options).toEqual({ create: true });
        const entry = { name, text: '', closed: false };
        written.push(entry);
        return {
          async createWritable() {
            return {
              write: async (data: Blob) => void (entry.text += await data.text()),
              close: async () => void (entry.closed = true),
            };
          },
        };
      },
    };
    await saveToDirectory(directory, [
      { name: 'README.md', mimeType: 'text/markdown', blob: new Blob(['# x']) },
      { name: 'a.csv', mimeType: 'text/csv', blob: new Blob(['id\r\n1\r\n']) },
    ]);
    expect(written).toEqual([
      { name: 'README.md', text: '# x', closed: true },
      { name: 'a.csv', text: 'id\r\n1\r\n', closed: true },
    ]);
  });
});
