// Worker thread body for `--workers N`: extracts the articles it is sent and posts the Extractions back.
import { parentPort } from 'node:worker_threads';
import { extract, type ExtractInput } from '../api.js';

parentPort?.on('message', (msg: { seq: number; article: ExtractInput }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, ok: true, extraction: extract(msg.article) });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, ok: false, message: (err as Error).message });
  }
});
