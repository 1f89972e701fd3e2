/**
 * The article fetcher's request queue: an in-memory `IRequestManager` that Crawlee fetches its requests from
 * (handed over as `requestQueue`; see fetch-articles.ts).
 *
 * Why not Crawlee's own RequestQueue: a crawl's queue lives for one run in one process (the frontier and the
 * store are the durable state), and the general-purpose queue pays on every request for what this one does not
 * need — a storage client that validates (shapeshift) and deep-copies each request on every state change, locks,
 * a dedup cache, `ow` argument checks that capture a stack trace per call. Here a request is an object in an
 * array. It also lets discovery feed the fetcher while it runs: the queue stays open, so Crawlee waits for more,
 * until `close()` says discovery is done.
 */
import { Request } from '@crawlee/core';
import type { IRequestManager, RequestOptions, RequestQueueOperationOptions, Source as CrawleeSource } from '@crawlee/core';

type QueueInfo = Awaited<ReturnType<IRequestManager['addRequest']>>;
type BatchResult = Awaited<ReturnType<IRequestManager['addRequestsBatched']>>;
type RequestsLike = Parameters<IRequestManager['addRequestsBatched']>[0];

export class FetchQueue implements IRequestManager {
  /** Requests waiting; the front is at the end (`pop`), so adding to the front and taking from it are O(1). */
  private readonly front: Request[] = [];
  /** Requests waiting behind `front`, in order; `head` is the next one. */
  private back: Request[] = [];
  private head = 0;
  private readonly keys = new Set<string>();
  private inProgress = 0;
  private handled = 0;
  private closed = false;
  private readonly waiters: (() => void)[] = [];

  /** Adds requests (by their `uniqueKey`: one already added is ignored), at the back or, with `forefront`, first. */
  push(requests: readonly (RequestOptions | Request)[], forefront = false): QueueInfo[] {
    const out: QueueInfo[] = [];
    const fresh: Request[] = [];
    for (const r of requests) {
      const request = r instanceof Request ? r : new Request(r);
      const present = this.keys.has(request.uniqueKey);
      if (!present) {
        this.keys.add(request.uniqueKey);
        request.id ??= request.uniqueKey;
        fresh.push(request);
      }
      out.push({ uniqueKey: request.uniqueKey, requestId: request.id!, wasAlreadyPresent: present, wasAlreadyHandled: false, forefront });
    }
    if (forefront) for (let i = fresh.length - 1; i >= 0; i--) this.front.push(fresh[i]);
    else for (const r of fresh) this.back.push(r);
    if (fresh.length > 0) this.wake();
    return out;
  }

  /** No more requests will be added (retries and redirect hops of those in progress aside): once drained, done. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  /** Requests added so far that are neither handled nor in progress. */
  get waiting(): number {
    return this.front.length + this.back.length - this.head;
  }

  /** Lets the iterators waiting for a request (or for the end) look again. */
  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  async isFinished(): Promise<boolean> {
    return this.closed && this.waiting === 0 && this.inProgress === 0;
  }

  async isEmpty(): Promise<boolean> {
    return this.waiting === 0;
  }

  async handledCount(): Promise<number> {
    return this.handled;
  }

  getTotalCount(): number {
    return this.keys.size;
  }

  getPendingCount(): number {
    return this.waiting + this.inProgress;
  }

  async fetchNextRequest<T extends Record<string, unknown> = Record<string, unknown>>(): Promise<Request<T> | null> {
    let request = this.front.pop();
    if (!request && this.head < this.back.length) {
      request = this.back[this.head++];
      // Drop the consumed prefix now and then rather than shifting on every request.
      if (this.head > 1024 && this.head * 2 > this.back.length) {
        this.back = this.back.slice(this.head);
        this.head = 0;
      }
    }
    if (!request) return null;
    this.inProgress++;
    return request as unknown as Request<T>;
  }

  async markRequestHandled(request: Request): Promise<QueueInfo> {
    this.inProgress--;
    this.handled++;
    request.handledAt ??= new Date().toISOString();
    this.wake();
    return { uniqueKey: request.uniqueKey, requestId: request.id!, wasAlreadyPresent: true, wasAlreadyHandled: true, forefront: false };
  }

  async reclaimRequest(request: Request, options: RequestQueueOperationOptions = {}): Promise<QueueInfo> {
    this.inProgress--;
    if (options.forefront) this.front.push(request);
    else this.back.push(request);
    this.wake();
    return { uniqueKey: request.uniqueKey, requestId: request.id!, wasAlreadyPresent: true, wasAlreadyHandled: false, forefront: Boolean(options.forefront) };
  }

  async addRequest(requestLike: CrawleeSource, options: RequestQueueOperationOptions = {}): Promise<QueueInfo> {
    return this.push([toOptions(requestLike)], options.forefront)[0];
  }

  async addRequestsBatched(requests: RequestsLike, options: RequestQueueOperationOptions = {}): Promise<BatchResult> {
    const all: (RequestOptions | Request)[] = [];
    for await (const r of requests as AsyncIterable<CrawleeSource | string>) all.push(toOptions(r));
    const added = this.push(all, options.forefront).map(({ uniqueKey, requestId, wasAlreadyPresent, wasAlreadyHandled }) => ({
      uniqueKey,
      requestId,
      wasAlreadyPresent,
      wasAlreadyHandled,
    }));
    return { addedRequests: added, waitForAllRequestsToBeAdded: Promise.resolve([]), requestsOverLimit: [] };
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Request> {
    for (;;) {
      const next = await this.fetchNextRequest();
      if (next) {
        yield next;
        continue;
      }
      if (await this.isFinished()) return;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}

function toOptions(source: CrawleeSource | string): RequestOptions | Request {
  if (typeof source === 'string') return { url: source };
  if (source instanceof Request) return source;
  const { requestsFromUrl: _skip, ...options } = source as RequestOptions & { requestsFromUrl?: string };
  if (!options.url) throw new Error('FetchQueue: a request needs a url');
  return options;
}
