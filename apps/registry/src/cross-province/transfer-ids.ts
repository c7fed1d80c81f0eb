/** Fixed ids per transfer: each step is idempotent, so a retry or a sweep re-running it is a no-op. */
export const transferLockId = (transferId: string): string => `xp:${transferId}`;
export const arrivalCommandId = (transferId: string): string => `xp:${transferId}:arrive`;
export const completionCommandId = (transferId: string): string => `xp:${transferId}:complete`;
export const expiryCommandId = (transferId: string): string => `xp:${transferId}:expire`;
export const SYSTEM_ACTOR = 'system:cross-province';
