import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApplicationStage, StageMover } from '../../common/opportunity-enums';
import '../../common/opportunity-enums.graphql';
import { OpportunityObject } from '../../opportunity/dto/opportunity.object';

@ObjectType('CvSkill', { description: 'A skill on the CV' })
export class CvSkillObject {
  @Field(() => ID, { nullable: true, description: 'The catalogue skill, if it is one' }) skillId: string | null;
  @Field(() => String, { nullable: true, description: 'Catalogue code, if it is one' }) code: string | null;
  @Field({ description: 'Name' }) name: string;
  @Field(() => Int, { description: '1 = basic, 2 = autonomous, 3 = expert, 4 = can lead' }) level: number;
}

@ObjectType('CvLanguage', { description: 'A language on the CV' })
export class CvLanguageObject {
  @Field({ description: 'ISO 639-1 code' }) code: string;
  @Field({ description: 'CEFR level, or NATIVE' }) level: string;
}

@ObjectType('CvExperience', { description: 'A job, mission or volunteering on the CV' })
export class CvExperienceObject {
  @Field({ description: 'Role' }) title: string;
  @Field({ description: 'Employer or organisation' }) organisation: string;
  @Field(() => String, { nullable: true, description: 'Where' }) location: string | null;
  @Field({ description: 'First month, YYYY-MM' }) startMonth: string;
  @Field(() => String, { nullable: true, description: 'Last month, YYYY-MM; null while still there' }) endMonth: string | null;
  @Field(() => String, { nullable: true, description: 'What they did' }) description: string | null;
}

@ObjectType('CvEducation', { description: 'A school, university or training on the CV' })
export class CvEducationObject {
  @Field({ description: 'Institution' }) institution: string;
  @Field(() => String, { nullable: true, description: 'Field of study' }) area: string | null;
  @Field(() => String, { nullable: true, description: 'Degree or kind of study' }) studyType: string | null;
  @Field(() => String, { nullable: true, description: 'First month, YYYY-MM' }) startMonth: string | null;
  @Field(() => String, { nullable: true, description: 'Last month, YYYY-MM' }) endMonth: string | null;
}

@ObjectType('CvLink', { description: 'A link on the CV' })
export class CvLinkObject {
  @Field({ description: 'What it is, e.g. LinkedIn' }) label: string;
  @Field({ description: 'The address' }) url: string;
}

@ObjectType('CvGames', { description: 'A Games worked, as the roster recorded it (closed events, attended shifts)' })
export class CvGamesObject {
  @Field({ description: 'Event code' }) eventCode: string;
  @Field({ description: 'Event name' }) eventName: string;
  @Field({ description: 'Organisation the person worked for' }) organisationName: string;
  @Field(() => String, { nullable: true, description: 'Their team code' }) teamCode: string | null;
  @Field(() => String, { nullable: true, description: 'Their team name' }) teamName: string | null;
  @Field(() => [String], { description: 'Roles held on shifts' }) roleTitles: string[];
  @Field(() => [String], { description: 'Codes of the teams of the shifts worked' }) teamCodes: string[];
  @Field(() => Int, { description: 'Shifts attended' }) shiftsWorked: number;
  @Field(() => Float, { description: 'Hours worked, one decimal' }) hoursWorked: number;
}

@ObjectType('CvVerifiedRecord', { description: 'A verified Games record (signed credential), with its public verification page' })
export class CvVerifiedRecordObject {
  @Field({ description: 'Verification code' }) code: string;
  @Field({ description: 'Event code' }) eventCode: string;
  @Field({ description: 'Event name' }) eventName: string;
  @Field({ description: 'Organisation' }) organisationName: string;
  @Field(() => [String], { description: 'Teams' }) teams: string[];
  @Field(() => [String], { description: 'Venues' }) venues: string[];
  @Field(() => [String], { description: 'Roles' }) roles: string[];
  @Field({ description: 'First day worked, YYYY-MM-DD' }) firstDay: string;
  @Field({ description: 'Last day worked, YYYY-MM-DD' }) lastDay: string;
  @Field(() => Int, { description: 'Shifts worked' }) shiftsWorked: number;
  @Field(() => Float, { description: 'Hours worked' }) hoursWorked: number;
  @Field({ description: 'Public page where anyone can check the record' }) verificationUrl: string;
}

@ObjectType('CvSnapshot', {
  description: 'The CV an application carries, frozen when the person applied: later profile changes do not alter it. Never contact details',
})
export class CvSnapshotObject {
  @Field({ description: 'When it was taken (the application)' }) takenAt: Date;
  @Field({ description: 'Name shown in the network' }) displayName: string;
  @Field(() => String, { nullable: true, description: 'Headline' }) headline: string | null;
  @Field(() => String, { nullable: true, description: 'Summary; null if hidden' }) summary: string | null;
  @Field(() => String, { nullable: true, description: 'City; null if hidden' }) city: string | null;
  @Field(() => String, { nullable: true, description: 'Country, ISO 3166-1 alpha-2; null if hidden' }) country: string | null;
  @Field(() => [String], { description: 'Roles the person is looking for' }) desiredRoles: string[];
  @Field(() => [CvSkillObject], { description: 'Skills' }) skills: CvSkillObject[];
  @Field(() => [CvLanguageObject], { description: 'Languages' }) languages: CvLanguageObject[];
  @Field(() => [CvExperienceObject], { description: 'Experiences entered by the person' }) experiences: CvExperienceObject[];
  @Field(() => [CvEducationObject], { description: 'Education' }) education: CvEducationObject[];
  @Field(() => [CvLinkObject], { description: 'Links' }) links: CvLinkObject[];
  @Field(() => [CvGamesObject], { description: 'Games worked, from the roster' }) games: CvGamesObject[];
  @Field(() => [CvVerifiedRecordObject], { description: 'Verified Games records shown by the person' }) verifiedRecords: CvVerifiedRecordObject[];
}

@ObjectType('ApplicationStageMove', { description: 'A move allowed between two stages, and who may make it' })
export class ApplicationStageMoveObject {
  @Field(() => ApplicationStage, { description: 'From this stage' }) fromStage: ApplicationStage;
  @Field(() => ApplicationStage, { description: 'To this stage' }) toStage: ApplicationStage;
  @Field(() => StageMover, { description: "The organisation's recruiters, or the applicant" }) mover: StageMover;
}

@ObjectType('ApplicationHistoryEntry', { description: 'One step of an application: who, when, why' })
export class ApplicationHistoryEntryObject {
  @Field(() => ApplicationStage, { nullable: true, description: 'Stage before; null for the submission' }) fromStage: ApplicationStage | null;
  @Field(() => ApplicationStage, { description: 'Stage after' }) toStage: ApplicationStage;
  @Field(() => StageMover, { description: 'The applicant or a recruiter of the organisation' }) movedBy: StageMover;
  @Field(() => ID, { nullable: true, description: "The recruiter's account; shown to the organisation's recruiters and admins only" })
  actorUserId: string | null;
  @Field(() => String, { nullable: true, description: 'A note with the move, shared with the applicant' }) note: string | null;
  @Field({ description: 'When' }) at: Date;
}

@ObjectType('Application', {
  description: "An application to an opportunity: seen by the applicant, and by the recruiters of the opportunity's organisation (admins for support) only",
})
export class ApplicationObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field(() => ID, { description: 'The opportunity applied to' }) opportunityId: string;
  @Field(() => OpportunityObject, { nullable: true, description: 'The opportunity applied to' }) opportunity?: OpportunityObject | null;
  @Field(() => ID, { description: 'The applicant' }) applicantId: string;
  @Field(() => ApplicationStage, { description: 'Stage now' }) stage: ApplicationStage;
  @Field(() => String, { nullable: true, description: 'The applicant’s message' }) message: string | null;
  @Field(() => CvSnapshotObject, { description: 'The CV as it stood when they applied' }) cv: CvSnapshotObject;
  @Field(() => [ApplicationHistoryEntryObject], { description: 'Every step, oldest first' }) history?: ApplicationHistoryEntryObject[];
  @Field(() => [ApplicationStage], { description: 'Stages you may move it to now (empty when none)' }) nextStages: ApplicationStage[];
  @Field({ description: 'Applied' }) createdAt: Date;
  @Field({ description: 'Last moved' }) updatedAt: Date;
  /** Not in the schema: the viewer reviews for the organisation (sees who moved it). */
  reviewer: boolean;
}
