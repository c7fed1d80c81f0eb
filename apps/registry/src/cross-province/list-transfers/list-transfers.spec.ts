import { InMemoryRegistry } from '../../shared/in-memory-registry';
import { decisionBody, givenTwoProvinces, requestBody, testClock } from '../cross-province-fixture';
import { CrossProvinceTransfers } from '../cross-province-transfers';

/**
 * Three transfers: xp-a (CQ → SC, completed), xp-b (SC → CQ, pending, requested later), xp-c
 * (CQ → SC, rejected, requested last).
 */
describe('listing cross-province transfers', () => {
  let transfers: CrossProvinceTransfers;
  const ids = (views: { transferId: string }[]) => views.map((v) => v.transferId);

  beforeAll(async () => {
    const registry = new InMemoryRegistry();
    await givenTwoProvinces(registry);
    const clock = testClock();
    transfers = new CrossProvinceTransfers(registry, clock);
    await transfers.request(requestBody({ transferId: 'xp-a', commandId: 'a', quantity: 10 }));
    await transfers.decide('xp-a', 'outflow', decisionBody('a-out', 'CQ-EEB'));
    await transfers.decide('xp-a', 'inflow', decisionBody('a-in', 'SC-DEE'));
    clock.advanceHours(1);
    await transfers.request(
      requestBody({
        transferId: 'xp-b',
        commandId: 'b',
        actor: 'sc-smelter-03',
        from: 'SC',
        sellerAccountId: 'sc-smelter-03',
        to: 'CQ',
        buyerAccountId: 'cq-steel-02',
        quantity: 5,
      }),
    );
    clock.advanceHours(1);
    await transfers.request(requestBody({ transferId: 'xp-c', commandId: 'c', quantity: 20 }));
    await transfers.decide(
      'xp-c',
      'inflow',
      decisionBody('c-in', 'SC-DEE', { decision: 'reject', reason: 'quota' }),
    );
  });

  it('lists the pending ones by default, and any one status or all, oldest request first', async () => {
    expect(ids(await transfers.list('pending'))).toEqual(['xp-b']);
    expect(ids(await transfers.list('completed'))).toEqual(['xp-a']);
    expect(ids(await transfers.list('rejected'))).toEqual(['xp-c']);
    expect(ids(await transfers.list('expired'))).toEqual([]);
    expect(ids(await transfers.list('all'))).toEqual(['xp-a', 'xp-b', 'xp-c']);
  });

  it('gives each transfer as GET /cross-province-transfers/{id} does', async () => {
    const [listed] = await transfers.list('completed');
    expect(listed).toEqual(await transfers.view('xp-a'));
  });

  it('narrows to a registry, a province (a regulator) or an account, as seller or buyer', async () => {
    expect(ids(await transfers.list('all', { accountId: 'cq-steel-02' }))).toEqual(['xp-b']);
    expect(ids(await transfers.list('all', { accountId: 'sc-paper-02' }))).toEqual(['xp-a', 'xp-c']);
    expect(ids(await transfers.list('all', { accountId: 'nobody' }))).toEqual([]);
    // Every transfer here touches both provinces.
    expect(ids(await transfers.list('all', { province: 'CQ' }))).toEqual(['xp-a', 'xp-b', 'xp-c']);
    expect(ids(await transfers.list('pending', { registry: 'SC', province: 'SC' }))).toEqual(['xp-b']);
  });
});
