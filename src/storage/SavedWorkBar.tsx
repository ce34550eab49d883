import { useState } from 'react';
import { clearSavedWork, useSavedWork } from './savedWork';

/**
 * One line on saved work: what this browser keeps for the next visit, what was brought back,
 * a warning when storage is unavailable or full (the app then works in memory), and
 * "Clear saved work".
 */
export function SavedWorkBar() {
  const { tablesStorage, stateStorage, tables, restoredState, restoredTables, problem } = useSavedWork();
  const [clearing, setClearing] = useState(false);
  const [cleared, setCleared] = useState(false);
  const unavailable = [
    !stateStorage && 'the screen state and console history cannot be saved (browser storage unavailable or full)',
    tablesStorage?.available === false && `tables cannot be saved: ${tablesStorage.reason}`,
  ].filter((text): text is string => typeof text === 'string');
  const clear = async () => {
    setClearing(true);
    await clearSavedWork();
    setClearing(false);
    setCleared(true);
  };
  return (
    <section className="saved-work" aria-label="Saved work" data-testid="saved-work">
      <span className="muted">
        {cleared
          ? 'Saved work cleared (what is on screen and in the database stays until the page is closed).'
          : `Saved in this browser: the screen state${tables.length > 0 ? ` and ${tables.length} table${tables.length === 1 ? '' : 's'} (${tables.join(', ')})` : ''}.`}
        {restoredState && !cleared && ' Reopened where you left off.'}
        {restoredTables.length > 0 && !cleared && ` Restored: ${restoredTables.join(', ')}.`}
      </span>{' '}
      <button type="button" className="link" disabled={clearing} onClick={() => void clear()}>
        Clear saved work
      </button>
      {unavailable.length > 0 && (
        <p className="notice" role="alert" data-testid="storage-unavailable">
          Saving is off: {unavailable.join('; ')}. Everything keeps working in memory until the page is closed.
        </p>
      )}
      {problem && (
        <p className="notice" role="alert" data-testid="storage-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
