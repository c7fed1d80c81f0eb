import { MarketModeLog } from '../../../../gateway/src/market-mode/market-mode-log';
import { LinkedSurrender } from './linked-surrender';

/** Surrenders of the other province's allowances while the markets are linked. */
export const LINKED_SURRENDER_PROVIDERS = [LinkedSurrender, MarketModeLog];
