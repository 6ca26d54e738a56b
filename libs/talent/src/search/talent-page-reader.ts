import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { AlumniProfileObject, ProfileQueryService, ProfileRow, ProfileViewer, viewerFor, viewerOf } from '@baton/alumni';
import { Actor } from '@baton/auth';
import { LoaderRegistry } from '@baton/graphql';
import { asSearchViewer } from '../common/talent-viewer';
import { TalentEngineService } from './engine/talent-engine.service';
import { FollowingCache } from './following-cache';

/** Signed-in searchers remembered (one boolean each), like the sessions of ActorCache. */
const MAX_MEMBERSHIPS = 20_000;
/** Profile rows of recent pages (about 1 kB each): a few hundred pages of twenty. */
const MAX_ROWS = 5_000;
/** Kinds of viewer remembered per row (each recruiter is one: whether they own the profile is part of the answer). */
const MAX_VIEWS_PER_ROW = 16;

/**
 * The searcher's viewer and the page's profile rows, remembered between requests for as long as
 * the talent engine hears no change of those people. Every input of both is in the engine's
 * change log (talent_search_changes: documents, which every profile write refreshes, consents
 * and organisation blocks), and the engine applies each change committed before a search began
 * before that search reads anything: called after `TalentEngineService.fresh()`, what is
 * remembered here is as fresh as a read of the database. The policy itself runs on every request.
 */
@Injectable()
export class TalentPageReader implements OnModuleDestroy {
  private readonly memberships = new FollowingCache<boolean>(MAX_MEMBERSHIPS);
  private readonly rows = new FollowingCache<ProfileRow>(MAX_ROWS);
  /** The policy's answer per row and viewer: a pure function of both, so a row read again (changed) starts afresh. */
  private readonly views = new WeakMap<ProfileRow, Map<string, AlumniProfileObject | null>>();
  private readonly unsubscribe: () => void;

  constructor(
    engine: TalentEngineService,
    private readonly profiles: ProfileQueryService,
  ) {
    this.unsubscribe = engine.onChange((userIds) => {
      this.memberships.forget(userIds);
      this.rows.forget(userIds);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  /** searchViewer, the membership (an active consent) read once until the searcher's consents change. */
  async viewer(actor: Actor, loaders: LoaderRegistry): Promise<ProfileViewer> {
    if (actor.isAdmin) return asSearchViewer(actor, viewerOf(actor, false));
    let member = this.memberships.get(actor.userId);
    if (member === undefined) {
      const version = this.memberships.version;
      member = (await viewerFor(actor, loaders)).kind === 'MEMBER';
      this.memberships.set(actor.userId, member, version);
    }
    return asSearchViewer(actor, viewerOf(actor, member));
  }

  /** ProfileQueryService.manyByStatement for this viewer, reading only the rows not remembered. */
  async page(viewer: ProfileViewer, userIds: readonly string[]): Promise<AlumniProfileObject[]> {
    const rows = new Map<string, ProfileRow>();
    const missing: string[] = [];
    for (const id of userIds) {
      const row = this.rows.get(id);
      if (row) rows.set(id, row);
      else missing.push(id);
    }
    if (missing.length) {
      const version = this.rows.version;
      for (const [id, row] of await this.profiles.rows(missing)) {
        // Shared by every later request: nothing may change it in place.
        for (const list of [row.desiredRoles, row.hiddenSections, row.blockedOrganisations]) Object.freeze(list);
        Object.freeze(row);
        rows.set(id, row);
        this.rows.set(id, row, version);
      }
    }
    const key = viewerKey(viewer);
    return userIds.flatMap((id) => {
      const row = rows.get(id);
      const profile = row ? this.view(viewer, key, row) : null;
      return profile ? [profile] : [];
    });
  }

  /**
   * The profile as this viewer sees it, frozen, so the answer's text can be written once per row
   * and viewer (objectText remembers frozen values).
   */
  private view(viewer: ProfileViewer, key: string, row: ProfileRow): AlumniProfileObject | null {
    let byViewer = this.views.get(row);
    if (!byViewer) this.views.set(row, (byViewer = new Map()));
    if (byViewer.has(key)) return byViewer.get(key)!;
    const profile = this.profiles.fromRow(viewer, row);
    if (profile?.location) Object.freeze(profile.location);
    if (profile) Object.freeze(profile);
    if (byViewer.size >= MAX_VIEWS_PER_ROW) byViewer.delete(byViewer.keys().next().value!);
    byViewer.set(key, profile);
    return profile;
  }
}

/** What the policy reads of a viewer: its kind, who it is (owner or not), its organisation. */
function viewerKey(viewer: ProfileViewer): string {
  return `${viewer.kind}|${'userId' in viewer ? viewer.userId : ''}|${viewer.kind === 'RECRUITER' ? viewer.organisationId : ''}`;
}
