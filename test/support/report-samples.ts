import { buildReport, financialYear, type CaseFacts, type Report } from '@app/reports';

/** A case's facts with nothing happened yet, and what the test says did. */
export function sampleFacts(reference: string, facts: Partial<CaseFacts> = {}): CaseFacts {
  return {
    caseId: `case-${reference}`,
    reference,
    nature: 'serious-incident',
    decisions: [],
    panelResponses: [],
    practiceReview: [],
    pauses: [],
    extensions: [],
    delays: [],
    withholdings: [],
    actions: [],
    harmCategories: [],
    contributingFactors: [],
    children: [],
    ...facts,
  };
}

/**
 * The 2025-26 report of a few cases: rapid reviews in Q1 (two, one on time) and Q2 (one, late), nothing in Q3 and Q4
 * (so "n/a"), a notification to the Panel in each of Q1 and Q2, one child (so "fewer than 5"), a median of 12.5
 * working days, and an extension whose reason starts as a spreadsheet formula would.
 */
export function sampleReport(): Report {
  const facts = [
    sampleFacts('CSPR-2025-0001', {
      panelNotifiedOn: '2025-04-07',
      panelNotificationDueOn: '2025-04-08',
      rapidReviewSentOn: '2025-04-22',
      rapidReviewDueOn: '2025-04-25',
      rapidReviewWorkingDays: 11,
      harmCategories: ['physical-abuse'],
      children: [{ sex: 'female', ageYears: 3 }],
    }),
    sampleFacts('CSPR-2025-0002', {
      rapidReviewSentOn: '2025-05-20',
      rapidReviewDueOn: '2025-05-10',
      rapidReviewWorkingDays: 14,
      extensions: [{ on: '2025-06-02', reason: '=HYPERLINK("http://example.invalid")' }],
    }),
    sampleFacts('CSPR-2025-0003', {
      panelNotifiedOn: '2025-08-04',
      panelNotificationDueOn: '2025-08-01',
      rapidReviewSentOn: '2025-08-28',
      rapidReviewDueOn: '2025-08-20',
      rapidReviewWorkingDays: 19,
    }),
  ];
  return buildReport(facts, financialYear(2025), '2026-04-10');
}
