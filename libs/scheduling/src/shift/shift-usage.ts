import { Injectable, OnModuleInit } from '@nestjs/common';
import { VenueTeamUsages } from '@baton/events';
import { ShiftService } from './shift.service';

/** Tells events that shifts keep their venue and team in use (scheduling's side of the port). */
@Injectable()
export class ShiftUsageRegistration implements OnModuleInit {
  constructor(
    private readonly usages: VenueTeamUsages,
    private readonly shifts: ShiftService,
  ) {}

  onModuleInit(): void {
    this.usages.register({ key: 'shifts', noun: 'shift(s)', count: (manager, kind, id) => this.shifts.countAt(manager, kind, id) });
  }
}
