import { InMemoryRegistry } from './in-memory-registry';
import type { RegistryJurisdiction } from './registry-jurisdiction';
import type { RegistryPort } from './registry-streams';

export interface GivenSetup {
  accounts?: string[];
  allowances?: { accountId?: string; vintage: number; quantity: number }[];
}

/** Given-steps for handler specs: a registry with enterprise accounts and issued allowances. */
export async function givenRegistry(
  jurisdiction: RegistryJurisdiction,
  setup: GivenSetup = {},
): Promise<InMemoryRegistry> {
  const registry = new InMemoryRegistry();
  await given(registry, jurisdiction, setup);
  return registry;
}

/** The same given-steps on any registry port (the PostgreSQL streams too). */
export async function given(
  registry: RegistryPort,
  jurisdiction: RegistryJurisdiction,
  setup: GivenSetup,
): Promise<void> {
  for (const accountId of setup.accounts ?? [])
    await registry.execute({ jurisdiction, commandId: `given-open-${accountId}`, actor: 'given' }, () => [
      {
        type: 'OpenAccount',
        commandId: `given-open-${accountId}`,
        accountId,
        accountType: 'ENTERPRISE_HOLDING',
        jurisdiction,
      },
    ]);
  for (const [i, a] of (setup.allowances ?? []).entries())
    await registry.execute({ jurisdiction, commandId: `given-issue-${i}`, actor: 'given' }, () => [
      {
        type: 'IssueUnits',
        commandId: `given-issue-${i}`,
        accountId: a.accountId ?? `${jurisdiction}-GOVERNMENT`,
        jurisdiction,
        kind: 'CARBON_ALLOWANCE',
        vintage: a.vintage,
        quantity: a.quantity,
      },
    ]);
}
