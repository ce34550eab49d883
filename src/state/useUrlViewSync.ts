import { useEffect } from 'react';
import { useStore } from './store';
import { writeUrlView } from './urlView';

/**
 * Keeps the view, the filters and the grain in the URL (history.replaceState, so the Back
 * button is not filled with every click): a copied link reproduces the screen. The
 * generator settings in the same query string are left as they are.
 */
export function useUrlViewSync(defaultView: string): void {
  useEffect(
    () =>
      useStore.subscribe((state, previous) => {
        if (state.view === previous.view && state.filters === previous.filters && state.grain === previous.grain && state.bridge === previous.bridge) return;
        const search = writeUrlView({ view: state.view, filters: state.filters, grain: state.grain, bridge: state.bridge }, defaultView, window.location.search);
        if (search !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
      }),
    [defaultView],
  );
}
