import { GetInclusionIssuanceController } from './get-issuance/get-inclusion-issuance.controller';
import { IssueInclusionCreditsController } from './issue-credits/issue-inclusion-credits.controller';
import { IssueInclusionCreditsHandler } from './issue-credits/issue-inclusion-credits.handler';
import { ListMethodologiesController } from './list-methodologies/list-methodologies.controller';

/** The carbon-inclusion slice as the registry module registers it. */
export const CARBON_INCLUSION_CONTROLLERS = [
  ListMethodologiesController,
  IssueInclusionCreditsController,
  GetInclusionIssuanceController,
];
export const CARBON_INCLUSION_PROVIDERS = [IssueInclusionCreditsHandler];
