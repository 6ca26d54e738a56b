import 'reflect-metadata';
import { startApp } from './bootstrap';

startApp().catch((error: Error) => {
  // Configuration errors are written for operators: print the message, not a stack trace.
  process.stderr.write(`Baton could not start: ${error.message}\n`);
  process.exit(1);
});
