/**
 * An article response as the store wants it: status, headers, final URL and the body as raw bytes (the store
 * decodes them itself from Content-Type and <meta charset>), read under a size cap. Passing the cap destroys the
 * response stream, which closes the connection: the rest is never downloaded.
 */
import type { Readable } from 'node:stream';
import type { IncomingHttpHeaders } from 'node:http';
import { TooLargeError } from './page-errors.js';

export class BodyCapture {
  private readonly chunks: Buffer[] = [];
  /** Body bytes received so far. */
  bytes = 0;

  constructor(
    readonly maxBytes: number,
    /** Status, headers and URL of the response. */
    readonly status: number,
    readonly headers: IncomingHttpHeaders,
    readonly url: string,
  ) {}

  /** The raw body received. */
  body(): Buffer {
    return Buffer.concat(this.chunks, this.bytes);
  }

  /**
   * Reads `stream` to its end, keeping its bytes. Rejects with `TooLargeError` once more than `maxBytes` came (the
   * stream is destroyed then), or with the stream's own error (a timeout, an abort, a reset connection).
   */
  read(stream: Readable): Promise<void> {
    return new Promise((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.bytes += chunk.length;
        if (this.bytes > this.maxBytes) {
          const err = new TooLargeError(this.maxBytes, this.bytes - chunk.length);
          stream.off('data', onData);
          discard(stream);
          reject(err);
          return;
        }
        this.chunks.push(chunk);
      };
      stream.on('data', onData);
      stream.once('end', () => resolve());
      stream.once('error', reject);
      // Destroyed without an error (the connection closed early): what came is all there is.
      stream.once('close', () => {
        if (!stream.readableEnded) reject(new Error('connection closed before the end of the response'));
      });
    });
  }
}

/** Stops downloading a response body (closing the connection). */
export function discard(response: Readable): void {
  response.on('error', () => {});
  response.destroy();
}
