import { installTestCredentials, TEST_JWT_SECRET } from './test-credentials';

// Services the tests start (in process or spawned) sign tokens with this secret; requests without
// credentials of their own carry a test principal's token (see test-credentials.ts).
process.env.JWT_SECRET ??= TEST_JWT_SECRET;
installTestCredentials(process.env.JWT_SECRET);
