import { AlumniSection } from '../common/alumni-enums';
import { ProfileViewer, viewerUserId, VISIBILITIES_SEEN_BY } from './profile-access';

/** A WHERE fragment with its named parameters (TypeORM style, `:name`). */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * profileAccess() written as SQL, for lists that must be filtered in the database (the directory,
 * endorsers shown on an endorsement): `p` is an alumni_profiles alias. Same table of visibilities,
 * same consent rule (an active row in alumni_consents, read now, never cached), same block rule
 * for recruiters (read from alumni_organisation_blocks now, not from the viewer's copy).
 */
export function visibleProfileSql(viewer: ProfileViewer, p: string, prefix = p): SqlCondition {
  const self = viewerUserId(viewer);
  const visibilities = VISIBILITIES_SEEN_BY[viewer.kind];
  const blocked =
    viewer.kind === 'RECRUITER'
      ? ` AND NOT EXISTS (SELECT 1 FROM alumni_organisation_blocks b WHERE b.user_id = ${p}.user_id AND b.organisation_id = :${prefix}Organisation)`
      : '';
  const others = visibilities.length
    ? `(${p}.visibility = ANY(CAST(:${prefix}Visibilities AS alumni_visibility[])) AND EXISTS (SELECT 1 FROM alumni_consents c WHERE c.user_id = ${p}.user_id AND c.withdrawn_at IS NULL)${blocked})`
    : 'FALSE';
  const sql = self ? `(${p}.user_id = :${prefix}Self OR ${others})` : others;
  return {
    sql,
    params: {
      ...(self ? { [`${prefix}Self`]: self } : {}),
      ...(visibilities.length ? { [`${prefix}Visibilities`]: [...visibilities] } : {}),
      ...(viewer.kind === 'RECRUITER' ? { [`${prefix}Organisation`]: viewer.organisationId } : {}),
    },
  };
}

/** The section is shown to this viewer: their own profile, or not hidden. Pair with visibleProfileSql. */
export function sectionVisibleSql(viewer: ProfileViewer, p: string, section: AlumniSection, prefix = p): SqlCondition {
  const self = viewerUserId(viewer);
  const notHidden = `NOT ('${section}' = ANY(${p}.hidden_sections))`;
  return self ? { sql: `(${p}.user_id = :${prefix}Self OR ${notHidden})`, params: { [`${prefix}Self`]: self } } : { sql: notHidden, params: {} };
}

/** TypeORM's named parameters to positional ones, for raw queries built from these fragments. */
export function toPositional(sql: string, params: Record<string, unknown>, start = 1): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const index = new Map<string, number>();
  const text = sql.replace(/(?<!:):([A-Za-z_][A-Za-z0-9_]*)/g, (match, name: string) => {
    if (!(name in params)) return match;
    let i = index.get(name);
    if (i === undefined) {
      values.push(params[name]);
      i = start + values.length - 1;
      index.set(name, i);
    }
    return `$${i}`;
  });
  return { sql: text, values };
}

/** endorsementVisible() in SQL: `e` an alumni_endorsements alias, `ep` the endorser's alumni_profiles alias. */
export function endorsementVisibleSql(viewer: ProfileViewer, e: string, ep: string): SqlCondition {
  const self = viewerUserId(viewer);
  const endorser = visibleProfileSql(viewer, ep, `${ep}V`);
  const others = `(${e}.hidden_at IS NULL AND ${endorser.sql})`;
  if (!self) return { sql: others, params: endorser.params };
  return {
    sql: `((${e}.endorsee_id = :${e}Self AND EXISTS (SELECT 1 FROM alumni_consents c WHERE c.user_id = ${e}.endorser_id AND c.withdrawn_at IS NULL)) OR ${others})`,
    params: { ...endorser.params, [`${e}Self`]: self },
  };
}
