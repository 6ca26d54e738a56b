import { Global, Module } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import { EnvelopeCipher } from './envelope-cipher';

/** One EnvelopeCipher for the process, over the key-encryption keys of the configuration. */
@Global()
@Module({
  providers: [{ provide: EnvelopeCipher, inject: [BatonConfig], useFactory: (config: BatonConfig) => new EnvelopeCipher(config.encryption.keys) }],
  exports: [EnvelopeCipher],
})
export class CryptoModule {}
