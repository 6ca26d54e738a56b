/** Core: errors with stable codes, the injectable clock, token helpers. */
export * from './errors';
export { Clock, FixedClock, SystemClock } from './clock';
export { hashToken, randomToken, safeEqual } from './secrets';
export { CoreModule } from './core.module';
export { updateChanges } from './update-input';
