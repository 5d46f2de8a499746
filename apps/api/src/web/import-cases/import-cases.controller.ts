import { Body, Get, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { assertHasRole } from '@app/auth';
import { CasesService, importTemplateCsv, readImportCsv, type CsvProblem } from '@app/cases';
import { IllegalTransitionError, RuleViolatedError } from '@app/common';
import { CASE_OPENERS } from '@app/workflows';
import { PageController } from '../page-controller.decorator';
import { casePath } from '../presenters/case-page';

export const IMPORT_PATH = '/import-cases';
/** The largest file the page takes (multer's limit, mounted in mount-web.ts). */
export const IMPORT_FILE_LIMIT_BYTES = 1_000_000;

const problemText = (p: CsvProblem) => `Row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`;

/**
 * Item 6: bringing in running cases from a CSV file (the business unit, as `POST /cases/import.csv`): upload the file
 * (or paste its rows), see every problem by row and column in the error summary, or the list of the cases brought
 * in. The file is read through the API's own conversion and import.
 */
@PageController('import-cases')
export class ImportCasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  show(@Req() request: Request, @Res() response: Response): void {
    assertHasRole(request.user!.roles, CASE_OPENERS);
    response.render('import-cases', { pageTitle: 'Bring in running cases' });
  }

  @Get('template.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="practice-review-import-template.csv"')
  template(@Req() request: Request): string {
    assertHasRole(request.user!.roles, CASE_OPENERS);
    return importTemplateCsv();
  }

  @Post()
  @HttpCode(200)
  async upload(
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const user = request.user!;
    assertHasRole(user.roles, CASE_OPENERS);
    const file = (request as Request & { file?: { buffer: Buffer } }).file;
    const pasted = typeof body.rows === 'string' ? body.rows : '';
    const text = file?.buffer.length ? file.buffer.toString('utf8') : pasted;
    const refuse = (messages: string[]) =>
      response.status(400).render('import-cases', {
        pageTitle: 'Bring in running cases',
        rows: file ? '' : pasted,
        errorList: messages.map((text) => ({ text, href: '#file' })),
        fileError: messages.length ? { text: messages[0] } : undefined,
      });
    if (text.trim() === '') return refuse(['Select a CSV file, or paste its rows']);
    const { rows, problems } = readImportCsv(text);
    if (problems.length) return refuse(problems.map(problemText));
    try {
      const views = await this.cases.importCases(user, rows);
      response.render('import-cases-done', {
        pageTitle: 'Cases brought in',
        cases: views.map((v) => ({ href: casePath(v.id), reference: v.reference, stage: v.stage })),
      });
    } catch (error) {
      if (error instanceof RuleViolatedError || error instanceof IllegalTransitionError) {
        return refuse([error.message]);
      }
      throw error;
    }
  }
}
