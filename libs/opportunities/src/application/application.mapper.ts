import { ApplicationStage } from '../common/opportunity-enums';
import { ApplicationObject, CvSnapshotObject } from './dto/application.object';
import { ApplicationEntity } from './application.entity';
import { CvSnapshot } from './cv-snapshot';

export function toCvObject(cv: CvSnapshot): CvSnapshotObject {
  return { ...cv, takenAt: new Date(cv.takenAt) };
}

/** Explicit mapping; `nextStages` are the moves this viewer may make now. */
export function toApplicationObject(a: ApplicationEntity, reviewer: boolean, nextStages: ApplicationStage[]): ApplicationObject {
  return {
    id: a.id,
    opportunityId: a.opportunityId,
    applicantId: a.applicantId,
    stage: a.stage,
    message: a.message,
    cv: toCvObject(a.cvSnapshot),
    nextStages,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    reviewer,
  };
}
