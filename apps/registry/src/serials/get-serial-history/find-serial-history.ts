import { crossProvinceProvenance } from '../../cross-province/serial-provenance';
import { REGISTRY_JURISDICTIONS } from '../../shared/registry-jurisdiction';
import type { RegistryPort } from '../../shared/registry-streams';
import { serialHistoryIn, type SerialHistoryView } from './serial-history.view';

/** The history of serial `text` (number `number`) in whichever registry issued it. */
export async function findSerialHistory(
  registry: RegistryPort,
  text: string,
  number: number,
): Promise<SerialHistoryView | undefined> {
  const registries = { CQ: await registry.load('CQ'), SC: await registry.load('SC') };
  for (const jurisdiction of REGISTRY_JURISDICTIONS) {
    const found = serialHistoryIn(jurisdiction, registries[jurisdiction].ledger, text, number);
    const crossProvince = found && crossProvinceProvenance(found, registries);
    if (found) return { ...found, ...(crossProvince ? { crossProvince } : {}) };
  }
  return undefined;
}
