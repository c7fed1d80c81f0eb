import { isRegistryPath } from './registry-forwarding';

describe('isRegistryPath: what the gateway forwards to the registry service', () => {
  it.each([
    ['/registries/CQ/supply', true],
    ['/registries', true],
    ['/recognition/requests?status=all', true],
    ['/cross-province-transfers?status=pending', true],
    ['/carbon-inclusion/methodologies', true],
    ['/serials/CQ-CEA-2025-000001', true],
    ['/registries-elsewhere', false],
    ['/auth/me', false],
    ['/orders', false],
    ['/', false],
  ])('%s → %s', (url, forwarded) => {
    expect(isRegistryPath(url)).toBe(forwarded);
  });
});
