// The widgets' one stylesheet, built once and adopted by every shadow root: a constructable
// stylesheet needs no inline style, so it works under `style-src 'self'`. Portals theme the
// widgets through the custom properties below, which cross the shadow boundary.

// `overflow-wrap: break-word` on the sentences (`.explanation`, `.message`): a word wider than
// the widget (a field name a 766 mapping quotes, a code in an engine's sentence) wraps rather
// than widen it; every other word still breaks only between words. Not on the whole frame:
// Chromium then broke the review table's headings inside words at 360 px ("Chỉ / tiêu"),
// which the engines test refuses. (Comments inside the CSS ship in the bundle: keep few.)
const CSS = `
:host {
  display: block;
  container-type: inline-size;
  font-family: var(--cchc-font, system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif);
  font-size: var(--cchc-font-size, 1rem);
  line-height: 1.45;
  color: var(--cchc-text, #1a1a1a);
  --_accent: var(--cchc-accent, #0b5394);
  --_muted: var(--cchc-muted, #4a4a4a);
  --_surface: var(--cchc-surface, #ffffff);
  --_border: var(--cchc-border, #c8c8c8);
  --_radius: var(--cchc-radius, 0.5rem);
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.frame {
  background: var(--_surface);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  padding: 1rem;
  max-width: 100%;
}
/* Data text (names, labels) is isolated from the text around it, and may break anywhere: a
   name with no space must not widen the page. The widgets' own words break only between words. */
.data { unicode-bidi: isolate; overflow-wrap: anywhere; }
.nowrap { white-space: nowrap; }
.data.clamp-inline { display: inline-block; max-width: min(24ch, 100%); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; vertical-align: bottom; }
h2, h3, h4, h5, h6 { margin: 0 0 0.25rem; line-height: 1.3; }
.heading { font-size: 1.1rem; }
.subheading { font-size: 1rem; }
p { margin: 0.25rem 0; }
.muted { color: var(--_muted); font-size: 0.9rem; }
.unit-name { color: var(--_muted); font-size: 0.9rem; margin: 0; }
.unit-name.clamped { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; overflow: hidden; }
.heading.clamped { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; line-clamp: 3; overflow: hidden; }
button.link { border: 0; padding: 0; min-height: 1.5rem; background: none; color: var(--_accent); text-decoration: underline; border-radius: 0; font-size: 0.85rem; }
.vh {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}
.message { padding: 0.5rem 0; }
.explanation, .message { overflow-wrap: break-word; }
.error { border-left: 4px solid var(--cchc-status-missed, #b71c1c); padding: 0.5rem 0.75rem; background: var(--cchc-status-missed-bg, #ffebee); }
.error p { margin: 0.15rem 0; }
code, .code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85em; }

/* status badges: icon + text; colours only reinforce them */
.badge {
  display: inline-flex; align-items: center; gap: 0.35em;
  padding: 0.15em 0.6em; border-radius: 999px; border: 1px solid currentColor;
  font-weight: 600; font-size: 0.9rem; white-space: nowrap;
  color: var(--_fg); background: var(--_bg);
}
.badge .icon { font-weight: 700; min-width: 1em; text-align: center; }
.s-met { --_fg: var(--cchc-status-met, #1b5e20); --_bg: var(--cchc-status-met-bg, #e8f5e9); }
.s-on_track { --_fg: var(--cchc-status-on-track, #00504a); --_bg: var(--cchc-status-on-track-bg, #e0f2f1); }
.s-needs_acceleration { --_fg: var(--cchc-status-needs-acceleration, #7a4100); --_bg: var(--cchc-status-needs-acceleration-bg, #fff3e0); }
.s-limited_progress { --_fg: var(--cchc-status-limited-progress, #8a2f00); --_bg: var(--cchc-status-limited-progress-bg, #fbe9e7); }
.s-deteriorating { --_fg: var(--cchc-status-deteriorating, #a01010); --_bg: var(--cchc-status-deteriorating-bg, #ffebee); }
.s-missed { --_fg: var(--cchc-status-missed, #b71c1c); --_bg: var(--cchc-status-missed-bg, #ffebee); }
.s-not_reported { --_fg: var(--cchc-status-not-reported, #6b3d00); --_bg: var(--cchc-status-not-reported-bg, #fff8e1); }
.s-discontinued { --_fg: var(--cchc-status-discontinued, #3d3d3d); --_bg: var(--cchc-status-discontinued-bg, #eeeeee); }
.s-insufficient_data { --_fg: var(--cchc-status-insufficient-data, #3d3d3d); --_bg: var(--cchc-status-insufficient-data-bg, #eeeeee); }
.s-no_data { --_fg: var(--cchc-status-no-data, #3d3d3d); --_bg: var(--cchc-status-no-data-bg, #f5f5f5); }

/* progress card */
.card header { display: flex; flex-direction: column; gap: 0.1rem; margin-bottom: 0.5rem; }
.card .top { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem; }
.card .trend { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.4rem; }
.verdict-label { font-size: 0.85rem; color: var(--_muted); }
.verdict { white-space: nowrap; font-weight: 600; }
.verdict.is-met { color: var(--cchc-status-met, #1b5e20); }
.verdict.is-not-met { color: var(--cchc-status-missed, #b71c1c); }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.5rem 1rem; margin: 0.75rem 0; }
.figures div { min-width: 0; }
.figures dt { font-size: 0.8rem; color: var(--_muted); }
.figures dd { margin: 0; font-weight: 600; }
.figures .value { font-size: 1.6rem; color: var(--_accent); line-height: 1.2; white-space: nowrap; }
/* The track is outlined (#767676: 4.5:1 on white), so its extent is seen, not only its fill. */
.bar { height: 0.625rem; background: var(--_surface); border: 1px solid var(--cchc-track-border, #767676); border-radius: 999px; position: relative; overflow: hidden; margin: 0.25rem 0 0.5rem; }
.bar svg { display: block; width: 100%; height: 100%; }
.bar .fill { fill: var(--_accent); }
.bar .mark { fill: var(--cchc-text, #1a1a1a); }
.explanation { font-size: 0.95rem; }
/* what the figures alone do not say (no deadline-year figure, the unit ended, after the deadline) */
.notes { margin: 0.25rem 0 0.5rem; }
.notes p { margin: 0.2rem 0; font-size: 0.9rem; }
.notice { border-left: 3px solid var(--cchc-status-not-reported, #6b3d00); padding-left: 0.5rem; }
.provisional, .after-deadline { color: var(--_muted); }
.provisional .icon { font-weight: 700; }

/* ramp chart */
.chart { margin: 0; }
.chart svg.main { width: 100%; height: auto; display: block; }
.readout { font-size: 0.85rem; color: var(--_muted); min-height: 1.3em; margin: 0.25rem 0 0; }
.plot .hit { fill: transparent; cursor: pointer; }
.plot .hit[data-selected="true"] { fill: var(--_accent); fill-opacity: 0.08; }
.plot .grid { stroke: var(--cchc-grid, #dddddd); stroke-width: 1; }
.plot .axis { fill: var(--_muted); font-size: 12px; font-family: inherit; }
.plot .floor { fill: none; stroke: var(--cchc-floor, #5f5f5f); stroke-width: 2; stroke-dasharray: 6 4; }
.plot .floor-mark { fill: var(--_surface); stroke: var(--cchc-floor, #5f5f5f); stroke-width: 2; }
.plot .actual { fill: none; stroke: var(--_accent); stroke-width: 2.5; }
.plot .actual-mark { fill: var(--_accent); }
.plot .below { fill: var(--_surface); stroke: var(--cchc-status-missed, #b71c1c); stroke-width: 2.5; }
.plot .unit-dot { fill: var(--_accent); stroke: var(--_surface); stroke-width: 1; }
.plot .unit-below { fill: var(--_surface); stroke: var(--cchc-status-missed, #b71c1c); stroke-width: 2; }
/* years summed from a unit's predecessors: a shaded band, a dashed line, hollow markers */
.plot .pred-band { fill: var(--cchc-pred-band, #eef1f5); }
.plot .band-label, .plot .break-label { font-size: 12px; fill: var(--_muted); font-family: inherit; }
.plot .pred-line { stroke-dasharray: 5 4; }
.plot .pred-mark { fill: var(--_surface); stroke: var(--_accent); stroke-width: 2.5; }
.plot .unit-pred { fill: var(--_surface); stroke: var(--_accent); stroke-width: 2; }
.plot .pred-mark.estimated, .plot .below.estimated { stroke-dasharray: 2.5 1.5; }
.plot .break { stroke: var(--cchc-text, #1a1a1a); stroke-width: 1.5; stroke-dasharray: 3 3; }
.plot .level-city { stroke-dasharray: none; }
.plot .level-district { stroke-dasharray: 6 4; }
.plot .level-commune { stroke-dasharray: 2 3; }
.plot .label { font-size: 12px; fill: var(--cchc-text, #1a1a1a); font-family: inherit; }
.legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; margin: 0.5rem 0 0; font-size: 0.85rem; }
.legend li { display: inline-flex; align-items: center; gap: 0.35rem; }
.legend svg.swatch { width: 28px; height: 12px; flex: none; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--_border); vertical-align: top; }
/* A value never breaks from its unit ("100,0 %", "hạng ≤ 15"). */
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }

/* overview */
.counts { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; padding: 0; margin: 0.5rem 0; }
.sort { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; margin: 0.75rem 0; border: 0; padding: 0; }
.sort legend { font-weight: 600; font-size: 0.9rem; padding: 0; margin-right: 0.25rem; float: left; }
button {
  font: inherit; font-size: 0.85rem; padding: 0.3rem 0.7rem; min-height: 2rem; cursor: pointer;
  border: 1px solid var(--_accent); border-radius: 999px; background: var(--_surface); color: var(--_accent);
}
button[aria-pressed="true"] { background: var(--_accent); color: var(--cchc-on-accent, #ffffff); }
button:focus-visible, summary:focus-visible { outline: 3px solid var(--cchc-focus, #ffbf47); outline-offset: 2px; }
.area { margin-top: 1rem; }
.area-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.25rem 1rem; }
.rows td .badge { font-size: 0.8rem; }
details { margin: 0.35rem 0; }
summary { cursor: pointer; }
.names { margin: 0.25rem 0 0.5rem 1.25rem; padding: 0; font-size: 0.9rem; columns: 14rem auto; }
.review { margin-top: 1rem; }
.download { margin: 0.5rem 0; display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem; }
.review-rows td .muted, .rows td .muted { font-size: 0.8rem; }
.review-rows td .badge { font-size: 0.8rem; }
.review-rows th[scope="row"] { min-width: 12rem; width: 32%; }
.review-rows td:last-child { min-width: 9rem; }
.review-rows td.verdict .rule { display: block; margin-top: 0.15rem; white-space: normal; font-weight: normal; font-size: 0.8rem; }
@container (max-width: 34rem) {
  .rows thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .rows tr { display: grid; grid-template-columns: 1fr auto; gap: 0.1rem 0.5rem; padding: 0.5rem 0; border-bottom: 1px solid var(--_border); }
  .rows td, .rows th { display: block; border: 0; padding: 0; }
  .rows th[scope="row"] { grid-column: 1 / -1; order: -2; }
  /* The status on a line of its own, under the target: a long badge never squeezes the figures. */
  .rows td.status { grid-column: 1 / -1; order: -1; }
  .rows td.num { text-align: left; }
  .rows td[data-label]::before { content: attr(data-label) ": "; color: var(--_muted); font-weight: normal; }
}
/* The review's six columns need about 52rem on a screen; narrower (a phone, a tablet, a side
   column), each row is a card: the target, its verdict, then its figures two by two, each
   under its label. On paper it stays a table (see print). */
@media screen {
  @container (max-width: 52rem) {
    .review-rows thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
    .review-rows tr { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0.1rem 0.5rem; padding: 0.5rem 0; border-bottom: 1px solid var(--_border); }
    .review-rows td, .review-rows th { display: block; border: 0; padding: 0; }
    .review-rows th[scope="row"] { grid-column: 1 / -1; order: -2; width: auto; min-width: 0; }
    .review-rows td.verdict { grid-column: 1 / -1; order: -1; }
    .review-rows td.num { text-align: left; }
    .review-rows td[data-label]::before { display: block; content: attr(data-label); color: var(--_muted); font-weight: normal; font-size: 0.8rem; }
  }
}
/* Print (A4 and the like): no controls, a card or chart never split over two pages, the
   review's table whole with its header on every page, links and badges in black and white. */
@media print {
  :host { color: #000; }
  .frame { border-color: #888; }
  .card, .ramp { break-inside: avoid; }
  .vh.print { position: static !important; width: auto; height: auto; margin: 0.5rem 0 0; overflow: visible; clip: auto; clip-path: none; white-space: normal; }
  .sort, button, .download, .readout { display: none !important; }
  .unit-name.clamped { display: block; -webkit-line-clamp: none; line-clamp: none; overflow: visible; }
  .heading.clamped { display: block; -webkit-line-clamp: none; line-clamp: none; overflow: visible; }
  .badge { background: none; }
  thead { display: table-header-group; }
  tr, .area-head, .notes p { break-inside: avoid; }
  h2, h3, h4, h5, h6, .area-head { break-after: avoid; }
  .review-rows { font-size: 0.8rem; }
  .review-rows th, .review-rows td { padding: 0.25rem 0.35rem; }
  .review-rows th[scope="row"] { min-width: 0; width: 30%; }
  .review-rows td:last-child { min-width: 0; }
  .review-rows td.verdict { min-width: 9em; }
  .review-rows .badge { white-space: normal; font-size: 0.75rem; border-radius: 0.3em; }
  .review-rows thead th { white-space: normal; }
}
@media (forced-colors: active) {
  .badge { border: 1px solid CanvasText; }
}
`;

let sheet;

/** Gives a shadow root the widgets' stylesheet (one `CSSStyleSheet` shared by all). */
export function adoptStyles(root) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  root.adoptedStyleSheets = [sheet];
}
