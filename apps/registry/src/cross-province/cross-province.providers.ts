import { CrossProvinceTransfersController } from './cross-province.controller';
import { CrossProvinceTransfers } from './cross-province-transfers';

/** The cross-province transfer slice as the registry module registers it. */
export const CROSS_PROVINCE_CONTROLLERS = [CrossProvinceTransfersController];
export const CROSS_PROVINCE_PROVIDERS = [CrossProvinceTransfers];
