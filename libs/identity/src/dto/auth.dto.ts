import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { UserObject } from '../user/user.object';

@InputType()
export class LoginInput {
  @Field() @IsEmail() @MaxLength(320) email: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(256) password: string;
}

@InputType()
export class RefreshTokenInput {
  @Field() @IsString() @IsNotEmpty() refreshToken: string;
}

@InputType()
export class ChangePasswordInput {
  @Field() @IsString() @IsNotEmpty() currentPassword: string;
  @Field() @IsString() @IsNotEmpty() newPassword: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field() @IsEmail() @MaxLength(320) email: string;
}

@InputType()
export class ResetPasswordInput {
  @Field() @IsString() @IsNotEmpty() token: string;
  @Field() @IsString() @IsNotEmpty() newPassword: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field() @IsString() @IsNotEmpty() token: string;
  @Field() @IsString() @IsNotEmpty() password: string;
  @Field({ nullable: true, description: 'Overrides the name the inviter typed' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;
}

@ObjectType('AuthPayload')
export class AuthPayloadObject {
  @Field({ description: 'Send as "Authorization: Bearer <token>"' }) accessToken: string;
  @Field() accessTokenExpiresAt: Date;
  @Field({ description: 'Use once with refreshToken; each use returns a new one' }) refreshToken: string;
  @Field() refreshTokenExpiresAt: Date;
  @Field(() => UserObject) user: UserObject;
}
