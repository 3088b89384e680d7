import { Readable } from 'node:stream';
import type * as lark from '@larksuiteoapi/node-sdk';
import { FILE_UPLOAD_MAX_BYTES, MESSAGE_RESOURCE_MAX_BYTES, type UploadFileType } from './limits.ts';
import { LarkError, larkErrorOf, messageUuid, replyFile } from './messages.ts';
import { withRetries } from './replies.ts';

/** A file as the bot holds it: its name, with its extension, and its bytes. */
export interface LarkFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** A file larger than the caller's limit, found before or while it was read. */
export class FileTooLargeError extends Error {
  override name = 'FileTooLargeError';
  constructor(
    readonly limitBytes: number,
    /** The size Lark announced, when it did. */
    readonly sizeBytes: number | undefined,
  ) {
    super(`the file is larger than ${limitBytes} bytes${sizeBytes === undefined ? '' : ` (${sizeBytes})`}`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The bytes of a stream, stopping with `tooLarge()` as soon as there are more than `max`. */
const readAll = async (stream: Readable, max: number, tooLarge: () => Error): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += bytes.length;
    if (size > max) {
      stream.destroy();
      throw tooLarge();
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
};

const ERROR_BODY_MAX_BYTES = 64 * 1024;

/**
 * A download is requested as a stream, so a refusal's JSON body arrives as a stream too: it is
 * read and parsed here, so that the Lark code in it is classified like any other call's.
 */
const withReadableErrorBody = async (error: unknown): Promise<unknown> => {
  const response = isRecord(error) && isRecord(error.response) ? error.response : undefined;
  if (!response || !(response.data instanceof Readable)) return error;
  const text = (await readAll(response.data, ERROR_BODY_MAX_BYTES, () => new Error('error body too large')).catch(() => Buffer.alloc(0))).toString('utf8');
  try {
    response.data = JSON.parse(text) as unknown;
  } catch {
    response.data = text;
  }
  return error;
};

const announcedSize = (headers: unknown): number | undefined => {
  const value = isRecord(headers) ? headers['content-length'] : undefined;
  const size = Number(value);
  return value !== undefined && Number.isInteger(size) && size >= 0 ? size : undefined;
};

/**
 * Downloads the file a person sent in a message (`im/v1/messages/:message_id/resources/:file_key`,
 * type file). Lark serves at most 100 MB; a smaller `maxBytes` refuses a larger file as soon as its
 * Content-Length is seen, before its body is read, and stops reading one that runs past it.
 */
export const downloadMessageFile = async (
  client: lark.Client,
  target: { readonly messageId: string; readonly fileKey: string; readonly maxBytes?: number },
): Promise<Buffer> => {
  const max = Math.min(target.maxBytes ?? MESSAGE_RESOURCE_MAX_BYTES, MESSAGE_RESOURCE_MAX_BYTES);
  const operation = `download file ${target.fileKey} of message ${target.messageId}`;
  let stream: Readable;
  let headers: unknown;
  try {
    const answer = await client.im.v1.messageResource.get({ params: { type: 'file' }, path: { message_id: target.messageId, file_key: target.fileKey } });
    headers = answer.headers;
    stream = answer.getReadableStream();
  } catch (error) {
    throw await larkErrorOf(client, operation, await withReadableErrorBody(error));
  }
  const size = announcedSize(headers);
  if (size !== undefined && size > max) {
    stream.destroy();
    throw new FileTooLargeError(max, size);
  }
  try {
    return await readAll(stream, max, () => new FileTooLargeError(max, size));
  } catch (error) {
    if (error instanceof FileTooLargeError) throw error;
    throw await larkErrorOf(client, operation, error);
  }
};

const FILE_TYPES: Readonly<Record<string, UploadFileType>> = {
  xls: 'xls',
  xlsx: 'xls',
  doc: 'doc',
  docx: 'doc',
  ppt: 'ppt',
  pptx: 'ppt',
  pdf: 'pdf',
  mp4: 'mp4',
  opus: 'opus',
};

/** Lark's `file_type` for a file name: its own type for the kinds Lark names, else `stream`. */
export const uploadFileType = (name: string): UploadFileType => FILE_TYPES[/\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? ''] ?? 'stream';

/** Uploads a file for a message (`im/v1/files`, multipart); returns its file_key. Lark takes 1 byte to 30 MB. */
export const uploadFile = async (client: lark.Client, file: LarkFile): Promise<string> => {
  const operation = `upload file ${file.name}`;
  if (file.bytes.length === 0 || file.bytes.length > FILE_UPLOAD_MAX_BYTES) {
    throw new LarkError('invalid_request', `Lark: could not ${operation}: ${file.bytes.length} bytes, where Lark takes 1 to ${FILE_UPLOAD_MAX_BYTES}`);
  }
  let answer: { file_key?: string | undefined } | null;
  try {
    answer = await client.im.v1.file.create({ data: { file_type: uploadFileType(file.name), file_name: file.name, file: file.bytes } });
  } catch (error) {
    throw await larkErrorOf(client, operation, error);
  }
  // The SDK hands back only `data`: an answer without a file_key is all that is left of a refusal sent with HTTP 200.
  if (!answer?.file_key) throw new LarkError('unavailable', `Lark: could not ${operation}: the answer has no file_key`);
  return answer.file_key;
};

/**
 * Replies to a person's message with a file: uploaded, then sent as a file message. `key` makes a
 * repeated reply the same message; transient failures are retried like every reply of the bot.
 */
export const replyWithFile = (client: lark.Client, messageId: string, file: LarkFile, key: string): Promise<string> =>
  withRetries(async () => replyFile(client, { messageId, fileKey: await uploadFile(client, file), uuid: messageUuid(`file:${key}`) }));
