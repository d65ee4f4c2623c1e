// Stage-thread bootstrap: installs tsx's loader so the thread can run the TypeScript module named
// in workerData.entry, whatever the host process was started with (bin/sohoa.js, tsx, vitest).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
