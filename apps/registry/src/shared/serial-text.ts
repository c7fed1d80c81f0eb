import { formatSerial, type Block } from '@app/ledger';
import { REGISTRY_ERRORS, RegistryError } from './registry-errors';

/**
 * Serial text = `formatSerial(block, n)`: `{jurisdiction}-{kind}-{vintage}[-{projectId}]-{n, 12 digits}`,
 * e.g. `CQ-CARBON_ALLOWANCE-2025-000000000001` or `CQ-CQCER-2024-CQ-FOR-001-000000001001`.
 * Serial numbers count per registry, so the number alone is ambiguous between CQ and SC; the text
 * is not, because it begins with the issuing jurisdiction and names the block's attributes.
 */
export const SERIAL_TEXT_PATTERN = /^[A-Z]+-[A-Z0-9_]+-\d{4}(?:-[A-Za-z0-9._-]+)?-\d{1,15}$/;

export function serialNumberOf(text: string): number {
  if (!SERIAL_TEXT_PATTERN.test(text))
    throw new RegistryError(
      REGISTRY_ERRORS.BAD_SERIAL,
      `${text} is not a serial such as CQ-CARBON_ALLOWANCE-2025-000000000001`,
      {
        field: 'serial',
      },
    );
  const n = Number(text.slice(text.lastIndexOf('-') + 1));
  if (!Number.isSafeInteger(n) || n < 1)
    throw new RegistryError(REGISTRY_ERRORS.BAD_SERIAL, `serial number out of range in ${text}`, {
      field: 'serial',
    });
  return n;
}

export interface SerialRangeView {
  readonly blockId: string;
  readonly start: number;
  readonly end: number;
  readonly quantity: number;
  /** Serial text of the first and last unit. */
  readonly first: string;
  readonly last: string;
  readonly lockId?: string;
}

export function rangeView(
  block: Block,
  range: { start: number; end: number; lockId?: string },
): SerialRangeView {
  return {
    blockId: block.blockId,
    start: range.start,
    end: range.end,
    quantity: range.end - range.start + 1,
    first: formatSerial(block, range.start),
    last: formatSerial(block, range.end),
    ...(range.lockId !== undefined ? { lockId: range.lockId } : {}),
  };
}
