import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { Public } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * GraphiQL served from node_modules: Apollo's landing page loads from a CDN, which a venue's
 * closed network cannot reach. React 18's package exports hide its UMD files, so each asset
 * is found from its package.json.
 */
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const ASSETS: Record<string, { file: () => string; type: string }> = {
  'react.js': { file: () => join(packageDir('react'), 'umd/react.production.min.js'), type: 'application/javascript' },
  'react-dom.js': { file: () => join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'application/javascript' },
  'graphiql.js': { file: () => join(packageDir('graphiql'), 'graphiql.min.js'), type: 'application/javascript' },
  'graphiql.css': { file: () => join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'graphql-ws.js': { file: () => join(packageDir('graphql-ws'), 'umd/graphql-ws.min.js'), type: 'application/javascript' },
};

const DEFAULT_QUERY = `# Welcome to Baton. Demo logins are printed at start-up
# (password baton-demo-2024 on the embedded demo database).
#
# 1. Run "Login" and copy the accessToken.
# 2. Open Headers (below) and paste:
#    { "Authorization": "Bearer <accessToken>" }
# 3. Run "Me", then explore with the Docs panel.

mutation Login {
  login(input: { email: "coordinator@baton.demo", password: "baton-demo-2024" }) {
    accessToken
  }
}

query Me {
  me { id email displayName roles { role eventId venueIds } }
}
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>Baton GraphQL</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
<style>html,body,#graphiql{height:100%;margin:0}</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphql-ws.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script>
  const url = new URL('/graphql', location.href).toString();
  const wsUrl = url.replace(/^http/, 'ws');
  const headers = () => { try { return JSON.parse(localStorage.getItem('graphiql:headers') || '{}'); } catch { return {}; } };
  const fetcher = GraphiQL.createFetcher({
    url,
    wsClient: graphqlWs.createClient({ url: wsUrl, connectionParams: () => headers(), lazy: true }),
  });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)}, shouldPersistHeaders: true }),
  );
</script>
</body>
</html>`;

interface Reply {
  header(name: string, value: string): Reply;
  send(body: unknown): void;
}

@Controller('graphiql')
@Public()
export class GraphiqlController {
  private readonly cache = new Map<string, Buffer>();

  constructor(private readonly config: BatonConfig) {}

  @Get()
  page(@Res() reply: Reply): void {
    this.assertEnabled();
    reply.header('content-type', 'text/html; charset=utf-8').send(PAGE);
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() reply: Reply): void {
    this.assertEnabled();
    const asset = ASSETS[name];
    if (!asset) throw new NotFoundException();
    let body = this.cache.get(name);
    if (!body) {
      body = readFileSync(asset.file());
      this.cache.set(name, body);
    }
    reply.header('content-type', asset.type).header('cache-control', 'public, max-age=86400').send(body);
  }

  private assertEnabled(): void {
    if (!this.config.graphql.ide) throw new NotFoundException();
  }
}
