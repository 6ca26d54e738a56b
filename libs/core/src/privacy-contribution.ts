import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The contract between the privacy lib (export, erasure, retention) and every lib that stores
 * data about people. It lives in core, not in libs/privacy, because platform libs hold personal
 * data too (the audit trail, the outbox) and may not import a domain lib; the privacy lib finds
 * the contributions at startup, so it imports none of the libs that register with it.
 */
export const PRIVACY_CONTRIBUTION_METADATA = 'baton:privacy-contribution';

/** A table a lib answers for. `personal: false` records a reviewed decision that it holds none. */
export interface PrivacyTableClaim {
  /** `table` for the public schema, `schema.table` otherwise. */
  table: string;
  personal: boolean;
  /** Why it holds no personal data, or what erasure does to it. */
  note: string;
}

/** Who is being exported or erased: ids, and the strings that identify them (to scrub free text). */
export interface PrivacySubject {
  /** The account, if the person has one. */
  userId: string | null;
  /** Every staff record of the person, in every event. */
  staffMemberIds: string[];
  /** Every email, name and phone Baton holds for the person, gathered before anything changes. */
  emails: string[];
  names: string[];
  phones: string[];
  /** What the person is called once erased, e.g. "Erased person #1a2b3c4d". */
  alias: string;
}

export interface PrivacyContext {
  /** The transaction of the whole export or erasure: every contribution stands or falls together. */
  manager: EntityManager;
  subject: PrivacySubject;
  /** Who asked (null for the retention job). */
  actorUserId: string | null;
  now: Date;
}

export interface PrivacyContribution {
  /** The section name in an export, e.g. `staff`. */
  readonly section: string;
  /** Every table of the lib that holds text, JSON or a reference to a person. */
  readonly tables: readonly PrivacyTableClaim[];
  /** Erasure order: data first (0), then trails that must be scrubbed of what the others wrote (100). */
  readonly erasureOrder?: number;
  /** Adds ids and identifying strings the lib knows (an account's staff records, a record's phone). */
  identify?(manager: EntityManager, subject: PrivacySubject): Promise<void>;
  /** Everything the lib holds on the person, as plain JSON. */
  exportData?(context: PrivacyContext): Promise<Record<string, unknown>>;
  /**
   * Of these accounts, those the lib must keep from the retention job (e.g. alumni members, who
   * consented to be kept). Retention erases only people no contribution holds.
   */
  retentionHolds?(manager: EntityManager, userIds: string[]): Promise<string[]>;
  /** Removes or anonymises it; returns counts of rows touched (no personal data). */
  erase?(context: PrivacyContext): Promise<Record<string, number>>;
}

/** Marks a provider implementing PrivacyContribution; the privacy registry discovers it at startup. */
export const PrivacyContributor = (): ClassDecorator => SetMetadata(PRIVACY_CONTRIBUTION_METADATA, true);

/** Adds a string to a list once, ignoring empty ones (names and emails gathered from many tables). */
export function addIdentifier(list: string[], value: string | null | undefined): void {
  const v = value?.trim();
  if (v && !list.includes(v)) list.push(v);
}

/** What replaces an identifier found in free text (audit payloads, other people's messages). */
export const ERASED_MARK = '[erased]';

/**
 * The person's identifying strings as case-insensitive PostgreSQL regular expressions, for
 * scrubbing free text and JSON (`regexp_replace(col, p, '[erased]', 'gi')`). Strings shorter than
 * three characters are left out: they would wreck unrelated text and identify nobody alone.
 */
export function identifierPatterns(subject: PrivacySubject): string[] {
  const values = [...subject.emails, ...subject.names, ...subject.phones].filter((v) => v.length >= 3);
  const forms = new Set<string>();
  for (const v of values) {
    forms.add(v);
    // As it appears inside a JSON string (quotes, backslashes, control characters escaped).
    forms.add(JSON.stringify(v).slice(1, -1));
  }
  return [...forms].map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
