import { readFiles, type FileDraft, type FileRefusal } from '../files/read-files';

/** The platform takes at most 2 MB per attachment (its base64 limit) and 10 per ticket. */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

export type AttachmentRefusal = FileRefusal;

/** A ticket's attachments, read within the ticket's limits. */
export const readAttachments = (files: readonly File[], already: number): Promise<{ read: FileDraft[]; refused: FileRefusal[] }> =>
  readFiles(files, already, { maxBytes: MAX_ATTACHMENT_BYTES, maxFiles: MAX_ATTACHMENTS });
