import type { AccountHoldings, DashboardFirm } from '../compliance/compliance-position';
import type { Auction } from '../auctions/auction-types';
import type { RunSummary } from '../research/compare-runs';
import type {
  AgreementView,
  MarketModeRecord,
  PricingStandardVersionView,
  RecognitionRequest,
} from '../standards/standard-types';
import type { Principal } from '@app/domain';
import type { DemoUser } from '../shell/demo-users';
import type { CrossProvinceTransfer, TransferSide } from '../regulator/transfer-types';
import type {
  AllocationPreview,
  ApiKeyView,
  Bar,
  BarInterval,
  Depth,
  Instrument,
  InstrumentActivity,
  LargeHolder,
  NewApiKey,
  OrderAcknowledgement,
  OrderTicket,
  OrderView,
  Positions,
  RegistryAccountSummary,
  RunListing,
  SupplyRow,
  Trade,
  UserView,
} from './types';

/** A refused request as the user should read it: the server's message and, when it names one, the field. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field?: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The bearer token of the signed-in user (demo sign-in), sent with every request. */
let bearer: string | undefined;
/** The sign-in in progress: requests wait for it, so none goes out with the previous user's token. */
let session: Promise<void> = Promise.resolve();

async function request<T>(path: string, init?: RequestInit, afterSignIn = true): Promise<T> {
  if (afterSignIn) await session.catch(() => undefined);
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(init?.headers ?? {}),
      },
    });
  } catch {
    throw new ApiError('network', 0);
  }
  const text = await response.text();
  const body = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem = (body ?? {}) as { message?: unknown; field?: string; code?: string };
    const message = Array.isArray(problem.message)
      ? problem.message.join('; ')
      : String(problem.message ?? response.statusText);
    throw new ApiError(message, response.status, problem.field, problem.code);
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}

let signIns = 0;

/**
 * Starts a session by `path` (a sign-in route): the token goes with every later request, and
 * requests made meanwhile wait for it. A later sign-in wins even if this answer arrives after it.
 */
function startSession(path: string, body: unknown): Promise<Principal> {
  bearer = undefined;
  const attempt = ++signIns;
  const signingIn = request<{ token: string; principal: Principal }>(
    path,
    { method: 'POST', body: JSON.stringify(body) },
    false,
  ).then(({ token, principal }) => {
    if (attempt === signIns) bearer = token;
    return principal;
  });
  session = signingIn.then(() => undefined);
  return signingIn;
}

/**
 * Signs in as a demo user of the sandbox (POST /auth/demo-sign-in exists only in demo mode; no
 * password is involved). Later requests carry the token; the public market feed needs none.
 */
export function signInAsDemoUser(userId: string): Promise<void> {
  return startSession('/auth/demo-sign-in', { username: userId }).then(() => undefined);
}

/** Signs in with a username and password (`POST /auth/sign-in`, any deployment); resolves with who signed in. */
export function signInWithPassword(username: string, password: string): Promise<Principal> {
  return startSession('/auth/sign-in', { username, password });
}

/** Forgets the token: requests go out unauthenticated until the next sign-in. */
export function signOut(): void {
  ++signIns;
  bearer = undefined;
  session = Promise.resolve();
}

/** A run's self-contained report.html, fetched with the user's token (an iframe's own load would carry none). */
export async function runReportHtml(runId: string): Promise<string> {
  await session.catch(() => undefined);
  const response = await fetch(`/research/runs/${encodeURIComponent(runId)}/report`, {
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
  });
  if (!response.ok) throw new ApiError(response.statusText, response.status);
  return response.text();
}

const post = (path: string, body: unknown): Promise<unknown> =>
  request<unknown>(path, { method: 'POST', body: JSON.stringify(body) });

export const api = {
  demoUsers: () => request<DemoUser[]>('/demo/users'),
  instruments: () => request<Instrument[]>('/instruments'),
  depth: (symbol: string, levels = 10) =>
    request<Depth>(`/book/${encodeURIComponent(symbol)}?levels=${levels}`),
  bars: (symbol: string, interval: BarInterval, limit = 300) =>
    request<Bar[]>(`/bars/${encodeURIComponent(symbol)}?interval=${interval}&limit=${limit}`),
  trades: (symbol: string, limit = 50) =>
    request<Trade[]>(`/trades?instrument=${encodeURIComponent(symbol)}&limit=${limit}`),
  previewAllocation: (jurisdiction: string, body: unknown) =>
    request<AllocationPreview>(`/registries/${jurisdiction}/allocation-previews`, {
      method: 'POST',
      body: JSON.stringify(body),
    }),
  allocate: (jurisdiction: string, body: unknown) =>
    request<{ commandId: string; replayed: boolean }>(`/registries/${jurisdiction}/allocations`, {
      method: 'POST',
      body: JSON.stringify(body),
    }),
  supply: (jurisdiction: string) => request<{ rows: SupplyRow[] }>(`/registries/${jurisdiction}/supply`),
  positions: (memberId: string) => request<Positions>(`/members/${encodeURIComponent(memberId)}/positions`),
  myOpenOrders: (memberId: string) =>
    request<OrderView[]>(`/members/${encodeURIComponent(memberId)}/orders?status=open&limit=50`),
  cancelOrder: (orderId: string) =>
    request<unknown>(`/orders/${encodeURIComponent(orderId)}`, { method: 'DELETE' }),
  amendOrder: (orderId: string, change: { price?: number; qty?: number }) =>
    request<unknown>(`/orders/${encodeURIComponent(orderId)}`, {
      method: 'PATCH',
      body: JSON.stringify(change),
    }),
  runs: () => request<RunListing[]>('/research/runs'),
  runSummary: (runId: string) => request<RunSummary>(`/research/runs/${encodeURIComponent(runId)}`),
  marketOverview: () => request<InstrumentActivity[]>('/surveillance/market'),
  largeHolders: (threshold: number) =>
    request<LargeHolder[]>(`/surveillance/large-holders?threshold=${encodeURIComponent(threshold)}`),
  demoCompliance: () => request<{ year: number; deadline: string }>('/demo/compliance'),
  /** `firmId`: only that firm's rows (what an enterprise may read). */
  complianceDashboard: (jurisdiction: string, year: number, firmId?: string) =>
    request<{ years: { complianceYear: number; firms: DashboardFirm[] }[] }>(
      `/registries/${jurisdiction}/compliance?year=${year}${firmId ? `&firmId=${encodeURIComponent(firmId)}` : ''}`,
    ),
  registryAccounts: (jurisdiction: string, type: string) =>
    request<{ accounts: RegistryAccountSummary[] }>(
      `/registries/${jurisdiction}/accounts?type=${encodeURIComponent(type)}`,
    ).then((r) => r.accounts),
  registryAccount: (jurisdiction: string, accountId: string) =>
    request<AccountHoldings>(`/registries/${jurisdiction}/accounts/${encodeURIComponent(accountId)}`),
  surrender: (jurisdiction: string, body: unknown) =>
    request<unknown>(`/registries/${jurisdiction}/surrenders`, {
      method: 'POST',
      body: JSON.stringify(body),
    }),
  auctions: (jurisdiction: string) =>
    request<{ auctions: Auction[] }>(`/registries/${jurisdiction}/auctions`).then((r) => r.auctions),
  scheduleAuction: (jurisdiction: string, body: unknown) =>
    post(`/registries/${jurisdiction}/auctions`, body),
  postBidGuarantee: (jurisdiction: string, auctionId: string, body: unknown) =>
    post(`/registries/${jurisdiction}/auctions/${encodeURIComponent(auctionId)}/guarantees`, body),
  submitBid: (jurisdiction: string, auctionId: string, body: unknown) =>
    post(`/registries/${jurisdiction}/auctions/${encodeURIComponent(auctionId)}/bids`, body),
  clearAuction: (jurisdiction: string, auctionId: string, body: unknown) =>
    post(`/registries/${jurisdiction}/auctions/${encodeURIComponent(auctionId)}/clear`, body),
  pricingStandards: () => request<PricingStandardVersionView[]>('/pricing-standards'),
  pricingStandard: (version: string) =>
    request<PricingStandardVersionView>(`/pricing-standards/${encodeURIComponent(version)}`),
  proposePricingStandard: (body: unknown) => post('/pricing-standards', body),
  approvePricingStandard: (version: string, body: unknown) =>
    post(`/pricing-standards/${encodeURIComponent(version)}/approvals`, body),
  recognitionAgreements: () => request<AgreementView[]>('/recognition/agreements'),
  proposeRecognitionAgreement: (body: unknown) => post('/recognition/agreements', body),
  approveRecognitionAgreement: (version: string, body: unknown) =>
    post(`/recognition/agreements/${encodeURIComponent(version)}/approvals`, body),
  marketModeDecisions: () => request<MarketModeRecord[]>('/market-mode/decisions'),
  marketModeInForce: () => request<{ at: string; mode: MarketModeRecord['mode'] }>('/market-mode'),
  proposeMarketMode: (body: unknown) => post('/market-mode/decisions', body),
  approveMarketMode: (version: string, body: unknown) =>
    post(`/market-mode/decisions/${encodeURIComponent(version)}/approvals`, body),
  recognitionRequests: (registry: string, status: string) =>
    request<RecognitionRequest[]>(`/recognition/requests?registry=${registry}&status=${status}`),
  crossProvinceTransfers: (status: string) =>
    request<CrossProvinceTransfer[]>(`/cross-province-transfers?status=${status}`),
  decideTransfer: (transferId: string, side: TransferSide, body: unknown) =>
    post(`/cross-province-transfers/${encodeURIComponent(transferId)}/${side}-decision`, body),
  changeOwnPassword: (currentPassword: string, newPassword: string) =>
    post('/auth/password', { currentPassword, newPassword }),
  users: () => request<UserView[]>('/auth/users'),
  createUser: (body: unknown) => post('/auth/users', body),
  resetPassword: (username: string, password: string) =>
    request<unknown>(`/auth/users/${encodeURIComponent(username)}/password`, {
      method: 'PUT',
      body: JSON.stringify({ password }),
    }),
  setUserAccess: (username: string, body: unknown) =>
    request<unknown>(`/auth/users/${encodeURIComponent(username)}`, {
      method: 'PUT',
      body: JSON.stringify(body),
    }),
  removeUser: (username: string) =>
    request<unknown>(`/auth/users/${encodeURIComponent(username)}`, { method: 'DELETE' }),
  apiKeys: () => request<ApiKeyView[]>('/auth/api-keys'),
  createApiKey: () => request<NewApiKey>('/auth/api-keys', { method: 'POST' }),
  revokeApiKey: (keyId: string) =>
    request<unknown>(`/auth/api-keys/${encodeURIComponent(keyId)}`, { method: 'DELETE' }),
  placeOrder: (ticket: OrderTicket) =>
    request<OrderAcknowledgement>('/orders', { method: 'POST', body: JSON.stringify(ticket) }),
};
