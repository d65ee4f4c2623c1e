/**
 * Waiting on the distributed runner in tests: polls a document's status until it completed or
 * failed, or throws after `timeoutMs` with the last status seen.
 */
import type { QueueClient } from '../../src/queue/index.ts';

export async function finished(client: QueueClient, id: string, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = await client.status(id, { pages: true });
    if (s && (s.state === 'completed' || s.state === 'failed')) return s;
    if (Date.now() > end) throw new Error(`document ${id} not finished: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
