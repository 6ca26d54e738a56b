import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Role } from '@baton/auth';
import { BadInputError, ConflictError, FieldProblem } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { isEmail } from 'class-validator';
import { EntityManager } from 'typeorm';
import { RoleGrantEntity } from '../grant/role-grant.entity';
import { PasswordHasher } from '../password/password-hasher';
import { UserEntity, UserStatus } from './user.entity';

export interface AdminRequest {
  email: string;
  displayName?: string;
  /** Absent only when granting an existing account, which keeps its own password. */
  password?: string;
  /** Grant ADMIN to an existing account of this email instead of refusing. */
  grantExisting: boolean;
  /** Who ran the command (operating system user and host), for the audit trail. */
  operator: string;
}

export type AdminOutcome = { outcome: 'CREATED' | 'GRANTED' | 'ALREADY_ADMIN'; userId: string; email: string };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The checks that need no database, so a command can refuse before it connects. */
export function validateAdminRequest(
  request: Omit<AdminRequest, 'operator'>,
  hasher = new PasswordHasher(),
): { email: string; displayName: string | undefined } {
  const problems: FieldProblem[] = [];
  const email = request.email.trim().toLowerCase();
  if (!isEmail(email) || email.length > 320)
    problems.push({ field: 'email', message: `"${email.slice(0, 80)}" is not an email address`, constraint: 'isEmail' });
  const displayName = request.displayName?.trim();
  if (displayName !== undefined && (!displayName || displayName.length > 200 || CONTROL.test(displayName))) {
    problems.push({ field: 'name', message: 'The name must be 1 to 200 characters, without control characters', constraint: 'displayName' });
  }
  if (request.password !== undefined) {
    try {
      hasher.assertAcceptable(request.password);
    } catch (error) {
      problems.push(...((error as BadInputError).details.fields as FieldProblem[]));
    }
  }
  if (problems.length) throw new BadInputError(problems.map((p) => p.message).join('; '), problems);
  return { email, displayName };
}

/**
 * The first administrator of a fresh production database, from the command line: nobody can
 * sign in yet to invite one, and the demo seed brings a public password. The same rules as the
 * API: the password policy, lower-cased emails, an audit record (with no actor, and who ran it).
 */
@Injectable()
export class FirstAdminService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  /** Whether the email already has an account: the command asks for a password only when it will create one. */
  async accountExists(email: string): Promise<boolean> {
    return this.transactions.run(({ manager }) => manager.getRepository(UserEntity).existsBy({ email: email.trim().toLowerCase() }));
  }

  async createAdmin(request: AdminRequest): Promise<AdminOutcome> {
    const { email, displayName } = validateAdminRequest(request, this.hasher);
    const hash = request.password === undefined ? undefined : await this.hasher.hash(request.password);
    return this.transactions.run(async ({ manager }) => {
      const users = manager.getRepository(UserEntity);
      const existing = await users.createQueryBuilder('u').setLock('pessimistic_write').where('u.email = :email', { email }).getOne();
      const reason = `command line (admin create), run by ${request.operator}`;
      if (existing) {
        if (!request.grantExisting) {
          throw new ConflictError(`An account with the email ${email} already exists; use --grant-existing to make it an admin`, { field: 'email' });
        }
        if (existing.status !== UserStatus.ACTIVE) {
          throw new ConflictError(`The account ${email} is ${existing.status.toLowerCase()}: an admin role would not let it sign in`, { field: 'email' });
        }
        if (await manager.getRepository(RoleGrantEntity).existsBy({ userId: existing.id, role: Role.ADMIN })) {
          return { outcome: 'ALREADY_ADMIN', userId: existing.id, email };
        }
        await this.grantAdmin(manager, existing.id, reason);
        return { outcome: 'GRANTED', userId: existing.id, email };
      }
      if (!displayName) throw BadInputError.field('name', 'A name is required for a new account (--name)', 'required');
      if (!hash) throw BadInputError.field('password', 'A password is required for a new account', 'required');
      const user = await users.save(users.create({ email, displayName, passwordHash: hash, status: UserStatus.ACTIVE }));
      await this.audit.record(manager, {
        actorUserId: null,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: { email, displayName, status: UserStatus.ACTIVE },
        reason,
      });
      await this.grantAdmin(manager, user.id, reason);
      return { outcome: 'CREATED', userId: user.id, email };
    });
  }

  private async grantAdmin(manager: EntityManager, userId: string, reason: string): Promise<void> {
    const grant = await manager
      .getRepository(RoleGrantEntity)
      .save(manager.getRepository(RoleGrantEntity).create({ userId, role: Role.ADMIN, grantedById: null }));
    await this.audit.record(manager, {
      actorUserId: null,
      action: 'user.role_granted',
      entityType: 'role_grant',
      entityId: grant.id,
      after: { userId, role: Role.ADMIN },
      reason,
    });
  }
}
