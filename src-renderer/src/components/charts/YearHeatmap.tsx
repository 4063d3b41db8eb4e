const DAY_MS = 86_400_000;
const CELL = 12;
const GAP = 3;

export interface HeatmapDay {
  date: string;
  reviews: number;
}

interface YearHeatmapProps {
  from: string;
  to: string;
  days: HeatmapDay[];
  /** "12 reviews on 3 March 2026", for the tooltip of a cell. */
  describe: (date: string, reviews: number) => string;
  monthLabel: (date: string) => string;
}

const dayNumber = (key: string) => Math.floor(Date.parse(`${key}T00:00:00Z`) / DAY_MS);
const keyOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Level 0–4 of a day, by quartiles of the active days, so one huge day does not wash out the rest. */
function levels(days: HeatmapDay[]): (reviews: number) => number {
  const sorted = days.map((d) => d.reviews).sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  const bounds = [q(0.25), q(0.5), q(0.75)];
  return (reviews) => (reviews <= 0 ? 0 : 1 + bounds.filter((b) => reviews > b).length);
}

/** A year of study days as a calendar grid (weeks across, Monday to Sunday down), in SVG. */
export function YearHeatmap({ from, to, days, describe, monthLabel }: YearHeatmapProps) {
  const first = dayNumber(from);
  const last = dayNumber(to);
  // Day 0 (1970-01-01) was a Thursday: Monday-based weekday is (day + 3) % 7.
  const weekday = (day: number) => (((day + 3) % 7) + 7) % 7;
  const start = first - weekday(first);
  const weeks = Math.ceil((last - start + 1) / 7);
  const byDate = new Map(days.map((d) => [d.date, d.reviews]));
  const level = levels(days);
  const cells = [];
  const months = [];
  for (let day = first; day <= last; day += 1) {
    const key = keyOf(day);
    const week = Math.floor((day - start) / 7);
    const reviews = byDate.get(key) ?? 0;
    cells.push(
      <rect
        key={key}
        className={`heat heat-${level(reviews)}`}
        x={week * (CELL + GAP)}
        y={16 + weekday(day) * (CELL + GAP)}
        width={CELL}
        height={CELL}
        rx={2}
      >
        <title>{describe(key, reviews)}</title>
      </rect>,
    );
    if (key.endsWith('-01') || day === first) {
      months.push(
        <text key={`m${key}`} className="heat-month" x={week * (CELL + GAP)} y={10}>
          {monthLabel(key)}
        </text>,
      );
    }
  }
  return (
    <div className="heatmap-scroll">
      <svg
        className="year-heatmap"
        aria-hidden="true"
        width={weeks * (CELL + GAP)}
        height={16 + 7 * (CELL + GAP)}
        viewBox={`0 0 ${weeks * (CELL + GAP)} ${16 + 7 * (CELL + GAP)}`}
      >
        {months}
        {cells}
      </svg>
    </div>
  );
}
