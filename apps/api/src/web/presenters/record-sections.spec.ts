import type { CaseRecordView } from '@app/cases';
import { recordSections } from './record-sections';

function record(overrides: Partial<CaseRecordView> = {}): CaseRecordView {
  return {
    id: '0b7c1d5e-6a3f-4c8e-9d2b-1f0a3e5c7b9d',
    reference: 'CSPR-2026-0007',
    stage: 'decision',
    state: 'decision.awaiting-sign-off',
    version: 6,
    openedAt: '2026-01-05T10:00:00.000Z',
    restricted: [],
    relevantAgencies: [],
    incident: {
      incidentOn: '2026-01-03',
      incidentType: 'serious-harm',
      abuseOrNeglect: 'suspected',
      lookedAfter: false,
      children: [{ ageYears: 4, sex: 'female', ethnicity: 'White British' }],
      summary: 'What happened (test data).',
    },
    notification: { laAwareOn: '2026-01-05', submittedOn: '2026-01-07', panelReference: 'CSPRP-1' },
    notificationPath: { path: 'serious-incident', toSosOfsted: false },
    rapidReview: {
      agencyReturns: [{ agency: 'police', receivedOn: '2026-01-09' }],
      meetingsHeldOn: ['2026-01-14'],
      recommendation: { recommendation: 'lcspr', rationale: 'Criteria met', recommendedOn: '2026-01-15' },
      submittedOn: [],
      returns: [],
      meetings: [{ heldOn: '2026-01-14' }],
      recommendations: [],
    },
    decision: { signOffAgencies: ['local-authority', 'police', 'health'], rounds: [] },
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
    ...overrides,
  };
}

const rowsOf = (sections: ReturnType<typeof recordSections>, id: string) =>
  sections
    .find((s) => s.id === id)
    ?.rows.map((r) => [r.key.text, 'text' in r.value ? r.value.text : r.value.html.replace(/<[^>]+>/g, '|')]);

describe('the case record as summary lists', () => {
  it('shows only the stages that hold something', () => {
    expect(recordSections(record()).map((s) => s.title)).toEqual(['Incident', 'Notification', 'Rapid review']);
  });

  it('writes every value in plain English with GOV.UK dates', () => {
    const sections = recordSections(record());
    expect(rowsOf(sections, 'record-incident')).toEqual([
      ['Date of the incident', '3 January 2026'],
      ['Type of incident', 'Serious harm'],
      ['Abuse or neglect', 'Suspected'],
      ['Looked after by the local authority', 'No'],
      ['Child 1', '||Aged 4, female||Ethnicity: White British||'],
      ['Summary', 'What happened (test data).'],
    ]);
    expect(rowsOf(sections, 'record-notification')).toEqual([
      ['The local authority became aware on', '5 January 2026'],
      ['Notification sent to the Panel on', '7 January 2026'],
      ['Panel reference', 'CSPRP-1'],
      ['Notified to', 'The Child Safeguarding Practice Review Panel'],
    ]);
    expect(rowsOf(sections, 'record-rapid-review')).toEqual([
      ['Agency returns', 'Police: received 9 January 2026'],
      ['Rapid review meetings', '14 January 2026'],
      ['Recommendation', 'LCSPR (local child safeguarding practice review)'],
      ['Reasons for the recommendation', 'Criteria met'],
      ['Recommended on', '15 January 2026'],
    ]);
  });

  it("says what the reader's role does not see, and shows nothing of it", () => {
    const restricted = record({
      restricted: ['children', 'summary'],
      incident: { incidentOn: '2026-01-03', incidentType: 'death', abuseOrNeglect: 'known', lookedAfter: true },
    });
    const rows = rowsOf(recordSections(restricted), 'record-incident')!;
    expect(rows.map(([key]) => key)).not.toContain('Child 1');
    expect(rows.map(([key]) => key)).not.toContain('Summary');
    expect(rows[rows.length - 1]).toEqual([
      'Not shown to your role',
      "The children's details and the summary: only the roles that work on the case or oversee it see them",
    ]);
  });

  it('shows the later stages once they hold something: Panel, review, publication, actions', () => {
    const sections = recordSections(
      record({
        decision: { signOffAgencies: ['police'], outcome: 'lcspr', decidedOn: '2026-01-20', rounds: [] },
        panelResponse: { responses: [{ response: 'agrees', respondedOn: '2026-02-02' }] },
        lcspr: {
          reviewer: { name: 'Rae Reviewer', independent: true },
          draftsReceivedOn: ['2026-05-01', '2026-05-20'],
          pauses: [{ reason: 'inquest', pausedOn: '2026-03-02', resumedOn: '2026-03-30' }],
          finalReportRounds: [],
          extensions: [],
          progressReviews: [],
          involvement: [],
        },
        publication: { plannedOn: '2026-09-01', url: 'https://example.org/r.pdf', delays: [] },
        learning: {
          actions: [
            {
              id: 'A-1',
              description: 'Train staff',
              owner: 'LA',
              dueOn: '2026-12-01',
              addedOn: '2026-10-01',
              status: 'not-started',
              progress: [],
              dueDateChanges: [],
            },
          ],
        },
      }),
    );
    expect(rowsOf(sections, 'record-decision')).toEqual([
      ['Agencies that sign off', 'Police'],
      ['Agreed decision', 'LCSPR (local child safeguarding practice review)'],
      ['Agreed on', '20 January 2026'],
    ]);
    expect(rowsOf(sections, 'record-panel-response')).toEqual([
      ['Response', 'Agrees with the decision, on 2 February 2026'],
    ]);
    expect(rowsOf(sections, 'record-lcspr')).toEqual([
      ['Reviewer', 'Rae Reviewer (independent)'],
      ['Draft reports received', '||1 May 2026||20 May 2026||'],
      ['Pause', 'Inquest, from 2 March 2026 to 30 March 2026'],
    ]);
    expect(rowsOf(sections, 'record-publication')).toEqual([
      ['Planned for', '1 September 2026'],
      ['Web address', '|https://example.org/r.pdf|'],
    ]);
    // The action plan is a table of its own on the page (action-plan.ts), not a summary list.
    expect(sections.map((s) => s.id)).not.toContain('record-learning');
  });

  it('escapes what it puts in HTML', () => {
    const sections = recordSections(
      record({
        rapidReview: {
          agencyReturns: [],
          meetingsHeldOn: [],
          submittedOn: [],
          returns: [],
          meetings: [],
          recommendations: [],
        },
        publication: { url: 'https://x/"><script>', delays: [] },
      }),
    );
    const html = (sections.find((s) => s.id === 'record-publication')!.rows[0].value as { html: string }).html;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });
});
