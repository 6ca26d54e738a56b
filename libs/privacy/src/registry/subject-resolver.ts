import { Injectable } from '@nestjs/common';
import { PrivacySubject } from '@baton/core';
import { EntityManager } from 'typeorm';
import { PrivacyRegistry } from './privacy-registry';

/** Passes over the contributions until nothing new is learnt (an account leads to staff records, a record to its account). */
const MAX_PASSES = 4;

/**
 * Gathers who a person is before anything changes: their account, every staff record, and every
 * name, email and phone any lib holds, so later contributions can scrub free text of all of them.
 */
@Injectable()
export class SubjectResolver {
  constructor(private readonly registry: PrivacyRegistry) {}

  async resolve(manager: EntityManager, start: { userId?: string | null; staffMemberIds?: string[] }): Promise<PrivacySubject> {
    const subject: PrivacySubject = {
      userId: start.userId ?? null,
      staffMemberIds: [...(start.staffMemberIds ?? [])],
      emails: [],
      names: [],
      phones: [],
      alias: '',
    };
    let size = -1;
    for (let pass = 0; pass < MAX_PASSES && size !== this.size(subject); pass++) {
      size = this.size(subject);
      for (const contribution of this.registry.contributions()) await contribution.identify?.(manager, subject);
    }
    subject.staffMemberIds.sort();
    // A short, stable pseudonym: the same person erased is always called the same, and it says nothing about them.
    subject.alias = `Erased person #${(subject.userId ?? subject.staffMemberIds[0] ?? '').replace(/-/g, '').slice(0, 8)}`;
    return subject;
  }

  private size(s: PrivacySubject): number {
    return (s.userId ? 1 : 0) + s.staffMemberIds.length + s.emails.length + s.names.length + s.phones.length;
  }
}
