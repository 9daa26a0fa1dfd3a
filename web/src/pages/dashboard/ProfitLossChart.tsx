// Loaded on demand (React.lazy) so uPlot stays out of the initial JavaScript. uPlot draws on a
// canvas and sizes its elements through the CSSOM, which the Content-Security-Policy allows; its
// stylesheet comes from a file like every other.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

import { amountToNumber } from '../../components/amounts';
import type { MonthFigures } from './series';

const HEIGHT = 280;

interface Palette {
  income: string;
  expenses: string;
  net: string;
  axis: string;
  grid: string;
}

/** The chart's colours, from dashboard.css, so they follow light and dark schemes. */
function palette(element: HTMLElement): Palette {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    income: read('--chart-income', '#1f7a4d'),
    expenses: read('--chart-expenses', '#b54708'),
    net: read('--chart-net', '#0b4f6c'),
    axis: read('--color-muted', '#52606d'),
    grid: read('--color-border', '#d5dbe1'),
  };
}

/** Income and expenses as bars side by side, net income as a line, one group per month. */
export default function ProfitLossChart({
  figures,
  labels,
  compactMoney,
}: {
  figures: MonthFigures[];
  /** Month names for the x axis, one per figure. */
  labels: string[];
  /** A short money format for the y axis ("$12K"). */
  compactMoney: (value: number) => string;
}) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const colors = palette(element);
    const x = figures.map((_figure, index) => index);
    const data: uPlot.AlignedData = [
      x,
      figures.map((f) => amountToNumber(f.income)),
      figures.map((f) => amountToNumber(f.expenses)),
      figures.map((f) => amountToNumber(f.netIncome)),
    ];
    const bars = uPlot.paths.bars;
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 200),
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] },
      },
      axes: [
        {
          stroke: colors.axis,
          grid: { show: false },
          ticks: { stroke: colors.grid },
          splits: () => x,
          values: (_u, splits) => splits.map((split) => labels[split] ?? ''),
        },
        {
          stroke: colors.axis,
          size: 72,
          grid: { stroke: colors.grid },
          ticks: { stroke: colors.grid },
          values: (_u, splits) => splits.map((split) => compactMoney(split)),
        },
      ],
      series: [
        {},
        {
          label: 'Income',
          fill: colors.income,
          stroke: colors.income,
          width: 0,
          // Left of the month's tick; expenses to the right of it.
          ...(bars === undefined ? {} : { paths: bars({ align: -1, size: [0.35, 36] }) }),
          points: { show: false },
        },
        {
          label: 'Expenses',
          fill: colors.expenses,
          stroke: colors.expenses,
          width: 0,
          ...(bars === undefined ? {} : { paths: bars({ align: 1, size: [0.35, 36] }) }),
          points: { show: false },
        },
        {
          label: 'Net income',
          stroke: colors.net,
          width: 2,
          points: { show: true, size: 6, fill: colors.net },
        },
      ],
    };
    const plot = new uPlot(options, data, element);
    const resize = new ResizeObserver(() => {
      plot.setSize({ width: Math.max(element.clientWidth, 200), height: HEIGHT });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [figures, labels, compactMoney]);

  // The figures are in the table beside the chart; the drawing itself says nothing more.
  return <div ref={container} className="chart" aria-hidden="true" data-testid="pl-chart" />;
}
