import { useCallback, useEffect, useMemo } from 'react';
import { runSession } from './app/runSession';
import { ProgressPanel } from './components/ProgressPanel';
import { SettingsPanel } from './components/SettingsPanel';
import type { GeneratorParams } from './generator/params';
import { readUrlSettings, writeUrlSettings } from './state/urlParams';
import { useStore } from './state/store';
import { findView, VIEWS } from './views/registry';

export function App() {
  const settings = useMemo(() => readUrlSettings(window.location.search), []);
  const status = useStore((s) => s.status);
  const params = useStore((s) => s.params);
  const engine = useStore((s) => s.engine);
  const notice = useStore((s) => s.notice);
  const setNotice = useStore((s) => s.setNotice);
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const ViewComponent = findView(view)?.component;

  const run = useCallback(
    (next: GeneratorParams) => {
      // The URL always reproduces the data on screen.
      const search = writeUrlSettings(next, settings.bundle, window.location.search);
      window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
      void runSession(next, {
        bundle: settings.bundle,
        hashChunks: new URLSearchParams(window.location.search).get('verify') === 'hashes',
        priority: findView(useStore.getState().view)?.tables ?? [],
      });
    },
    [settings],
  );

  useEffect(() => {
    setNotice(settings.notice);
    run(settings.params);
  }, [settings, run, setNotice]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>Growthbench</h1>
        {params && (
          <p className="dataset" data-testid="dataset">
            Seed {params.seed} · {params.preset} · {params.windowStart} to {params.windowEnd} · as of {params.asOf}
            {engine && ` · DuckDB ${engine.version} (${engine.bundle})`}
          </p>
        )}
      </header>
      {notice && (
        <div className="notice" role="status">
          {notice}{' '}
          <button type="button" className="link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      <main>
        <SettingsPanel key={params ? JSON.stringify(params) : 'initial'} current={params ?? settings.params} busy={status === 'running'} onGenerate={run} />
        <ProgressPanel onRetry={() => run(params ?? settings.params)} />
        {status === 'ready' && (
          <>
            <nav aria-label="Views" className="views">
              {VIEWS.map((v) => (
                <button key={v.id} type="button" className={v.id === view ? 'tab active' : 'tab'} aria-current={v.id === view ? 'page' : undefined} onClick={() => setView(v.id)}>
                  {v.label}
                </button>
              ))}
            </nav>
            {ViewComponent && <ViewComponent />}
          </>
        )}
      </main>
    </div>
  );
}
