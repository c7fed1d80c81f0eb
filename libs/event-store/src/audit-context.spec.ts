import { buildAppendStatement } from './sql/append.sql';
import { runWithAuditContext, setAuditContext, withAuditScope } from './audit-context';

const audit = {
  actor: 'regulator-cq',
  role: 'regulator',
  jurisdiction: 'CQ',
  route: 'POST /x',
  at: '2026-11-24T00:00:00.000Z',
};
const payloadOf = (statement: { params: unknown[] }) =>
  (JSON.parse(statement.params[2] as string) as { metadata: object }[][]).flat();

describe('audit context', () => {
  it('adds the request’s actor and origin to every appended event, keeping the event’s own metadata', () => {
    const statement = runWithAuditContext(audit, () =>
      buildAppendStatement('s', 'any', [{ type: 'A', data: 1, metadata: { commandId: 'c1' } }], false),
    );
    expect(payloadOf(statement)[0].metadata).toEqual({ commandId: 'c1', audit });
  });

  it('adds nothing outside a request, or before the edge filled the scope', async () => {
    expect(payloadOf(buildAppendStatement('s', 'any', [{ type: 'A', data: 1 }], false))[0].metadata).toEqual(
      {},
    );
    await withAuditScope(async () => {
      expect(
        payloadOf(buildAppendStatement('s', 'any', [{ type: 'A', data: 1 }], false))[0].metadata,
      ).toEqual({});
      setAuditContext(audit);
      await Promise.resolve();
      expect(
        payloadOf(buildAppendStatement('s', 'any', [{ type: 'A', data: 1 }], false))[0].metadata,
      ).toEqual({ audit });
    });
  });
});
