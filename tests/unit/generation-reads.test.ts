// coalescingReads (server/lib/generation-reads.ts): concurrent callers share reads, yet each gets a read
// that began after it asked. The read here is a counter whose reads the test finishes by hand, so the
// order of events is exact; the response-cache and analytics API tests run it against real databases.
import { describe, expect, test } from 'vitest';
import { coalescingReads } from '../../server/lib/generation-reads';

/** A read returning the value of `state.committed` as of when it started; finished by `finish()`. */
function manualSource() {
  const state = { committed: 0, started: 0 };
  const pending: { finish: () => void; fail: (error: Error) => void }[] = [];
  const read = () => {
    state.started++;
    const seen = state.committed;
    return new Promise<number>((resolve, reject) => {
      pending.push({ finish: () => resolve(seen), fail: reject });
    });
  };
  const finishNext = async () => {
    pending.shift()?.finish();
    // Let the reactions (the finally, the queued read's start) run.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { state, pending, read, finishNext };
}

describe('coalescingReads', () => {
  test('a caller with no read running starts one', async () => {
    const source = manualSource();
    const shared = coalescingReads(source.read);
    const answer = shared();
    expect(source.state.started).toBe(1);
    await source.finishNext();
    expect(await answer).toBe(0);
  });

  test('callers arriving during a read share the next one, which sees what was committed before they asked', async () => {
    const source = manualSource();
    const shared = coalescingReads(source.read);
    const first = shared(); // starts read 1, before the commit
    source.state.committed = 1; // e.g. the caller's own write commits
    const second = shared();
    const third = shared();
    expect(source.state.started).toBe(1); // the two wait; they do not join read 1
    await source.finishNext();
    expect(await first).toBe(0);
    expect(source.state.started).toBe(2); // one read for both
    await source.finishNext();
    expect(await second).toBe(1);
    expect(await third).toBe(1);
  });

  test('after the shared read, the next caller gets a read of its own', async () => {
    const source = manualSource();
    const shared = coalescingReads(source.read);
    const first = shared();
    await source.finishNext();
    await first;
    source.state.committed = 2;
    const later = shared();
    expect(source.state.started).toBe(2);
    await source.finishNext();
    expect(await later).toBe(2);
  });

  test('a failed read fails the callers that shared it, and the next call reads again', async () => {
    const source = manualSource();
    const shared = coalescingReads(source.read);
    const first = shared();
    const waiting = shared();
    source.pending.shift()?.fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    // The queued read still runs after the failure, for the callers that asked meanwhile.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(source.state.started).toBe(2);
    await source.finishNext();
    expect(await waiting).toBe(0);
    const again = shared();
    expect(source.state.started).toBe(3);
    await source.finishNext();
    expect(await again).toBe(0);
  });
});
