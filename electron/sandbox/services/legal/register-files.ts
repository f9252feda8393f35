import { createHash, randomUUID } from 'node:crypto';
import type { PlatformContract } from '../../../../shared/platform/contract';
import type { Disclosure } from '../../../../shared/platform/disclosure-entities';
import type { FileUpload } from '../../../../shared/platform/legal';
import type { z } from 'zod';
import { signedInStaff } from '../../http/context';
import { ApiFailure } from '../../http/failure';
import type { Handler } from '../../http/router';
import type { PlatformDb } from '../../store/database';
import { appendAudit } from '../audit';

export type FileRole = 'scan' | 'production' | 'receipt';
type Upload = z.infer<typeof FileUpload>;
type RegisterFile = Disclosure['scan'];

interface FileRow { id: string; disclosure_id: string; role: FileRole; name: string; media_type: string; size_bytes: number; sha256: string }

export const sha256 = (content: Buffer | string): string => createHash('sha256').update(content).digest('hex');

/** The bytes of an upload: the contract checks the alphabet, this checks it decodes whole. */
export function decodeUpload(upload: Upload, path: string): Buffer {
  const content = Buffer.from(upload.contentBase64, 'base64');
  if (content.toString('base64').replace(/=+$/, '') !== upload.contentBase64.replace(/=+$/, '')) {
    throw new ApiFailure('validation_failed', `${path}.contentBase64: not valid base64`, { path: `${path}.contentBase64` });
  }
  return content;
}

/**
 * Keeps a file with the register. The hash is the platform's own, computed from the bytes it
 * received, so what was received or handed over can be proved later whatever the uploader claimed.
 */
export interface StoredFile {
  disclosureId: string;
  role: FileRole;
  ordinal: number;
  name: string;
  mediaType: string;
  content: Buffer;
  at: string;
  /** Given when the entry must name the file before it is kept (its scan). */
  id?: string;
}

export const newFileId = (): string => `rf_${randomUUID()}`;

export function storeFile(db: PlatformDb, file: StoredFile): RegisterFile {
  const id = file.id ?? newFileId();
  const hash = sha256(file.content);
  db.prepare(
    `INSERT INTO register_files (id, disclosure_id, role, ordinal, name, media_type, size_bytes, sha256, content, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, file.disclosureId, file.role, file.ordinal, file.name, file.mediaType, file.content.length, hash, file.content, file.at);
  return { id, name: file.name, mediaType: file.mediaType, sizeBytes: file.content.length, sha256: hash };
}

/** An entry's files, without their bytes, in the order they were kept. */
export function registerFiles(db: PlatformDb, disclosureId: string): (RegisterFile & { role: FileRole })[] {
  const rows = db
    .prepare('SELECT id, disclosure_id, role, name, media_type, size_bytes, sha256 FROM register_files WHERE disclosure_id = ? ORDER BY role, ordinal')
    .all(disclosureId) as FileRow[];
  return rows.map((r) => ({ id: r.id, role: r.role, name: r.name, mediaType: r.media_type, sizeBytes: r.size_bytes, sha256: r.sha256 }));
}

/** Hands out a file's bytes; each read is an audit event on the entry, since these are what authorities asked for. */
export const getRegisterFile: Handler<PlatformContract['getRegisterFile']> = (ctx, { params }) => {
  const staff = signedInStaff(ctx);
  const row = ctx.db.prepare('SELECT * FROM register_files WHERE id = ?').get(params.fileId) as (FileRow & { content: Buffer }) | undefined;
  if (!row) throw new ApiFailure('not_found', `no register file ${params.fileId}`, { path: 'params.fileId' });
  appendAudit(ctx.db, {
    at: ctx.now(),
    staffId: staff.id,
    action: 'legal.file.read',
    subject: `disclosure:${row.disclosure_id}`,
    detail: { fileId: row.id, role: row.role, name: row.name, sha256: row.sha256 },
  });
  return { name: row.name, mediaType: row.media_type, sha256: row.sha256, contentBase64: row.content.toString('base64') };
};
