import { EventEntity } from '@baton/events';
import { SkillEntity } from '@baton/skills';
import { StaffMemberEntity } from '@baton/staff';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { LanguageLevel } from '../common/alumni-enums';
import { AlumniProfileEntity } from './profile.entity';

/**
 * The sections of a profile, one table each, every row keyed by its owner's user id: a person's
 * data is found, exported and erased with `WHERE user_id = $1` (the profile's cascade removes it).
 */

/** A catalogue skill (skill_id) or a free-text one (name), exactly one of the two; level 1 to 4. */
@Entity('alumni_profile_skills')
@Unique('alumni_profile_skills_id_user_key', ['id', 'userId'])
@Unique('alumni_profile_skills_catalogue_key', ['userId', 'skillId'])
@Index('alumni_profile_skills_name_key', { synchronize: false }) // unique (user_id, lower(name)), created by the migration
@Index('alumni_profile_skills_skill_idx', ['skillId', 'level'])
@Check('alumni_profile_skills_level_check', `"level" BETWEEN 1 AND 4`)
@Check('alumni_profile_skills_kind_check', `("skill_id" IS NULL) <> ("name" IS NULL) AND char_length("name") <= 100`)
export class AlumniProfileSkillEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne(() => AlumniProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'alumni_profile_skills_profile_fk' })
  profile?: AlumniProfileEntity;
  @Column({ type: 'uuid', nullable: true }) skillId: string | null;
  @ManyToOne(() => SkillEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skill_id', foreignKeyConstraintName: 'alumni_profile_skills_skill_fk' })
  skill?: SkillEntity;
  @Column({ type: 'text', nullable: true }) name: string | null;
  @Column({ type: 'smallint' }) level: number;
  @Column({ type: 'smallint' }) position: number;
}

@Entity('alumni_profile_languages')
@Check('alumni_profile_languages_code_check', `"code" ~ '^[a-z]{2}$'`)
export class AlumniProfileLanguageEntity {
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @ManyToOne(() => AlumniProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'alumni_profile_languages_profile_fk' })
  profile?: AlumniProfileEntity;
  /** ISO 639-1. */
  @PrimaryColumn({ type: 'text' }) code: string;
  @Column({ type: 'enum', enum: LanguageLevel, enumName: 'alumni_language_level' }) level: LanguageLevel;
  @Column({ type: 'smallint' }) position: number;
}

/** Months are stored as the first day of the month. */
const MONTHS = (start: string, end: string) =>
  `(${start} IS NULL OR (extract(day FROM ${start}) = 1 AND ${start} >= '1950-01-01')) AND (${end} IS NULL OR extract(day FROM ${end}) = 1) AND (${start} IS NULL OR ${end} IS NULL OR ${end} >= ${start})`;

@Entity('alumni_experiences')
@Index('alumni_experiences_user_idx', ['userId', 'position'])
@Check('alumni_experiences_months_check', MONTHS('"start_month"', '"end_month"'))
@Check(
  'alumni_experiences_text_check',
  `char_length("title") BETWEEN 1 AND 200 AND char_length("organisation") BETWEEN 1 AND 200 AND char_length("location") <= 200 AND char_length("description") <= 4000`,
)
export class AlumniExperienceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne(() => AlumniProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'alumni_experiences_profile_fk' })
  profile?: AlumniProfileEntity;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) organisation: string;
  @Column({ type: 'text', nullable: true }) location: string | null;
  @Column({ type: 'text', nullable: true }) url: string | null;
  @Column({ type: 'date' }) startMonth: string;
  /** Null: still there. */
  @Column({ type: 'date', nullable: true }) endMonth: string | null;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'smallint' }) position: number;
}

@Entity('alumni_education')
@Index('alumni_education_user_idx', ['userId', 'position'])
@Check('alumni_education_months_check', MONTHS('"start_month"', '"end_month"'))
@Check('alumni_education_text_check', `char_length("institution") BETWEEN 1 AND 200 AND char_length("area") <= 200 AND char_length("study_type") <= 100`)
export class AlumniEducationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne(() => AlumniProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'alumni_education_profile_fk' })
  profile?: AlumniProfileEntity;
  @Column({ type: 'text' }) institution: string;
  @Column({ type: 'text', nullable: true }) area: string | null;
  @Column({ type: 'text', nullable: true }) studyType: string | null;
  @Column({ type: 'date', nullable: true }) startMonth: string | null;
  @Column({ type: 'date', nullable: true }) endMonth: string | null;
  @Column({ type: 'smallint' }) position: number;
}

@Entity('alumni_links')
@Index('alumni_links_user_idx', ['userId', 'position'])
@Check('alumni_links_url_check', `"url" ~ '^https?://' AND char_length("url") <= 500 AND char_length("label") BETWEEN 1 AND 50`)
export class AlumniLinkEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne(() => AlumniProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'alumni_links_profile_fk' })
  profile?: AlumniProfileEntity;
  /** What the link is: "LinkedIn", "GitHub", "Website"… */
  @Column({ type: 'text' }) label: string;
  @Column({ type: 'text' }) url: string;
  @Column({ type: 'smallint' }) position: number;
}

/**
 * A copy of what the roster says a person did in a closed event (WorkHistoryService), taken when
 * they join and when another of their events closes. A closed event's roster no longer changes;
 * the copy lets the directory filter by team and venue in this lib's own tables.
 */
@Entity('alumni_games_experiences')
@Index('alumni_games_experiences_user_idx', ['userId'])
@Index('alumni_games_experiences_teams_idx', { synchronize: false }) // GIN on team_codes, created by the migration
@Index('alumni_games_experiences_venues_idx', { synchronize: false }) // GIN on venue_codes, created by the migration
export class AlumniGamesExperienceEntity {
  @PrimaryColumn({ type: 'uuid' }) staffMemberId: string;
  @ManyToOne(() => StaffMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_member_id', foreignKeyConstraintName: 'alumni_games_experiences_staff_fk' })
  staffMember?: StaffMemberEntity;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne(() => AlumniProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'alumni_games_experiences_profile_fk' })
  profile?: AlumniProfileEntity;
  @Column({ type: 'uuid' }) eventId: string;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'alumni_games_experiences_event_fk' })
  event?: EventEntity;
  @Column({ type: 'text' }) eventCode: string;
  @Column({ type: 'text' }) eventName: string;
  @Column({ type: 'date' }) eventStartsOn: string;
  @Column({ type: 'date' }) eventEndsOn: string;
  @Column({ type: 'text' }) organisationName: string;
  @Column({ type: 'text', nullable: true }) teamCode: string | null;
  @Column({ type: 'text', nullable: true }) teamName: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) roleTitles: string[];
  @Column({ type: 'int' }) shifts: number;
  @Column({ type: 'int' }) minutes: number;
  @Column({ type: 'timestamptz' }) firstShiftAt: Date;
  @Column({ type: 'timestamptz' }) lastShiftAt: Date;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) venueCodes: string[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) venues: Array<{ code: string; name: string; shifts: number }>;
  /** Teams of the shifts worked, which may differ from the person's own team. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) teamCodes: string[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) teams: Array<{ code: string; name: string; shifts: number }>;
}

/**
 * The person's choices about their verified Games records (libs/credentials), keyed by the
 * record's id: that lib owns the records, the alumni decides whether each shows on the profile.
 */
@Entity('alumni_record_preferences')
export class AlumniRecordPreferenceEntity {
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @ManyToOne(() => AlumniProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'alumni_record_preferences_profile_fk' })
  profile?: AlumniProfileEntity;
  @PrimaryColumn({ type: 'uuid' }) recordId: string;
  @Column({ type: 'boolean' }) hidden: boolean;
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) updatedAt: Date;
}
