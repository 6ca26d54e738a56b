import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { AlumniSection, AlumniVisibility, LanguageLevel } from '../../common/alumni-enums';
import { GamesRecordStatus } from '@baton/credentials';
import type { ProfileAccess } from '../profile-access';

registerEnumType(AlumniVisibility, {
  name: 'AlumniVisibility',
  description: 'Who sees an alumni profile',
  valuesMap: {
    PRIVATE: { description: 'Only you' },
    ALUMNI: { description: 'Members of the alumni network' },
    PARTNERS: { description: 'Members, and recruiters of partner organisations' },
  },
});
registerEnumType(AlumniSection, {
  name: 'AlumniSection',
  description: 'A part of a profile you may hide from everyone else',
  valuesMap: {
    SUMMARY: { description: 'The text about you' },
    LOCATION: { description: 'City and country' },
    DESIRED_ROLES: { description: 'Roles you are looking for' },
    SKILLS: { description: 'Skills and their levels' },
    LANGUAGES: { description: 'Languages and their levels' },
    EXPERIENCES: { description: 'Jobs you entered yourself' },
    EDUCATION: { description: 'Schools and training' },
    LINKS: { description: 'Links to elsewhere' },
    GAMES: { description: 'The Games you worked, from the roster' },
    ENDORSEMENTS: { description: 'Endorsements of your skills' },
    VERIFIED_RECORDS: { description: 'Verified Games records' },
  },
});
registerEnumType(LanguageLevel, {
  name: 'LanguageLevel',
  description: 'Common European Framework of Reference level, or native speaker',
  valuesMap: {
    A1: { description: 'Beginner' },
    A2: { description: 'Elementary' },
    B1: { description: 'Intermediate' },
    B2: { description: 'Upper intermediate' },
    C1: { description: 'Advanced' },
    C2: { description: 'Proficient' },
    NATIVE: { description: 'Native speaker' },
  },
});

@ObjectType('AlumniLocation', { description: 'Where the person lives' })
export class AlumniLocationObject {
  @Field(() => String, { nullable: true, description: 'City' }) city: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code' }) country: string | null;
  @Field(() => String, { nullable: true, description: 'The country in English' }) countryName: string | null;
}

@ObjectType('AlumniSkill', { description: 'A skill on a profile' })
export class AlumniSkillObject {
  @Field(() => ID, { description: 'This skill on this profile (what endorsements point to)' }) id: string;
  @Field(() => ID, { nullable: true, description: 'The catalogue skill, when it is one' }) skillId: string | null;
  @Field(() => String, { nullable: true, description: 'Catalogue code, when it is a catalogue skill' }) code: string | null;
  @Field({ description: 'Name of the skill' }) name: string;
  @Field(() => Int, { description: '1 = basic, 2 = autonomous, 3 = expert, 4 = can lead' }) level: number;
  @Field(() => Int, { description: 'Endorsements of this skill you may see' }) endorsementCount: number;
}

@ObjectType('AlumniLanguage', { description: 'A language the person speaks' })
export class AlumniLanguageObject {
  @Field({ description: 'ISO 639-1 code' }) code: string;
  @Field({ description: 'The language in English' }) name: string;
  @Field(() => LanguageLevel, { description: 'CEFR level or native' }) level: LanguageLevel;
}

@ObjectType('AlumniExperience', { description: 'A job, mission or volunteering the person entered' })
export class AlumniExperienceObject {
  @Field(() => ID, { description: 'Identifier' }) id: string;
  @Field({ description: 'Role' }) title: string;
  @Field({ description: 'Employer or organisation' }) organisation: string;
  @Field(() => String, { nullable: true, description: 'Where' }) location: string | null;
  @Field(() => String, { nullable: true, description: "The organisation's web site" }) url: string | null;
  @Field({ description: 'First month, YYYY-MM' }) startMonth: string;
  @Field(() => String, { nullable: true, description: 'Last month, YYYY-MM; null while still there' }) endMonth: string | null;
  @Field(() => String, { nullable: true, description: 'What the person did' }) description: string | null;
}

@ObjectType('AlumniEducation', { description: 'A school, university or training' })
export class AlumniEducationObject {
  @Field(() => ID, { description: 'Identifier' }) id: string;
  @Field({ description: 'School or institution' }) institution: string;
  @Field(() => String, { nullable: true, description: 'Field of study' }) area: string | null;
  @Field(() => String, { nullable: true, description: 'Degree or kind of study' }) studyType: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM' }) startMonth: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM' }) endMonth: string | null;
}

@ObjectType('AlumniLink', { description: 'A link to elsewhere' })
export class AlumniLinkObject {
  @Field(() => ID, { description: 'Identifier' }) id: string;
  @Field({ description: 'What it is, e.g. LinkedIn' }) label: string;
  @Field({ description: 'An http or https address' }) url: string;
}

@ObjectType('AlumniGamesVenue', { description: 'A venue where the person worked attended shifts' })
export class AlumniGamesVenueObject {
  @Field({ description: 'Venue code, e.g. STF' }) code: string;
  @Field({ description: 'Venue name' }) name: string;
  @Field(() => Int, { description: 'Attended shifts there' }) shifts: number;
}

@ObjectType('AlumniGamesTeam', { description: 'A team whose shifts the person attended' })
export class AlumniGamesTeamObject {
  @Field({ description: 'Team code, e.g. NET' }) code: string;
  @Field({ description: 'Team name' }) name: string;
  @Field(() => Int, { description: 'Attended shifts of this team' }) shifts: number;
}

@ObjectType('AlumniVerifiedRecord', {
  description: 'The signed Games record (libs/credentials) behind a Games experience: anyone can check it at its verification URL',
})
export class AlumniVerifiedRecordObject {
  @Field(() => ID, { description: 'The record (for setGamesRecordHidden)' }) id: string;
  @Field({ description: 'Verification code (22 characters)' }) code: string;
  @Field({ description: 'Public verification page, no sign-in: /verify/<code>' }) verificationUrl: string;
  @Field(() => GamesRecordStatus, { description: 'VALID, or REVOKED by the organising committee (only you see a revoked record)' })
  status: GamesRecordStatus;
  @Field({ description: 'Issued and not revoked' }) valid: boolean;
  @Field({ description: 'You hid it from your profile and CV (only you see hidden records)' }) hidden: boolean;
  @Field({ description: 'When it was issued and signed' }) issuedAt: Date;
  @Field(() => Int, { description: 'Attended shifts, as certified' }) shiftsWorked: number;
  @Field(() => Float, { description: 'Hours actually worked (checked-in time), as certified' }) hoursWorked: number;
}

@ObjectType('AlumniGamesExperience', { description: 'One Games the person worked, as the roster and attendance recorded it' })
export class AlumniGamesExperienceObject {
  @Field(() => ID, { description: 'The event' }) eventId: string;
  @Field({ description: 'Event code, e.g. PAR24' }) eventCode: string;
  @Field({ description: 'Event name' }) eventName: string;
  @Field({ description: 'First day of the event (YYYY-MM-DD)' }) eventStartsOn: string;
  @Field({ description: 'Last day of the event (YYYY-MM-DD)' }) eventEndsOn: string;
  @Field({ description: 'The organisation the person worked for' }) organisationName: string;
  @Field(() => String, { nullable: true, description: "Code of the person's own team" }) teamCode: string | null;
  @Field(() => String, { nullable: true, description: "Name of the person's own team" }) teamName: string | null;
  @Field(() => [String], { description: 'Roles of the shifts worked' }) roleTitles: string[];
  @Field(() => Int, { description: 'Attended shifts' }) shiftsWorked: number;
  @Field(() => Float, { description: 'Scheduled hours of the attended shifts' }) hoursWorked: number;
  @Field({ description: 'Start of the first attended shift' }) firstShiftAt: Date;
  @Field({ description: 'End of the last attended shift' }) lastShiftAt: Date;
  @Field(() => [AlumniGamesVenueObject], { description: 'Where, most shifts first' }) venues: AlumniGamesVenueObject[];
  @Field(() => [AlumniGamesTeamObject], { description: 'Teams of the shifts worked, most shifts first' }) teams: AlumniGamesTeamObject[];
  @Field({ description: 'A valid signed record that you may see backs this experience; it cannot be edited, only hidden' }) verified: boolean;
  @Field(() => AlumniVerifiedRecordObject, {
    nullable: true,
    description:
      'The signed record: null when there is none, or when you may not see it (verified records section hidden; a revoked record shows only to its owner)',
  })
  verifiedRecord: AlumniVerifiedRecordObject | null;
}

/**
 * A profile as one viewer may see it. Fields of hidden sections are null (not empty), so a
 * client can tell "hidden from you" from "nothing there". Sections with rows of their own are
 * field resolvers (batched by the loaders); `access` is internal and never part of the schema.
 */
@ObjectType('AlumniProfile', { description: 'A member of the alumni network, as you may see them; never their contact details' })
export class AlumniProfileObject {
  @Field(() => ID, { description: 'The account this profile belongs to' }) userId: string;
  @Field({ description: 'Name shown in the network' }) displayName: string;
  @Field(() => String, { nullable: true, description: 'One line under the name' }) headline: string | null;
  @Field({ description: 'Looking for work' }) openToWork: boolean;
  @Field({ description: 'This is your own profile' }) isMine: boolean;
  @Field(() => AlumniVisibility, { nullable: true, description: 'Who sees it (only on your own profile)' }) visibility: AlumniVisibility | null;
  @Field(() => [AlumniSection], { nullable: true, description: 'Sections only you see (only on your own profile)' }) hiddenSections: AlumniSection[] | null;
  @Field(() => String, { nullable: true, description: 'About the person; null when hidden from you' }) summary: string | null;
  @Field(() => AlumniLocationObject, { nullable: true, description: 'Null when hidden from you' }) location: AlumniLocationObject | null;
  @Field(() => [String], { nullable: true, description: 'Roles the person looks for; null when hidden from you' }) desiredRoles: string[] | null;
  @Field({ description: 'When the profile was created' }) createdAt: Date;
  @Field({ description: 'Last change' }) updatedAt: Date;
  access: ProfileAccess;
}

export { GraphQLJSONObject };
