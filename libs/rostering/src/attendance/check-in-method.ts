/** How a check-in reached Baton. Kept free of GraphQL so the entity can use it. */
export enum CheckInMethod {
  /** A coordinator ticked the person in. */
  COORDINATOR = 'COORDINATOR',
  /** A QR code or badge scanned on a coordinator's device. */
  BADGE = 'BADGE',
  /** The staff member on their own device, inside the self check-in window. */
  SELF = 'SELF',
  /** Recorded offline at the venue and uploaded later (reconciliation relies on idempotency). */
  OFFLINE_UPLOAD = 'OFFLINE_UPLOAD',
}
