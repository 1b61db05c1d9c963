// Numbers as the engine writes them (src/messages/format.rs owns the rules; this is their
// JavaScript twin for the numbers a report does not carry as text: chart axes, floors of
// the schedule, counts, and every value of a numbers-only report). Rounded half away from
// zero to a fixed number of decimals; `1.480` and `74,5 %` (with a no-break space) in
// Vietnamese, `1,480` and `74.5%` in English. Where a result has `display`, the widgets show
// that text: it is rounded towards the verdict, which only the engine knows how to do.
// tests/js/package.test.mjs checks these functions against the engine's own texts.

const SEPARATORS = { vi: ['.', ','], en: [',', '.'] };

function write(value, decimals, locale, trim) {
  if (!Number.isFinite(value)) return '—';
  const d = Math.max(0, Math.min(6, decimals));
  const scale = 10 ** d;
  const units = Math.round(Math.abs(value) * scale);
  let digits = units < 1e15 ? String(units) : (Math.abs(value)).toFixed(d).replace('.', '');
  let frac = d;
  if (trim) {
    while (frac > 0 && digits.endsWith('0') && digits.length > 1) {
      digits = digits.slice(0, -1);
      frac -= 1;
    }
    if (digits === '0') frac = 0;
  }
  digits = digits.padStart(frac + 1, '0');
  const [group, decimal] = SEPARATORS[locale === 'en' ? 'en' : 'vi'];
  const int = digits.slice(0, digits.length - frac);
  const fraction = digits.slice(digits.length - frac);
  let grouped = '';
  for (let i = 0; i < int.length; i += 1) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += group;
    grouped += int[i];
  }
  const sign = value < 0 && /[1-9]/.test(digits) ? '-' : '';
  return `${sign}${grouped}${frac ? decimal + fraction : ''}`;
}

/** `value` with exactly `decimals` decimals (0–6), thousands grouped: `1.480,0`. */
export function formatNumber(value, decimals, locale) {
  return write(value, decimals, locale, false);
}

/** At most `maxDecimals` decimals, trailing zeros dropped: `20`, `86,4`, `69,12`. */
export function formatTrimmed(value, maxDecimals, locale) {
  return write(value, maxDecimals, locale, true);
}

function percent(text, locale) {
  return locale === 'en' ? `${text}%` : `${text}\u00a0%`;
}

/** A percentage with exactly `decimals` decimals: `62,5 %` (vi), `62.5%` (en). */
export function formatPercent(value, decimals, locale) {
  return percent(formatNumber(value, decimals, locale), locale);
}

/** A percentage, trailing zeros dropped: `50 %`, `86,4 %` (vi); `50%`, `86.4%` (en). */
export function formatPercentTrimmed(value, maxDecimals, locale) {
  return percent(formatTrimmed(value, maxDecimals, locale), locale);
}

/** Short forms the widgets use: a number with at most `digits` decimals, and a share in percent. */
export const num = (value, locale, digits = 1) => formatTrimmed(value, digits, locale);
export const pct = (value, locale, digits = 1) => formatPercentTrimmed(value, digits, locale);
