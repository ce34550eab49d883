import { describe, expect, it } from 'vitest';
import { SQL_MODELS } from '../../../src/pipeline/sqlFiles';
import { loadSqlModels } from '../../../src/pipeline/sqlFilesNode';

describe('reading sql/ from disk for Node', () => {
  it('finds the same models, in the same order, as the bundled files', () => {
    expect(loadSqlModels()).toEqual(SQL_MODELS);
  });
});
