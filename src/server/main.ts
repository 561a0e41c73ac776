import { openConfiguredDatabase, serve } from './serve.ts';

await serve(await openConfiguredDatabase());
