import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { runSession } from './app/runSession';
import { FilterBar } from './components/FilterBar';
import { ProgressPanel } from './components/ProgressPanel';
import { SettingsPanel } from './components/SettingsPanel';
import { Topbar } from './components/Topbar';
import { ViewNav } from './components/ViewNav';
import { ViewOutlet } from './components/ViewOutlet';
import type { BundleChoice } from './engine/bundleChoice';
import type { GeneratorParams } from './generator/params';
import { linkNotice, readUrlSettings, writeUrlSettings } from './state/urlParams';
import { readUrlView } from './state/urlView';
import { SavedWorkBar } from './storage/SavedWorkBar';
import { openingSearch } from './storage/savedWork';
import { useSavedWorkSync } from './storage/useSavedWorkSync';
import { useStore } from './state/store';
import { useUrlViewSync } from './state/useUrlViewSync';
import { DEFAULT_VIEW, findView, VIEWS } from './views/registry';

export function App() {
  // A bare visit reopens the saved state (src/storage); a link's own parameters win.
  const search = useMemo(() => openingSearch(), []);
  const settings = useMemo(() => readUrlSettings(search), [search]);
  const viewState = useMemo(
    () =>
      readUrlView(
        search,
        VIEWS.map((v) => v.id),
        DEFAULT_VIEW,
      ),
    [search],
  );
  const status = useStore((s) => s.status);
  const params = useStore((s) => s.params);
  const notice = useStore((s) => s.notice);
  const setNotice = useStore((s) => s.setNotice);
  useUrlViewSync(DEFAULT_VIEW);
  useSavedWorkSync();

  // The DuckDB build: the link's, until the settings choose another; a retry keeps it.
  const bundleRef = useRef<BundleChoice>(settings.bundle);
  const [bundle, setBundle] = useState<BundleChoice>(settings.bundle);
  const run = useCallback(
    (next: GeneratorParams, chosen: BundleChoice = bundleRef.current) => {
      bundleRef.current = chosen;
      // The URL always reproduces the data on screen.
      const search = writeUrlSettings(next, chosen, window.location.search);
      window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
      void runSession(next, {
        bundle: chosen,
        hashChunks: new URLSearchParams(window.location.search).get('verify') === 'hashes',
        priority: findView(useStore.getState().view)?.tables ?? [],
      });
    },
    [],
  );

  useEffect(() => {
    // The link's view comes first: the run builds that view's tables before the others.
    const { view, filters, grain, bridge } = viewState.state;
    useStore.setState({ view, filters, grain, bridge });
    setNotice(linkNotice([...settings.problems, ...viewState.problems]));
    run(settings.params);
  }, [settings, viewState, run, setNotice]);

  return (
    <div className="app">
      <Topbar />
      {notice && (
        <div className="notice" role="status">
          {notice}{' '}
          <button type="button" className="link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      <main>
        <SettingsPanel
          key={params ? JSON.stringify(params) : 'initial'}
          current={params ?? settings.params}
          bundle={bundle}
          busy={status === 'running'}
          onGenerate={(next, chosen) => {
            setBundle(chosen);
            run(next, chosen);
          }}
        />
        <SavedWorkBar />
        <ProgressPanel onRetry={(next) => run(next ?? params ?? settings.params)} />
        {status === 'ready' && (
          <>
            <ViewNav />
            <FilterBar />
            <ViewOutlet />
          </>
        )}
      </main>
    </div>
  );
}
