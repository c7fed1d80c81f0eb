import { Command } from '@nestjs/cqrs';
import type { RecognitionRequestView } from './recognition-request.view';
import type { RequestRecognitionDto } from './request-recognition.dto';

export class RequestRecognition extends Command<RecognitionRequestView> {
  constructor(readonly body: RequestRecognitionDto) {
    super();
  }
}
