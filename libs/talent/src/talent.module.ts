import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '@baton/alumni';
import { TalentSearchResolver } from './search/talent-search.resolver';
import { TalentSearchService } from './search/talent-search.service';
import { TALENT_ENTITIES } from './talent.entities';

@Module({
  imports: [TypeOrmModule.forFeature(TALENT_ENTITIES), AlumniModule],
  providers: [TalentSearchService, TalentSearchResolver],
})
export class TalentModule {}
