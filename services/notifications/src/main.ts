import { runMain } from '@emporium/kit';
import { service } from './app.ts';

await runMain(service);
