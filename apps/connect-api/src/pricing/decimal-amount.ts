import { minorUnitsOf } from './currency-minor-units';

/**
 * Exact decimal arithmetic for money. An amount is held as an integer count of the currency's minor unit
 * (`bigint`), never as a binary float; 12go's JSON numbers are read through their decimal text.
 */

/** A decimal number as `digits × 10^-scale` (scale ≥ 0). */
export interface ScaledDecimal {
  digits: bigint;
  scale: number;
}

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses a decimal string or a finite JS number exactly (via its shortest round-trip text). */
export function parseDecimal(value: string | number | bigint): ScaledDecimal {
  if (typeof value === 'bigint') return { digits: value, scale: 0 };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
    if (Number.isSafeInteger(value)) return { digits: BigInt(value), scale: 0 };
  }
  const text = String(value);
  return parsePlainDecimal(text) ?? parseDecimalText(text.trim());
}

/**
 * The common shape `[-]digits[.digits]` (12go prices), scanned without a regex; null for anything else
 * (signs, exponents, spaces, a bare point), which the general parser handles.
 */
function parsePlainDecimal(text: string): ScaledDecimal | null {
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  let dot = -1;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && dot < 0) dot = i;
    else if (c < 48 || c > 57) return null;
  }
  if (text.length === start || dot === start || dot === text.length - 1) return null;
  const digitText = dot < 0 ? text.slice(start) : text.slice(start, dot) + text.slice(dot + 1);
  // Up to 15 digits a double holds exactly, and BigInt(number) is cheaper than BigInt(string).
  const magnitude = digitText.length <= 15 ? BigInt(Number(digitText)) : BigInt(digitText);
  return { digits: start === 1 ? -magnitude : magnitude, scale: dot < 0 ? 0 : text.length - dot - 1 };
}

function parseDecimalText(text: string): ScaledDecimal {
  const m = DECIMAL_RE.exec(text);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === '')))
    throw new RangeError(`not a decimal amount: "${text}"`);
  const sign = m[1] === '-' ? -1n : 1n;
  const intPart = m[2] || '0';
  const fracPart = m[3] ?? '';
  const exponent = m[4] ? Number(m[4]) : 0;
  let digits = BigInt(intPart + fracPart) * sign;
  let scale = fracPart.length - exponent;
  if (scale < 0) {
    digits *= pow10(-scale);
    scale = 0;
  }
  return { digits, scale };
}

const POW10: bigint[] = Array.from({ length: 24 }, (_, i) => 10n ** BigInt(i));

/** 10^n as a bigint (n ≥ 0), from a table for the usual small exponents. */
function pow10(n: number): bigint {
  return n < POW10.length ? POW10[n] : 10n ** BigInt(n);
}

/** `numerator / denominator` rounded half away from zero (denominator > 0). */
export function divideRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const q = abs / denominator;
  const r = abs % denominator;
  const rounded = r * 2n >= denominator ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/** Rescales a decimal to `targetScale` digits, rounding half away from zero. */
export function rescale(value: ScaledDecimal, targetScale: number): bigint {
  if (value.scale <= targetScale) return value.digits * pow10(targetScale - value.scale);
  return divideRoundHalfAwayFromZero(value.digits, pow10(value.scale - targetScale));
}

/** An amount (decimal string or 12go JSON number) → integer minor units of `currency`, rounded half away from zero. */
export function toMinorUnits(value: string | number, currency: string): bigint {
  return rescale(parseDecimal(value), minorUnitsOf(currency));
}

/** Integer minor units → the contract's decimal string (`507.00`, `1500`, `12.345`). */
export function formatMinorUnits(minor: bigint, currency: string): string {
  const exp = minorUnitsOf(currency);
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString();
  if (exp === 0) return (negative ? '-' : '') + abs;
  const padded = abs.padStart(exp + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -exp)}.${padded.slice(-exp)}`;
}

/** Normalises any decimal amount to the currency's precision, e.g. (`"14.6"`, `USD`) → `"14.60"`. */
export function formatAmount(value: string | number, currency: string): string {
  return formatMinorUnits(toMinorUnits(value, currency), currency);
}

/** `value × factor` (e.g. a per-seat price × pax) → minor units, rounded once at the end. */
export function multiplyToMinorUnits(value: string | number, factor: number, currency: string): bigint {
  if (!Number.isInteger(factor) || factor < 0)
    throw new RangeError(`factor must be a non-negative integer: ${factor}`);
  const d = parseDecimal(value);
  return rescale({ digits: d.digits * BigInt(factor), scale: d.scale }, minorUnitsOf(currency));
}
