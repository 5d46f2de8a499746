/**
 * The reports' acceptance test (issue 13): a dataset built through the API (test/support/report-dataset.ts), whose
 * figures are worked out by hand below, read back as JSON, as the cases behind cells, as CSV and as an Excel workbook.
 *
 * Financial year 2025-26: Q1 = April to June 2025, Q2 = July to September, Q3 = October to December, Q4 = January to
 * March 2026. Bank holidays of England and Wales in it: 18 April (Good Friday) and 21 April 2025 (Easter Monday),
 * 5 May, 26 May, 25 August, 25 and 26 December 2025, 1 January 2026. "N working days after D" counts from the first
 * working day after D; the working days a rapid review took are those after the day the local authority became
 * aware, up to and including the day it was first sent. The Panel is due the notification 5 working days after, the
 * rapid review 15. The reports are read on Sunday 29 November 2026.
 *
 * The cases, and the rows each feeds (the other partnership's case feeds none of them):
 *
 * previousYear (2024-25): aware 7 October 2024, decided on an LCSPR 23 October 2024, the Panel agreed 15 November
 *   2024 (under review from then), paused 6 January to 10 March 2025 (63 calendar days: 25 + 28 + 10). Rapid review,
 *   decision and Panel response in 2024-25: none of those rows. Final report agreed 20 May 2025: LCSPRs completed Q1.
 *   Published 20 June 2025: published Q1; active SPRs Q1 only (until 20 June). Six months from the decision is 23 April
 *   2025, so not within 6 months; its due date moved on by the 63 days paused is 25 June 2025, so published by its due
 *   date (Q1). Paused in 2024-25: not in "paused". Actions: A-1 due 30 September 2025 (due Q2), done 15 September
 *   (done Q2); A-2 due 19 December 2025 (due Q3), done 9 January 2026 (done Q4), so overdue at the end of Q3. Notified
 *   in 2024-25: none of the characteristics.
 *
 * easter: aware Wednesday 16 April 2025. Notification due 25 April (Thu 17 = 1, Good Friday and Easter Monday are not
 *   worked, Tue 22 = 2 ... Fri 25 = 5); sent 24 April: notified Q1, within 5 working days. Rapid review due Monday 12 May
 *   (Mon 28 April = 6, Fri 2 May = 10, 5 May is a bank holiday, Tue 6 = 11, Mon 12 = 15); sent 12 May: completed Q1 on
 *   time, 15 working days. Decision: an LCSPR, 8 May (Q1); the Panel agreed 27 May (Q1): active from 27 May to the end
 *   of the year (the final report was agreed on 20 May 2026, 2026-27). Reviewer appointed 10 June: commissioned Q1.
 *   Paused 27 June (Q1) until 6 October: the whole of Q2 paused, and still active in Q2. Extended on 15 January 2026
 *   with its reason: extended Q4. Action A-1 due 19 September (due Q2), done 3 October (done Q3): overdue at the end of
 *   Q2. Two children (twins): both female, under 1, White (WBRI), not disabled; neglect; unsafe sleep and parental drug
 *   or alcohol misuse (Q1).
 *
 * challenged (recorded live after its escalation): aware Friday 23 May 2025. Notification due Monday 2 June (26 May is
 *   a bank holiday: Tue 27 = 1 ... Mon 2 June = 5); sent 3 June: notified Q1, not within 5 working days. Rapid review
 *   due Monday 16 June (Tue 3 = 6 ... Mon 16 = 15); first sent Thursday 19 June: completed Q1, late, 18 working days
 *   (Tue 17 = 16, Wed 18 = 17, Thu 19 = 18). Decision: no LCSPR, 18 June (Q1). The Panel challenged it 10 July (Q2);
 *   the partners disagreed on the new recommendation (an LCSPR) and the lead partners resolved it: an LCSPR on 30 July
 *   (Q2). The rapid review sent again on 31 July is not counted again. The Panel agreed on 20 August (Q2): active from
 *   20 August (Q2, Q3, Q4; published 20 April 2026). Reviewer appointed 1 September: commissioned Q2. Final report
 *   agreed 20 January 2026: completed Q4. Publication delayed on 16 February 2026 with its reason: delayed Q4. One child:
 *   female, 14, Black (BCRB), disabled; neglect and emotional abuse; the child's mental health and online harm (Q1).
 *
 * boundary (crosses a quarter boundary): aware Monday 22 September 2025. Notification due Monday 29 September; sent
 *   Friday 26 September: notified Q2, within. Rapid review due Monday 13 October (Tue 30 September = 6 ... Fri 10 = 14,
 *   Mon 13 = 15); sent Friday 10 October: completed in Q3 (notified in Q2), on time, 14 working days. Decision: an LCSPR,
 *   8 October (Q3); the Panel agreed 24 October (Q3): active Q3 and Q4 (published 27 March 2026). Reviewer appointed 3
 *   November: commissioned Q3. Final report agreed 25 February 2026: completed Q4. Published 27 March 2026: published
 *   Q4, within six months of 8 October 2025 (8 April 2026) and by its due date (the same day, never paused). Action A-1
 *   due 30 March 2026 (due Q4), done 14 April 2026: overdue at the end of Q4 and of the year. One child: male, 3, Mixed
 *   (MWBC), disability not known; neglect and physical abuse; domestic abuse and parental mental health (Q2).
 *
 * withheld: aware Monday 14 July 2025. Notification due Monday 21 July; sent 16 July: notified Q2, within. Rapid review
 *   due Monday 4 August (Tue 22 July = 6 ... Fri 1 August = 14); sent 1 August: completed Q2, on time, 14 working days.
 *   Decision: an LCSPR, 29 July (Q2); the Panel agreed 15 August (Q2). Reviewer appointed 28 August: commissioned Q2.
 *   Final report agreed 1 December: completed Q3. Publication withheld on 10 February 2026 with its reason (withheld
 *   Q4), the Panel told on 12 February: active from 15 August 2025 to 12 February 2026 (Q2, Q3, Q4). Action A-1 due 13
 *   March 2026 (due Q4), done 12 March (done Q4); A-2 due 20 March, cancelled 2 March: never due. Closed. One child:
 *   male, 16, Asian (AIND), not disabled; neglect; child criminal exploitation and extra-familial harm (Q2).
 *
 * escalatedAction: aware Monday 7 July 2025. Notification due Monday 14 July; sent 9 July: notified Q2, within. Rapid
 *   review due Monday 28 July; sent Friday 25 July: completed Q2, on time, 14 working days. Decision: no LCSPR, 23 July
 *   (Q2); the Panel agreed 12 August (Q2). Action A-1 due Friday 31 October (due Q3); the reminder worker escalated it
 *   to the delegated partners on Tuesday 4 November, two working days overdue (escalated Q3); done 20 November (done
 *   Q3). One child: female, 7, White (WBRI), not disabled; neglect and sexual abuse; child sexual exploitation and
 *   online harm (Q2).
 *
 * lookedAfterDeath (a looked-after child's death, abuse suspected: a serious incident the Secretary of State and
 *   Ofsted are told of too): aware Monday 15 December 2025. Notification due Monday 22 December; sent to the Panel 19
 *   December (serious incidents Q3, within) and to the Secretary of State and Ofsted 22 December (looked-after deaths
 *   Q3). Rapid review due Thursday 8 January 2026 (Mon 22 = 5, Tue 23 = 6, Wed 24 = 7, Christmas and Boxing Day are not
 *   worked, Mon 29 = 8, Wed 31 = 10, New Year's Day is not worked, Fri 2 = 11, Mon 5 = 12, Thu 8 = 15); sent Wednesday
 *   7 January 2026: completed Q4 (notified in Q3), on time, 14 working days. Decision: no LCSPR, 5 January 2026 (Q4);
 *   the Panel agreed 26 January (Q4). Action A-1 due 27 February (due Q4), done 5 March (done Q4); A-2 due and done in
 *   2026-27. One child: male, 15, White (WBRI), disabled; neglect; the child's mental health (Q3).
 *
 * nationalReview: aware Monday 3 November 2025. Notification due Monday 10 November; sent 7 November: notified Q3,
 *   within. Rapid review due Monday 24 November; sent Tuesday 25 November: completed Q3, late, 16 working days.
 *   Decision: a national review, 20 November (Q3); the Panel took a national review 10 December (Q3). One child:
 *   female, 11, ethnicity refused (REFU), disability not recorded; no category of harm nor contributing factor recorded
 *   (Not recorded, Q3).
 *
 * careLeaver (a care leaver's death, abuse not suspected: the Secretary of State and Ofsted only): aware 9 February
 *   2026, notified to them 12 February: care leavers' deaths Q4. No notification to the Panel in Q4 at all, so
 *   "notified to the Panel within 5 working days" has nothing to measure there: n/a. Closed. One person: male, 19 (18 to
 *   24), Black (BAFR), not disabled; nothing recorded of harm or factors (Not recorded, Q4).
 *
 * withdrawn: opened on 18 August 2025 (a girl of 5, neglect recorded) and withdrawn on 20 August, never notified: no
 *   row at all (so neglect is 6, not 7, in the year).
 *
 * nextYear (2026-27): aware Monday 11 May 2026. Notification due Monday 18 May, sent 13 May (within). Rapid review due
 *   Tuesday 2 June (25 May is a bank holiday: Tue 26 = 10, Fri 29 = 13, Mon 1 June = 14, Tue 2 = 15); sent Friday 29 May:
 *   13 working days, on time. Decision: no LCSPR, 27 May; the Panel agreed 16 June; action A-1 due 29 January 2027.
 *   Nothing in 2025-26. One child: male, 9; neglect; domestic abuse.
 *
 * Small numbers: figures about children show 1 to 4 as "fewer than 5": in the year, 6 cases with neglect, 5 female
 * children and 5 children not disabled are shown; the rest are 0 or "fewer than 5".
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';
import { makeTeam, type Team } from '../support/case-helpers';
import { binary } from '../support/http';
import { addMember, firstPartnership } from '../support/partnerships';
import { buildReportDataset, REPORT_TODAY, type DatasetCase, type ReportDataset } from '../support/report-dataset';
import { TestApp } from '../support/test-app';

const FEWER = 'fewer than 5';

/**
 * Every figure of the 2025-26 report, every row, by hand: `| row | Q1 | Q2 | Q3 | Q4 | Year |`.
 */
const YEAR_2025_26: Record<string, string> = {
  'rapid-reviews-completed': `
    | Number of Rapid Reviews completed | 2 | 2 | 2 | 1 | 7 |`,
  'rapid-reviews-on-time': `
    | Number of Rapid Reviews completed on time | 1 | 2 | 1 | 1 | 5 |`,
  'active-practice-reviews': `
    | Number of active SPRs | 2 | 3 | 4 | 4 | 5 |`,
  notifications: `
    | Serious incidents notified to the Panel | 2 | 3 | 2 | 0 | 7 |
    | Deaths of looked-after children notified to the Secretary of State and Ofsted | 0 | 0 | 1 | 0 | 1 |
    | Deaths of care leavers notified to the Secretary of State and Ofsted | 0 | 0 | 0 | 1 | 1 |`,
  'notified-within-5-working-days': `
    | Serious incidents notified to the Panel within 5 working days | 1 | 3 | 2 | n/a | 6 |`,
  // Q1: 15 and 18; Q2: 14 and 14; Q3: 14 and 16; Q4: 14; the year: 14, 14, 14, 14, 15, 16, 18.
  'rapid-review-working-days': `
    | Median | 16.5 | 14 | 15 | 14 | 14 |
    | Shortest | 15 | 14 | 14 | 14 | 14 |
    | Longest | 18 | 14 | 16 | 14 | 18 |`,
  decisions: `
    | An LCSPR | 1 | 2 | 1 | 0 | 4 |
    | No LCSPR | 1 | 1 | 0 | 1 | 3 |
    | A national review | 0 | 0 | 1 | 0 | 1 |`,
  'panel-responses': `
    | Agrees | 1 | 3 | 1 | 1 | 6 |
    | Challenges | 0 | 1 | 0 | 0 | 1 |
    | A national review | 0 | 0 | 1 | 0 | 1 |`,
  'lcsprs-commissioned': `
    | LCSPRs commissioned | 1 | 2 | 1 | 0 | 4 |`,
  'lcsprs-paused': `
    | LCSPRs paused | 1 | 0 | 0 | 0 | 1 |`,
  'lcsprs-extended': `
    | LCSPRs extended | 0 | 0 | 0 | 1 | 1 |`,
  'lcsprs-completed': `
    | LCSPRs completed | 1 | 0 | 1 | 2 | 4 |`,
  'lcsprs-published': `
    | LCSPRs published | 1 | 0 | 0 | 1 | 2 |`,
  'lcsprs-published-within-6-months': `
    | LCSPRs published within 6 months of the decision | 0 | n/a | n/a | 1 | 1 |`,
  'lcsprs-published-by-due-date': `
    | LCSPRs published by their due date | 1 | n/a | n/a | 1 | 2 |`,
  'publications-delayed': `
    | Publications delayed | 0 | 0 | 0 | 1 | 1 |`,
  'publications-withheld': `
    | Publications withheld | 0 | 0 | 0 | 1 | 1 |`,
  'actions-due': `
    | Actions due | 0 | 2 | 2 | 3 | 7 |`,
  'actions-done': `
    | Actions done | 0 | 1 | 2 | 3 | 6 |`,
  'actions-overdue': `
    | Actions overdue at the end of the period | 0 | 1 | 1 | 1 | 1 |`,
  'actions-escalated': `
    | Actions escalated to the delegated partners | 0 | 0 | 1 | 0 | 1 |`,
  'harm-categories': `
    | Neglect | ${FEWER} | ${FEWER} | ${FEWER} | 0 | 6 |
    | Physical abuse | 0 | ${FEWER} | 0 | 0 | ${FEWER} |
    | Sexual abuse | 0 | ${FEWER} | 0 | 0 | ${FEWER} |
    | Emotional abuse | ${FEWER} | 0 | 0 | 0 | ${FEWER} |
    | Not recorded | 0 | 0 | ${FEWER} | ${FEWER} | ${FEWER} |`,
  'contributing-factors': `
    | Domestic abuse | 0 | ${FEWER} | 0 | 0 | ${FEWER} |
    | Parental mental health | 0 | ${FEWER} | 0 | 0 | ${FEWER} |
    | Parental drug or alcohol misuse | ${FEWER} | 0 | 0 | 0 | ${FEWER} |
    | Parental learning disability | 0 | 0 | 0 | 0 | 0 |
    | The child’s mental health | ${FEWER} | 0 | ${FEWER} | 0 | ${FEWER} |
    | Child criminal exploitation | 0 | ${FEWER} | 0 | 0 | ${FEWER} |
    | Child sexual exploitation | 0 | ${FEWER} | 0 | 0 | ${FEWER} |
    | Online harm | ${FEWER} | ${FEWER} | 0 | 0 | ${FEWER} |
    | Extra-familial harm | 0 | ${FEWER} | 0 | 0 | ${FEWER} |
    | Sudden unexpected death in infancy or unsafe sleep | ${FEWER} | 0 | 0 | 0 | ${FEWER} |
    | Non-accidental head injury | 0 | 0 | 0 | 0 | 0 |
    | Another factor | 0 | 0 | 0 | 0 | 0 |
    | Not recorded | 0 | 0 | ${FEWER} | ${FEWER} | ${FEWER} |`,
  'children-by-sex': `
    | Female | ${FEWER} | ${FEWER} | ${FEWER} | 0 | 5 |
    | Male | 0 | ${FEWER} | ${FEWER} | ${FEWER} | ${FEWER} |
    | Not known | 0 | 0 | 0 | 0 | 0 |`,
  'children-by-age': `
    | Under 1 | ${FEWER} | 0 | 0 | 0 | ${FEWER} |
    | 1 to 4 | 0 | ${FEWER} | 0 | 0 | ${FEWER} |
    | 5 to 9 | 0 | ${FEWER} | 0 | 0 | ${FEWER} |
    | 10 to 15 | ${FEWER} | 0 | ${FEWER} | 0 | ${FEWER} |
    | 16 and 17 | 0 | ${FEWER} | 0 | 0 | ${FEWER} |
    | 18 to 24 (care leavers) | 0 | 0 | 0 | ${FEWER} | ${FEWER} |`,
  'children-by-ethnicity': `
    | White | ${FEWER} | ${FEWER} | ${FEWER} | 0 | ${FEWER} |
    | Mixed or multiple ethnic groups | 0 | ${FEWER} | 0 | 0 | ${FEWER} |
    | Asian or Asian British | 0 | ${FEWER} | 0 | 0 | ${FEWER} |
    | Black or Black British | ${FEWER} | 0 | 0 | ${FEWER} | ${FEWER} |
    | Chinese | 0 | 0 | 0 | 0 | 0 |
    | Any other ethnic group | 0 | 0 | 0 | 0 | 0 |
    | Refused | 0 | 0 | ${FEWER} | 0 | ${FEWER} |
    | Information not yet obtained | 0 | 0 | 0 | 0 | 0 |
    | Recorded, not one of the DfE’s codes | 0 | 0 | 0 | 0 | 0 |
    | Not recorded | 0 | 0 | 0 | 0 | 0 |`,
  'children-by-disability': `
    | Disabled | ${FEWER} | 0 | ${FEWER} | 0 | ${FEWER} |
    | Not disabled | ${FEWER} | ${FEWER} | 0 | ${FEWER} | 5 |
    | Not known | 0 | ${FEWER} | 0 | 0 | ${FEWER} |
    | Recorded, not one of the DfE’s codes | 0 | 0 | 0 | 0 | 0 |
    | Not recorded | 0 | 0 | ${FEWER} | 0 | ${FEWER} |`,
};

/**
 * 15 June to 31 October 2025: Q1 clipped to 15 to 30 June, Q2 whole, Q3 clipped to October. Columns: `| row | Q1
 * 2025-26 | Q2 2025-26 | Q3 2025-26 | Whole period |`. In 15-30 June: challenged's rapid review (19 June, late, 18
 * working days), previousYear (active until 20 June) and easter under review, no notification. In October: boundary's
 * rapid review (10 October, 14) and its review from 24 October; nationalReview's dates are all after it. Actions
 * overdue on 31 October: easter's A-1 was done on 3 October and escalatedAction's A-1 is due that day, so none.
 */
const JUNE_TO_OCTOBER_2025: Record<string, string> = {
  'rapid-reviews-completed': `
    | Number of Rapid Reviews completed | 1 | 2 | 1 | 4 |`,
  'rapid-reviews-on-time': `
    | Number of Rapid Reviews completed on time | 0 | 2 | 1 | 3 |`,
  'active-practice-reviews': `
    | Number of active SPRs | 2 | 3 | 4 | 5 |`,
  notifications: `
    | Serious incidents notified to the Panel | 0 | 3 | 0 | 3 |
    | Deaths of looked-after children notified to the Secretary of State and Ofsted | 0 | 0 | 0 | 0 |
    | Deaths of care leavers notified to the Secretary of State and Ofsted | 0 | 0 | 0 | 0 |`,
  'notified-within-5-working-days': `
    | Serious incidents notified to the Panel within 5 working days | n/a | 3 | n/a | 3 |`,
  'rapid-review-working-days': `
    | Median | 18 | 14 | 14 | 14 |
    | Shortest | 18 | 14 | 14 | 14 |
    | Longest | 18 | 14 | 14 | 18 |`,
  'actions-overdue': `
    | Actions overdue at the end of the period | 0 | 1 | 0 | 0 |`,
  'harm-categories': `
    | Neglect | 0 | ${FEWER} | 0 | ${FEWER} |
    | Physical abuse | 0 | ${FEWER} | 0 | ${FEWER} |
    | Sexual abuse | 0 | ${FEWER} | 0 | ${FEWER} |
    | Emotional abuse | 0 | 0 | 0 | 0 |
    | Not recorded | 0 | 0 | 0 | 0 |`,
};

/**
 * The current financial year, 2026-27, read on 29 November 2026: nextYear's notification and rapid review (Q1, 13
 * working days), challenged published 20 April 2026 (late both ways: decided 30 July 2025, due 30 January 2026), easter's
 * final report agreed 20 May 2026, actions done in Q1 (boundary's A-1 on 14 April, lookedAfterDeath's A-2 on 15 June),
 * due in Q1 (lookedAfterDeath's A-2, 30 June) and Q4 (nextYear's A-1, 29 January 2027). `| row | Q1 | Q2 | Q3 | Q4 |
 * Year |`.
 */
const CURRENT_YEAR_2026_27: Record<string, string> = {
  'rapid-reviews-completed': `
    | Number of Rapid Reviews completed | 1 | 0 | 0 | 0 | 1 |`,
  'rapid-reviews-on-time': `
    | Number of Rapid Reviews completed on time | 1 | n/a | n/a | n/a | 1 |`,
  notifications: `
    | Serious incidents notified to the Panel | 1 | 0 | 0 | 0 | 1 |
    | Deaths of looked-after children notified to the Secretary of State and Ofsted | 0 | 0 | 0 | 0 | 0 |
    | Deaths of care leavers notified to the Secretary of State and Ofsted | 0 | 0 | 0 | 0 | 0 |`,
  'notified-within-5-working-days': `
    | Serious incidents notified to the Panel within 5 working days | 1 | n/a | n/a | n/a | 1 |`,
  'rapid-review-working-days': `
    | Median | 13 | n/a | n/a | n/a | 13 |
    | Shortest | 13 | n/a | n/a | n/a | 13 |
    | Longest | 13 | n/a | n/a | n/a | 13 |`,
  decisions: `
    | An LCSPR | 0 | 0 | 0 | 0 | 0 |
    | No LCSPR | 1 | 0 | 0 | 0 | 1 |
    | A national review | 0 | 0 | 0 | 0 | 0 |`,
  'lcsprs-completed': `
    | LCSPRs completed | 1 | 0 | 0 | 0 | 1 |`,
  'lcsprs-published': `
    | LCSPRs published | 1 | 0 | 0 | 0 | 1 |`,
  'lcsprs-published-within-6-months': `
    | LCSPRs published within 6 months of the decision | 0 | n/a | n/a | n/a | 0 |`,
  'lcsprs-published-by-due-date': `
    | LCSPRs published by their due date | 0 | n/a | n/a | n/a | 0 |`,
  'actions-due': `
    | Actions due | 1 | 0 | 0 | 1 | 2 |`,
  'actions-done': `
    | Actions done | 2 | 0 | 0 | 0 | 2 |`,
  'children-by-sex': `
    | Female | 0 | 0 | 0 | 0 | 0 |
    | Male | ${FEWER} | 0 | 0 | 0 | ${FEWER} |
    | Not known | 0 | 0 | 0 | 0 | 0 |`,
};

/** The other partnership's one case: notified 4 June 2025, rapid review 20 June, under review from 15 July. */
const OTHER_PARTNERSHIP_2025_26: Record<string, string> = {
  'rapid-reviews-completed': `
    | Number of Rapid Reviews completed | 1 | 0 | 0 | 0 | 1 |`,
  'active-practice-reviews': `
    | Number of active SPRs | 0 | 1 | 1 | 1 | 1 |`,
  notifications: `
    | Serious incidents notified to the Panel | 1 | 0 | 0 | 0 | 1 |
    | Deaths of looked-after children notified to the Secretary of State and Ofsted | 0 | 0 | 0 | 0 | 0 |
    | Deaths of care leavers notified to the Secretary of State and Ofsted | 0 | 0 | 0 | 0 | 0 |`,
  'lcsprs-commissioned': `
    | LCSPRs commissioned | 0 | 1 | 0 | 0 | 1 |`,
};

/** `| label | a | b |` lines -> [label, [a, b]]. */
function rowsOf(table: string): [string, string[]][] {
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const cells = line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim());
      return [cells[0], cells.slice(1)];
    });
}

interface Cell {
  column: string;
  value: number | null;
  display: string;
  suppressed?: true;
  notApplicable?: true;
}
interface Row {
  id: string;
  label: string;
  cells: Cell[];
}
interface Figure {
  id: string;
  label: string;
  smallNumbers: boolean;
  casesListed: boolean;
  rows: Row[];
}
interface Report {
  period: { from: string; to: string; financialYear?: string; title: string };
  asOf: string;
  columns: { key: string; label: string; from: string; to: string; whole: boolean }[];
  sections: { id: string; figures: Figure[] }[];
}

const figuresOf = (report: Report): Figure[] => report.sections.flatMap((section) => section.figures);

/** What a cell must be for its display: a number, or "n/a" / "fewer than 5" with no number and their flag. */
function expectedCell(column: string, display: string): Cell {
  if (display === 'n/a') return { column, value: null, display, notApplicable: true };
  if (display === FEWER) return { column, value: null, display, suppressed: true };
  return { column, value: Number(display), display };
}

/** The figures' rows as the hand-worked tables give them, to compare with `toEqual` (a mismatch names the row). */
function expectedFigures(report: Report, tables: Record<string, string>, columns?: string[]) {
  const keys = columns ?? report.columns.map((column) => column.key);
  return Object.entries(tables).map(([id, table]) => ({
    id,
    rows: rowsOf(table).map(([label, displays]) => ({
      label,
      cells: displays.map((display, index) => expectedCell(keys[index], display)),
    })),
  }));
}

function actualFigures(report: Report, ids: string[], columns?: string[]) {
  return ids.map((id) => {
    const figure = figuresOf(report).find((f) => f.id === id);
    return {
      id,
      rows: (figure?.rows ?? []).map((row) => ({
        label: row.label,
        cells: row.cells.filter((cell) => !columns || columns.includes(cell.column)),
      })),
    };
  });
}

describe('Practice-review reports: figures worked by hand from a dataset built through the API', () => {
  let t: TestApp;
  let team: Team;
  let data: ReportDataset;
  let year: Report;

  const get = (token: string, path: string) => t.http.get(path).auth(token, { type: 'bearer' });
  const ref = (name: DatasetCase) => data.cases[name];

  beforeAll(async () => {
    t = await TestApp.start();
    team = await makeTeam(t);
    data = await buildReportDataset(t, team);
    const res = await get(team.bu, '/reports/practice-reviews?year=2025').expect(200);
    year = res.body;
  }, 120_000);
  afterAll(() => t?.close());

  it('2025-26: every row of every figure, per quarter and for the year, is the hand-worked value', () => {
    expect(year.period).toEqual({
      from: '2025-04-01',
      to: '2026-03-31',
      financialYear: '2025-26',
      title: '2025-26 (1 April 2025 to 31 March 2026)',
    });
    expect(year.asOf).toBe(REPORT_TODAY);
    expect(year.columns).toEqual([
      { key: '2025-26-q1', label: 'Q1', from: '2025-04-01', to: '2025-06-30', whole: false },
      { key: '2025-26-q2', label: 'Q2', from: '2025-07-01', to: '2025-09-30', whole: false },
      { key: '2025-26-q3', label: 'Q3', from: '2025-10-01', to: '2025-12-31', whole: false },
      { key: '2025-26-q4', label: 'Q4', from: '2026-01-01', to: '2026-03-31', whole: false },
      { key: 'whole', label: 'Year', from: '2025-04-01', to: '2026-03-31', whole: true },
    ]);
    // Every figure the report has is worked out above, and nothing else.
    expect(Object.keys(YEAR_2025_26).sort()).toEqual(
      figuresOf(year)
        .map((figure) => figure.id)
        .sort(),
    );
    expect(actualFigures(year, Object.keys(YEAR_2025_26))).toEqual(expectedFigures(year, YEAR_2025_26));
  });

  it('the figures about children hide 1 to 4 and show 0 and 5 or more; the others show every count', () => {
    const smallNumbers = figuresOf(year).filter((figure) => figure.smallNumbers);
    expect(smallNumbers.map((figure) => figure.id)).toEqual([
      'harm-categories',
      'contributing-factors',
      'children-by-sex',
      'children-by-age',
      'children-by-ethnicity',
      'children-by-disability',
    ]);
    const cells = smallNumbers.flatMap((figure) => figure.rows.flatMap((row) => row.cells));
    expect(cells.filter((cell) => cell.value !== null && cell.value > 0 && cell.value < 5)).toEqual([]);
    expect(cells.filter((cell) => cell.suppressed).every((cell) => cell.display === FEWER)).toBe(true);
    const shown = figuresOf(year).find((figure) => figure.id === 'decisions')!;
    expect(shown.rows[0].cells.map((cell) => cell.display)).toEqual(['1', '2', '1', '0', '4']);
  });

  /** The references behind one cell of the 2025-26 report, with the day each is counted on. */
  async function cellCases(row: string, column: string, query = 'year=2025') {
    const res = await get(team.bu, `/reports/practice-reviews/cases?row=${row}&column=${column}&${query}`).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    return res.body as {
      row: { id: string; figure: string };
      column: { key: string };
      cases: { caseId: string; reference: string; on: string; detail?: string }[];
    };
  }
  const listed = (cases: { caseId: string; reference: string; on: string }[]) =>
    cases.map(({ caseId, reference, on }) => ({ caseId, reference, on }));
  const entry = (name: DatasetCase, on: string) => ({ caseId: ref(name).id, reference: ref(name).reference, on });

  it('the cases behind a cell are exactly those counted, by day', async () => {
    const completed = await cellCases('rapid-reviews-completed', '2025-26-q1');
    expect(completed.row).toMatchObject({ id: 'rapid-reviews-completed', figure: 'rapid-reviews-completed' });
    expect(completed.column).toMatchObject({ key: '2025-26-q1' });
    expect(listed(completed.cases)).toEqual([entry('easter', '2025-05-12'), entry('challenged', '2025-06-19')]);

    // A review paused all quarter is active; each case once, on the day its review began.
    expect(listed((await cellCases('active-practice-reviews', '2025-26-q2')).cases)).toEqual([
      entry('easter', '2025-05-27'),
      entry('withheld', '2025-08-15'),
      entry('challenged', '2025-08-20'),
    ]);
    // Neglect in the year: six cases, each on the day it was first notified (not the withdrawn one).
    expect(listed((await cellCases('harm-categories.neglect', 'whole')).cases)).toEqual([
      entry('easter', '2025-04-24'),
      entry('challenged', '2025-06-03'),
      entry('escalatedAction', '2025-07-09'),
      entry('withheld', '2025-07-16'),
      entry('boundary', '2025-09-26'),
      entry('lookedAfterDeath', '2025-12-19'),
    ]);
    // The decision the lead partners reached counts on the day they reached it.
    expect(listed((await cellCases('decisions.lcspr', '2025-26-q2')).cases)).toEqual([
      entry('withheld', '2025-07-29'),
      entry('challenged', '2025-07-30'),
    ]);
    const escalated = await cellCases('actions-escalated', '2025-26-q3');
    expect(escalated.cases).toEqual([
      {
        caseId: ref('escalatedAction').id,
        reference: ref('escalatedAction').reference,
        on: '2025-11-04',
        detail: 'A-1',
      },
    ]);
    const median = await cellCases('rapid-review-working-days.median', '2025-26-q1');
    expect(median.cases.map(({ reference, detail }) => [reference, detail])).toEqual([
      [ref('easter').reference, '15 working days'],
      [ref('challenged').reference, '18 working days'],
    ]);
    expect((await cellCases('publications-withheld', '2025-26-q4')).cases).toEqual([
      {
        caseId: ref('withheld').id,
        reference: ref('withheld').reference,
        on: '2026-02-10',
        detail: 'Publishing would identify the family, as the Panel agreed (test).',
      },
    ]);
    expect((await cellCases('lcsprs-extended', '2025-26-q4')).cases).toEqual([
      {
        caseId: ref('easter').id,
        reference: ref('easter').reference,
        on: '2026-01-15',
        detail: 'The trial moved the review’s timetable (test).',
      },
    ]);
    expect(listed((await cellCases('notifications.looked-after-death', 'whole')).cases)).toEqual([
      entry('lookedAfterDeath', '2025-12-22'),
    ]);
    expect((await cellCases('lcsprs-published', '2025-26-q2')).cases).toEqual([]);
  });

  it('a range of days clips the quarters it touches, named with their year, and adds the whole period', async () => {
    const res = await get(team.bu, '/reports/practice-reviews?from=2025-06-15&to=2025-10-31').expect(200);
    const report: Report = res.body;
    expect(report.period).toEqual({
      from: '2025-06-15',
      to: '2025-10-31',
      title: '15 June 2025 to 31 October 2025',
    });
    expect(report.columns).toEqual([
      { key: '2025-26-q1', label: 'Q1 2025-26', from: '2025-06-15', to: '2025-06-30', whole: false },
      { key: '2025-26-q2', label: 'Q2 2025-26', from: '2025-07-01', to: '2025-09-30', whole: false },
      { key: '2025-26-q3', label: 'Q3 2025-26', from: '2025-10-01', to: '2025-10-31', whole: false },
      { key: 'whole', label: 'Whole period', from: '2025-06-15', to: '2025-10-31', whole: true },
    ]);
    expect(actualFigures(report, Object.keys(JUNE_TO_OCTOBER_2025))).toEqual(
      expectedFigures(report, JUNE_TO_OCTOBER_2025),
    );
    const clipped = await cellCases('rapid-reviews-completed', '2025-26-q1', 'from=2025-06-15&to=2025-10-31');
    expect(listed(clipped.cases)).toEqual([entry('challenged', '2025-06-19')]);
  });

  it('without a period the report is the current financial year, 2026-27, read as of today', async () => {
    const res = await get(team.bu, '/reports/practice-reviews').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const report: Report = res.body;
    expect(report.period).toMatchObject({ from: '2026-04-01', to: '2027-03-31', financialYear: '2026-27' });
    expect(report.asOf).toBe(REPORT_TODAY);
    expect(report.columns.map((column) => [column.key, column.label])).toEqual([
      ['2026-27-q1', 'Q1'],
      ['2026-27-q2', 'Q2'],
      ['2026-27-q3', 'Q3'],
      ['2026-27-q4', 'Q4'],
      ['whole', 'Year'],
    ]);
    expect(actualFigures(report, Object.keys(CURRENT_YEAR_2026_27))).toEqual(
      expectedFigures(report, CURRENT_YEAR_2026_27),
    );
    // Under review in 2026-27: easter (its report not yet published) and challenged (until 20 April 2026); the
    // quarter not yet begun (Q4) reads n/a.
    expect(actualFigures(report, ['active-practice-reviews'])).toEqual(
      expectedFigures(report, { 'active-practice-reviews': '| Number of active SPRs | 2 | 1 | 1 | n/a | 2 |' }),
    );
  });

  it('another partnership’s cases are never counted, and its own report counts only its case', async () => {
    const other: Report = (await get(data.otherBusinessUnit, '/reports/practice-reviews?year=2025').expect(200)).body;
    expect(actualFigures(other, Object.keys(OTHER_PARTNERSHIP_2025_26))).toEqual(
      expectedFigures(other, OTHER_PARTNERSHIP_2025_26),
    );
    const theirs = await get(
      data.otherBusinessUnit,
      '/reports/practice-reviews/cases?row=notifications.serious-incident&column=whole&year=2025',
    ).expect(200);
    expect(theirs.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([data.otherPartnershipCase.id]);
    const ours = await cellCases('notifications.serious-incident', 'whole');
    expect(ours.cases.map((c) => c.caseId)).not.toContain(data.otherPartnershipCase.id);
    expect(ours.cases).toHaveLength(7);
  });

  it('bad queries are refused with a message by the field', async () => {
    const refused = async (path: string) => {
      const res = await get(team.bu, path).expect(400);
      expect(res.body.code).toBe('validation-failed');
      for (const detail of res.body.details) expect(detail.messages.length).toBeGreaterThan(0);
      return res.body.details.map((detail: { field: string }) => detail.field);
    };
    const report = '/reports/practice-reviews';
    expect(await refused(`${report}?year=2025&from=2025-04-01&to=2025-06-30`)).toEqual(['year']);
    expect(await refused(`${report}?from=2025-07-01&to=2025-06-30`)).toEqual(['to']);
    expect(await refused(`${report}?from=2025-07-01`)).toEqual(['to']);
    expect(await refused(`${report}?to=2025-07-01`)).toEqual(['from']);
    expect(await refused(`${report}?from=2025-02-30&to=2025-06-30`)).toEqual(['from']);
    expect(await refused(`${report}?from=01/04/2025&to=2025-06-30`)).toEqual(['from']);
    expect(await refused(`${report}?year=twenty`)).toEqual(['year']);
    expect(await refused(`${report}?year=2025&colour=red`)).toEqual(['colour']);
    const cases = `${report}/cases`;
    expect(await refused(`${cases}?row=no-such-figure&column=whole&year=2025`)).toEqual(['row']);
    expect(await refused(`${cases}?row=harm-categories.no-such-row&column=whole&year=2025`)).toEqual(['row']);
    expect(await refused(`${cases}?row=rapid-reviews-completed&column=2024-25-q1&year=2025`)).toEqual(['column']);
    expect(await refused(`${cases}?column=whole&year=2025`)).toEqual(['row']);
    expect(await refused(`${cases}?row=rapid-reviews-completed&year=2025`)).toEqual(['column']);
  });

  it('the roles that work or scrutinise cases read the reports; a lead reviewer and an admin are refused', async () => {
    for (const token of [team.subgroup, team.la, team.leadPartner, team.scrutineer]) {
      await get(token, '/reports/practice-reviews?year=2025').expect(200);
      await get(token, '/reports/practice-reviews/cases?row=notifications&column=whole&year=2025').expect(400);
      await get(token, '/reports/practice-reviews/cases?row=lcsprs-completed&column=whole&year=2025').expect(200);
    }
    const reviewer = await addMember(t, await firstPartnership(t), 'Rev', {
      email: 'reviewer@partnership.test',
      roles: ['lead-reviewer'],
    });
    for (const token of [reviewer.token, team.admin]) {
      expect((await get(token, '/reports/practice-reviews?year=2025').expect(403)).body.code).toBe('forbidden');
      await get(token, '/reports/practice-reviews/cases?row=lcsprs-completed&column=whole&year=2025').expect(403);
    }
    await t.http.get('/reports/practice-reviews?year=2025').expect(401);
  });

  it('lists the cases behind the figures about children only for the roles that read the children’s details', async () => {
    const childRows = ['children-by-sex.male', 'children-by-age.1-4', 'children-by-ethnicity.white'];
    const listedFigures = (report: Report) =>
      report.sections.flatMap((section) =>
        section.figures.filter((figure) => !figure.casesListed).map((figure) => figure.id),
      );
    // A lead partner reads no child's details on a case (RECORD_VISIBILITY), so not which case has which child.
    const leadPartners: Report = (await get(team.leadPartner, '/reports/practice-reviews?year=2025').expect(200)).body;
    expect(listedFigures(leadPartners)).toEqual([
      'children-by-sex',
      'children-by-age',
      'children-by-ethnicity',
      'children-by-disability',
    ]);
    for (const row of childRows) {
      const refused = await get(team.leadPartner, `/reports/practice-reviews/cases?row=${row}&column=whole&year=2025`);
      expect({ row, status: refused.status, code: refused.body.code }).toEqual({ row, status: 403, code: 'forbidden' });
    }
    // The harm and the contributing factors are the case's, which every role reads.
    await get(
      team.leadPartner,
      '/reports/practice-reviews/cases?row=harm-categories.neglect&column=whole&year=2025',
    ).expect(200);
    for (const token of [team.bu, team.subgroup, team.la, team.scrutineer]) {
      const report: Report = (await get(token, '/reports/practice-reviews?year=2025').expect(200)).body;
      expect(listedFigures(report)).toEqual([]);
      for (const row of childRows)
        await get(token, `/reports/practice-reviews/cases?row=${row}&column=whole&year=2025`).expect(200);
    }
  });

  /** Each row id of the JSON report with its cells' displays: what the downloads must hold. */
  const jsonLines = (report: Report) =>
    figuresOf(report).flatMap((figure) =>
      figure.rows.map((row) => ({ id: row.id, label: row.label, displays: row.cells.map((cell) => cell.display) })),
    );
  /** The hand-worked displays by row id (the JSON names the rows; the tables above give their values). */
  function handWorkedByRowId(report: Report): Map<string, string[]> {
    const byId = new Map<string, string[]>();
    for (const [figureId, table] of Object.entries(YEAR_2025_26)) {
      const figure = figuresOf(report).find((f) => f.id === figureId)!;
      for (const [label, displays] of rowsOf(table)) {
        byId.set(figure.rows.find((row) => row.label === label)!.id, displays);
      }
    }
    return byId;
  }

  it('the CSV download holds the JSON report’s every row and cell, and the hand-worked values', async () => {
    const res = await get(team.bu, '/reports/practice-reviews.csv?year=2025').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['cache-control']).toBe('no-store');
    const [header, ...lines]: string[][] = parse(res.text, { bom: true });
    expect(header).toEqual(['Period', 'Section', 'Figure', 'Row', 'Row id', 'Q1', 'Q2', 'Q3', 'Q4', 'Year']);
    const handWorked = handWorkedByRowId(year);
    expect(lines.map((line) => ({ id: line[4], label: line[3], displays: line.slice(5) }))).toEqual(jsonLines(year));
    expect(lines.every((line) => line[0] === '2025-26')).toBe(true);
    for (const line of lines) expect([line[4], line.slice(5)]).toEqual([line[4], handWorked.get(line[4])]);
  });

  it('the Excel workbook holds the same table: numbers as numbers, "fewer than 5" and "n/a" as text', async () => {
    const res: Response = await get(team.bu, '/reports/practice-reviews.xlsx?year=2025')
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toMatch(
      /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('Figures')!;
    const valuesOf = (rowNumber: number) => (sheet.getRow(rowNumber).values as ExcelJS.CellValue[]).slice(1);
    expect(valuesOf(2)).toEqual(['Period', 'Section', 'Figure', 'Row', 'Row id', 'Q1', 'Q2', 'Q3', 'Q4', 'Year']);
    const lines: ExcelJS.CellValue[][] = [];
    for (let rowNumber = 3; rowNumber <= sheet.rowCount; rowNumber += 1) lines.push(valuesOf(rowNumber));
    const handWorked = handWorkedByRowId(year);
    expect(lines.map((line) => ({ id: line[4], label: line[3], displays: line.slice(5).map(String) }))).toEqual(
      jsonLines(year),
    );
    for (const line of lines) {
      const expectedCells = handWorked
        .get(String(line[4]))!
        .map((display) => (display === 'n/a' || display === FEWER ? display : Number(display)));
      expect([line[4], line.slice(5)]).toEqual([line[4], expectedCells]);
    }
  });
});
