/** The partial views/partials/event-form.njk renders any event's model with the GOV.UK macros. */
import * as path from 'path';
import * as nunjucks from 'nunjucks';
import { eventForm, type EventFormModel } from './event-form';
import { readEventForm } from './read-event-form';

const views = path.resolve(__dirname, '../../../views');
const govuk = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist');
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([views, govuk]), {
  autoescape: true,
  throwOnUndefined: false,
});

const render = (form: EventFormModel, csrfToken = 'the-token') =>
  env.renderString('{% include "partials/event-form.njk" %}', { form, csrfToken });

/** The text of every `<label>` and `<legend>`, whitespace collapsed. */
const labels = (html: string) =>
  [...html.matchAll(/<(label|legend)[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2].replace(/\s+/g, ' ').trim());

describe('the event form partial', () => {
  it('renders the decision sign-off: radios Agree and Disagree, an optional comment, a button Sign off', () => {
    const html = render(eventForm('decision.signed-off', {}, {}, { action: '/case/c-1/events/decision.signed-off' }));

    expect(html).toContain('<form method="post" action="/case/c-1/events/decision.signed-off" novalidate>');
    expect(html).toContain('<input type="hidden" name="_csrf" value="the-token">');
    expect(labels(html)).toEqual(['Do you agree with the recommendation?', 'Agree', 'Disagree', 'Comment (optional)']);
    expect(html).toMatch(
      /<input class="govuk-radios__input" id="decision" name="decision" type="radio" value="agree">/,
    );
    expect(html).toMatch(/id="decision-2" name="decision" type="radio" value="disagree"/);
    expect(html).toMatch(
      /<textarea class="govuk-textarea govuk-js-character-count" id="comment" name="comment" rows="5"/,
    );
    expect(html).toContain('You can enter up to 2000 characters');
    expect(html).toMatch(/<button type="submit"[^>]*class="govuk-button"[^>]*>\s*Sign off\s*<\/button>/);
  });

  it('renders a date as day, month and year inputs named after the field', () => {
    const html = render(eventForm('rapid-review.meeting-held'));

    expect(labels(html).slice(0, 4)).toEqual(['Date of the rapid review meeting', 'Day', 'Month', 'Year']);
    for (const part of ['day', 'month', 'year']) {
      expect(html).toMatch(new RegExp(`id="heldOn-${part}" name="heldOn-${part}" type="text" inputmode="numeric"`));
    }
    expect(html).toContain('For example, 27 3 2026');
    expect(html).toMatch(/>\s*Save meeting\s*<\/button>/);
  });

  it('shows what was typed and the error at the date part at fault', () => {
    const typed = { 'heldOn-day': '10', 'heldOn-month': '', 'heldOn-year': '2026' };
    const read = readEventForm('rapid-review.meeting-held', typed);
    const html = render(eventForm('rapid-review.meeting-held', typed, 'errors' in read ? read.errors : {}));

    expect(html).toContain('govuk-form-group--error');
    expect(html).toMatch(
      /<span class="govuk-visually-hidden">Error:<\/span> Date of the rapid review meeting must include a month/,
    );
    expect(html).toMatch(/class="govuk-input govuk-date-input__input govuk-input--error[^"]*" id="heldOn-month"/);
    expect(html).not.toMatch(/govuk-input--error[^"]*" id="heldOn-day"/);
    expect(html).toMatch(/id="heldOn-day" name="heldOn-day" type="text" value="10"/);
  });

  it('escapes what it shows', () => {
    const html = render(eventForm('decision.escalated', { note: '<script>alert(1)</script>' }), '"><b>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('value="&quot;&gt;&lt;b&gt;"');
  });
});
