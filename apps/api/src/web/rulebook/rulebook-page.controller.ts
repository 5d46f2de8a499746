import { Get, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { PartnershipsService } from '@app/auth';
import { getRulebook, resolveRulebook } from '@app/workflows';
import { PageController } from '../page-controller.decorator';
import { CONFIDENCE_WORDS, ruleSections } from '../presenters/rulebook';

/** Every rule of the current rulebook, with the signed-in person's partnership's changes beside the rulebook's own. */
@PageController('rulebook')
export class RulebookPageController {
  constructor(private readonly partnerships: PartnershipsService) {}

  @Get()
  @Render('rulebook')
  async rulebook(@Req() request: Request): Promise<Record<string, unknown>> {
    const partnership = await this.partnerships.get(request.user!.partnershipId);
    const rulebook = resolveRulebook(getRulebook(), partnership.ruleOverrides);
    return {
      version: rulebook.version,
      sections: ruleSections(rulebook),
      confidence: Object.entries(CONFIDENCE_WORDS).map(([mark, words]) => ({
        key: { text: `${mark}: ${words.name}` },
        value: { text: words.meaning },
      })),
    };
  }
}
