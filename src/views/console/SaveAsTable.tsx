import { type Table, tableToIPC } from 'apache-arrow';
import { useState } from 'react';
import { errorMessage } from '../../engine/connector';
import { getEngine } from '../../engine/browserDuckDb';
import { saveUserTable } from '../../storage/savedWork';
import { useStore } from '../../state/store';

/**
 * Keeps the current result as a table of its own: created in the database from the result's
 * Arrow data (so it is exactly what the grid shows) and saved in the browser, so it is back
 * after a reload (see src/storage).
 */
export function SaveAsTable({ table, onSaved }: { table: Table; onSaved(): void }) {
  const [name, setName] = useState('my_result');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const target = name.trim();
    if (!target) return;
    setBusy(true);
    setMessage(null);
    try {
      const ipc = tableToIPC(table, 'stream');
      const engine = await getEngine();
      // The insert transfers its buffer to the database worker, so it gets a copy.
      await engine.connector.insertArrowIpc(target, ipc.slice(), { create: true });
      useStore.getState().queries?.invalidate();
      const saved = await saveUserTable(target, ipc);
      setMessage(saved.saved ? `Table ${target} created and saved in this browser.` : `Table ${target} created for this visit; not saved: ${saved.reason}.`);
      onSaved();
    } catch (error) {
      setMessage(`Could not create ${target}: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="save-as-table"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span>Table name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} aria-label="New table name" />
      </label>
      <button type="submit" className="secondary" disabled={busy || !name.trim()}>
        Save as table
      </button>
      {message && (
        <span role="status" className="muted" data-testid="save-as-table-status">
          {message}
        </span>
      )}
    </form>
  );
}
