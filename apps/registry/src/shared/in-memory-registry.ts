import { decideRegistry } from './decide-registry';
import { assertPrincipalMayAppend } from './registry-access';
import type { RegistryJurisdiction } from './registry-jurisdiction';
import { EMPTY_REGISTRY, type LoadedRegistry } from './registry-state';
import type { CommandPlan, RegistryCommandContext, RegistryOutcome, RegistryPort } from './registry-streams';

/** The registry streams without a database, for handler specs and embedded simulations. */
export class InMemoryRegistry implements RegistryPort {
  private readonly registries = new Map<RegistryJurisdiction, LoadedRegistry>();
  readonly appended: { jurisdiction: RegistryJurisdiction; actor: string; types: string[] }[] = [];

  load(jurisdiction: RegistryJurisdiction): Promise<LoadedRegistry> {
    return Promise.resolve(this.registries.get(jurisdiction) ?? EMPTY_REGISTRY);
  }

  async execute(context: RegistryCommandContext, plan: CommandPlan): Promise<RegistryOutcome> {
    const loaded = await this.load(context.jurisdiction);
    const decision = decideRegistry(loaded, context, plan);
    if (context.actingFor) assertPrincipalMayAppend(context.actingFor, context.jurisdiction, decision.own);
    if (decision.replayed)
      return {
        version: loaded.version,
        events: decision.own,
        records: decision.records,
        replayed: true,
        registry: loaded,
      };
    const registry = {
      version: loaded.version + decision.toAppend.length,
      ledger: decision.ledger,
      records: decision.registryRecords,
    };
    this.registries.set(context.jurisdiction, registry);
    this.appended.push({
      jurisdiction: context.jurisdiction,
      actor: context.actor,
      types: decision.toAppend.map((e) => e.type),
    });
    return {
      version: registry.version,
      events: decision.own,
      records: decision.records,
      replayed: false,
      registry,
    };
  }
}
