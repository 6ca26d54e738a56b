import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { Public } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import { Clock, NotFoundError } from '@baton/core';
import { OrganisationEntity } from '@baton/organisations';
import { SkillEntity } from '@baton/skills';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource, In } from 'typeorm';
import { isLive } from '../opportunity/opportunity-access';
import { OpportunityEntity, OpportunitySkillEntity } from '../opportunity/opportunity.entity';
import { renderJobPostingPage, toJobPosting } from './job-posting';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Closing or expiry must show within minutes for crawlers and caches. */
const MAX_AGE_SECONDS = 300;

/** Public, no login: each live opportunity as schema.org JobPosting; anything else is 404. */
@Controller('jobs')
@Public()
export class JobPostingController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: BatonConfig,
    private readonly clock: Clock,
  ) {}

  /** JSON-LD by default; an HTML page with the JSON-LD in a script tag for browsers (Accept: text/html). */
  @Get(':id')
  async posting(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const o = UUID.test(id) ? await this.dataSource.getRepository(OpportunityEntity).findOneBy({ id }) : null;
    if (!o || !isLive(o, this.clock.now())) {
      const error = new NotFoundError('Job posting');
      reply.status(404).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store');
      reply.send(JSON.stringify({ error: error.code, message: error.message }));
      return;
    }
    const organisation = await this.dataSource.getRepository(OrganisationEntity).findOneByOrFail({ id: o.organisationId });
    const wanted = await this.dataSource.getRepository(OpportunitySkillEntity).find({ where: { opportunityId: o.id }, order: { position: 'ASC' } });
    const names = wanted.length ? await this.dataSource.getRepository(SkillEntity).findBy({ id: In(wanted.map((w) => w.skillId)) }) : [];
    const byId = new Map(names.map((s) => [s.id, s.name]));
    const posting = toJobPosting({
      opportunity: o,
      organisation,
      skills: wanted.map((w) => byId.get(w.skillId)).filter((n): n is string => !!n),
      url: `${this.config.http.publicUrl}/jobs/${o.id}`,
    });
    const html = String(request.headers.accept ?? '').includes('text/html');
    reply
      .status(200)
      .header('content-type', html ? 'text/html; charset=utf-8' : 'application/ld+json; charset=utf-8')
      .header('cache-control', `public, max-age=${MAX_AGE_SECONDS}`)
      .header('vary', 'Accept')
      .header('access-control-allow-origin', '*')
      .header('x-content-type-options', 'nosniff')
      .send(html ? renderJobPostingPage(posting) : JSON.stringify(posting));
  }
}
