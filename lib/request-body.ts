import type { IncomingMessage } from 'node:http';

/**
 * The body as text, or null once it grows past `maxBytes`. The rest of a body that is too large is
 * read and dropped rather than the stream destroyed, so the 413 reaches the client; the answer
 * then closes the connection.
 */
export const readBody = (request: IncomingMessage, maxBytes: number): Promise<string | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      request.off('data', onData).off('end', onEnd).off('error', reject);
      request.resume();
      resolve(null);
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks).toString('utf8'));
    request.on('data', onData).once('end', onEnd).once('error', reject);
  });

/** The media type of a Content-Type header, without parameters such as `charset=utf-8`. */
export const mediaTypeOf = (contentType: string | undefined): string | undefined => contentType?.split(';')[0]?.trim().toLowerCase();
