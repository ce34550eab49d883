import { describe, expect, it } from 'vitest';
import { groupOffsets } from '../../../src/generator/eventsView';

describe('event id offsets of the groups of accounts', () => {
  it('add up the largest ids of the groups before, a group without events adding none', () => {
    // Group 0 used ids 1..10, group 1 none, group 2 ids 1..5, group 3 ids 1..7.
    expect(groupOffsets(new Map([[0, 10], [2, 5], [3, 7]]))).toEqual([0, 10, 10, 15]);
  });

  it('is one zero offset for a run of one group or without events', () => {
    expect(groupOffsets(new Map([[0, 42]]))).toEqual([0]);
    expect(groupOffsets(new Map())).toEqual([0]);
  });
});
