import { deadlinesTableRows } from './deadlines-table';

describe("the case page's deadlines table", () => {
  const rows = deadlinesTableRows([
    { rule: 'notify-panel', startedOn: '2026-01-05', dueOn: '2026-01-12', stoppedOn: '2026-01-08', status: 'met' },
    { rule: 'rapid-review', startedOn: '2026-01-05', dueOn: '2026-01-26', status: 'open' },
    { rule: 'inform-partners', startedOn: '2026-01-05', dueOn: '2026-01-12', stoppedOn: '2026-01-14', status: 'late' },
    { rule: 'lcspr-publish', startedOn: '2026-01-20', dueOn: '2026-07-20', status: 'paused' },
  ]);

  it('names each rule in plain English, linking to the rulebook where its statutory source is', () => {
    expect(rows[0][0]).toEqual({
      html:
        '<a class="govuk-link" href="/rulebook#notify-panel">Notify the Panel' +
        '<span class="govuk-visually-hidden"> (the rule and its statutory source)</span></a>',
    });
    expect(rows.map((row) => (row[0] as { html: string }).html.replace(/<[^>]+>/g, ''))).toEqual([
      'Notify the Panel (the rule and its statutory source)',
      'Send the rapid review to the Panel (the rule and its statutory source)',
      'Tell the safeguarding partners (the rule and its statutory source)',
      'Complete and publish the local review (the rule and its statutory source)',
    ]);
  });

  it('writes the due date the GOV.UK way', () => {
    expect(rows.map((row) => row[1])).toEqual([
      { text: '12 January 2026' },
      { text: '26 January 2026' },
      { text: '12 January 2026' },
      { text: '20 July 2026' },
    ]);
  });

  it('shows the status as a tag, with the day a met or late clock stopped', () => {
    expect(rows[0][2]).toEqual({
      html:
        '<strong class="govuk-tag govuk-tag--green">Met</strong>' +
        '<span class="govuk-body-s app-deadline-stopped"> Met on 8 January 2026</span>',
    });
    expect(rows[1][2]).toEqual({ html: '<strong class="govuk-tag govuk-tag--blue">Open</strong>' });
    expect((rows[2][2] as { html: string }).html).toContain('>Late</strong>');
    expect((rows[2][2] as { html: string }).html).toContain('Done on 14 January 2026');
    expect(rows[3][2]).toEqual({ html: '<strong class="govuk-tag govuk-tag--yellow">Paused</strong>' });
  });
});
