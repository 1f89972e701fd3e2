import { describe, expect, it } from 'vitest';
import { InvalidJobError, PermanentJobError, QUEUE_NAMES, classifyError, parseJobData } from '../../src/queue/index.js';

function rejection(fn: () => unknown): InvalidJobError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidJobError);
    return e as InvalidJobError;
  }
  throw new Error('expected InvalidJobError');
}

describe('job contracts', () => {
  it('has one schema per queue', () => {
    expect(QUEUE_NAMES.sort()).toEqual(['crawl', 'extract']);
  });

  it('accepts and types valid crawl and extract data', () => {
    const crawl = parseJobData('crawl', { sourceId: 'kendaripos', since: '2024-01-31', maxPages: 50, politenessMs: 0, runId: 'r1' });
    expect(crawl).toEqual({ sourceId: 'kendaripos', since: '2024-01-31', maxPages: 50, politenessMs: 0, runId: 'r1' });
    expect(parseJobData('crawl', { sourceId: 's', runId: 'r' })).toEqual({ sourceId: 's', runId: 'r' });
    expect(parseJobData('extract', { pageId: 'p1' })).toEqual({ pageId: 'p1' });
    expect(parseJobData('extract', { pageId: 'p1', runId: 'r' })).toEqual({ pageId: 'p1', runId: 'r' });
  });

  it.each([
    ['crawl', { runId: 'r' }, 'sourceId'],
    ['crawl', { sourceId: '', runId: 'r' }, 'sourceId'],
    ['crawl', { sourceId: 's' }, 'runId'],
    ['crawl', { sourceId: 's', runId: 'r', since: '2024-1-5' }, 'since'],
    ['crawl', { sourceId: 's', runId: 'r', since: '2024-02-30' }, 'since'],
    ['crawl', { sourceId: 's', runId: 'r', maxPages: 0 }, 'maxPages'],
    ['crawl', { sourceId: 's', runId: 'r', maxPages: 2.5 }, 'maxPages'],
    ['crawl', { sourceId: 's', runId: 'r', maxPages: '10' }, 'maxPages'],
    ['crawl', { sourceId: 's', runId: 'r', politenessMs: -1 }, 'politenessMs'],
    ['crawl', { sourceId: 's', runId: 'r', maxpages: 5 }, 'maxpages'],
    ['extract', { pageId: 42 }, 'pageId'],
    ['extract', {}, 'pageId'],
    ['extract', { pageId: 'p', runId: '' }, 'runId'],
  ] as const)('rejects %s data %j naming %s', (queue, data, field) => {
    const err = rejection(() => parseJobData(queue, data, 'job-7'));
    expect(err.message).toContain(`invalid ${queue} job job-7`);
    expect(err.message).toContain(field);
    expect(err.problems.some((p) => p.startsWith(field))).toBe(true);
    expect(err.queue).toBe(queue);
    expect(err.jobId).toBe('job-7');
  });

  it('rejects data that is not an object, and unknown queues', () => {
    expect(rejection(() => parseJobData('extract', null)).message).toMatch(/invalid extract job: .*object/);
    expect(rejection(() => parseJobData('nope' as 'crawl', {})).message).toContain('unknown queue "nope"');
  });

  it('is a permanent error', () => {
    const err = rejection(() => parseJobData('extract', {}));
    expect(err).toBeInstanceOf(PermanentJobError);
    expect(classifyError(err)).toBe('permanent');
  });
});
