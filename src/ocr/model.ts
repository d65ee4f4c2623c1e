/** Where the Vietnamese model is read from: the npm package's folder on disk, never the network. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Folder holding vie.traineddata.gz (tesseract.js reads `${langPath}/vie.traineddata.gz`). */
export function vieLangPath(): string {
  return join(dirname(require.resolve('@tesseract.js-data/vie/package.json')), '4.0.0_best_int');
}
