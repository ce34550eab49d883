import type { Schema } from 'apache-arrow';
import { BufferRegion, FieldNode, Message, RecordBatch as BatchHeader } from 'apache-arrow/ipc/metadata/message';

/**
 * An Arrow IPC stream of one record batch of fixed-width columns, written straight into one
 * buffer: schema message, batch message, body, end marker.
 *
 * The events chunks are the bulk of a run. apache-arrow's writer (tableToIPC) collects the
 * body buffers and then joins them into a new buffer, and the caller first had to build a
 * typed array per column (int64 timestamps, validity bitmaps) for it: two copies of every
 * byte into fresh memory, plus garbage. Here each column writes its bytes once, at its final
 * place. The metadata is still encoded by apache-arrow (Message.encode), and the layout is
 * the one its writer produces (buffers padded to 8 bytes, an empty validity buffer for a
 * column without nulls), so the bytes are the same as tableToIPC's for the same columns.
 */
export interface FixedWidthColumn {
  nullCount: number;
  /** Writes the column's validity bitmap ((rows + 7) >> 3 bytes); called only when nullCount > 0. */
  writeValidity: (out: Uint8Array, offset: number) => void;
  valueBytes: number;
  /** Writes the column's values (valueBytes bytes) at an offset that is a multiple of 8. */
  writeValues: (out: Uint8Array, offset: number) => void;
}

const pad8 = (bytes: number) => (bytes + 7) & ~7;

/** A flatbuffer message framed as the stream format wants: continuation, size, message, padding to 8. */
function framed(message: Message): Uint8Array {
  const flatbuffer = Message.encode(message);
  const size = pad8(flatbuffer.byteLength + 8);
  const out = new Uint8Array(size);
  const words = new Int32Array(out.buffer, 0, 2);
  words[0] = -1;
  words[1] = size - 8;
  out.set(flatbuffer, 8);
  return out;
}

/** The framed schema message of a stream; make it once per schema. */
export function schemaFrame(schema: Schema): Uint8Array {
  return framed(Message.from(schema));
}

export function writeBatchStream(schemaMessage: Uint8Array, rows: number, columns: readonly FixedWidthColumn[]): Uint8Array {
  const nodes: FieldNode[] = [];
  const regions: BufferRegion[] = [];
  let bodyLength = 0;
  const validityBytes = pad8((rows + 7) >> 3);
  for (const column of columns) {
    nodes.push(new FieldNode(rows, column.nullCount));
    const validity = column.nullCount > 0 ? validityBytes : 0;
    regions.push(new BufferRegion(bodyLength, validity));
    bodyLength += validity;
    regions.push(new BufferRegion(bodyLength, pad8(column.valueBytes)));
    bodyLength += pad8(column.valueBytes);
  }
  const batchMessage = framed(Message.from(new BatchHeader(rows, nodes, regions), bodyLength));
  const bodyStart = schemaMessage.byteLength + batchMessage.byteLength;
  // Zero-filled: the padding and the unused bits of the bitmaps stay 0.
  const out = new Uint8Array(bodyStart + bodyLength + 8);
  out.set(schemaMessage, 0);
  out.set(batchMessage, schemaMessage.byteLength);
  columns.forEach((column, k) => {
    if (column.nullCount > 0) column.writeValidity(out, bodyStart + regions[2 * k]!.offset);
    column.writeValues(out, bodyStart + regions[2 * k + 1]!.offset);
  });
  // End of stream: continuation marker and a zero length.
  new Int32Array(out.buffer, out.byteLength - 8, 1)[0] = -1;
  return out;
}
