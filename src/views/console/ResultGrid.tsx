import type { Table } from 'apache-arrow';
import { useMemo, useState } from 'react';
import { isNumericType, tableCell } from './cellText';
import { gridWindow } from './gridWindow';

const ROW_HEIGHT = 26;
const VIEWPORT_HEIGHT = 420;
const ROW_NUMBER_WIDTH = 72;
const COLUMN_WIDTH = 168;

/**
 * The result of a console query, virtualised: only the rows in view are in the page, and each
 * cell is read from its Arrow column when drawn, so a million rows scroll as smoothly as ten.
 * The container takes the keyboard (arrows, Page Up/Down, Home/End scroll it).
 */
export function ResultGrid({ table }: { table: Table }) {
  const [scrollTop, setScrollTop] = useState(0);
  const fields = table.schema.fields;
  const numeric = useMemo(() => fields.map((f) => isNumericType(f.type)), [fields]);
  const slice = gridWindow(scrollTop, VIEWPORT_HEIGHT - ROW_HEIGHT, table.numRows, ROW_HEIGHT);
  const width = ROW_NUMBER_WIDTH + fields.length * COLUMN_WIDTH;
  const template = `${ROW_NUMBER_WIDTH}px repeat(${fields.length}, ${COLUMN_WIDTH}px)`;
  const rows = [];
  for (let r = slice.first; r < slice.last; r++) {
    rows.push(
      <div role="row" aria-rowindex={r + 2} key={r} className="grid-row" style={{ top: slice.top + (r - slice.first) * ROW_HEIGHT + ROW_HEIGHT, gridTemplateColumns: template, width }}>
        <span role="rowheader" className="grid-rownum">
          {r + 1}
        </span>
        {fields.map((f, c) => (
          <span role="gridcell" key={c} data-col={f.name} className={numeric[c] ? 'grid-cell num' : 'grid-cell'}>
            {tableCell(table, r, c)}
          </span>
        ))}
      </div>,
    );
  }
  return (
    <div
      className="result-grid"
      role="grid"
      aria-label="Query result"
      aria-rowcount={table.numRows + 1}
      aria-colcount={fields.length + 1}
      data-testid="result-grid"
      tabIndex={0}
      style={{ height: VIEWPORT_HEIGHT }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div style={{ height: slice.height + ROW_HEIGHT, width, position: 'relative' }}>
        <div role="row" aria-rowindex={1} className="grid-row grid-head" style={{ gridTemplateColumns: template, width }}>
          <span role="columnheader" className="grid-rownum">
            #
          </span>
          {fields.map((f) => (
            <span role="columnheader" key={f.name} title={`${f.name}: ${String(f.type)}`} className="grid-cell">
              {f.name}
              <small className="muted"> {String(f.type)}</small>
            </span>
          ))}
        </div>
        {rows}
      </div>
    </div>
  );
}
