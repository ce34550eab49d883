import type { RecordBatch } from 'apache-arrow';
import type { Workbook, Worksheet } from 'exceljs';
import type { ColumnSpec } from './columnTransfer';
import { assertFitsExcel, cellReader, type CellStyle, cellStyle, columnWidth, NUMBER_FORMATS, sheetNames } from './excelCells';

/** The part of exceljs used here; the worker loads it lazily, Node tests import it directly. */
export interface ExcelJsModule {
  Workbook: new () => Workbook;
}

export interface SheetSource {
  /** The table or query name (the sheet is named after it). */
  table: string;
  description: string;
  specs: readonly ColumnSpec[];
  /** Column headers as written (the source names, or clean names for Tableau). */
  headers: readonly string[];
  columnDescriptions: readonly string[];
  rows: number;
}

/** What the README sheet says about the data: where it comes from and when it was exported. */
export interface ReadmeInfo {
  title: string;
  exportedAt: string;
  /** Generator parameters, in order (seed, preset, window, as-of date, rates). */
  parameters: readonly (readonly [string, string | number])[];
}

const HEADER_FONT = { bold: true };

function styleHeader(sheet: Worksheet, columns: number): void {
  sheet.getRow(1).font = HEADER_FONT;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  if (columns > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
}

interface OpenSheet {
  source: SheetSource;
  sheet: Worksheet;
  styles: CellStyle[];
  longestText: number[];
  written: number;
}

/**
 * A workbook like seed 000's clv_inputs_v1.1.xlsx: a README sheet (the generator parameters
 * and the data dictionary of every exported column), then one sheet per table with typed
 * cells (dates as dates, money in a currency format, percentages), a bold frozen header row,
 * an autofilter and fitted column widths. A table Excel cannot hold is refused before any
 * sheet is written, never truncated.
 */
export class WorkbookBuilder {
  private readonly workbook: Workbook;
  private readonly sheets: OpenSheet[];
  private readonly readmeSheet: Worksheet;

  constructor(
    excel: ExcelJsModule,
    sources: readonly SheetSource[],
    private readonly readme: ReadmeInfo,
  ) {
    assertFitsExcel(sources.map((s) => ({ table: s.table, rows: s.rows, columns: s.specs.length })));
    this.workbook = new excel.Workbook();
    this.workbook.creator = 'Growthbench';
    this.readmeSheet = this.workbook.addWorksheet('README');
    const names = sheetNames(sources.map((s) => s.table));
    this.sheets = sources.map((source, i) => {
      const sheet = this.workbook.addWorksheet(names[i]!);
      const styles = source.specs.map((spec, c) => cellStyle(spec, source.columnDescriptions[c] ?? ''));
      sheet.columns = source.headers.map((header, c) => ({ header, key: `c${c}`, style: { numFmt: NUMBER_FORMATS[styles[c]!] } }));
      styleHeader(sheet, source.headers.length);
      return { source, sheet, styles, longestText: source.headers.map(() => 0), written: 0 };
    });
  }

  get sheetNames(): string[] {
    return this.sheets.map((s) => s.sheet.name);
  }

  /** Appends one batch (exact types, columns in the source's order) to the sheet of table `index`. */
  append(index: number, batch: RecordBatch): void {
    const open = this.sheets[index]!;
    open.written += batch.numRows;
    // The counts checked up front come from the same snapshot; a longer table is still never truncated.
    if (open.written > open.source.rows) throw new Error(`${open.source.table} sent more rows than the ${open.source.rows} it had`);
    const readers = open.source.specs.map((_, c) => cellReader(batch.getChildAt(c)!));
    for (let row = 0; row < batch.numRows; row++) {
      const values = readers.map((read, c) => {
        const value = read(row);
        if (typeof value === 'string' && value.length > open.longestText[c]!) open.longestText[c] = value.length;
        return value;
      });
      open.sheet.addRow(values);
    }
  }

  private writeReadme(): void {
    const sheet = this.readmeSheet;
    sheet.addRow([this.readme.title]).font = { bold: true, size: 14 };
    sheet.addRow(['Exported', this.readme.exportedAt]);
    sheet.addRow([]);
    sheet.addRow(['Generator parameters']).font = HEADER_FONT;
    for (const [key, value] of this.readme.parameters) sheet.addRow([key, value]);
    sheet.addRow([]);
    sheet.addRow(['Data dictionary']).font = HEADER_FONT;
    const header = sheet.addRow(['Sheet', 'Table', 'Column', 'Type', 'Description']);
    header.font = HEADER_FONT;
    for (const open of this.sheets) {
      sheet.addRow([open.sheet.name, open.source.table, '', `${open.written.toLocaleString('en-US')} rows`, open.source.description]);
      open.source.specs.forEach((spec, c) => {
        sheet.addRow([open.sheet.name, open.source.table, open.source.headers[c], spec.duckdbType, open.source.columnDescriptions[c] ?? '']);
      });
    }
    sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: header.number }];
    sheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: 5 } };
    [24, 32, 30, 16, 90].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  }

  /** The finished .xlsx file. */
  async finish(): Promise<Uint8Array> {
    for (const open of this.sheets) {
      open.source.headers.forEach((header, c) => {
        open.sheet.getColumn(c + 1).width = columnWidth(header, open.styles[c]!, open.longestText[c]!);
      });
    }
    this.writeReadme();
    const buffer = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  }
}
