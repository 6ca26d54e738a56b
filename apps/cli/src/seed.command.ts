import { INestApplicationContext } from '@nestjs/common';

export async function runSeedCommand(_app: INestApplicationContext, _args: string[]): Promise<void> {
  throw new Error('seed: not yet available');
}
