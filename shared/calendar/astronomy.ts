/**
 * Just enough astronomy to place the Chinese lunisolar calendar: mean-to-true new moons
 * (Meeus, Astronomical Algorithms, 2nd ed., ch. 49) and the Sun's apparent longitude (ch. 25,
 * the low-accuracy series, about 0.01° or a quarter of an hour). The official calendar
 * (GB/T 33661-2017) reckons days in China Standard Time, UTC+8, so every moment here ends up
 * as a day number in that zone.
 *
 * Times named `jde` are Julian Ephemeris Days (Terrestrial Time): the algorithms are written in
 * TT, and civil dates need UT, which differs by ΔT (about 70 s today).
 */
import { DAY_MS, SHANGHAI_OFFSET_MS } from './civil-date';

const J2000 = 2_451_545.0;
const UNIX_EPOCH_JD = 2_440_587.5;
const SYNODIC_MONTH = 29.530588861;
const TROPICAL_YEAR = 365.2422;

const sin = (degrees: number) => Math.sin((degrees * Math.PI) / 180);
const normalise = (degrees: number) => ((degrees % 360) + 360) % 360;
/** The signed difference a − b folded into [−180°, 180°), for iterating towards a longitude. */
const difference = (a: number, b: number) => normalise(a - b + 180) - 180;

/**
 * ΔT = TT − UT in seconds: the Espenak–Meeus polynomials (NASA eclipse pages) for 1900–2150,
 * the long-term parabola outside. A few seconds of error move no date that matters here.
 */
export function deltaTSeconds(year: number): number {
  const u = (year - 1820) / 100;
  if (year < 1900 || year >= 2150) return -20 + 32 * u * u;
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  const t = year - 2000;
  if (year < 2005) {
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  return -20 + 32 * u * u - 0.5628 * (2150 - year);
}

/** The China Standard Time day (days since 1970-01-01) on which a TT moment falls. */
export function chinaDayOf(jde: number): number {
  const year = 2000 + (jde - J2000) / 365.25;
  const jdUniversal = jde - deltaTSeconds(year) / 86_400;
  return Math.floor(((jdUniversal - UNIX_EPOCH_JD) * DAY_MS + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** A rough TT moment at noon of a China day, to seed searches. */
export function jdeOfChinaDay(day: number): number {
  return UNIX_EPOCH_JD + day + 0.5 - 8 / 24;
}

/** The Sun's apparent longitude in degrees (true longitude, less aberration and nutation). */
export function apparentSolarLongitude(jde: number): number {
  const T = (jde - J2000) / 36_525;
  const meanLongitude = 280.46646 + 36_000.76983 * T + 0.0003032 * T * T;
  const meanAnomaly = 357.52911 + 35_999.05029 * T - 0.0001537 * T * T;
  const centre =
    (1.914602 - 0.004817 * T - 0.000014 * T * T) * sin(meanAnomaly) +
    (0.019993 - 0.000101 * T) * sin(2 * meanAnomaly) +
    0.000289 * sin(3 * meanAnomaly);
  const ascendingNode = 125.04 - 1934.136 * T;
  return normalise(meanLongitude + centre - 0.00569 - 0.00478 * sin(ascendingNode));
}

/**
 * The moment the Sun reaches `longitude` (a solar term: 15° is 清明, 270° is the winter
 * solstice), searched from `nearJde`, which must be within a few weeks of the answer.
 */
export function solarLongitudeJde(longitude: number, nearJde: number): number {
  let jde = nearJde;
  for (let step = 0; step < 30; step++) {
    const correction = (difference(longitude, apparentSolarLongitude(jde)) * TROPICAL_YEAR) / 360;
    jde += correction;
    if (Math.abs(correction) < 1e-6) break;
  }
  return jde;
}

/** A first guess for a solar term of a Gregorian year: the March equinox is longitude 0°. */
export function approximateSolarTermJde(year: number, longitude: number): number {
  const marchEquinox = 2_451_623.81 + TROPICAL_YEAR * (year - 2000);
  return marchEquinox + (normalise(longitude) / 360) * TROPICAL_YEAR;
}

// Periodic terms of the new moon (Meeus table 49.A): [coefficient, power of E, M, M′, F, Ω].
const NEW_MOON_TERMS: ReadonlyArray<readonly [number, number, number, number, number, number]> = [
  [-0.4072, 0, 0, 1, 0, 0], [0.17241, 1, 1, 0, 0, 0], [0.01608, 0, 0, 2, 0, 0], [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0], [-0.00514, 1, 1, 1, 0, 0], [0.00208, 2, 2, 0, 0, 0], [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0], [0.00056, 1, 1, 2, 0, 0], [-0.00042, 0, 0, 3, 0, 0], [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0], [-0.00024, 1, -1, 2, 0, 0], [-0.00017, 0, 0, 0, 0, 1], [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0], [0.00004, 0, 3, 0, 0, 0], [0.00003, 0, 1, 1, -2, 0], [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0], [0.00003, 0, -1, 1, 2, 0], [-0.00002, 0, -1, 1, -2, 0], [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

// Planetary corrections (Meeus, after table 49.A): [coefficient, A at k = 0, rate per lunation, T² term].
const PLANETARY_TERMS: ReadonlyArray<readonly [number, number, number, number?]> = [
  [0.000325, 299.77, 0.107408, -0.009173], [0.000165, 251.88, 0.016321], [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478], [0.00011, 84.66, 18.206239], [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732], [0.000056, 154.84, 7.30686], [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824], [0.00004, 291.34, 1.844379], [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099], [0.000023, 331.55, 3.592518],
];

/** The true new moon of lunation `k` (k = 0 is the one of 2000-01-06), as a JDE. */
export function newMoonJde(k: number): number {
  const T = k / 1236.85;
  const mean = 2_451_550.09766 + SYNODIC_MONTH * k + 0.00015437 * T ** 2 - 0.00000015 * T ** 3 + 0.00000000073 * T ** 4;
  const E = 1 - 0.002516 * T - 0.0000074 * T ** 2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T ** 2 - 0.00000011 * T ** 3;
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T ** 2 + 0.00001238 * T ** 3 - 0.000000058 * T ** 4;
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T ** 2 - 0.00000227 * T ** 3 + 0.000000011 * T ** 4;
  const Omega = 124.7746 - 1.56375588 * k + 0.0020672 * T ** 2 + 0.00000215 * T ** 3;
  let correction = 0;
  for (const [coefficient, powerOfE, m, mp, f, omega] of NEW_MOON_TERMS) {
    correction += coefficient * E ** powerOfE * sin(m * M + mp * Mp + f * F + omega * Omega);
  }
  for (const [coefficient, start, rate, quadratic = 0] of PLANETARY_TERMS) {
    correction += coefficient * sin(start + rate * k + quadratic * T * T);
  }
  return mean + correction;
}

/** The lunation whose new moon falls on or before China day `day` (the latest such). */
export function lunationOnOrBefore(day: number): number {
  let k = Math.floor((jdeOfChinaDay(day) - 2_451_550.09766) / SYNODIC_MONTH);
  while (chinaDayOf(newMoonJde(k)) > day) k--;
  while (chinaDayOf(newMoonJde(k + 1)) <= day) k++;
  return k;
}
