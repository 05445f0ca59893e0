export interface DailyDemand {
  /** UTC day, YYYY-MM-DD. */
  date: string;
  quantity: number;
}

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every day from `from` to `to` inclusive, with zero for the days nothing sold. */
export function denseDailyHistory(recorded: DailyDemand[], from: string, to: string): DailyDemand[] {
  const byDay = new Map(recorded.map((d) => [d.date, d.quantity]));
  const history: DailyDemand[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) history.push({ date: day, quantity: byDay.get(day) ?? 0 });
  return history;
}

/**
 * Simple exponential smoothing: s₁ = x₁, sₜ = α·xₜ + (1 − α)·sₜ₋₁. With no trend or season
 * the forecast for every future day is the last smoothed level; empty history forecasts 0.
 */
export function smoothedLevel(series: number[], alpha: number): number {
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError('alpha must be in (0, 1]');
  if (series.length === 0) return 0;
  let level = series[0]!;
  for (const x of series.slice(1)) level = alpha * x + (1 - alpha) * level;
  return level;
}

export interface Forecast {
  dailyForecast: number;
  forecastTotal: number;
}

export function forecastDemand(series: number[], alpha: number, horizonDays: number): Forecast {
  const dailyForecast = smoothedLevel(series, alpha);
  return { dailyForecast, forecastTotal: dailyForecast * horizonDays };
}
