import { type BundleChoice, isBundleChoice } from '../src/engine/bundleChoice';
import { PRESETS, type PresetName } from '../src/generator/params';

export interface BenchOptions {
  presets: PresetName[];
  seed: number;
  /** Measured runs per preset, after one warm-up run that is not counted. */
  runs: number;
  port: number;
  /** Rebuild dist/ first (default); --no-build reuses the last build. */
  build: boolean;
  /** Brotli quality for the size report: 11 is the maximum but takes about a minute per wasm file. */
  brotliQuality: number;
  /** Skip the native DuckDB comparison (--no-native). */
  native: boolean;
  outDir: string;
  /**
   * DuckDB builds to measure, each with its own warm-up and runs; the first feeds the main
   * report, all go into a comparison. coi makes the bench server send COOP/COEP headers.
   */
  bundles: BundleChoice[];
}

export const USAGE = `Usage: npm run bench -- [options]
  --preset P        tiny | demo | large; repeat or comma-separate for several (default demo)
  --seed N          dataset seed (default 42)
  --runs N          measured runs per preset after one warm-up run (default 3)
  --port N          port for serving dist/ (default 4180)
  --no-build        reuse dist/ instead of running vite build
  --no-native       skip the native DuckDB comparison
  --brotli-quality N  0-11 for the size report (default 9; 11 takes about a minute per wasm file)
  --out DIR         where the JSON goes (default bench/results)
  --bundles B       DuckDB builds, comma-separated: auto | eh | mvp | coi (default auto); several are
                    compared (pipeline time per build); coi serves dist/ cross-origin isolated`;

function whole(flag: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min || n > max) throw new Error(`${flag} needs a whole number from ${min} to ${max}`);
  return n;
}

/** Parses the command line (after `--`); throws with a message naming the bad flag. */
export function parseArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { presets: [], seed: 42, runs: 3, port: 4180, build: true, brotliQuality: 9, native: true, outDir: 'bench/results', bundles: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--preset':
      case '--presets':
        for (const p of (value() ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
          if (!(p in PRESETS)) throw new Error(`--preset must be one of ${Object.keys(PRESETS).join(', ')}, got "${p}"`);
          if (!options.presets.includes(p as PresetName)) options.presets.push(p as PresetName);
        }
        break;
      case '--seed':
        options.seed = whole('--seed', value(), 0, 2 ** 32 - 1);
        break;
      case '--runs':
        options.runs = whole('--runs', value(), 1, 100);
        break;
      case '--port':
        options.port = whole('--port', value(), 1, 65535);
        break;
      case '--brotli-quality':
        options.brotliQuality = whole('--brotli-quality', value(), 0, 11);
        break;
      case '--no-build':
        options.build = false;
        break;
      case '--no-native':
        options.native = false;
        break;
      case '--bundle':
      case '--bundles':
        for (const b of (value() ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
          if (!isBundleChoice(b)) throw new Error(`--bundles must be auto, eh, mvp or coi, got "${b}"`);
          if (!options.bundles.includes(b)) options.bundles.push(b);
        }
        break;
      case '--out':
        options.outDir = value() ?? options.outDir;
        break;
      default:
        throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  if (options.presets.length === 0) options.presets.push('demo');
  if (options.bundles.length === 0) options.bundles.push('auto');
  return options;
}
