/**
 * The article response body as raw bytes, under a size cap. Crawlee reads the body for its own handler;
 * the store wants the bytes as received (it decodes them itself from Content-Type and <meta charset>), so the
 * response stream is passed through a counting Transform that keeps a copy of every chunk and fails once the
 * cap is passed, which destroys the source stream and closes the connection: the rest is never downloaded.
 */
import { Readable, Transform, pipeline } from 'node:stream';
import type { IncomingHttpHeaders } from 'node:http';
import { TooLargeError } from './page-errors.js';

/** The response properties Crawlee reads from the stream it parses. */
const RESPONSE_PROPS = ['statusCode', 'statusMessage', 'headers', 'url', 'redirectUrls', 'httpVersion', 'rawHeaders', 'trailers', 'rawTrailers', 'complete', 'request'] as const;

/** The stream Crawlee's HTTP client returns: a body stream carrying the response's properties. */
export type ResponseStream = Readable & { statusCode?: number; headers: IncomingHttpHeaders; url: string };

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

  /** A stream standing in for `response` that copies (and caps) what flows through. */
  wrap(response: ResponseStream): ResponseStream {
    const capture = new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        this.bytes += chunk.length;
        if (this.bytes > this.maxBytes) return callback(new TooLargeError(this.maxBytes, this.bytes - chunk.length));
        this.chunks.push(chunk);
        callback(null, chunk);
      },
    });
    // On error pipeline() destroys the response stream, which aborts the request.
    pipeline(response, capture, () => {});
    return withResponseProps(capture, response);
  }
}

/** An empty body with the response's properties (for statuses whose body is not wanted). */
export function emptyBody(response: ResponseStream): ResponseStream {
  discard(response);
  return withResponseProps(
    new Readable({
      read() {
        this.push(null);
      },
    }),
    response,
  );
}

/** Stops downloading a response body (closing the connection). */
export function discard(response: Readable): void {
  response.on('error', () => {});
  response.destroy();
}

function withResponseProps(stream: Readable, response: ResponseStream): ResponseStream {
  const target = stream as unknown as Record<string, unknown>;
  const source = response as unknown as Record<string, unknown>;
  for (const p of RESPONSE_PROPS) if (p in source) target[p] = source[p];
  return stream as ResponseStream;
}
