/**
 * Warnings are vfile messages (unified's convention): reason, place (line/column) and origin
 * `stage:rule`. Lines are numbered per page, so the page number rides along on the message.
 */
import type { VFile } from 'vfile';

type VFileMessage = ReturnType<VFile['message']>;

export type PageMessage = VFileMessage & { page?: number };

export function warn(
  file: VFile,
  reason: string,
  origin: string,
  where: { page?: number; line?: number; column?: number } = {},
): PageMessage {
  const place = where.line ? { line: where.line, column: where.column ?? 1 } : undefined;
  const msg: PageMessage = file.message(reason, place, origin);
  msg.page = where.page;
  return msg;
}
