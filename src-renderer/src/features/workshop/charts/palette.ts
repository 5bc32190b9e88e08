/**
 * Okabe–Ito colours, safe for the common colour-vision deficiencies. Charts never rely on colour
 * alone: each series also has its own marker shape and dash pattern, and values are written out.
 */
export const SERIES_COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#8C6D00',
];
export const SERIES_DASHES = ['', '8 4', '2 3', '10 3 2 3', '4 4', '1 4', '12 2', '6 2 2 2'];
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';
export const SERIES_MARKERS: MarkerShape[] = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'circle',
  'square',
  'triangle',
  'diamond',
];

export const seriesColour = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length] ?? '#000000';
export const seriesDash = (index: number) => SERIES_DASHES[index % SERIES_DASHES.length] ?? '';
export const seriesMarker = (index: number): MarkerShape =>
  SERIES_MARKERS[index % SERIES_MARKERS.length] ?? 'circle';
