/** Configuration: validated once at boot, typed for everyone else. */
export { BatonConfig } from './baton-config';
export { BatonConfigModule, loadConfig } from './config.module';
export { EnvironmentVariables, validateEnvironment } from './environment';
export { parseEncryptionKeys, type ConfiguredEncryptionKey } from './encryption-keys';
