// Units by id across the 2025 reorganisation. Official codes were reused: one id may name an
// old ward until 30 June 2025 and the new ward formed from it from 1 July, and a report may
// hold a row for each. Every lookup of the widgets by unit id goes through here, at a day: the
// unit (or the result row) valid on that day, else the latest of that id.

/** A unit's first day as `YYYY-MM-DD` (a year means its 1 January), or '' when unbounded. */
export function firstDay(value) {
  if (typeof value === 'number') return `${String(value).padStart(4, '0')}-01-01`;
  return typeof value === 'string' ? (/^\d{4}$/.test(value) ? `${value}-01-01` : value) : '';
}

/** A unit's last day as `YYYY-MM-DD` (a year means its 31 December), or '' when unbounded. */
export function lastDay(value) {
  if (typeof value === 'number') return `${String(value).padStart(4, '0')}-12-31`;
  return typeof value === 'string' ? (/^\d{4}$/.test(value) ? `${value}-12-31` : value) : '';
}

/** Whether something valid from `from` to `to` (either may be unset) exists on `day`. */
export function validOn(from, to, day) {
  if (!day) return true;
  const a = firstDay(from);
  const b = lastDay(to);
  return (!a || a <= day) && (!b || day <= b);
}

function shift(day, by) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(firstDay(day));
  if (!m) return '';
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + by)).toISOString().slice(0, 10);
}

/** The day after `YYYY-MM-DD` (the first day of a unit's successors). */
export const dayAfter = (day) => shift(lastDay(day), 1);

/** The day before a unit's first day (when its predecessors still existed). */
export const dayBefore = (day) => shift(day, -1);

/** Of several things of one id, the one valid on `day`, else the latest (by first day). */
function choose(list, day, from = (x) => x.validFrom, to = (x) => x.validTo) {
  if (list.length < 2) return list[0] ?? null;
  const valid = list.filter((x) => validOn(from(x), to(x), day));
  const pool = valid.length ? valid : list;
  return pool.reduce((best, x) => (firstDay(from(x)) > firstDay(from(best)) ? x : best));
}

/**
 * The input's units by id, Map-like (`get`, `has`, `size`, `values`), where `get(id)` is the
 * unit of that id valid at the as-of date (else the latest one) and `at(id, day)` the one valid
 * on `day`: the widgets never mistake the new ward of a reused code for the old one.
 */
export class UnitIndex {
  #byId = new Map();
  #all = [];

  constructor(units = [], asOf = '') {
    this.asOf = asOf ?? '';
    for (const u of Array.isArray(units) ? units : []) {
      if (!u || typeof u.id !== 'string') continue;
      this.#all.push(u);
      const list = this.#byId.get(u.id);
      if (list) list.push(u);
      else this.#byId.set(u.id, [u]);
    }
  }

  /** The unit of `id` valid on `day` (default: the as-of date), else the latest of that id. */
  at(id, day = this.asOf) {
    return choose(this.#byId.get(id) ?? [], day);
  }

  /** Every unit of `id`, in input order. */
  all(id) {
    return this.#byId.get(id) ?? [];
  }

  get(id) {
    return this.at(id);
  }

  has(id) {
    return this.#byId.has(id);
  }

  /** How many ids (not units). */
  get size() {
    return this.#byId.size;
  }

  /** Every unit, reused ids included. */
  values() {
    return this.#all.values();
  }

  /** Whether `id` (as it stood on `day`) is `ancestor` or lies beneath it. */
  within(id, ancestor, day = this.asOf) {
    let cur = id;
    for (let guard = 0; cur && guard < 16; guard += 1) {
      if (cur === ancestor) return true;
      cur = this.at(cur, day)?.parent;
    }
    return false;
  }
}

/**
 * The result row of `indicator` for `unit` (the city's headline row when `unit` is unset):
 * with a reused id, the row of the unit valid on `day`, else the latest.
 */
export function pickResult(results, indicator, unit, day) {
  const rows = (results ?? []).filter((r) => r.indicator === indicator && (unit ? r.unit === unit : r.headline));
  return choose(rows, day);
}
