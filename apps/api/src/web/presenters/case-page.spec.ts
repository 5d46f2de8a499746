import type { CaseOverview, CaseRecordView, CaseView } from '@app/cases';
import { casePage, eventPage } from './case-page';

const ID = '0b7c1d5e-6a3f-4c8e-9d2b-1f0a3e5c7b9d';

function overview(eventsYouMaySendNow: CaseOverview['eventsYouMaySendNow']): CaseOverview {
  const view: CaseView = {
    id: ID,
    reference: 'CSPR-2026-0007',
    stage: 'decision',
    state: 'decision.awaiting-sign-off',
    machineVersion: 1,
    version: 6,
    openedAt: '2026-01-05T10:00:00.000Z',
    signOffs: [],
    finalReportSignOffs: [],
    deadlines: [{ rule: 'rapid-review', startedOn: '2026-01-05', dueOn: '2026-01-26', status: 'open' }],
    allowedEvents: ['decision.signed-off'],
  };
  const record: CaseRecordView = {
    id: ID,
    reference: view.reference,
    stage: view.stage,
    state: view.state,
    version: view.version,
    openedAt: view.openedAt,
    restricted: [],
    relevantAgencies: [],
    incident: { incidentOn: '2026-01-03', incidentType: 'death', abuseOrNeglect: 'known', lookedAfter: false },
    notification: { laAwareOn: '2026-01-05' },
    notificationPath: { path: 'serious-incident', toSosOfsted: false },
    rapidReview: {
      agencyReturns: [],
      meetingsHeldOn: [],
      recommendation: { recommendation: 'no-lcspr', rationale: 'Learning is known', recommendedOn: '2026-01-15' },
      submittedOn: [],
      returns: [],
      meetings: [],
      recommendations: [],
    },
    decision: {
      signOffAgencies: ['police'],
      rounds: [
        {
          round: 1,
          openedOn: '2026-01-15',
          recommendation: 'no-lcspr',
          signOffs: [],
          notSignedBy: ['police'],
          escalations: [],
        },
      ],
    },
    panelResponse: { responses: [] },
    nationalReview: {},
    lcspr: {
      draftsReceivedOn: [],
      pauses: [],
      finalReportRounds: [],
      extensions: [],
      progressReviews: [],
      involvement: [],
    },
    publication: { delays: [] },
    learning: { actions: [] },
    documents: [],
  };
  return { case: view, record, eventsYouMaySendNow };
}

describe('the case page', () => {
  it('puts the sign-off form on the case page, with what is signed and no version, so simultaneous sign-offs all count', () => {
    const page = casePage({ overview: overview(['decision.signed-off']), history: [] });
    expect(page.pageTitle).toBe('Case CSPR-2026-0007');
    expect(page.eventLinks).toEqual([]);
    expect(page.forms).toHaveLength(1);
    const [form] = page.forms;
    expect(form).toMatchObject({
      type: 'decision.signed-off',
      button: 'Sign off',
      action: `/case/${ID}/events/decision.signed-off`,
      hidden: [],
      about: ['The subgroup recommends: No LCSPR.', 'Their reasons: Learning is known'],
    });
    expect(form.fields.map((f) => f.params.idPrefix ?? f.params.id)).toEqual(['sign-off-decision', 'sign-off-comment']);
  });

  it('links every other event the person may send now to a page of its own', () => {
    const page = casePage({
      overview: overview(['rapid-review.meeting-held', 'agency-return.received']),
      history: [],
    });
    expect(page.forms).toEqual([]);
    expect(page.eventLinks).toEqual([
      { href: `/case/${ID}/events/rapid-review.meeting-held`, text: 'Record the rapid review meeting' },
      { href: `/case/${ID}/events/agency-return.received`, text: "Record an agency's return" },
    ]);
  });

  it('offers nothing to a person who may send nothing now', () => {
    const page = casePage({ overview: overview([]), history: [] });
    expect(page.forms).toEqual([]);
    expect(page.eventLinks).toEqual([]);
    expect(page.errorList).toEqual([]);
  });

  it('shows a refused sign-off again with what was chosen and the errors, in the summary and at the field', () => {
    const page = casePage({
      overview: overview(['decision.signed-off']),
      history: [],
      reshown: {
        type: 'decision.signed-off',
        values: { comment: 'Typed before' },
        errors: {
          decision: { text: 'Select if you agree or disagree with the recommendation', href: '#sign-off-decision' },
        },
      },
    });
    expect(page.errorList).toEqual([
      { text: 'Select if you agree or disagree with the recommendation', href: '#sign-off-decision' },
    ]);
    const [decision, comment] = page.forms[0].fields;
    expect(decision.params.errorMessage).toEqual({ text: 'Select if you agree or disagree with the recommendation' });
    expect(comment.params.value).toBe('Typed before');
  });

  it('links an error whose form is no longer offered to the main content', () => {
    const page = casePage({
      overview: overview([]),
      history: [],
      reshown: {
        type: 'decision.signed-off',
        values: {},
        errors: { _form: { text: 'Changed', href: '#sign-off-decision' } },
      },
    });
    expect(page.errorList).toEqual([{ text: 'Changed', href: '#main-content' }]);
  });
});

describe('the page of an event', () => {
  it('gives the form of an event the person may send now, posting to itself', () => {
    const page = eventPage({ overview: overview(['rapid-review.meeting-held']), type: 'rapid-review.meeting-held' });
    expect(page).toMatchObject({
      pageTitle: 'Record the rapid review meeting: CSPR-2026-0007',
      title: 'Record the rapid review meeting',
      casePath: `/case/${ID}`,
      form: { action: `/case/${ID}/events/rapid-review.meeting-held`, hidden: [{ name: '_version', value: '6' }] },
      eventLinks: [],
    });
  });

  it('keeps the version the form was first shown with while a mistake is corrected, so a change made meanwhile is still refused', () => {
    const page = eventPage({
      overview: overview(['rapid-review.meeting-held']),
      type: 'rapid-review.meeting-held',
      reshown: { type: 'rapid-review.meeting-held', values: { 'heldOn-day': '20' }, errors: {}, version: 4 },
    });
    expect(page.form?.hidden).toEqual([{ name: '_version', value: '4' }]);
  });

  it('says what can be done instead when the event cannot be sent now', () => {
    const page = eventPage({ overview: overview(['decision.escalated']), type: 'rapid-review.meeting-held' });
    expect(page.form).toBeUndefined();
    expect(page.eventLinks).toEqual([
      { href: `/case/${ID}/events/decision.escalated`, text: 'Escalate the disagreement to the lead partners' },
    ]);
  });
});
