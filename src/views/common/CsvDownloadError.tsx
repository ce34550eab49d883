/** The message of a CSV download that failed, as an alert; nothing while there is none. */
export function CsvDownloadError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      Could not export the CSV: {error}
    </p>
  );
}
