import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AvailabilityKind } from '../availability-period.entity';

registerEnumType(AvailabilityKind, { name: 'AvailabilityKind' });

@ObjectType('AvailabilityPeriod')
export class AvailabilityPeriodObject {
  @Field(() => ID) id: string;
  @Field(() => ID) staffMemberId: string;
  @Field(() => AvailabilityKind) kind: AvailabilityKind;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() createdAt: Date;
}

@InputType()
export class AddAvailabilityInput {
  @Field(() => ID, { nullable: true, description: 'Omit for your own staff record (when you have one in a single event)' })
  @IsOptional()
  @IsUUID()
  staffMemberId?: string;
  @Field(() => AvailabilityKind) @IsEnum(AvailabilityKind) kind: AvailabilityKind;
  @Field() @IsDate() startsAt: Date;
  @Field({ description: 'After startsAt, at most 31 days later' }) @IsDate() endsAt: Date;
  @Field(() => String, { nullable: true })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}
