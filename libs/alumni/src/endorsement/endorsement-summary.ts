import { EndorsementRelation } from '../common/alumni-enums';
import { EndorsementContext } from './endorsement.entity';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function places(venues: EndorsementContext['venues']): string {
  const names = venues.map((v) => v.name);
  if (names.length <= 3) return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? 'the Games');
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** "Worked 6 shifts together at Stade de France, Paris 2024". */
export function endorsementSummary(relation: EndorsementRelation, context: EndorsementContext): string {
  const where = `${places(context.venues)}, ${context.eventName}`;
  switch (relation) {
    case EndorsementRelation.SHARED_SHIFTS:
      return `Worked ${plural(context.shifts, 'shift')} together at ${where}`;
    case EndorsementRelation.ENDORSER_COORDINATED:
      return `Coordinated ${plural(context.shifts, 'shift')} they worked at ${where}`;
    case EndorsementRelation.ENDORSEE_COORDINATED:
      return `Worked ${plural(context.shifts, 'shift')} they coordinated at ${where}`;
  }
}
