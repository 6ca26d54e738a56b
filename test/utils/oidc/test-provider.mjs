/* global process, fetch */
// A real OpenID provider (oidc-provider) for the partner sign-in tests, in its own process: the
// package is ESM with dependencies Jest would have to transform, and a child process keeps Jest's
// module registry out of it. Prints one JSON line with its URLs once it listens.
//
// Test accounts: the login typed at the provider is both the subject and the email. A login that
// starts with "unverified" has email_verified false. ID tokens are tampered with by login prefix:
// "other-audience" (aud and azp another client id), "expired" (exp an hour ago), "wrong-nonce",
// each re-signed with the provider's own key, and "bad-signature" (signed by an unpublished key).
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, decodeJwt } from 'jose';
import Provider from 'oidc-provider';

const options = JSON.parse(process.argv[2] ?? '{}');
const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', use: 'sig', alg: 'RS256' };
const { privateKey: strangerKey } = await generateKeyPair('RS256');

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
const providerServer = createServer();
const providerPort = await listen(providerServer);
const issuer = `http://127.0.0.1:${providerPort}`;

const provider = new Provider(issuer, {
  clients: options.clients,
  jwks: { keys: [jwk] },
  findAccount: (_ctx, id) => ({
    accountId: id,
    claims: () => ({ sub: id, email: id, email_verified: !id.startsWith('unverified') }),
  }),
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  // Claims asked for by scope go into the ID token too, as many company providers do.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['test-provider-cookie-key'] },
  ttl: { Session: 600, Interaction: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
});
provider.on('server_error', (_ctx, error) => process.stderr.write(`provider error: ${error.stack}\n`));

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || !ctx.body || typeof ctx.body.id_token !== 'string') return;
  const claims = decodeJwt(ctx.body.id_token);
  const sub = String(claims.sub);
  const now = Math.floor(Date.now() / 1000);
  const tampered = sub.startsWith('other-audience')
    ? { ...claims, aud: 'another-client', azp: 'another-client' }
    : sub.startsWith('expired')
      ? { ...claims, iat: now - 7200, exp: now - 3600 }
      : sub.startsWith('wrong-nonce')
        ? { ...claims, nonce: 'not-the-nonce-baton-sent' }
        : sub.startsWith('bad-signature')
          ? claims
          : null;
  if (!tampered) return;
  // Re-signed with the provider's key, except "bad-signature", signed by a key the provider never published.
  const key = sub.startsWith('bad-signature') ? strangerKey : privateKey;
  ctx.body = { ...ctx.body, id_token: await new SignJWT(tampered).setProtectedHeader({ alg: 'RS256', kid: jwk.kid }).sign(key) };
});
providerServer.on('request', provider.callback());

// A mix-up: a discovery document that names itself as issuer but sends the browser and the code to
// the real provider, whose ID tokens carry the real issuer.
const mixupServer = createServer();
const mixupPort = await listen(mixupServer);
const mixupIssuer = `http://127.0.0.1:${mixupPort}`;
mixupServer.on('request', async (req, res) => {
  if (req.url !== '/.well-known/openid-configuration') {
    res.writeHead(404).end();
    return;
  }
  const real = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...real, issuer: mixupIssuer }));
});

process.stdout.write(`${JSON.stringify({ issuer, mixupIssuer })}\n`);
process.on('SIGTERM', () => process.exit(0));
