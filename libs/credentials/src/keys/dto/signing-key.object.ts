import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SigningKeyStatus } from '../signing-key.entity';

registerEnumType(SigningKeyStatus, {
  name: 'SigningKeyStatus',
  description: 'Where an issuer signing key stands',
  valuesMap: {
    CURRENT: { description: 'Signs new records' },
    RETIRED: { description: 'Rotated out; still verifies what it signed' },
    REVOKED: { description: 'Withdrawn (compromised): what it signed no longer verifies' },
  },
});

@ObjectType('SigningKey', { description: 'One of the issuer’s Ed25519 keys (public facts only; the private key never leaves the server)' })
export class SigningKeyObject {
  @Field({ description: 'The JOSE kid, a URL that answers with the public JWK' }) kid: string;
  @Field(() => SigningKeyStatus, { description: 'CURRENT, RETIRED or REVOKED' }) status: SigningKeyStatus;
  @Field({ description: 'JOSE algorithm (EdDSA)' }) algorithm: string;
  @Field({ description: 'When it was made' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When a rotation retired it' }) retiredAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was revoked' }) revokedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was revoked' }) revocationReason: string | null;
  @Field({ description: 'Listed in /.well-known/jwks.json now: current, or retired with credentials still valid' }) published: boolean;
  @Field(() => Int, { description: 'Credentials it signed' }) credentialsSigned: number;
  @Field(() => Int, { description: 'Of those, neither revoked nor superseded' }) credentialsValid: number;
}
