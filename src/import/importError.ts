/** Which check a file failed; tests and the UI key on it, the message is for people. */
export type ImportErrorKind =
  | 'empty'
  | 'too-large'
  | 'encoding'
  | 'delimiter'
  | 'header'
  | 'parse'
  | 'unparseable'
  | 'wrong-type'
  | 'mapping'
  | 'format';

/** A file or mapping that cannot be imported, with a message saying what to change. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly kind: ImportErrorKind,
    message: string,
  ) {
    super(message);
  }
}
