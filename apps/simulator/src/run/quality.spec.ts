import { join } from 'node:path';
import { loadScenario } from '../scenario/load-scenario';
import { MemoryEventLog } from './event-log';
import { simulate } from './simulate';
import { replayText } from '../replay/read-log';

it('runs the small scenario', () => {
  const s = loadScenario(join(__dirname, '../../../../seeds/scenarios/two-provinces.yaml'));
  for (const linkage of ['separate', 'linked'] as const) {
    const log = new MemoryEventLog();
    const stats = simulate({ ...s, linkage }, log);
    const r = replayText(log.text());
    console.log(linkage, stats, JSON.stringify(r.summary.years, null, 1));
  }
});
