// Worker-thread bootstrap: installs tsx's loader so the worker can run the TypeScript module
// named in workerData.entry, whatever the host process was started with (tsx CLI, vitest, node).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
