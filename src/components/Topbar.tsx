import { useStore } from '../state/store';
import { ThemeToggle } from './ThemeToggle';

/** Title, the dataset on screen (so a screenshot says what it shows) and the theme switch. */
export function Topbar() {
  const params = useStore((s) => s.params);
  const engine = useStore((s) => s.engine);
  return (
    <header className="topbar">
      <h1>Growthbench</h1>
      {params && (
        <p className="dataset" data-testid="dataset">
          Seed {params.seed} · {params.preset} · {params.windowStart} to {params.windowEnd} · as of {params.asOf}
          {engine && ` · DuckDB ${engine.version} (${engine.bundle})`}
        </p>
      )}
      <ThemeToggle />
    </header>
  );
}
