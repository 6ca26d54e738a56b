import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { BatonConfig } from '@baton/config';
import { JOB_DEFAULTS, JobDefinition, JobHandlerFn } from './job-definition';
import { JOB_HANDLER_METADATA, JobHandlerMetadata } from './job-handler.decorator';

/** Every `@JobHandler` of the application, found once at startup. */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly definitions = new Map<string, JobDefinition>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly config: BatonConfig,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const meta = this.reflector.get<JobHandlerMetadata | undefined>(JOB_HANDLER_METADATA, (instance as Record<string, () => unknown>)[method]);
        if (!meta) continue;
        const source = `${instance.constructor.name}.${method}`;
        const existing = this.definitions.get(meta.name);
        if (existing) throw new Error(`Job "${meta.name}" has two handlers: ${existing.source} and ${source}`);
        const handler = (instance as Record<string, JobHandlerFn>)[method].bind(instance) as JobHandlerFn;
        this.definitions.set(meta.name, { name: meta.name, options: { ...JOB_DEFAULTS, ...meta.options, schedule: this.schedule(meta) }, handler, source });
      }
    }
    const unknown = Object.keys(this.config.jobs.intervals).filter((name) => !this.definitions.get(name)?.options.schedule);
    if (unknown.length) throw new Error(`JOB_INTERVALS names jobs that have no interval schedule: ${unknown.join(', ')}`);
  }

  get(name: string): JobDefinition | undefined {
    return this.definitions.get(name);
  }

  all(): JobDefinition[] {
    return [...this.definitions.values()];
  }

  /** The declared schedule, with JOB_INTERVALS applied. */
  private schedule(meta: JobHandlerMetadata): JobDefinition['options']['schedule'] {
    const declared = meta.options.schedule;
    const override = this.config.jobs.intervals[meta.name];
    if (override === undefined || !declared || !('everySeconds' in declared)) return declared;
    if (!(override > 0)) throw new Error(`JOB_INTERVALS: ${meta.name} needs a positive number of seconds`);
    return { everySeconds: override };
  }
}
