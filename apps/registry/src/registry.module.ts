import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { MigrationClass } from '@app/platform';
import { AllocateUnitsController } from './allocation/allocate-units/allocate-units.controller';
import { AllocateUnitsHandler } from './allocation/allocate-units/allocate-units.handler';
import { PreviewAllocationController } from './allocation/preview-allocation/preview-allocation.controller';
import { DrawNewEntrantReserveController } from './allocation/draw-new-entrant-reserve/draw-new-entrant-reserve.controller';
import { DrawNewEntrantReserveHandler } from './allocation/draw-new-entrant-reserve/draw-new-entrant-reserve.handler';
import { PreviewTrueUpController, TrueUpController } from './allocation/true-up/true-up.controller';
import { TrueUpAllocationHandler } from './allocation/true-up/true-up.handler';
import { ClearAuctionController } from './auctions/clear-auction/clear-auction.controller';
import { ClearAuctionHandler } from './auctions/clear-auction/clear-auction.handler';
import { CancelAuctionController } from './auctions/cancel-auction/cancel-auction.controller';
import { CancelAuctionHandler } from './auctions/cancel-auction/cancel-auction.handler';
import { GetAuctionController } from './auctions/get-auction/get-auction.controller';
import { PostBidGuaranteeController } from './auctions/post-bid-guarantee/post-bid-guarantee.controller';
import { PostBidGuaranteeHandler } from './auctions/post-bid-guarantee/post-bid-guarantee.handler';
import { ScheduleAuctionController } from './auctions/schedule-auction/schedule-auction.controller';
import { ScheduleAuctionHandler } from './auctions/schedule-auction/schedule-auction.handler';
import { SubmitBidController } from './auctions/submit-bid/submit-bid.controller';
import { SubmitBidHandler } from './auctions/submit-bid/submit-bid.handler';
import { GetAccountController } from './accounts/get-account/get-account.controller';
import { ListAccountsController } from './accounts/list-accounts/list-accounts.controller';
import { OpenAccountController } from './accounts/open-account/open-account.controller';
import { OpenAccountHandler } from './accounts/open-account/open-account.handler';
import { CancelUnitsController } from './cancellations/cancel-units/cancel-units.controller';
import { CancelUnitsHandler } from './cancellations/cancel-units/cancel-units.handler';
import { GetComplianceController } from './compliance/get-compliance/get-compliance.controller';
import { ReportEmissionsController } from './compliance/report-emissions/report-emissions.controller';
import { ReportEmissionsHandler } from './compliance/report-emissions/report-emissions.handler';
import { RunComplianceController } from './compliance/run-compliance/run-compliance.controller';
import { RunComplianceHandler } from './compliance/run-compliance/run-compliance.handler';
import { VerifyEmissionsController } from './compliance/verify-emissions/verify-emissions.controller';
import { VerifyEmissionsHandler } from './compliance/verify-emissions/verify-emissions.handler';
import { SurrenderUnitsController } from './compliance/surrender-units/surrender-units.controller';
import { SurrenderUnitsHandler } from './compliance/surrender-units/surrender-units.handler';
import { LINKED_SURRENDER_PROVIDERS } from './compliance/surrender-units/linked-surrender.providers';
import { IssueUnitsController } from './issuance/issue-units/issue-units.controller';
import { IssueUnitsHandler } from './issuance/issue-units/issue-units.handler';
import { RetireUnitsController } from './retirements/retire-units/retire-units.controller';
import { RetireUnitsHandler } from './retirements/retire-units/retire-units.handler';
import { LockUnitsController } from './locks/lock-units/lock-units.controller';
import { LockUnitsHandler } from './locks/lock-units/lock-units.handler';
import { UnlockUnitsHandler } from './locks/unlock-units/unlock-units.handler';
import { ExpireUnitsController } from './expiry/expire-units/expire-units.controller';
import { ExpireUnitsHandler } from './expiry/expire-units/expire-units.handler';
import { AdjustMsrController } from './reserves/adjust-msr/adjust-msr.controller';
import { AdjustMsrHandler } from './reserves/adjust-msr/adjust-msr.handler';
import { PublishRuleVersionController } from './rules/publish-rule-version/publish-rule-version.controller';
import { PublishRuleVersionHandler } from './rules/publish-rule-version/publish-rule-version.handler';
import { GetSerialHistoryController } from './serials/get-serial-history/get-serial-history.controller';
import { DepositToCustodyController } from './custody/deposit-to-custody/deposit-to-custody.controller';
import { DepositToCustodyHandler } from './custody/deposit-to-custody/deposit-to-custody.handler';
import { ReconcileCustodyController } from './custody/reconcile-custody/reconcile-custody.controller';
import { RECOGNITION_CONTROLLERS, RECOGNITION_PROVIDERS } from './recognition/recognition.providers';
import { ReleaseFromCustodyConsumer } from './custody/release-from-custody/release-from-custody.consumer';
import { REGISTRY_PORT, RegistryStreams } from './shared/registry-streams';
import { CLOCK, systemClock } from '../../gateway/src/clock/clock';
import {
  CARBON_INCLUSION_CONTROLLERS,
  CARBON_INCLUSION_PROVIDERS,
} from './carbon-inclusion/carbon-inclusion.providers';
import {
  CROSS_PROVINCE_CONTROLLERS,
  CROSS_PROVINCE_PROVIDERS,
} from './cross-province/cross-province.providers';
import { SWEEP_PROVIDERS } from './sweeps/sweeps.providers';
import { recordPartiesProvider } from './shared/record-parties';
import { GetSupplyController } from './supply/get-supply/get-supply.controller';
import { TransferUnitsController } from './transfers/transfer-units/transfer-units.controller';
import { TransferUnitsHandler } from './transfers/transfer-units/transfer-units.handler';

/**
 * The registries read their state from the event stream (no read-model tables yet), so they add
 * no migrations of their own beyond the event store's.
 */
export const REGISTRY_MIGRATIONS: MigrationClass[] = [];

/** Serial-block registries of CQ and SC over HTTP. Needs the platform and EventStoreModule in the host app. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    OpenAccountController,
    ListAccountsController,
    GetAccountController,
    IssueUnitsController,
    TransferUnitsController,
    SurrenderUnitsController,
    RetireUnitsController,
    CancelUnitsController,
    GetSerialHistoryController,
    GetSupplyController,
    PreviewAllocationController,
    AllocateUnitsController,
    PreviewTrueUpController,
    DrawNewEntrantReserveController,
    TrueUpController,
    ClearAuctionController,
    ScheduleAuctionController,
    PostBidGuaranteeController,
    SubmitBidController,
    CancelAuctionController,
    GetAuctionController,
    ReportEmissionsController,
    VerifyEmissionsController,
    RunComplianceController,
    GetComplianceController,
    LockUnitsController,
    ExpireUnitsController,
    AdjustMsrController,
    PublishRuleVersionController,
    DepositToCustodyController,
    ReconcileCustodyController,
    ...CARBON_INCLUSION_CONTROLLERS,
    ...CROSS_PROVINCE_CONTROLLERS,
    ...RECOGNITION_CONTROLLERS,
  ],
  providers: [
    ...LINKED_SURRENDER_PROVIDERS,
    RegistryStreams,
    { provide: REGISTRY_PORT, useExisting: RegistryStreams },
    OpenAccountHandler,
    IssueUnitsHandler,
    TransferUnitsHandler,
    SurrenderUnitsHandler,
    RetireUnitsHandler,
    CancelUnitsHandler,
    AllocateUnitsHandler,
    TrueUpAllocationHandler,
    DrawNewEntrantReserveHandler,
    ClearAuctionHandler,
    ScheduleAuctionHandler,
    PostBidGuaranteeHandler,
    SubmitBidHandler,
    CancelAuctionHandler,
    ReportEmissionsHandler,
    VerifyEmissionsHandler,
    RunComplianceHandler,
    LockUnitsHandler,
    UnlockUnitsHandler,
    ExpireUnitsHandler,
    AdjustMsrHandler,
    PublishRuleVersionHandler,
    DepositToCustodyHandler,
    ReleaseFromCustodyConsumer,
    { provide: CLOCK, useValue: systemClock },
    ...CARBON_INCLUSION_PROVIDERS,
    ...CROSS_PROVINCE_PROVIDERS,
    ...RECOGNITION_PROVIDERS,
    ...SWEEP_PROVIDERS,
    recordPartiesProvider,
  ],
  exports: [RegistryStreams, REGISTRY_PORT],
})
export class RegistryModule {}
