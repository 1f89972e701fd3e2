/**
 * An extraction thread (see ./extract-pool.ts): runs `extract()` on the pages the pool passes on and answers with
 * the record, or with the extractor's error.
 */
import { parentPort } from 'node:worker_threads';
import { extract } from '../extract/index.js';
import type { ExtractReply, ExtractRequest } from './extract-pool.js';

parentPort!.on('message', (req: ExtractRequest) => {
  let reply: ExtractReply;
  try {
    reply = { id: req.id, record: extract(req.html, req.url, { input: req.input }) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { id: req.id, error: { name: e.name, message: e.message, stack: e.stack } };
  }
  parentPort!.postMessage(reply);
});
