import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface TestProviderClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface TestProvider {
  /** The real provider's issuer. */
  issuer: string;
  /** A discovery document that claims to be another issuer but points at the real provider (a mix-up). */
  mixupIssuer: string;
  close(): Promise<void>;
}

/** Starts test-provider.mjs (a real oidc-provider) in a child process and waits for its URLs. */
export function startTestProvider(clients: TestProviderClient[]): Promise<TestProvider> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'test-provider.mjs'), JSON.stringify({ clients })], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`the test provider did not start: ${stderr}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`the test provider exited (${code}): ${stderr}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      // The library prints warnings on stdout too; the URLs are the one JSON line.
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      const { issuer, mixupIssuer } = JSON.parse(line) as { issuer: string; mixupIssuer: string };
      resolve({
        issuer,
        mixupIssuer,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
