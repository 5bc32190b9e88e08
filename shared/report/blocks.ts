/**
 * What a report page holds, independent of how it is drawn: the PDF renderer lays these blocks out
 * (and breaks them across pages); tests read them to know what the PDF must say.
 */
export type Align = 'left' | 'right' | 'center';

export type TableColumn = {
  title: string;
  /** Share of the text width, 0-1; the columns of a table add up to 1. */
  width: number;
  align?: Align;
};

export type Block =
  | { kind: 'paragraph'; text: string; tone?: 'normal' | 'lead' | 'muted' }
  | { kind: 'subheading'; text: string }
  | { kind: 'bullets'; items: string[]; ordered?: boolean }
  /** Label and value pairs, e.g. the summary's key figures. */
  | { kind: 'facts'; rows: Array<[string, string]> }
  | { kind: 'callout'; title: string; text: string }
  | {
      kind: 'table';
      columns: TableColumn[];
      rows: string[][];
      /** Rows drawn with emphasis (totals, flagged criteria), by index. */
      emphasis?: number[];
      caption?: string;
    }
  | BarChart
  | DivergingChart
  /** Blocks the renderer keeps on one page (a rating pair, a chart with its title and legend). */
  | { kind: 'keepTogether'; blocks: Block[] }
  /** Sign-off: one row per role ("Prepared by"), with lines for name, role and date. */
  | { kind: 'signOff'; roles: Array<{ role: string; name?: string }> };

/**
 * One bar per criterion from a centre line: positive values favour `right` (the leader), negative
 * ones `left` (the runner-up). `labels` are the values as printed ("+0.39").
 */
export type DivergingChart = {
  kind: 'divergingChart';
  title: string;
  /** The side each direction favours, e.g. { left: 'Node.js', right: 'Django' }. */
  left: string;
  right: string;
  rows: Array<{ label: string; value: number; text: string }>;
  /** The axis runs from -max to +max. */
  max: number;
  unit: string;
};

/** Horizontal grouped bars, drawn as vectors: one group per criterion, one bar per series. */
export type BarChart = {
  kind: 'barChart';
  title: string;
  /** Series names, e.g. the candidates; the renderer gives each a brand colour and a pattern. */
  series: string[];
  /** `labels`, when given, are the values as printed elsewhere (e.g. adding up to a printed total). */
  groups: Array<{ label: string; values: number[]; labels?: string[] }>;
  max: number;
  /** Decimal places of the printed values. */
  digits: number;
  /** Shown under the axis, e.g. "weighted points". */
  unit: string;
};

/** `title` is also the section's entry in the PDF's outline (bookmarks). */
export type Section = { id: string; title: string; blocks: Block[] };
