import { Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { SIGNING_ALGORITHM, SigningKey } from '../keys/key-ring.service';

/**
 * The JOSE header OB 3.0 §8.2 allows: alg, kid (a URL dereferencing to the public JWK) and typ,
 * which "if present, MUST be JWT". VC-JOSE-COSE would say `vc+jwt`; Open Badges verifiers follow
 * the OB profile, so `JWT` it is. No other header is allowed.
 */
@Injectable()
export class CredentialSigner {
  sign(claims: Record<string, unknown>, key: SigningKey): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
  }
}
