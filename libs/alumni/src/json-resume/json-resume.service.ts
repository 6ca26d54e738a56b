import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { BadInputError, FieldProblem } from '@baton/core';
import { fieldProblems } from '@baton/graphql';
import { SkillService } from '@baton/skills';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
// The published schema, checked with its own validator so "valid JSON Resume" means what it says.
import * as resumeSchema from '@jsonresume/schema';
import { AlumniProfileInput } from '../profile/dto/profile.input';
import { ProfileService } from '../profile/profile.service';
import { fromJsonResume, toResumePath } from './json-resume';

/** A resume larger than this is not a CV: refused before any work. */
export const MAX_RESUME_BYTES = 256 * 1024;

export function jsonResumeProblems(resume: unknown): FieldProblem[] {
  let problems: FieldProblem[] = [];
  resumeSchema.validate(resume, (errors) => {
    problems = (errors ?? []).map((e) => ({
      field: e.property.replace(/^instance/, 'resume').replace(/\[(\d+)\]/g, '.$1'),
      message: `${e.property.replace(/^instance\.?/, '') || 'resume'} ${e.message}`,
      constraint: 'jsonResumeSchema',
    }));
  });
  return problems;
}

/**
 * Imports a JSON Resume into one's own profile through the same path as updateAlumniProfile:
 * the schema first, then Baton's own rules, every problem named by its place in the resume.
 * Verified records and the Games record are never touched (they are not the person's to edit).
 */
@Injectable()
export class JsonResumeService {
  constructor(
    private readonly profiles: ProfileService,
    private readonly skills: SkillService,
  ) {}

  async import(actor: Actor, resume: Record<string, unknown>): Promise<void> {
    if (Buffer.byteLength(JSON.stringify(resume)) > MAX_RESUME_BYTES) {
      throw BadInputError.field('resume', `A resume may be at most ${MAX_RESUME_BYTES / 1024} KiB`, 'maxSize');
    }
    const schemaProblems = jsonResumeProblems(resume);
    if (schemaProblems.length) throw new BadInputError('This is not a valid JSON Resume', schemaProblems);
    const names = Array.isArray(resume.skills)
      ? resume.skills.map((s) => (s && typeof s === 'object' ? String((s as { name?: unknown }).name ?? '') : ''))
      : [];
    const catalogue = await this.skills.findByCodesOrNames(names.filter(Boolean));
    const find = (name: string) =>
      catalogue.find((s) => s.name.toLowerCase() === name.trim().toLowerCase() || s.code.toLowerCase() === name.trim().toLowerCase())?.id;
    const { input, problems, workIndexes } = fromJsonResume(resume, find);
    const instance = plainToInstance(AlumniProfileInput, input);
    const invalid = fieldProblems(await validate(instance, { whitelist: true, forbidUnknownValues: false }));
    const all = [...problems, ...invalid.map((p) => ({ ...p, field: toResumePath(p.field, workIndexes) }))];
    if (all.length) throw new BadInputError(all.length === 1 ? all[0].message : `${all.length} fields of the resume are invalid`, all);
    try {
      await this.profiles.update(actor, instance, 'alumni.resume_imported');
    } catch (error) {
      if (error instanceof BadInputError) {
        const fields = (error.details.fields as FieldProblem[]).map((p) => ({ ...p, field: toResumePath(p.field, workIndexes) }));
        throw new BadInputError(error.message, fields);
      }
      throw error;
    }
  }
}
