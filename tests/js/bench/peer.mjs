// The second peer of the benchmark (issue 15.3): the core of the evaluation as a competent
// portal developer would write it in plain JavaScript in an afternoon, with no sentences,
// findings, summaries, lineage or dated units:
//
//   - the latest figure per indicator × unit × year (the period ending last in the year; the
//     annual report wins a tie), nested denominators taken from the parent's numerator;
//   - sums up the hierarchy for `hierarchy` indicators (a unit without its own figure adds
//     its units' numerators and denominators, or counts);
//   - the year's check against the ramp floor (the schedule reading) or the target;
//   - the status: met when the latest value meets the deadline target, else the CAGR-ratio
//     trend from the first year with data (lower is better for ranks and counts to reduce).
//
// It returns one row per indicator and unit it can judge, `{ indicator, unit, year, value,
// requirement, met, status }`; `agreement` compares its statuses with an engine report.
// Values are rounded to 4 decimals before every comparison, as the report shows them.

const round4 = (x) => Math.sign(x) * Math.round(Math.abs(x) * 10000) / 10000;

/** `2024` → [2024, 12, true]; `2024-H1` → [2024, 6]; `2024-Q3` → [2024, 9]; `2024-07` → [2024, 7]. */
function periodEnd(code) {
  const year = Number(code.slice(0, 4));
  if (code.length === 4) return [year, 12, true];
  const rest = code.slice(5);
  if (rest[0] === 'H') return [year, Number(rest[1]) * 6, false];
  if (rest[0] === 'Q') return [year, Number(rest[1]) * 3, false];
  return [year, Number(rest), false];
}

/** The plan's indicators and ramps, read once per rule pack (not part of an evaluation). */
export function preparePlan(plan) {
  const ramps = new Map(plan.ramps.map((r) => [r.id, r]));
  const params = plan.methods.trend;
  return { indicators: plan.indicators, ramps, params, to: plan.plan.period.to };
}

function floorOf(ramp, level, year) {
  if (year < ramp.firstYear) return undefined;
  return Math.min(ramp.cap, ramp.firstFloors[level] + ramp.step * (year - ramp.firstYear));
}

function classify(params, ratio) {
  if (ratio >= params.onTrack) return 'on_track';
  if (ratio >= params.needsAcceleration) return 'needs_acceleration';
  if (ratio >= params.limitedProgress) return 'limited_progress';
  return 'deteriorating';
}

/**
 * Evaluates `input` (the engine's input shape) against a prepared plan; `input.options.only`
 * (`{ indicators, units }`) keeps those rows only, as the engine does.
 */
export function evaluatePeer(prepared, input) {
  const only = input.options?.only;
  const keepIndicator = only?.indicators ? new Set(only.indicators) : null;
  const keepUnit = only?.units ? new Set(only.units) : null;
  const asOf = input.asOf;
  const asOfYear = Number(asOf.slice(0, 4));
  const asOfMonth = Number(asOf.slice(5, 7));

  const units = new Map();
  for (const u of input.units) units.set(u.id, { id: u.id, level: u.level, parent: u.parent, children: [] });
  for (const u of units.values()) if (u.parent && units.has(u.parent)) units.get(u.parent).children.push(u);
  // Children before parents.
  const order = [];
  const visit = (u) => {
    for (const c of u.children) visit(c);
    order.push(u);
  };
  for (const u of units.values()) if (!u.parent || !units.has(u.parent)) visit(u);

  // indicator → unit → year → the chosen observation, with its period's end.
  const chosen = new Map();
  for (const o of input.observations) {
    const [year, month, annual] = periodEnd(o.period);
    if (year > asOfYear || (year === asOfYear && month > asOfMonth)) continue;
    let byUnit = chosen.get(o.indicator);
    if (!byUnit) chosen.set(o.indicator, (byUnit = new Map()));
    let byYear = byUnit.get(o.unit);
    if (!byYear) byUnit.set(o.unit, (byYear = new Map()));
    const had = byYear.get(year);
    if (!had || month > had.month || (month === had.month && annual && !had.annual)) byYear.set(year, { month, annual, o });
  }

  const rows = [];
  for (const ind of prepared.indicators) {
    if (keepIndicator && !keepIndicator.has(ind.id)) continue;
    const byUnit = chosen.get(ind.id) ?? new Map();
    const parentOf = ind.denominatorFrom === 'parent_numerator' ? chosen.get(ind.parent) : undefined;
    // unit → year → figure: { n, d } | { count } | { rank } | { done, share }
    const figures = new Map();
    for (const [unit, byYear] of byUnit) {
      const years = new Map();
      for (const [year, { o }] of byYear) {
        let f;
        if (o.numerator !== undefined) {
          let d = o.denominator;
          if (d === undefined && parentOf) d = parentOf.get(unit)?.get(year)?.o.numerator;
          if (d === undefined || d <= 0) continue;
          f = { n: o.numerator, d };
        } else if (o.count !== undefined) f = { count: o.count };
        else if (o.rank !== undefined) f = { rank: o.rank };
        else if (o.done !== undefined) f = { done: o.done, share: o.value };
        else if (o.value !== undefined) f = { share: o.value };
        else continue;
        years.set(year, f);
      }
      figures.set(unit, years);
    }
    if (ind.aggregation === 'hierarchy') {
      const allYears = new Set();
      for (const years of figures.values()) for (const y of years.keys()) allYears.add(y);
      for (const u of order) {
        if (!u.children.length) continue;
        let own = figures.get(u.id);
        for (const y of allYears) {
          if (own?.has(y)) continue;
          let n = 0, d = 0, count = 0, parts = 0, kind = null;
          for (const c of u.children) {
            const f = figures.get(c.id)?.get(y);
            if (!f) continue;
            if (f.n !== undefined && kind !== 'count') (n += f.n), (d += f.d), (kind = 'fraction');
            else if (f.count !== undefined && kind !== 'fraction') (count += f.count), (kind = 'count');
            else continue;
            parts++;
          }
          if (!parts) continue;
          if (!own) figures.set(u.id, (own = new Map()));
          own.set(y, kind === 'count' ? { count } : { n, d });
        }
      }
    }

    const ramp = ind.ramp ? prepared.ramps.get(ind.ramp) : undefined;
    const sign = ind.direction === 'lower_is_better' || ind.measure === 'reduction' ? -1 : 1;
    const holds = ind.comparator === 'lte' ? (v, t) => v <= t : (v, t) => v >= t;
    for (const [unitId, yearMap] of figures) {
      const unit = units.get(unitId);
      if (!unit || !ind.levels.includes(unit.level) || yearMap.size === 0) continue;
      if (keepUnit && !keepUnit.has(unitId)) continue;
      const years = [...yearMap.keys()].sort((a, b) => a - b);
      const target = ind.levelTargets?.[unit.level] ?? ind.target;
      const deadlineTarget = ramp ? floorOf(ramp, unit.level, ind.deadline) ?? target : target;
      const base = ind.measure === 'reduction' ? yearMap.get(ind.baselineYear)?.count : undefined;
      const valueOf = (f) => {
        if (f.n !== undefined) return round4((f.n / f.d) * 100);
        if (f.count !== undefined) return base > 0 ? round4(((base - f.count) / base) * 100) : undefined;
        if (f.rank !== undefined) return f.rank;
        if (f.done) return 100;
        return f.share ?? 0;
      };
      const latestYear = years.at(-1);
      const latest = yearMap.get(latestYear);
      const value = valueOf(latest);
      const requirement = ramp ? floorOf(ramp, unit.level, latestYear) : target;
      const met = value !== undefined && requirement !== undefined ? holds(value, requirement) : undefined;

      let status;
      const everDone = ind.measure === 'milestone' && years.some((y) => yearMap.get(y).done);
      if (everDone || (value !== undefined && holds(value, deadlineTarget))) status = 'met';
      else if (ind.measure === 'reduction' && base === undefined) status = 'insufficient_data';
      else if (latest.done === false && latest.share === undefined) status = 'insufficient_data';
      else {
        // The trend's points: counts for reductions, values otherwise.
        const points = [];
        for (const y of years) {
          const f = yearMap.get(y);
          if (f.done === false && f.share === undefined) continue;
          const v = ind.measure === 'reduction' ? f.count : valueOf(f);
          if (v !== undefined) points.push([y, v]);
        }
        const goal = ind.measure === 'reduction' ? base * (1 - target / 100) : deadlineTarget;
        const [t0, y0] = points[0] ?? [];
        const [ti, yi] = points.at(-1) ?? [];
        if (points.length < 2 || ti <= t0 || !(y0 > 0) || ind.deadline <= t0) status = 'insufficient_data';
        else {
          const observed = (Math.max(yi, 0) / y0) ** (1 / (ti - t0)) - 1;
          const required = (Math.max(goal, 0) / y0) ** (1 / (ind.deadline - t0)) - 1;
          if (!Number.isFinite(observed) || !Number.isFinite(required) || round4(required) === 0) status = 'insufficient_data';
          else status = classify(prepared.params, round4((sign * observed) / Math.abs(required)));
        }
      }
      rows.push({ indicator: ind.id, unit: unitId, year: latestYear, value, requirement, met, status });
    }
  }
  return rows;
}

/** How many rows the peer and the engine's report both have, and how many agree on status. */
export function agreement(peerRows, report) {
  const engine = new Map();
  for (const r of report.results) if (r.unit) engine.set(`${r.indicator}\u0000${r.unit}`, r);
  let both = 0;
  const differ = [];
  for (const p of peerRows) {
    const e = engine.get(`${p.indicator}\u0000${p.unit}`);
    if (!e) continue;
    both++;
    if (e.status !== p.status || (e.met ?? undefined) !== p.met) differ.push({ indicator: p.indicator, unit: p.unit, peer: p.status, engine: e.status, peerMet: p.met, engineMet: e.met });
  }
  return { peer: peerRows.length, engine: report.results.length, both, agree: both - differ.length, differ };
}
