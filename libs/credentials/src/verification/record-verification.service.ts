import { Injectable } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import { BadInputError, Clock, NotFoundError } from '@baton/core';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import { CredentialFacts, credentialClaims, verificationUrl } from '../games-record/credential-builder';
import { GamesRecordEntity } from '../games-record/games-record.entity';
import { GamesRecordStatus, recordStatus } from '../games-record/games-record-status';
import { formatHours, HOURS_RULE } from '../games-record/work-figures';
import { KeyRingService, SIGNING_ALGORITHM } from '../keys/key-ring.service';
import { SigningKeyEntity, SigningKeyStatus } from '../keys/signing-key.entity';
import { RecordVerificationObject, VerificationStatus } from './verification.types';

export const CODE_PATTERN = /^[A-Za-z0-9_-]{22}$/;

type VerifiedRow = GamesRecordEntity & { key: SigningKeyEntity; supersededBy?: { code: string } };

/**
 * Checks a record the way a third party would, plus what only Baton can check: the stored token's
 * signature against the key it names (and that key still trusted), then the signed payload
 * against the credential rebuilt from the stored row. A row edited after signing, or a token
 * swapped, answers INVALID and certifies nothing.
 */
@Injectable()
export class RecordVerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyRingService,
    private readonly config: BatonConfig,
    private readonly clock: Clock,
  ) {}

  async verify(codeInput: unknown): Promise<RecordVerificationObject> {
    const code = typeof codeInput === 'string' ? codeInput.trim() : '';
    if (!CODE_PATTERN.test(code)) throw BadInputError.field('code', 'A verification code is 22 letters, digits, - or _', 'format');
    const row = (await this.dataSource
      .getRepository(GamesRecordEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.key', 'k')
      .leftJoin('r.supersededBy', 's')
      .addSelect(['s.id', 's.code'])
      .where('r.code = :code', { code })
      .getOne()) as VerifiedRow | null;
    if (!row) throw new NotFoundError('Games record');

    const problems: string[] = [];
    const { signatureValid, matchesRecord } = await this.check(row, problems);
    const status = recordStatus(row);
    const holds = signatureValid && matchesRecord;
    const publicUrl = this.config.http.publicUrl;
    return {
      code,
      status:
        status === GamesRecordStatus.SUPERSEDED
          ? VerificationStatus.SUPERSEDED
          : status === GamesRecordStatus.REVOKED
            ? VerificationStatus.REVOKED
            : holds
              ? VerificationStatus.VALID
              : VerificationStatus.INVALID,
      checkedAt: this.clock.now(),
      signatureValid,
      matchesRecord,
      problems,
      issuer: { id: row.issuerId, name: row.issuerName },
      issuedAt: row.issuedAt,
      keyId: row.key.kid,
      credentialId: `urn:uuid:${row.credentialId}`,
      revokedAt: row.revokedAt,
      revocationReason: row.revocationReason,
      supersededByCode: row.supersededBy?.code ?? null,
      supersededByUrl: row.supersededBy ? verificationUrl(publicUrl, row.supersededBy.code) : null,
      verificationUrl: verificationUrl(publicUrl, code),
      jwksUrl: `${publicUrl}/.well-known/jwks.json`,
      facts: holds
        ? {
            subjectName: row.subjectName!,
            eventName: row.eventName,
            eventCode: row.eventCode,
            organisationName: row.organisationName,
            teams: row.teamNames,
            venues: row.venueNames,
            roles: row.roleTitles,
            firstDay: row.firstDay,
            lastDay: row.lastDay,
            shiftsWorked: row.shiftsWorked,
            hoursWorked: Number(formatHours(row.workedMinutes)),
            hoursRule: HOURS_RULE,
          }
        : null,
      credentialJwt: holds ? row.credentialJwt : null,
    };
  }

  private async check(row: VerifiedRow, problems: string[]): Promise<{ signatureValid: boolean; matchesRecord: boolean }> {
    const jwt = row.credentialJwt;
    if (!jwt || !row.subjectName) {
      problems.push('The personal data of this record was erased: it certifies nothing any more');
      return { signatureValid: false, matchesRecord: false };
    }
    let payload: unknown;
    try {
      const header = decodeProtectedHeader(jwt);
      if (header.kid !== row.key.kid) problems.push('The credential names another signing key than the one recorded');
      if (row.key.status === SigningKeyStatus.REVOKED) problems.push(`The signing key was revoked on ${row.key.revokedAt!.toISOString()}`);
      if (problems.length) return { signatureValid: false, matchesRecord: false };
      const verified = await compactVerify(jwt, this.keys.publicKeyOf(row.key), { algorithms: [SIGNING_ALGORITHM] });
      payload = JSON.parse(new TextDecoder().decode(verified.payload));
    } catch {
      problems.push('The signature of the stored credential does not verify');
      return { signatureValid: false, matchesRecord: false };
    }
    const expected = credentialClaims(factsOf(row));
    if (!isDeepStrictEqual(payload, expected)) {
      problems.push('The stored record no longer matches what was signed: it was changed after issue');
      return { signatureValid: true, matchesRecord: false };
    }
    return { signatureValid: true, matchesRecord: true };
  }
}

/** The facts a row states, as the issuer built them (see GamesRecordIssuer.signedRow). */
export function factsOf(row: GamesRecordEntity): CredentialFacts {
  return {
    credentialId: row.credentialId,
    subjectId: row.subjectId,
    code: row.code,
    publicUrl: row.publicUrl,
    issuerId: row.issuerId,
    issuerName: row.issuerName,
    issuedAt: row.issuedAt,
    subjectName: row.subjectName ?? '',
    eventCode: row.eventCode,
    eventName: row.eventName,
    organisationName: row.organisationName,
    figures: {
      shiftsWorked: row.shiftsWorked,
      workedMinutes: row.workedMinutes,
      firstDay: row.firstDay,
      lastDay: row.lastDay,
      teams: row.teamNames,
      venues: row.venueNames,
      roles: row.roleTitles,
    },
  };
}
