/** A file read from disk, ready to send as an upload; the size is kept for the list staff see. */
export interface FileDraft {
  name: string;
  mediaType: string;
  contentBase64: string;
  sizeBytes: number;
}

/** What one kind of upload accepts: each area sets its own (a ticket's attachments, a register's scans). */
export interface FileLimits {
  maxBytes: number;
  maxFiles: number;
}

export type FileRefusal = { name: string; reason: 'too_large' | 'too_many' };

/** Bytes to base64 in slices: spreading a large array into one call would overflow the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** Reads the chosen files; those over the size limit or past the count are refused by name, not silently dropped. */
export async function readFiles(files: readonly File[], already: number, limits: FileLimits): Promise<{ read: FileDraft[]; refused: FileRefusal[] }> {
  const read: FileDraft[] = [];
  const refused: FileRefusal[] = [];
  for (const file of files) {
    if (file.size > limits.maxBytes) refused.push({ name: file.name, reason: 'too_large' });
    else if (already + read.length >= limits.maxFiles) refused.push({ name: file.name, reason: 'too_many' });
    else {
      const contentBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      read.push({ name: file.name.slice(0, 120), mediaType: file.type || 'application/octet-stream', contentBase64, sizeBytes: file.size });
    }
  }
  return { read, refused };
}
