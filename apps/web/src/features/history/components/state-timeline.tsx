// One subject's state timeline (issue 15), drawn with visx (scales, axis, bars, tooltip): a lane
// per status (negotiation, BGP, health check…) of coloured stretches on a time axis in the
// browser's zone. SVG, so every stretch is an element with words: each lane is one tab stop, the
// arrow keys (Home, End) walk its stretches and the tooltip follows focus as it follows the mouse.
// Loaded only with the history tab (visx stays out of the first screens).
import { useElementSize } from '@mantine/hooks';
import type { HistoryLane, HistoryLevel } from '@vpn-console/shared/history/schema';
import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleTime } from '@visx/scale';
import { Bar } from '@visx/shape';
import { TooltipWithBounds, useTooltip } from '@visx/tooltip';
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { Segment } from '../lib/timeline';

export const LEVEL_COLOURS: Record<HistoryLevel, string> = {
  up: 'var(--mantine-color-green-6)',
  partial: 'var(--mantine-color-yellow-6)',
  down: 'var(--mantine-color-red-6)',
  off: 'var(--mantine-color-gray-2)',
  unknown: 'var(--mantine-color-gray-4)',
};

interface TimelineLane {
  lane: HistoryLane;
  label: string;
  segments: Segment[];
}

const LABEL_WIDTH = 110;
const LANE_HEIGHT = 14;
const LANE_GAP = 6;
const AXIS_HEIGHT = 24;
const RIGHT = 12;
/** Before the container is measured (and in tests, where nothing is): a fixed width. */
const FALLBACK_WIDTH = 720;

interface Tip {
  text: string;
}

function LaneBars({
  lane,
  y,
  x,
  describe,
  onShow,
  onHide,
}: {
  lane: TimelineLane;
  y: number;
  x: (t: number) => number;
  describe: (s: Segment) => string;
  onShow: (s: Segment, left: number, top: number) => void;
  onHide: () => void;
}) {
  // Roving focus: one stretch of the lane is in the tab order, the arrows move it.
  const [active, setActive] = useState(() => Math.max(0, lane.segments.length - 1));
  const current = Math.min(active, Math.max(0, lane.segments.length - 1));
  const move = (event: KeyboardEvent<SVGGElement>) => {
    const last = lane.segments.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? Math.min(last, current + 1)
        : event.key === 'ArrowLeft'
          ? Math.max(0, current - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    const target = event.currentTarget.querySelectorAll<SVGRectElement>('rect')[next];
    target?.focus();
  };
  return (
    <Group top={y} left={0}>
      <text x={0} y={LANE_HEIGHT - 3} fontSize={12} fill="var(--mantine-color-dimmed)">
        {lane.label}
      </text>
      <g role="list" aria-label={lane.label} onKeyDown={move}>
        {lane.segments.map((s, i) => {
          const left = x(s.from);
          const width = Math.max(1, x(s.to) - left);
          const show = () => {
            onShow(s, left + width / 2, y);
          };
          return (
            <Bar
              key={s.from}
              role="listitem"
              aria-label={describe(s)}
              tabIndex={i === current ? 0 : -1}
              x={left}
              y={0}
              width={width}
              height={LANE_HEIGHT}
              fill={LEVEL_COLOURS[s.level]}
              onMouseMove={show}
              onMouseLeave={onHide}
              onFocus={() => {
                setActive(i);
                show();
              }}
              onBlur={onHide}
            />
          );
        })}
      </g>
    </Group>
  );
}

export function StateTimeline({
  label,
  lanes,
  from,
  to,
  language,
  describe,
}: {
  /** What the chart shows (the subject's name), for assistive technology. */
  label: string;
  lanes: TimelineLane[];
  from: number;
  to: number;
  language: string;
  describe: (s: Segment) => string;
}) {
  const { ref, width: measured } = useElementSize<HTMLDivElement>();
  const width = measured > 0 ? measured : FALLBACK_WIDTH;
  const height = lanes.length * (LANE_HEIGHT + LANE_GAP) + AXIS_HEIGHT;
  const x = useMemo(
    () =>
      scaleTime<number>({
        domain: [new Date(from), new Date(to)],
        range: [LABEL_WIDTH, Math.max(LABEL_WIDTH + 100, width - RIGHT)],
      }),
    [from, to, width],
  );
  // Ticks in the browser's zone: hours within two days, else days.
  const tickFormat = useMemo(() => {
    const format = new Intl.DateTimeFormat(
      language,
      to - from <= 2 * 86_400_000
        ? { hour: '2-digit', minute: '2-digit', hour12: false }
        : { month: 'numeric', day: 'numeric' },
    );
    return (value: Date | { valueOf(): number }) => format.format(new Date(value.valueOf()));
  }, [from, to, language]);
  const tooltip = useTooltip<Tip>();
  const axisTop = lanes.length * (LANE_HEIGHT + LANE_GAP);
  return (
    <div ref={ref} style={{ position: 'relative', width: '100%' }}>
      <svg width={width} height={height} role="group" aria-label={label}>
        {lanes.map((lane, i) => (
          <LaneBars
            key={lane.lane}
            lane={lane}
            y={i * (LANE_HEIGHT + LANE_GAP)}
            x={x}
            describe={describe}
            onShow={(s, left, top) => {
              tooltip.showTooltip({
                tooltipData: { text: describe(s) },
                tooltipLeft: left,
                tooltipTop: top + LANE_HEIGHT,
              });
            }}
            onHide={tooltip.hideTooltip}
          />
        ))}
        <g aria-hidden>
          <AxisBottom
            top={axisTop}
            scale={x}
            numTicks={width < 800 ? 5 : 8}
            tickFormat={tickFormat}
            stroke="var(--mantine-color-gray-5)"
            tickStroke="var(--mantine-color-gray-5)"
            tickLabelProps={{
              fontSize: 11,
              fill: 'var(--mantine-color-dimmed)',
              textAnchor: 'middle',
            }}
          />
        </g>
      </svg>
      {tooltip.tooltipOpen && tooltip.tooltipData !== undefined ? (
        <TooltipWithBounds left={tooltip.tooltipLeft} top={tooltip.tooltipTop}>
          {tooltip.tooltipData.text}
        </TooltipWithBounds>
      ) : null}
    </div>
  );
}
