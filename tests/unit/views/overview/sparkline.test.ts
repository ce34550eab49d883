import { describe, expect, it } from 'vitest';
import { sparklinePolylines } from '../../../../src/views/overview/sparkline';

describe('sparkline', () => {
  it('scales the values into the box, the highest at the top', () => {
    // 100 x 20 box, 2 px padding: x from 2 to 98 in steps of 48, y from 18 (min) to 2 (max).
    expect(sparklinePolylines([0, 5, 10], 100, 20)).toEqual(['2,18 50,10 98,2']);
  });

  it('breaks the line at a missing value instead of drawing 0', () => {
    expect(sparklinePolylines([1, null, 3, 2], 62, 10, 1)).toEqual(['1,9', '41,1 61,5']);
  });

  it('draws a flat series across the middle, a single value in the centre, nothing for no value', () => {
    expect(sparklinePolylines([4, 4], 10, 10, 0)).toEqual(['0,5 10,5']);
    expect(sparklinePolylines([7], 10, 10)).toEqual(['5,5']);
    expect(sparklinePolylines([null, null], 10, 10)).toEqual([]);
  });
});
