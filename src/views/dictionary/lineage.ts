import { upstreamClosure } from '../../pipeline/dag';
import type { SqlModel } from '../../pipeline/sqlModel';

/** Where a table comes from and where it goes, from the tables each SQL file reads. */
export interface Lineage {
  /** Tables its SQL reads directly. */
  reads: string[];
  /** Everything it is built from, directly or not, raw sources included, nearest layers first. */
  upstream: string[];
  /** Models that read it directly. */
  readBy: string[];
  /** Every model built from it, directly or not. */
  downstream: string[];
  /** Checks that read it. */
  checkedBy: string[];
}

const EMPTY: Lineage = { reads: [], upstream: [], readBy: [], downstream: [], checkedBy: [] };

/**
 * The lineage of every table: raw tables (which read nothing) and models. Closures use the
 * pipeline's own upstreamClosure over the same references the runner orders models by, so
 * the dictionary and the run never disagree.
 */
export function buildLineage(models: readonly SqlModel[]): Map<string, Lineage> {
  const built = models.filter((m) => m.layer !== 'checks');
  const checks = models.filter((m) => m.layer === 'checks');
  const reads = new Map(built.map((m) => [m.name, [...new Set(m.references)].sort()]));
  const readers = new Map<string, string[]>();
  for (const [name, refs] of reads) for (const ref of refs) readers.set(ref, [...(readers.get(ref) ?? []), name]);
  const layerRank = new Map(built.map((m) => [m.name, ['bronze', 'silver', 'gold'].indexOf(m.layer)]));
  const rank = (n: string) => layerRank.get(n) ?? -1;
  // Nearest first: upstream goes gold, silver, bronze, then raw sources; downstream the other way.
  const nearestUp = (a: string, b: string) => rank(b) - rank(a) || a.localeCompare(b);
  const nearestDown = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);
  const names = new Set([...reads.keys(), ...[...reads.values()].flat(), ...checks.flatMap((c) => c.references)]);
  const lineage = new Map<string, Lineage>();
  for (const name of names) {
    const upstream = [...upstreamClosure([name], reads)].filter((n) => n !== name).sort(nearestUp);
    const downstream = [...upstreamClosure([name], readers)].filter((n) => n !== name).sort(nearestDown);
    lineage.set(name, {
      reads: reads.get(name) ?? [],
      upstream,
      readBy: [...(readers.get(name) ?? [])].sort(),
      downstream,
      checkedBy: checks.filter((c) => c.references.includes(name) || c.checkedModel === name).map((c) => c.name).sort(),
    });
  }
  return lineage;
}

export function lineageOf(lineage: ReadonlyMap<string, Lineage>, name: string): Lineage {
  return lineage.get(name) ?? EMPTY;
}
