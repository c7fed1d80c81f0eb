import type { Principal } from '@app/domain';

/** Shapes of the gateway's JSON, as the console reads them (the OpenAPI document at /docs is the reference). */
export interface Instrument {
  symbol: string;
  kind: string;
  jurisdiction: string;
  nameEn: string;
  nameZh: string;
  unit: string;
  vintage?: number;
  tick: number;
  lot: number;
  referencePrice: number;
  bandBp: number;
  blockBandBp: number;
  blockMinQty: number;
  maxOrderQty: number;
  modes: string[];
}

export interface DepthLevel {
  price: number;
  qty: number;
  orders: number;
}

export interface Depth {
  instrument: string;
  bids: DepthLevel[];
  asks: DepthLevel[];
}

export interface Trade {
  instrument: string;
  tradeNo: number;
  price: number;
  qty: number;
  buyer: string;
  seller: string;
  aggressor: string;
  executedAt: number;
}

export interface OrderTicket {
  instrument: string;
  account: string;
  side: 'buy' | 'sell';
  type: 'limit' | 'market';
  price?: number;
  qty: number;
  tif: 'GTC' | 'DAY' | 'IOC' | 'FOK';
}

export interface OrderAcknowledgement {
  orderId: string;
  status: string;
}

export interface AllocationPreview {
  cap: number;
  auction: number;
  newEntrantReserve: number;
  governmentReserve: number;
  freePool: number;
  totalEntitlement: number;
  totalAllocated: number;
  scaled: boolean;
  rows: { firmId: string; method: string; entitlement: number; allocated: number }[];
}

export interface SupplyRow {
  jurisdiction: string;
  kind: string;
  vintage: number;
  issued: number;
  held: number;
  surrendered: number;
  cancelled: number;
  retired: number;
  conserved: boolean;
}

export interface Balance {
  available: number;
  reserved: number;
}

export interface Positions {
  memberId: string;
  name: string;
  jurisdiction: string;
  cash: Balance;
  holdings: (Balance & { instrument: string })[];
}

export interface OrderView {
  orderId: string;
  instrument: string;
  side?: 'buy' | 'sell';
  price?: number;
  qty: number;
  filled: number;
  remaining: number;
  status: string;
}

export interface RunListing {
  id: string;
  name: string;
  seed: number;
  years: string[];
  finishedAt: number;
}

export interface InstrumentActivity {
  instrument: string;
  trades: number;
  volume: number;
  turnover: number;
  vwap?: number;
  last?: number;
  high?: number;
  low?: number;
  members: number;
  hhi: number;
  top: { member: string; shareBp: number } | null;
  selfTrades: number;
}

/** A member at or over the disclosure threshold (`GET /surveillance/large-holders`); units. */
export interface LargeHolder {
  member: string;
  instrument: string;
  held: number;
  freeAllocation: number;
  threshold: number;
  excess: number;
}

/** One OHLCV bar of `GET /bars/{instrument}`; prices in fen. */
export interface Bar {
  /** Bar start, ms since the epoch (daily bars: 00:00 Beijing time). */
  start: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  turnover: number;
  trades: number;
}

export type BarInterval = '1m' | '5m' | '1h' | '1d';

/** `GET /auth/api-keys`: a key not revoked (its secret is never shown again). */
export interface ApiKeyView {
  id: string;
  createdAt: string;
}

/** `POST /auth/api-keys`: the new key, `cce_<id>_<secret>`, shown once. */
export interface NewApiKey extends ApiKeyView {
  key: string;
}

/** `GET /auth/users` (administrators): a sign-in account, never its password. */
export interface UserView {
  username: string;
  principal: Principal;
  demo: boolean;
  hasPassword: boolean;
  createdAt: string;
}

/** One account of a registry's list (GET /registries/{j}/accounts). */
export interface RegistryAccountSummary {
  accountId: string;
  accountType: string;
  ownerId?: string;
  total: number;
  locked: number;
}
