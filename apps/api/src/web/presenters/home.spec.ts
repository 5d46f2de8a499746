import { caseFilterForm, casePagination, needsYouNow, resultsSummary } from './home';

const NO_FILTERS = {
  stage: '',
  overdue: false,
  dueWithinWorkingDays: '',
  awaitingSignOff: false,
  includeClosed: false,
};

describe('what needs the person now', () => {
  it("tells a delegated partner how many cases await their agency's sign-off, linking to them", () => {
    expect(needsYouNow({ awaitingSignOff: 1 })).toEqual([
      { text: "1 case is awaiting your agency's sign-off", href: '/?awaitingSignOff=true' },
    ]);
    expect(needsYouNow({ awaitingSignOff: 3 })[0].text).toBe("3 cases are awaiting your agency's sign-off");
  });

  it('tells the business unit of overdue deadlines and those due within 5 working days, each linking to its list', () => {
    expect(needsYouNow({ overdue: 2, dueSoon: 1 })).toEqual([
      { text: '2 cases have an overdue deadline', href: '/?overdue=true' },
      { text: '1 case has a deadline due within 5 working days', href: '/?dueWithinWorkingDays=5' },
    ]);
  });

  it('says when there is nothing, without a link to an empty list', () => {
    expect(needsYouNow({ overdue: 0, dueSoon: 0 })).toEqual([
      { text: 'No case has an overdue deadline' },
      { text: 'No case has a deadline due within 5 working days' },
    ]);
    expect(needsYouNow({ awaitingSignOff: 0 })).toEqual([{ text: "No case is awaiting your agency's sign-off" }]);
  });

  it('has nothing to say to someone with nothing to act on', () => {
    expect(needsYouNow({})).toEqual([]);
  });
});

describe('the filter form', () => {
  it('offers every stage by name, the one chosen selected', () => {
    const { stage } = caseFilterForm({ ...NO_FILTERS, stage: 'rapid-review' }, {}, { signsOff: false });
    const items = stage.items as { value: string; text: string; selected: boolean }[];
    expect(items[0]).toEqual({ value: '', text: 'Any stage', selected: false });
    expect(items.find((i) => i.selected)).toEqual({ value: 'rapid-review', text: 'Rapid review', selected: true });
    expect(items.map((i) => i.text)).toContain('Closed');
  });

  it('offers the sign-off box only to someone who signs off, and ticks what was ticked', () => {
    const names = (signsOff: boolean) =>
      (caseFilterForm({ ...NO_FILTERS, overdue: true }, {}, { signsOff }).show.items as { name: string }[]).map(
        (i) => i.name,
      );
    expect(names(true)).toEqual(['overdue', 'awaitingSignOff', 'includeClosed']);
    expect(names(false)).toEqual(['overdue', 'includeClosed']);
    const items = caseFilterForm({ ...NO_FILTERS, overdue: true }, {}, { signsOff: false }).show.items as {
      checked: boolean;
    }[];
    expect(items.map((i) => i.checked)).toEqual([true, false]);
  });

  it('shows the error at its field and keeps what was typed, even a stage that does not exist', () => {
    const form = caseFilterForm(
      { ...NO_FILTERS, stage: 'nowhere', dueWithinWorkingDays: 'soon' },
      {
        stage: { text: 'Select a stage from the list', href: '#stage' },
        dueWithinWorkingDays: { text: 'Due within must be a whole number', href: '#dueWithinWorkingDays' },
      },
      { signsOff: false },
    );
    expect(form.dueWithin).toMatchObject({
      value: 'soon',
      errorMessage: { text: 'Due within must be a whole number' },
    });
    expect(form.stage.errorMessage).toEqual({ text: 'Select a stage from the list' });
    expect((form.stage.items as { value: string; selected: boolean }[]).find((i) => i.selected)?.value).toBe('nowhere');
  });
});

describe('the pages of the list', () => {
  const href = (p: number) => `/?page=${p}`;

  it('has no pagination when everything fits on one page', () => {
    expect(casePagination(1, 50, 50, href)).toBeUndefined();
    expect(casePagination(1, 0, 50, href)).toBeUndefined();
  });

  it('links the first, last and neighbouring pages, with ellipses between', () => {
    expect(casePagination(5, 451, 50, href)).toEqual({
      previous: { href: '/?page=4' },
      next: { href: '/?page=6' },
      items: [
        { number: '1', href: '/?page=1' },
        { ellipsis: true },
        { number: '4', href: '/?page=4' },
        { number: '5', href: '/?page=5', current: true },
        { number: '6', href: '/?page=6' },
        { ellipsis: true },
        { number: '10', href: '/?page=10' },
      ],
    });
  });

  it('has no previous link on the first page and no next link on the last', () => {
    expect(casePagination(1, 51, 50, href)).toEqual({
      next: { href: '/?page=2' },
      items: [
        { number: '1', href: '/?page=1', current: true },
        { number: '2', href: '/?page=2' },
      ],
    });
    expect(casePagination(2, 51, 50, href)).not.toHaveProperty('next');
  });

  it('says which cases are shown, or why none are', () => {
    expect(resultsSummary({ page: 2, perPage: 50, shown: 50, total: 123 }, false)).toBe(
      'Showing 51 to 100 of 123 cases.',
    );
    expect(resultsSummary({ page: 1, perPage: 50, shown: 1, total: 1 }, true)).toBe('Showing 1 to 1 of 1 case.');
    expect(resultsSummary({ page: 1, perPage: 50, shown: 0, total: 0 }, false)).toBe('There are no open cases.');
    expect(resultsSummary({ page: 1, perPage: 50, shown: 0, total: 0 }, true)).toBe('No cases match the filters.');
    expect(resultsSummary({ page: 9, perPage: 50, shown: 0, total: 3 }, false)).toBe(
      'There are no cases on page 9. There are 3 in all.',
    );
  });
});
