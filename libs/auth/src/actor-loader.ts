import { Actor } from './actor';

export interface AccessTokenClaims {
  sub: string;
  /** Refresh-token family of the session that minted this token. */
  fam: string;
  iat: number;
  exp: number;
  typ: 'access';
}

/**
 * How the JWT strategy turns a verified token into an Actor. A domain lib provides it, so this
 * platform lib never imports a domain lib. Returns null when the person may no longer act
 * (disabled, password changed since the token was issued, session logged out).
 */
export abstract class ActorLoader {
  abstract load(claims: AccessTokenClaims): Promise<Actor | null>;
}
