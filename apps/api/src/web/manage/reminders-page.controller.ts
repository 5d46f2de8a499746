import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { assertHasRole } from '@app/auth';
import { FailedReminders } from '@app/reminders';
import { redirectWithFlash, takeFlash } from '../flash';
import { PageController } from '../page-controller.decorator';
import { failedReminderRows, reminderSubject } from '../presenters/failed-reminders';

/** Reminders whose every attempt failed, for the partnership's admins, each with a retry (as POST /admin/reminders/:id/retry). */
@PageController('manage/reminders')
export class RemindersPageController {
  constructor(private readonly failed: FailedReminders) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response) {
    const { partnershipId } = this.admin(request);
    const reminders = await this.failed.list(partnershipId);
    const references = await this.failed.caseReferences(
      partnershipId,
      reminders.flatMap((r) => (r.caseId ? [r.caseId] : [])),
    );
    response.render('manage/reminders', {
      rows: failedReminderRows(reminders, references),
      flash: takeFlash(request),
    });
  }

  @Post(':id/retry')
  async retry(@Param('id') id: string, @Req() request: Request, @Res() response: Response) {
    const { partnershipId } = this.admin(request);
    const reminder = await this.failed.retry(partnershipId, id);
    const reference =
      reminder.caseId === null
        ? 'partnership duty'
        : (await this.failed.caseReferences(partnershipId, [reminder.caseId])).get(reminder.caseId);
    await redirectWithFlash(
      request,
      response,
      '/manage/reminders',
      `${reminderSubject(reminder)} (${reference ?? 'case'}) will be sent again`,
    );
  }

  private admin(request: Request) {
    assertHasRole(request.user!.roles, ['admin']);
    return request.user!;
  }
}
