import 'reflect-metadata';
import { startWorker } from './bootstrap';

startWorker().catch((error: Error) => {
  process.stderr.write(`Baton worker could not start: ${error.message}\n`);
  process.exit(1);
});
