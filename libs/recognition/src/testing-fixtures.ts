import type { RecognitionRequest } from './saga-events';

/** A Sichuan holder's request to recognise 碳惠天府 serials in Chongqing; override what a case changes. */
export function scToCqRequest(over: Partial<RecognitionRequest> = {}): RecognitionRequest {
  return {
    requestId: 'req-1',
    holderId: 'sc-household-coop',
    origin: 'SC',
    destination: 'CQ',
    kind: 'TANHUI_TIANFU',
    vintage: 2024,
    projectType: 'rooftop-solar',
    projectId: 'SC-THTF-017',
    range: { start: 1_001, end: 2_000 },
    use: 'compliance-offset',
    year: 2026,
    requestedAtMs: 1_000_000,
    ...over,
  };
}
