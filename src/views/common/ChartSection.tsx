import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  /** One line saying how the chart's numbers are counted. */
  note?: ReactNode;
  children: ReactNode;
}

/** One chart of a view: a titled region (named by its heading) holding the chart and its data table. */
export function ChartSection({ id, title, note, children }: Props) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`${id}-section`} style={{ borderTop: '1px solid var(--border)', paddingTop: 8, marginTop: 8 }}>
      <h3 id={`${id}-title`} style={{ fontSize: '0.98rem', margin: '4px 0' }}>
        {title}
      </h3>
      {note && (
        <p className="convention" style={{ marginBottom: 4 }}>
          {note}
        </p>
      )}
      {children}
    </section>
  );
}
