import { Body, Controller, Get, Header, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiProperty,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@app/auth';
import {
  AuditEventView,
  CASE_EVENT_BODIES,
  caseEventBodySchema,
  CaseListView,
  CaseRecordView,
  CasesService,
  CaseView,
  importTemplateCsv,
  OpenCaseDto,
  parseCaseEvent,
  parseImport,
  readImportCsv,
} from '@app/cases';
import { ValidationFailedError } from '@app/common';
import { ApiErrorResponses } from '../http/api-errors';
import { ListCasesQuery } from './list-cases.query';

/** The body of `POST /cases/import`, as the OpenAPI document describes it (`parseImport` validates it). */
class ImportCaseBody extends OpenCaseDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [],
    description:
      'The events so far, oldest first: `{ type, ...payload, occurredOn (unless it carries its own date), ' +
      'actor?: { name, role?, agency? } }`; `[]` brings the case in as opened.',
  })
  history: Record<string, unknown>[];
}

function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new ValidationFailedError('Invalid input: If-Match', [
      { field: 'If-Match', messages: ['If-Match must be the case version, a whole number'] },
    ]);
  }
  return Number(match[1]);
}

function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw new ValidationFailedError('Invalid input: Idempotency-Key', [
      { field: 'Idempotency-Key', messages: ['Idempotency-Key must be 1 to 200 visible ASCII characters'] },
    ]);
  }
  return header;
}

@ApiTags('cases')
@ApiBearerAuth()
@ApiExtraModels(...Object.values(CASE_EVENT_BODIES))
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiCreatedResponse({ type: CaseView })
  @ApiErrorResponses(401, 400, 403)
  open(@Body() body: OpenCaseDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.cases.open(user, body);
  }

  /** Item 6: a running case brought in with its history so far. */
  @Post('import')
  @ApiOperation({
    summary: 'Bring in a running case with its history (business unit)',
    description:
      'What POST /cases takes, plus `history`: the events so far, oldest first, each `{ type, ...payload, occurredOn ' +
      '(unless it carries its own date), actor?: { name, role?, agency? } }`, replayed in order as if received on ' +
      'their dates, in one transaction. A sign-off is recorded on the delegated partner’s behalf (`onBehalfOf` or ' +
      '`actor.agency`). A refusal names the event (`history[3]`).',
  })
  @ApiBody({ type: ImportCaseBody })
  @ApiCreatedResponse({ type: CaseView })
  @ApiErrorResponses(401, 400, 403, 409, 422)
  importCase(@Body() body: unknown, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.cases.importCase(user, parseImport(body));
  }

  /** Item 6: the CSV template for bringing in running cases, one row per case. */
  @Get('import/template.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="practice-review-import-template.csv"')
  @ApiOperation({ summary: 'The CSV template for bringing in running cases (a header row and an example row)' })
  @ApiOkResponse({ description: 'The template', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrorResponses(401)
  importTemplate(): string {
    return importTemplateCsv();
  }

  /** Item 6: running cases from a CSV file (the template's columns), all in one transaction. */
  @Post('import.csv')
  @ApiOperation({
    summary: 'Bring in running cases from a CSV file, one row per case (business unit)',
    description:
      'The body is the file (`Content-Type: text/csv`). Problems are a 400 whose details name the row and column ' +
      '(`field: "row 2, column meetingHeldOn"`); a refusal of an event a 409 or 422 naming them. All or nothing.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'The CSV file', schema: { type: 'string' } })
  @ApiCreatedResponse({ type: [CaseView] })
  @ApiErrorResponses(401, 400, 403, 409, 422)
  async importCsv(@Body() body: unknown, @CurrentUser() user: AuthenticatedUser): Promise<CaseView[]> {
    if (typeof body !== 'string' && !Buffer.isBuffer(body)) {
      throw new ValidationFailedError('Invalid input: body', [
        { field: 'body', messages: ['the body must be a CSV file sent as text/csv'] },
      ]);
    }
    const { rows, problems } = readImportCsv(body.toString());
    if (problems.length) {
      throw new ValidationFailedError(
        `Invalid input: ${problems.length} problem(s) in the file`,
        problems.map((p) => ({
          field: `row ${p.row}${p.column ? `, column ${p.column}` : ''}`,
          messages: [p.message],
        })),
      );
    }
    return this.cases.importCases(user, rows);
  }

  @Get()
  @ApiOkResponse({ type: CaseListView })
  @ApiErrorResponses(401, 400)
  list(@Query() query: ListCasesQuery, @CurrentUser() user: AuthenticatedUser): Promise<CaseListView> {
    return this.cases.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CaseView })
  @ApiErrorResponses(401, 404)
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseView> {
    return this.cases.get(user, id);
  }

  @Get(':id/record')
  @ApiOperation({
    summary: 'Everything the case holds, by stage',
    description:
      "The children's details and the summary only for the roles that read them (RECORD_VISIBILITY); for others " +
      'they are absent and `restricted` names them.',
  })
  @ApiOkResponse({ type: CaseRecordView })
  @ApiErrorResponses(401, 404)
  record(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseRecordView> {
    return this.cases.record(user, id);
  }

  @Get(':id/history')
  @ApiOkResponse({ type: [AuditEventView] })
  @ApiErrorResponses(401, 404)
  history(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<AuditEventView[]> {
    return this.cases.history(user, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first answer',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The case version; refused with 409 if the case moved on',
  })
  @ApiBody({
    description: "An event: `type` and that type's payload fields; any other field is refused",
    schema: { ...caseEventBodySchema(), example: { type: 'notification.submitted', submittedOn: '2026-01-07' } },
  })
  @ApiOkResponse({ type: CaseView })
  @ApiErrorResponses(401, 400, 404, 403, 409, 422)
  event(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CaseView> {
    const parsed = parseCaseEvent(body);
    const options = { idempotencyKey: parseIdempotencyKey(idempotencyKey), ifMatch: parseIfMatch(ifMatch) };
    return this.cases.dispatch(user, id, parsed, options);
  }
}
