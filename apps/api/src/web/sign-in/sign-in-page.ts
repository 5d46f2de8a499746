import type { Response } from 'express';
import { errorSummaryList, type FieldErrors } from '../presenters/error-summary';

/** The sign-in page again, with the email typed kept and the problem by its field and in the summary. */
export function signInPage(response: Response, status: number, email: string, errors: FieldErrors): void {
  response.status(status).render('sign-in', { email, errors, errorList: errorSummaryList(errors) });
}
