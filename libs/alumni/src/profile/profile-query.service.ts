import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { NotFoundError } from '@baton/core';
import { PreparedReads } from '@baton/database';
import { LoaderRegistry } from '@baton/graphql';
import { ConsentRequiredError } from '../common/alumni-errors';
import { AlumniProfileObject } from './dto/profile.object';
import { maySeeOthers, ProfileViewer } from './profile-access';
import { ProfileByUserLoader } from './profile.loaders';
import { ProfileRow, toProfileObject } from './profile.mapper';
import { readProfileRows } from './profile-rows.sql';
import { viewerFor } from './viewer';

/** One profile as the signed-in person may see it. */
@Injectable()
export class ProfileQueryService {
  constructor(private readonly prepared: PreparedReads) {}

  /** One's own profile, member or not (it is theirs); null before the first join. */
  async mine(actor: Actor, loaders: LoaderRegistry): Promise<AlumniProfileObject | null> {
    const row = await loaders.get(ProfileByUserLoader).load(actor.userId);
    return row ? toProfileObject(row, await viewerFor(actor, loaders)) : null;
  }

  /**
   * Someone's profile. A profile this viewer may not see reads as not found, whether it is
   * private, withdrawn or absent, so its existence is not confirmed.
   */
  async get(actor: Actor, userId: string, loaders: LoaderRegistry): Promise<AlumniProfileObject> {
    const viewer = await viewerFor(actor, loaders);
    if (userId !== actor.userId && !maySeeOthers(viewer)) throw new ConsentRequiredError('Join the alumni network to see its members');
    const row = await loaders.get(ProfileByUserLoader).load(userId);
    const profile = row ? toProfileObject(row, viewer) : null;
    if (!profile) throw new NotFoundError('AlumniProfile', userId);
    return profile;
  }

  /**
   * Many profiles as this person may see them, in the order asked, without the ones they may not
   * see (the talent search re-checks its SQL answer with the policy itself). One batched load.
   */
  async many(actor: Actor, userIds: readonly string[], loaders: LoaderRegistry): Promise<AlumniProfileObject[]> {
    const viewer = await viewerFor(actor, loaders);
    const rows = await loaders.get(ProfileByUserLoader).loadMany([...userIds]);
    return rows.flatMap((row) => (row && !(row instanceof Error) ? [toProfileObject(row, viewer)] : [])).filter((p): p is AlumniProfileObject => p !== null);
  }

  /**
   * `many` for a hot read (a talent search page on every request): the same rows and the same
   * policy, read by one prepared statement instead of the loader's query builder. The loaders'
   * cache is not primed, so use it where nothing else in the request loads these profiles.
   */
  async manyByStatement(actor: Actor, userIds: readonly string[], loaders: LoaderRegistry): Promise<AlumniProfileObject[]> {
    const [viewer, rows] = await Promise.all([viewerFor(actor, loaders), this.rows(userIds)]);
    return this.fromRows(viewer, userIds, rows);
  }

  /** The rows behind manyByStatement, for a caller that keeps them while it knows they are unchanged. */
  rows(userIds: readonly string[]): Promise<Map<string, ProfileRow>> {
    return readProfileRows(this.prepared, userIds);
  }

  /** Rows through the policy, in the order asked, without what this viewer may not see: the same rule however the rows were read. */
  fromRows(viewer: ProfileViewer, userIds: readonly string[], rows: ReadonlyMap<string, ProfileRow>): AlumniProfileObject[] {
    return userIds.flatMap((id) => {
      const row = rows.get(id);
      const profile = row ? this.fromRow(viewer, row) : null;
      return profile ? [profile] : [];
    });
  }

  /** One row through the policy; null when this viewer may not see it. */
  fromRow(viewer: ProfileViewer, row: ProfileRow): AlumniProfileObject | null {
    return toProfileObject(row, viewer);
  }
}
