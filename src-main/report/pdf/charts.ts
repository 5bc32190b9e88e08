/**
 * Charts, drawn as vectors in the brand's colours (areas only; their words are in ink): grouped
 * horizontal bars with a legend and a scale, and bars either side of a centre line for the
 * leader's advantage per criterion.
 */
import type { BarChart, DivergingChart } from '@shared/report/blocks';
import type { Canvas } from './canvas';
import { BOTTOM, INK, MARGIN, MUTED, RULE, SIZE, WIDTH, ZEBRA } from './layout';
import { drawSubheading } from './text';

/** An axis from 0 to at least `top`, in 3 to 6 round steps (1, 2, 2.5 or 5 times a power of ten). */
export function niceScale(top: number): { step: number; max: number } {
  const target = Math.max(top, 1e-6);
  const magnitude = 10 ** Math.floor(Math.log10(target / 5));
  for (const factor of [1, 2, 2.5, 5, 10, 20]) {
    const step = factor * magnitude;
    if (target / step <= 6) {
      return { step, max: Number((Math.ceil(target / step - 1e-9) * step).toPrecision(12)) };
    }
  }
  return { step: target, max: target };
}

/** A chart stays on one page with its title and legend when it fits on one. */
export function drawBarChart(c: Canvas, chart: BarChart): void {
  c.keep(() => barChart(c, chart));
}

export function drawDivergingChart(c: Canvas, chart: DivergingChart): void {
  c.keep(() => divergingChart(c, chart));
}

function barChart(c: Canvas, chart: BarChart): void {
  const { doc } = c;
  const labelWidth = 150;
  const valueWidth = 34;
  const barArea = WIDTH - labelWidth - valueWidth;
  const bar = chart.series.length > 4 ? 7 : 10;
  const gap = 3;
  const groupHeight = (seriesCount: number) => 16 + seriesCount * (bar + gap) + 8;
  const { step, max } = niceScale(chart.max);
  const scale = (value: number) => (Math.min(max, Math.max(0, value)) / max) * barArea;
  const colour = (s: number) => c.seriesColors[s % c.seriesColors.length] ?? INK;

  drawSubheading(c, chart.title);
  // The legend: a swatch and the name of each series, in order.
  c.ensure(20 + groupHeight(chart.series.length));
  let x = MARGIN.left;
  c.font('normal', SIZE.small, INK);
  chart.series.forEach((name, s) => {
    const label = c.clean(name);
    const width = c.width(label) + 26;
    if (x + width > MARGIN.left + WIDTH) {
      x = MARGIN.left;
      c.y += 14;
    }
    doc.setFillColor(...colour(s));
    doc.rect(x, c.y + 1, 10, 8, 'F');
    c.write(label, x + 14, c.y + 8.5);
    x += width;
  });
  c.y += 20;

  for (const [g, group] of chart.groups.entries()) {
    // The last group keeps the axis under it on the same page.
    const axis = g === chart.groups.length - 1 ? 40 : 0;
    if (c.y + groupHeight(group.values.length) + axis > BOTTOM) c.newPage();
    c.font('bold', SIZE.small, INK);
    const [label = ''] = c.lines(group.label, WIDTH);
    c.write(label, MARGIN.left, c.y + SIZE.small);
    c.y += 14;
    group.values.forEach((value, s) => {
      // Each bar is named as well as coloured, so the chart reads without colour.
      c.font('normal', SIZE.small - 1, MUTED);
      const [name = ''] = c.lines(chart.series[s] ?? '', labelWidth - 16);
      c.write(name, MARGIN.left + labelWidth - 8, c.y + bar - 1, { align: 'right' });
      doc.setFillColor(...ZEBRA);
      doc.rect(MARGIN.left + labelWidth, c.y, barArea, bar, 'F');
      doc.setFillColor(...colour(s));
      const width = scale(value);
      if (width > 0) doc.rect(MARGIN.left + labelWidth, c.y, width, bar, 'F');
      c.font('normal', SIZE.small - 0.5, INK);
      c.write(group.labels?.[s] ?? value.toFixed(chart.digits), MARGIN.left + WIDTH, c.y + bar - 1, {
        align: 'right',
      });
      c.y += bar + gap;
    });
    c.y += 8;
  }
  // The scale under the last group.
  c.ensure(22);
  doc.setDrawColor(...RULE);
  doc.setLineWidth(0.5);
  doc.line(MARGIN.left + labelWidth, c.y, MARGIN.left + labelWidth + barArea, c.y);
  c.font('normal', SIZE.small - 1, MUTED);
  const digits = step < 0.1 ? 2 : step < 1 ? 1 : 0;
  for (let tick = 0; tick <= max + step / 2; tick += step) {
    const tx = MARGIN.left + labelWidth + (tick / max) * barArea;
    doc.line(tx, c.y, tx, c.y + 3);
    c.write(tick.toFixed(digits), tx, c.y + 12, { align: 'center' });
  }
  c.write(c.clean(chart.unit), MARGIN.left + labelWidth + barArea / 2, c.y + 24, {
    align: 'center',
  });
  c.y += 34;
}

function divergingChart(c: Canvas, chart: DivergingChart): void {
  const { doc } = c;
  const labelWidth = 150;
  /** Room beside each half for the printed value. */
  const valueRoom = 40;
  const barArea = WIDTH - labelWidth;
  const centre = MARGIN.left + labelWidth + barArea / 2;
  const half = barArea / 2 - valueRoom;
  const bar = 10;
  const max = chart.max > 0 ? chart.max : 1;
  const length = (value: number) => (Math.min(max, Math.abs(value)) / max) * half;

  drawSubheading(c, chart.title);
  // The legend: which side favours which candidate, each with its colour.
  c.font('normal', SIZE.small, INK);
  const leftLabel = c.clean(`Favours ${chart.left}`);
  const rightLabel = c.clean(`Favours ${chart.right}`);
  doc.setFillColor(...c.accent);
  doc.rect(centre - 14 - 10, c.y + 1, 10, 8, 'F');
  c.write(leftLabel, centre - 14 - 14, c.y + 8.5, { align: 'right' });
  doc.setFillColor(...c.primary);
  doc.rect(centre + 14, c.y + 1, 10, 8, 'F');
  c.write(rightLabel, centre + 14 + 14, c.y + 8.5);
  c.y += 22;

  const top = c.y;
  for (const row of chart.rows) {
    c.font('normal', SIZE.small, INK);
    const label = c.clamp(row.label, labelWidth - 12, 2);
    const height = Math.max(bar + 8, label.length * SIZE.small * 1.25 + 6);
    label.forEach((line, i) => c.write(line, MARGIN.left, c.y + SIZE.small + i * SIZE.small * 1.25));
    const barTop = c.y + (label.length > 1 ? (height - 6 - bar) / 2 : 0);
    const w = length(row.value);
    doc.setFillColor(...(row.value >= 0 ? c.primary : c.accent));
    if (w > 0) doc.rect(row.value >= 0 ? centre : centre - w, barTop, w, bar, 'F');
    c.font('normal', SIZE.small - 0.5, INK);
    const text = c.clean(row.text);
    if (row.value >= 0) c.write(text, centre + w + 4, barTop + bar - 1.5);
    else c.write(text, centre - w - 4, barTop + bar - 1.5, { align: 'right' });
    c.y += height;
  }
  // The centre line and the scale under the bars.
  doc.setDrawColor(...MUTED);
  doc.setLineWidth(0.75);
  doc.line(centre, top - 4, centre, c.y);
  doc.setDrawColor(...RULE);
  doc.setLineWidth(0.5);
  doc.line(centre - half, c.y, centre + half, c.y);
  c.font('normal', SIZE.small - 1, MUTED);
  const digits = max < 0.1 ? 3 : max < 1 ? 2 : max < 10 ? 1 : 0;
  for (const tick of [-max, -max / 2, 0, max / 2, max]) {
    const tx = centre + (tick / max) * half;
    doc.line(tx, c.y, tx, c.y + 3);
    const printed = tick === 0 ? '0' : `${tick > 0 ? '+' : '−'}${Math.abs(tick).toFixed(digits)}`;
    c.write(printed, tx, c.y + 12, { align: 'center' });
  }
  c.write(c.clean(chart.unit), centre, c.y + 24, { align: 'center' });
  c.y += 34;
}
