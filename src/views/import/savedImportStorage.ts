import { tableToIPC } from 'apache-arrow';
import { type Connector, quoteIdent, quoteLiteral } from '../../engine/connector';
import { parseSettings, SAVED_IMPORT_ROWS, SAVED_IMPORT_SETTINGS, type SavedImportSettings, savedRowsSql, settingsJson } from '../../import/savedImport';
import { forgetUserTable, saveUserTable } from '../../storage/savedWork';

/**
 * Keeps the active import for the next visit through the saved-work tables (see
 * src/import/savedImport.ts). A failure to save is shown by the Saved work bar and changes
 * nothing else: the import stays active in memory.
 */
export async function saveImport(connector: Connector, schema: string, settings: SavedImportSettings): Promise<boolean> {
  // The old settings go first: a reload in the middle never pairs them with the new rows.
  await forgetUserTable(SAVED_IMPORT_SETTINGS);
  const rows = await saveUserTable(SAVED_IMPORT_ROWS, tableToIPC(await connector.query(savedRowsSql(schema, settings.columns)), 'stream'));
  if (!rows.saved) return false;
  const saved = await saveUserTable(SAVED_IMPORT_SETTINGS, tableToIPC(await connector.query(`SELECT ${quoteLiteral(settingsJson(settings))} AS settings`), 'stream'));
  // Rows without settings cannot be rebuilt: they would only take space.
  if (!saved.saved) await forgetUserTable(SAVED_IMPORT_ROWS);
  return saved.saved;
}

/** The user went back to the generated data: the next visit should open on it too. */
export async function forgetSavedImport(): Promise<void> {
  await forgetUserTable(SAVED_IMPORT_SETTINGS);
  await forgetUserTable(SAVED_IMPORT_ROWS);
}

/** The settings of the import restored into this database, or null when there is none (or it is unreadable). */
export async function restoredSettings(connector: Connector): Promise<SavedImportSettings | null> {
  const row = (await connector.query(`SELECT settings FROM main.${quoteIdent(SAVED_IMPORT_SETTINGS)} LIMIT 1`)).toArray()[0] as { settings: unknown } | undefined;
  return typeof row?.settings === 'string' ? parseSettings(row.settings) : null;
}
