import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '@baton/alumni';
import { TALENT_ENTITIES } from './talent.entities';

@Module({
  imports: [TypeOrmModule.forFeature(TALENT_ENTITIES), AlumniModule],
  providers: [],
})
export class TalentModule {}
