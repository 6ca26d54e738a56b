import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { GrantInput } from '../grant/grant-spec';

@InputType({ description: 'Who to invite and with which role' })
export class InviteUserInput {
  @Field({ description: 'Where the invitation goes (stored lower case)' }) @IsEmail() @MaxLength(320) email: string;
  @Field({ description: 'Their name, 1 to 200 characters (they may change it on accepting)' }) @IsString() @IsNotEmpty() @MaxLength(200) displayName: string;
  @Field(() => GrantInput, { description: 'The role they get on accepting' }) @ValidateNested() @Type(() => GrantInput) grant: GrantInput;
}
