import { describe, expect, it } from 'vitest';
import { earnRedeemRatio, MILES_HEALTH_BANDS, milesHealth } from '../../../../src/views/miles/milesHealth';

describe("seed 002's miles economy health", () => {
  it('is Healthy Growth only when earned exceeds redeemed by more than 20 %', () => {
    expect(milesHealth(121, 100)).toBe('Healthy Growth');
    expect(milesHealth(120, 100)).toBe('Stable');
    expect(milesHealth(5, 0)).toBe('Healthy Growth');
  });

  it('is Stable when earned exceeds redeemed by 20 % or less', () => {
    expect(milesHealth(101, 100)).toBe('Stable');
  });

  it('is High Redemption only when redeemed exceeds earned by more than 20 %', () => {
    expect(milesHealth(100, 121)).toBe('High Redemption');
    expect(milesHealth(100, 120)).toBe('Balanced');
    expect(milesHealth(0, 1)).toBe('High Redemption');
  });

  it('is Balanced otherwise, a period without miles included', () => {
    expect(milesHealth(100, 100)).toBe('Balanced');
    expect(milesHealth(100, 110)).toBe('Balanced');
    expect(milesHealth(0, 0)).toBe('Balanced');
  });

  it('has no ratio when nothing was redeemed', () => {
    expect(earnRedeemRatio(10, 0)).toBeNull();
    expect(earnRedeemRatio(0, 0)).toBeNull();
    expect(earnRedeemRatio(150, 100)).toBe(1.5);
  });

  it('draws the classes as ratio bands meeting at 1/1.2, 1 and 1.2', () => {
    expect(MILES_HEALTH_BANDS.map((b) => [b.name, b.from, b.to])).toEqual([
      ['High Redemption', 0, 1 / 1.2],
      ['Balanced', 1 / 1.2, 1],
      ['Stable', 1, 1.2],
      ['Healthy Growth', 1.2, Number.POSITIVE_INFINITY],
    ]);
    // Well inside each band, the class of a period with that ratio is the band's.
    for (const band of MILES_HEALTH_BANDS) {
      const inside = Number.isFinite(band.to) ? (band.from + band.to) / 2 : band.from + 1;
      expect(milesHealth(inside * 1000, 1000)).toBe(band.name);
    }
  });
});
