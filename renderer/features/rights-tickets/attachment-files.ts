import type { AttachmentDraft } from './intake-draft';

/** The platform takes at most 2 MB per attachment (its base64 limit) and 10 per ticket. */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

/** Bytes to base64 in slices: spreading a 2 MB array into one call would overflow the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

export type AttachmentRefusal = { name: string; reason: 'too_large' | 'too_many' };

/** Reads the chosen files; those over the limit or past the tenth are refused by name, not silently dropped. */
export async function readAttachments(files: readonly File[], already: number): Promise<{ read: AttachmentDraft[]; refused: AttachmentRefusal[] }> {
  const read: AttachmentDraft[] = [];
  const refused: AttachmentRefusal[] = [];
  for (const file of files) {
    if (file.size > MAX_ATTACHMENT_BYTES) refused.push({ name: file.name, reason: 'too_large' });
    else if (already + read.length >= MAX_ATTACHMENTS) refused.push({ name: file.name, reason: 'too_many' });
    else {
      const contentBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      read.push({ name: file.name.slice(0, 120), mediaType: file.type || 'application/octet-stream', contentBase64, sizeBytes: file.size });
    }
  }
  return { read, refused };
}
