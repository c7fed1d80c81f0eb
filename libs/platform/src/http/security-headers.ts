import helmet from 'helmet';

/**
 * helmet's default headers without its content security policy: the console shows a run's
 * self-contained report (inline scripts drawing its charts) in a srcdoc iframe, which inherits the
 * console's policy, so any policy the console could keep would have to allow inline scripts. A
 * policy is left to the reverse proxy (docs/security.md).
 */
export const securityHeaders = helmet({ contentSecurityPolicy: false });
