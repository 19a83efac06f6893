import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';

/** `Services.saveFile` in the app: the system save dialog, then the file written where chosen. */
export function saveFileWithDialog(
  window: () => BrowserWindow | null,
): (suggestedName: string, contents: string) => Promise<string | null> {
  return async (suggestedName, contents) => {
    const options = {
      title: 'Save export',
      defaultPath: join(app.getPath('documents'), suggestedName),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    };
    const parent = window();
    const result = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    await writeFile(result.filePath, contents, 'utf8');
    return result.filePath;
  };
}
