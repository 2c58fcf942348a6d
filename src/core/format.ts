// Amount formatting for people: token units with decimals, digit grouping, never float rounding.

/**
 * `value` in units of 10^-decimals as a decimal string with thousands separators, e.g. 1234500000000000000000n
 * with 18 decimals → "1,234.5". Trailing zeros of the fraction are dropped.
 * @throws RangeError for decimals outside 0 … 255.
 */
export function formatUnits(value: bigint, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 255) throw new RangeError('decimals must be 0 … 255');
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Shortened form for narrow screens: 0x1234…abcd. Never use it where the full address must be checked. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** 2^256 - 1: the "unlimited" allowance value (ERC-20 convention, ERC-2612 permits included). */
export const MAX_UINT256 = (1n << 256n) - 1n;
