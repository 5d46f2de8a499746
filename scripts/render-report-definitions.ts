/** `npm run docs:reports`: rewrites docs/reports.md from the figures' one list (see report-definitions-doc.ts). */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { REPORT_DEFINITIONS_PATH, reportDefinitionsMarkdown } from '@app/reports';

writeFileSync(join(__dirname, '..', REPORT_DEFINITIONS_PATH), reportDefinitionsMarkdown());
console.log(`wrote ${REPORT_DEFINITIONS_PATH}`);
