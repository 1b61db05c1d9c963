// JSX declarations of the widgets for React 18 and 19 with TypeScript:
//
//   import type {} from 'cchc-progress/elements/react';   // once, anywhere in the app
//
// Attributes are strings. Data objects (`input`, `report`, `csvOptions`) must reach the element
// as properties: React 19 sets them as properties when the element is defined before render
// (import 'cchc-progress/elements' first); React 18 writes every prop as an attribute, so set
// them through a ref: <cchc-progress-card ref={(el) => { if (el) el.input = input; }} />.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CsvOptions, EvaluateInput, Level, Locale, Report } from '../cchc_progress.js';
import type { CchcErrorDetail, CchcOverview, CchcProgressCard, CchcRampChart } from './index.js';

/** What the three elements accept in JSX. */
export interface CchcElementProps<T> extends DetailedHTMLProps<HTMLAttributes<T>, T> {
  indicator?: string;
  unit?: string;
  src?: string;
  'report-src'?: string;
  plan?: string;
  'as-of'?: string;
  locale?: Locale;
  'heading-level'?: number | `${number}`;
  'csv-options'?: string;
  /** React 19 only (set as a property); with React 18 use a ref. */
  input?: EvaluateInput;
  /** React 19 only (set as a property); with React 18 use a ref. */
  report?: Report;
  /** React 19 only (set as a property); with React 18 use a ref. */
  csvOptions?: CsvOptions;
  csv?: string;
  children?: never;
}

export interface CchcRampChartProps extends CchcElementProps<CchcRampChart> {
  level?: Level;
}

export interface CchcOverviewProps extends CchcElementProps<CchcOverview> {
  sort?: 'plan' | 'status' | 'gap' | 'title';
}

export type { CchcErrorDetail };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'cchc-progress-card': CchcElementProps<CchcProgressCard>;
      'cchc-ramp-chart': CchcRampChartProps;
      'cchc-overview': CchcOverviewProps;
    }
  }
}
