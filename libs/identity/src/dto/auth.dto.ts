import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { UserObject } from '../user/user.object';

@InputType({ description: 'Credentials' })
export class LoginInput {
  @Field({ description: 'The account email, any case' }) @IsEmail() @MaxLength(320) email: string;
  @Field({ description: 'The password, at most 256 characters' }) @IsString() @IsNotEmpty() @MaxLength(256) password: string;
}

@InputType({ description: 'A refresh token to trade for a new pair' })
export class RefreshTokenInput {
  @Field({ description: 'The refreshToken of the last AuthPayload; a token already used revokes the whole session' })
  @IsString()
  @IsNotEmpty()
  refreshToken: string;
}

@InputType({ description: 'A new password for the signed-in account' })
export class ChangePasswordInput {
  @Field({ description: 'The password in use now' }) @IsString() @IsNotEmpty() currentPassword: string;
  @Field({ description: 'The new password, at least 10 characters' }) @IsString() @IsNotEmpty() newPassword: string;
}

@InputType({ description: 'Who forgot their password' })
export class RequestPasswordResetInput {
  @Field({ description: 'The account email; the answer is the same whether it exists or not' }) @IsEmail() @MaxLength(320) email: string;
}

@InputType({ description: 'A new password with the token that was emailed' })
export class ResetPasswordInput {
  @Field({ description: 'The one-time token from the password-reset message (valid 1 hour by default)' }) @IsString() @IsNotEmpty() token: string;
  @Field({ description: 'The new password, at least 10 characters' }) @IsString() @IsNotEmpty() newPassword: string;
}

@InputType({ description: 'Accepting an invitation: the token from the message and a password of your choice' })
export class AcceptInvitationInput {
  @Field({ description: 'The one-time token from the invitation message (valid 7 days by default)' }) @IsString() @IsNotEmpty() token: string;
  @Field({ description: 'Your password, at least 10 characters' }) @IsString() @IsNotEmpty() password: string;
  @Field({ nullable: true, description: 'Overrides the name the inviter typed' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;
}

@ObjectType('AuthPayload', { description: 'A new session: an access token to send with every request and a refresh token to renew it' })
export class AuthPayloadObject {
  @Field({ description: 'Send as "Authorization: Bearer <token>" (over graphql-ws: connectionParams.Authorization)' }) accessToken: string;
  @Field({ description: 'When the access token stops working (15 minutes by default)' }) accessTokenExpiresAt: Date;
  @Field({ description: 'Use once with refreshToken; each use returns a new one' }) refreshToken: string;
  @Field({ description: 'When the refresh token stops working (30 days by default)' }) refreshTokenExpiresAt: Date;
  @Field(() => UserObject, { description: 'The signed-in person' }) user: UserObject;
}
