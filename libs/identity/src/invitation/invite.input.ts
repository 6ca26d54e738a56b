import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { GrantInput } from '../grant/grant-spec';

@InputType()
export class InviteUserInput {
  @Field() @IsEmail() @MaxLength(320) email: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) displayName: string;
  @Field(() => GrantInput) @ValidateNested() @Type(() => GrantInput) grant: GrantInput;
}
