import { Module } from '@nestjs/common';
import { DomainModule } from '../../api/src/domain.module';

@Module({ imports: [DomainModule] })
export class CliModule {}
