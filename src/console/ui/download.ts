import { toCsv } from '../../shared/domain/csv';

/** Saves `text` as a file through the browser's download (no server round trip). */
export function download(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** RFC 4180 with a BOM, so spreadsheets read the UTF-8 names right. */
export const csvText = (rows: string[][]) => toCsv(rows, { bom: true });
