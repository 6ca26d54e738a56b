import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { AlumniProfileObject } from '@baton/alumni';
import { PageInfo } from '@baton/graphql';

@ObjectType('TalentFacetValue', { description: 'One value of a facet and how many results it would give' })
export class TalentFacetValue {
  @Field({ description: 'The value: a skill key (catalogue code or folded name), a language, team, venue or event code, a country, or true/false' })
  value: string;
  @Field(() => Int, { description: 'Results with this value, given every other filter (this facet’s own filter left out)' }) count: number;
}

@ObjectType('TalentFacets', { description: 'Counts per filter value, each given the other filters; the 20 most frequent values of each' })
export class TalentFacets {
  @Field(() => [TalentFacetValue], { description: 'Skills (any level)' }) skills: TalentFacetValue[];
  @Field(() => [TalentFacetValue], { description: 'Languages (any level)' }) languages: TalentFacetValue[];
  @Field(() => [TalentFacetValue], { description: 'Teams worked' }) teams: TalentFacetValue[];
  @Field(() => [TalentFacetValue], { description: 'Venues worked' }) venues: TalentFacetValue[];
  @Field(() => [TalentFacetValue], { description: 'Events worked' }) events: TalentFacetValue[];
  @Field(() => [TalentFacetValue], { description: 'Countries' }) countries: TalentFacetValue[];
  @Field(() => [TalentFacetValue], { description: 'Open to work: "true" or "false"' }) openToWork: TalentFacetValue[];
}

@ObjectType('TalentSearchEdge', { description: 'One person found, with the cursor of this position' })
export class TalentSearchEdge {
  @Field({ description: 'Opaque position of this row: pass it as `after` for the rows that follow' }) cursor: string;
  @Field(() => Float, { description: 'Relevance: text rank plus name/skill similarity with text, else verified Games hours' }) score: number;
  @Field(() => AlumniProfileObject, { description: 'The profile, as its visibility allows you to see it' }) node: AlumniProfileObject;
}

@ObjectType('TalentSearchConnection', { description: 'A page of talent search results, best first, with facet counts' })
export class TalentSearchConnection {
  @Field(() => [TalentSearchEdge], { description: 'The people of this page, best first' }) edges: TalentSearchEdge[];
  @Field(() => PageInfo, { description: 'Whether more rows follow, and the cursors to ask for them' }) pageInfo: PageInfo;
  @Field(() => Int, { description: 'People matching every filter, not just this page' }) totalCount: number;
  @Field(() => TalentFacets, { description: 'Counts per filter value' }) facets: TalentFacets;
}
