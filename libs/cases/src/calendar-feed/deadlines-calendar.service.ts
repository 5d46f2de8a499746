import { Injectable } from '@nestjs/common';
import { DUTY_RECORDERS, PartnershipDutiesService, PartnershipEntity, type UserEntity } from '@app/auth';
import { Clock, NotFoundError } from '@app/common';
import { AppConfig } from '@app/config';
import { ReadSide } from '@app/database';
import { readsOnlyAppointedCases } from '@app/workflows';
import { CaseEntity } from '../entities/case.entity';
import { DeadlineEntity } from '../entities/deadline.entity';
import { deadlinesCalendar, type CaseDeadlineForCalendar } from './deadlines-calendar';

/**
 * A person's calendar feed: the running deadlines of the cases they read (the case list's visibility: a lead reviewer
 * only the cases they are appointed to), and for the business unit and lead partners the partnership's own duties. A
 * paused clock is left out (its due date is not known until it resumes); a met, stopped or cancelled one is gone.
 */
@Injectable()
export class DeadlinesCalendarService {
  constructor(
    private readonly reads: ReadSide,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly duties: PartnershipDutiesService,
  ) {}

  async icsFor(owner: Pick<UserEntity, 'id' | 'partnershipId' | 'roles'>): Promise<string> {
    const partnership = await this.reads.getRepository(PartnershipEntity).findOneBy({ id: owner.partnershipId });
    if (!partnership) throw new NotFoundError('Calendar feed');
    const query = this.reads
      .getRepository(DeadlineEntity)
      .createQueryBuilder('d')
      .innerJoin(CaseEntity, 'c', 'c.id = d.caseId AND c.partnershipId = d.partnershipId')
      .select(['d.caseId AS "caseId"', 'c.reference AS "caseReference"', 'd.rule AS "rule"'])
      .addSelect(['d.subject AS "subject"', 'd.dueOn AS "dueOn"'])
      .where('d.partnershipId = :pid', { pid: owner.partnershipId })
      .andWhere(`d.clockState = 'running'`);
    if (readsOnlyAppointedCases(owner.roles)) query.andWhere('c.reviewerUserId = :uid', { uid: owner.id });
    const caseDeadlines = await query.getRawMany<CaseDeadlineForCalendar>();
    const dutyDeadlines = owner.roles.some((role) => DUTY_RECORDERS.includes(role))
      ? (await this.duties.currentDeadlines(partnership.id)).filter(
          (d) => d.status === 'open' || d.status === 'overdue',
        )
      : [];
    return deadlinesCalendar({
      partnershipId: partnership.id,
      partnershipName: partnership.name,
      publicUrl: this.config.publicUrl,
      caseDeadlines,
      dutyDeadlines,
      now: this.clock.now(),
    });
  }
}
