import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { AppContext } from '../context';
import { defineRoute } from '../http/route';
import { authOf } from '../auth/services';
import { auditCsv, auditCsvFileName } from '../audit/csv';
import { AUDIT_ACTIONS, AuditList, AuditQuery, type AuditEntry } from '../../contract/auth';

/** The rest of an iterator whose first result has been read already. */
async function* resume(first: IteratorResult<AuditEntry>, rest: AsyncIterator<AuditEntry>): AsyncGenerator<AuditEntry> {
  for (let next = first; !next.done; next = await rest.next()) yield next.value;
}

/** /api/audit*: the audit trail for admins, a page at a time or whole as CSV. */
export function auditRoutes(ctx: AppContext) {
  const audit = authOf(ctx).audit;
  return [
    defineRoute({
      method: 'get',
      path: '/api/audit',
      tag: 'audit',
      access: 'admin',
      summary: 'The audit trail, newest first',
      description: `Who did what, when: sign-ins, users added or changed, saved queries created, changed or deleted, articles drafted, discarded and accepted (actions: ${AUDIT_ACTIONS.join(', ')}). Filter by \`action\` and \`actor\`; page with \`before\` = the \`next\` of the previous answer.`,
      query: AuditQuery,
      response: AuditList,
      handler: async ({ query, res }) => {
        res.setHeader('Cache-Control', 'no-store');
        return audit.list(query);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/audit.csv',
      tag: 'audit',
      access: 'admin',
      summary: 'The whole audit trail as CSV',
      description:
        'Oldest first; columns at, actor, role, action, target, detail with a header row. RFC 4180 (comma-separated, CRLF, quoted where needed), UTF-8 with a byte order mark so that Excel reads å, ä and ö; a cell that starts with =, +, -, @, a tab or a carriage return gets a leading \' so that a spreadsheet shows it instead of running it. Sent as an attachment named audit-YYYY-MM-DD.csv.',
      response: z.string().describe('CSV text'),
      contentType: 'text/csv',
      handler: async ({ res }) => {
        const events = audit.all()[Symbol.asyncIterator]();
        // The first batch is read before anything is sent, so a database that does not answer gets a 503.
        const first = await events.next();
        res
          .status(200)
          .type('text/csv; charset=utf-8')
          .setHeader('Content-Disposition', `attachment; filename="${auditCsvFileName()}"`)
          .setHeader('Cache-Control', 'no-store');
        try {
          await pipeline(Readable.from(auditCsv(resume(first, events))), res);
        } catch (err) {
          // Half the file is sent: the status cannot change any more, so the download ends incomplete.
          ctx.log.error({ err }, 'The audit export stopped before its end');
          res.destroy();
        }
        // Sent above; mountRoutes answers nothing more once the headers are out.
        return '';
      },
    }),
  ];
}
