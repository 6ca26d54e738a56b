import { Global, Module } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import { EnvelopeCipher } from './envelope-cipher';
import { installColumnCipher } from './sealed-column';

/** One EnvelopeCipher for the process, over the key-encryption keys of the configuration; sealed columns use it too. */
@Global()
@Module({
  providers: [
    {
      provide: EnvelopeCipher,
      inject: [BatonConfig],
      useFactory: (config: BatonConfig) => {
        const cipher = new EnvelopeCipher(config.encryption.keys);
        installColumnCipher(cipher);
        return cipher;
      },
    },
  ],
  exports: [EnvelopeCipher],
})
export class CryptoModule {}
