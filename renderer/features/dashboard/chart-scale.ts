/** Pure helpers for the dashboard's SVG charts: a y axis from 0 to a round maximum, and positions. */

/** The smallest "nice" number (1, 2, 5 × 10ⁿ) times `steps` that covers `max`. */
export function niceTicks(max: number, steps = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / steps;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v * 1e9) / 1e9);
  return ticks;
}

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const chartFrame: Frame = { width: 640, height: 240, left: 44, right: 12, top: 12, bottom: 36 };

/** y in SVG units for a value on an axis from 0 to `top`. */
export const yOf = (frame: Frame, top: number, value: number) =>
  frame.height - frame.bottom - (top === 0 ? 0 : (value / top) * (frame.height - frame.top - frame.bottom));

/** x of the i-th of n points, spread over the plot width (one point sits in the middle). */
export const xOf = (frame: Frame, index: number, count: number) => {
  const plot = frame.width - frame.left - frame.right;
  return count <= 1 ? frame.left + plot / 2 : frame.left + (index / (count - 1)) * plot;
};

/** Which of n labels to print so they do not overlap: about `room` of them, evenly. */
export function labelEvery(count: number, room = 8): number {
  return Math.max(1, Math.ceil(count / room));
}
