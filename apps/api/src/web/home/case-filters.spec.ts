import { caseListHref, isFiltered, readCaseFilters } from './case-filters';

describe("the home page's filters", () => {
  it('list the open cases by default, 50 a page, newest first (the API query)', () => {
    const read = readCaseFilters({});
    expect(read.errors).toBeUndefined();
    expect({ ...read.query }).toEqual({ open: true, limit: 50, offset: 0 });
    expect(isFiltered(read.values)).toBe(false);
  });

  it('read each filter into the API query, validated by its class', () => {
    const read = readCaseFilters({
      stage: 'decision',
      overdue: 'true',
      dueWithinWorkingDays: ' 5 ',
      awaitingSignOff: 'true',
      page: '3',
    });
    expect({ ...read.query }).toEqual({
      stage: 'decision',
      overdue: true,
      dueWithinWorkingDays: 5,
      awaitingSignOff: true,
      limit: 50,
      offset: 100,
    });
    expect(read.page).toBe(3);
    expect(isFiltered(read.values)).toBe(true);
  });

  it('show closed cases only when asked, by the box or by the stage', () => {
    expect(readCaseFilters({}).query?.open).toBe(true);
    expect(readCaseFilters({ includeClosed: 'true' }).query?.open).toBeUndefined();
    expect(readCaseFilters({ stage: 'closed' }).query).toMatchObject({ stage: 'closed', open: undefined });
  });

  it('treat blank fields of the form as not set, and a page that is not a number as the first', () => {
    const read = readCaseFilters({ stage: '', dueWithinWorkingDays: '', page: 'x' });
    expect({ ...read.query }).toEqual({ open: true, limit: 50, offset: 0 });
    expect(readCaseFilters({ page: ['2', '3'] }).page).toBe(1);
  });

  it('refuse what the API refuses, in the words of the page, linking to the field', () => {
    expect(readCaseFilters({ stage: 'nowhere', dueWithinWorkingDays: 'soon' }).errors).toEqual({
      stage: { text: 'Select a stage from the list', href: '#stage' },
      dueWithinWorkingDays: {
        text: 'Due within must be a whole number of working days from 0 to 260',
        href: '#dueWithinWorkingDays',
      },
    });
    expect(readCaseFilters({ dueWithinWorkingDays: '261' }).errors).toHaveProperty('dueWithinWorkingDays');
    expect(readCaseFilters({ overdue: 'yes' }).errors).toEqual({
      overdue: { text: 'Overdue cases can only be ticked or not', href: '#overdue' },
    });
  });

  it('keep the filters in the links to other pages, the defaults left out', () => {
    const { values } = readCaseFilters({ stage: 'lcspr', overdue: 'true', dueWithinWorkingDays: '5' });
    expect(caseListHref(values, 2)).toBe('/?stage=lcspr&overdue=true&dueWithinWorkingDays=5&page=2');
    expect(caseListHref(readCaseFilters({}).values)).toBe('/');
  });
});
