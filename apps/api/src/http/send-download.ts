import type { Response } from 'express';

/** A file to save (a report's CSV or workbook): its type, its name, never kept by a cache. */
export function sendDownload(response: Response, file: { type: string; filename: string; body: string | Buffer }) {
  response.setHeader('Content-Type', file.type);
  response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  response.setHeader('Cache-Control', 'no-store');
  response.send(file.body);
}
