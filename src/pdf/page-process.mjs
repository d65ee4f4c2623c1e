// Page process bootstrap: installs tsx's loader so that the child process can run the TypeScript
// page worker, whatever the host was started with (tsx CLI, vitest, node --import tsx).
import { register } from 'tsx/esm/api';

register();
await import('./page-worker.ts');
