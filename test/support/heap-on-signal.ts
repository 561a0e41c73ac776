import { appendFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Loaded into a server started by the load test (`node --import`), never by Tandem itself: on
 * SIGUSR2 it collects all garbage and appends what is still reachable (V8's heap in use and the
 * memory its objects hold outside it) to the file named by TANDEM_TEST_HEAP_FILE. Resident memory
 * alone cannot show a leak: V8 lets its old generation fill to several times what is live before
 * collecting it, so the same server reads 270 or 530 MB depending on when it is asked.
 */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
const file = process.env.TANDEM_TEST_HEAP_FILE;

process.on('SIGUSR2', () => {
  if (!file) return;
  collectGarbage();
  collectGarbage();
  const { heapUsed, external } = process.memoryUsage();
  appendFileSync(file, `${JSON.stringify({ liveBytes: heapUsed + external })}\n`);
});
