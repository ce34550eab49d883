import type { ExportJob } from './protocol';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll(/\r?\n/g, ' ');

/** The README.md put beside exported files: where the data comes from and what every column means. */
export function readmeMarkdown(job: ExportJob): string {
  const lines = [`# ${job.readme.title}`, '', `Exported ${job.readme.exportedAt} as ${job.format === 'csv' ? 'CSV (RFC 4180, UTF-8, ISO dates)' : job.format}.`, ''];
  lines.push('## Generator parameters', '', '| parameter | value |', '|---|---|');
  for (const [key, value] of job.readme.parameters) lines.push(`| ${cell(key)} | ${cell(String(value))} |`);
  for (const table of job.tables) {
    lines.push('', `## ${table.table}`, '', cell(table.description), '', `${table.rows.toLocaleString('en-US')} rows.`, '');
    lines.push('| column | type | description |', '|---|---|---|');
    table.headers.forEach((header, c) => lines.push(`| ${cell(header)} | ${table.specs[c]!.duckdbType} | ${cell(table.columnDescriptions[c] ?? '')} |`));
  }
  return `${lines.join('\n')}\n`;
}
