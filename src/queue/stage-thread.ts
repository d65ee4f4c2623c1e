/**
 * Body of a stage thread: runs each task posted to it, one at a time, and posts back the outcome
 * or the error (with whether retrying could help).
 */
import { parentPort } from 'node:worker_threads';
import { runStageTask, type StageTask } from './threads.ts';

const port = parentPort!;
port.on('message', async (msg: { id: number; task: StageTask }) => {
  try {
    const outcome = await runStageTask(msg.task);
    port.postMessage({ id: msg.id, ok: true, outcome });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id: msg.id, ok: false, message: e.message, permanent: (e as { permanent?: boolean }).permanent === true });
  }
});
