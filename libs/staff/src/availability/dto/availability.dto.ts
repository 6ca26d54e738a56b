import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AvailabilityKind } from '../availability-period.entity';

registerEnumType(AvailabilityKind, {
  name: 'AvailabilityKind',
  description: 'What a declared period means for the roster',
  valuesMap: {
    UNAVAILABLE: { description: 'Cannot work then (the AVAILABILITY rule blocks or warns)' },
    PREFERRED: { description: 'Would like to work then (replacement candidates rank higher)' },
    UNDESIRED: { description: 'Would rather not work then (a warning, and a lower rank)' },
  },
});

@ObjectType('AvailabilityPeriod', { description: 'A period a staff member declared; seen by the person, admins and coordinators covering them' })
export class AvailabilityPeriodObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field(() => ID, { description: 'Whose period this is' }) staffMemberId: string;
  @Field(() => AvailabilityKind, { description: 'Unavailable, preferred or undesired' }) kind: AvailabilityKind;
  @Field({ description: 'Start (inclusive)' }) startsAt: Date;
  @Field({ description: 'End (exclusive)' }) endsAt: Date;
  @Field(() => String, { nullable: true, description: 'A free note (exam, travel…)' }) note: string | null;
  @Field({ description: 'When it was declared' }) createdAt: Date;
}

@InputType({ description: 'A period to declare' })
export class AddAvailabilityInput {
  @Field(() => ID, { nullable: true, description: 'Omit for your own staff record (when you have one in a single event)' })
  @IsOptional()
  @IsUUID()
  staffMemberId?: string;
  @Field(() => AvailabilityKind, { description: 'Unavailable, preferred or undesired' }) @IsEnum(AvailabilityKind) kind: AvailabilityKind;
  @Field({ description: 'Start (inclusive)' }) @IsDate() startsAt: Date;
  @Field({ description: 'After startsAt, at most 31 days later' }) @IsDate() endsAt: Date;
  @Field(() => String, { nullable: true, description: 'A free note, up to 500 characters (trimmed; blank means none)' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}
