/**
 * Display formatting for property values. Instants are shown in UTC with the zone spelled out: analysts
 * compare timestamps across reports from different countries, so local time would invite mistakes.
 */

const ZONED_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})(\[[^\]]+\])?$/;
const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  timeZone: 'UTC',
});
const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });

export type FormattedValue = {
  text: string;
  /** the raw value, when the display text loses precision or form */
  title?: string;
  kind: 'text' | 'datetime' | 'number' | 'amount' | 'list' | 'empty' | 'boolean';
  items?: string[];
};

/** Formats a temporal string; returns null when the value is not one. */
export function formatTemporal(value: string): string | null {
  if (ZONED_DATETIME.test(value)) {
    const date = new Date(value.replace(/\[[^\]]+\]$/, ''));
    if (!Number.isNaN(date.getTime())) return `${dateTimeFormat.format(date)} UTC`;
  }
  const local = LOCAL_DATETIME.exec(value);
  if (local) {
    const [, y, mo, d, h, mi, s] = local;
    // No zone was recorded: show the wall-clock time as given rather than inventing one.
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)));
    if (!Number.isNaN(date.getTime())) return `${dateTimeFormat.format(date)} (no zone)`;
  }
  const day = DATE_ONLY.exec(value);
  if (day) {
    const [, y, mo, d] = day;
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (!Number.isNaN(date.getTime())) return dateFormat.format(date);
  }
  return null;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  return formatTemporal(value) ?? value;
}

const currencyDigitsCache = new Map<string, number>();
function currencyDigits(currency: string): number {
  let digits = currencyDigitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en-GB', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    currencyDigitsCache.set(currency, digits);
  }
  return digits;
}

export function formatAmount(amount: number, currency: string | null | undefined): string {
  if (currency && /^[A-Za-z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat('en-GB', {
        style: 'currency',
        currency: currency.toUpperCase(),
        currencyDisplay: 'code',
      }).format(amount);
    } catch {
      // an ISO-looking code Intl does not know: fall through to the plain form
    }
  }
  return currency ? `${numberFormat.format(amount)} ${currency}` : numberFormat.format(amount);
}

/** Amount-like keys: `amount`, `totalAmount`, `amountMinor` (minor units, e.g. cents)... */
const AMOUNT_KEY = /amount$/i;
const MINOR_AMOUNT_KEY = /amount(Minor|Cents)$/i;

function currencyOf(properties: Record<string, unknown>): string | null {
  const currency = properties.currency;
  return typeof currency === 'string' && currency.length > 0 ? currency : null;
}

export function formatPropertyValue(key: string, value: unknown, properties: Record<string, unknown>): FormattedValue {
  if (value === null || value === undefined || value === '') return { text: '—', kind: 'empty' };
  if (typeof value === 'number') {
    const currency = currencyOf(properties);
    if (MINOR_AMOUNT_KEY.test(key) && currency) {
      const major = value / 10 ** currencyDigits(currency.toUpperCase());
      return { text: formatAmount(major, currency), title: String(value), kind: 'amount' };
    }
    if (AMOUNT_KEY.test(key)) {
      return { text: formatAmount(value, currency), title: String(value), kind: 'amount' };
    }
    return { text: numberFormat.format(value), title: String(value), kind: 'number' };
  }
  if (typeof value === 'boolean') return { text: value ? 'yes' : 'no', kind: 'boolean' };
  if (typeof value === 'string') {
    const temporal = formatTemporal(value);
    if (temporal) return { text: temporal, title: value, kind: 'datetime' };
    return { text: value, kind: 'text' };
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => formatPropertyValue(key, item, properties).text);
    return { text: items.join(', '), items, kind: items.length === 0 ? 'empty' : 'list' };
  }
  return { text: JSON.stringify(value), kind: 'text' };
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}
