import type { Provider, Type } from '@nestjs/common';
import { recognitionClockProvider } from './recognition-clock';
import { RecognitionStore } from './recognition-store';
import { ApproveAgreementHandler, ProposeAgreementHandler } from './rules/recognition-agreement.handlers';
import { RecognitionAgreementsController } from './rules/recognition-agreements.controller';
import { RecognitionRequests } from './request/recognition-requests';
import { RecognitionRequestsController } from './request/recognition-requests.controller';
import { RequestRecognitionHandler } from './request/request-recognition.handler';
import { CrashSeam } from './saga/crash-seam';
import { RecognitionSagaRunner } from './saga/recognition-saga-runner';
import {
  AdvanceRecognitionHandler,
  FailRecognitionHandler,
  RecognitionTimeoutSaga,
} from './saga/recognition-saga.handlers';
import { RecognitionTimeouts } from './saga/recognition-timeouts';
import { RecognitionTimeoutsController } from './saga/recognition-timeouts.controller';
import { RecognitionWorker } from './saga/recognition-worker';
import { RecognisedUnitsRoutes } from './uses/recognised-units-routes';
import { NetFlowController, RecognisedUnitsController } from './uses/recognised-units.controller';
import {
  RetireRecognisedUnitsHandler,
  SurrenderRecognisedUnitsHandler,
} from './uses/use-recognised-units.handlers';

/** Cross-province mutual recognition (docs/recognition.md), mounted in the RegistryModule. */
export const RECOGNITION_CONTROLLERS: Type<unknown>[] = [
  RecognitionAgreementsController,
  RecognitionRequestsController,
  RecognitionTimeoutsController,
  RecognisedUnitsController,
  NetFlowController,
];

export const RECOGNITION_PROVIDERS: Provider[] = [
  recognitionClockProvider,
  RecognitionStore,
  RecognitionRequests,
  ProposeAgreementHandler,
  ApproveAgreementHandler,
  RequestRecognitionHandler,
  CrashSeam,
  RecognitionSagaRunner,
  AdvanceRecognitionHandler,
  FailRecognitionHandler,
  RecognitionTimeoutSaga,
  RecognitionTimeouts,
  RecognitionWorker,
  SurrenderRecognisedUnitsHandler,
  RetireRecognisedUnitsHandler,
  RecognisedUnitsRoutes,
];
