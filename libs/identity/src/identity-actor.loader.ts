import { Injectable } from '@nestjs/common';
import { AccessTokenClaims, Actor, ActorLoader, Grant, PermissionRegistry } from '@baton/auth';
import { DataSource } from 'typeorm';
import { ActorCache } from './session/actor-cache';
import { ActorProfile, actorProfiles } from './session/actor-profiles';

interface ActorRow {
  id: string;
  email: string;
  status: string;
  display_name: string;
  last_login_at: Date | null;
  created_at: Date;
  password_changed_at: Date | null;
  revoked: boolean;
  grants: Grant[] | null;
}

/**
 * One SQL statement for the person, their grants, and whether the session behind the token was
 * logged out, then reused for a few seconds (ActorCache): every write that changes the answer
 * is heard from the database on every instance, so disabling a person or logging out still takes effect on
 * the next request rather than when the 15-minute token expires.
 */
@Injectable()
export class IdentityActorLoader extends ActorLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly permissions: PermissionRegistry,
    private readonly cache: ActorCache,
  ) {
    super();
  }

  async load(claims: AccessTokenClaims): Promise<Actor | null> {
    if (!this.cache.enabled) return this.read(claims);
    // iat is part of the key: whether a token predates the last password change is decided per token.
    const key = `${claims.fam}|${claims.sub}|${claims.iat}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const version = this.cache.version;
    const actor = await this.read(claims);
    if (actor) this.cache.set(key, actor, claims.fam, version);
    return actor;
  }

  private async read(claims: AccessTokenClaims): Promise<Actor | null> {
    const rows = await this.dataSource.query<ActorRow[]>(
      `SELECT u.id, u.email, u.status, u.display_name, u.last_login_at, u.created_at, u.password_changed_at,
              EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $2 AND r.revoked_at IS NOT NULL) AS revoked,
              (SELECT json_agg(json_build_object('id', g.id, 'role', g.role, 'eventId', g.event_id, 'organisationId', g.organisation_id,
                                                 'venueIds', g.venue_ids, 'teamIds', g.team_ids) ORDER BY g.created_at, g.id)
                 FROM role_grants g WHERE g.user_id = u.id) AS grants
         FROM users u WHERE u.id = $1`,
      [claims.sub, claims.fam],
    );
    const row = rows[0];
    if (!row || row.status !== 'ACTIVE' || row.revoked) return null;
    // A password change ends every session opened before it (iat has 1 s resolution).
    if (row.password_changed_at && claims.iat < Math.floor(row.password_changed_at.getTime() / 1000)) return null;
    const actor = new Actor(this.permissions, row.id, row.email, row.grants ?? [], claims.fam);
    actorProfiles.set(actor, {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      status: row.status as ActorProfile['status'],
      lastLoginAt: row.last_login_at,
      createdAt: row.created_at,
    });
    return actor;
  }
}
