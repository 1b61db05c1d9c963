// cchc-progress/elements: the progress widgets as standard custom elements. Importing this
// module defines them; the page needs nothing else:
//
//   <script type="module" src="/node_modules/cchc-progress/elements/index.js"></script>
//   <cchc-progress-card indicator="proc.online_l34" src="/data/cchc.json"></cchc-progress-card>

import { CchcElement } from './base.js';
import { CchcProgressCard } from './card.js';
import { CchcRampChart } from './ramp-chart.js';
import { CchcOverview } from './overview.js';

export { CchcElement, CchcProgressCard, CchcRampChart, CchcOverview };
export { initEngine, getEngine, evaluateShared, readable, fetchJson, sameOrigin, WidgetError } from './engine.js';
export { STATUS, STATUS_ORDER, STATUSES, statusLabel } from './i18n.js';
export { formatNumber, formatTrimmed, formatPercent, formatPercentTrimmed } from './format.js';

const ELEMENTS = {
  'cchc-progress-card': CchcProgressCard,
  'cchc-ramp-chart': CchcRampChart,
  'cchc-overview': CchcOverview,
};

// On a server (SSR) there is no registry: importing this module defines nothing there.
if (globalThis.customElements) {
  for (const [tag, cls] of Object.entries(ELEMENTS)) {
    if (!customElements.get(tag)) customElements.define(tag, cls);
  }
}
