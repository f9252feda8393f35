import type { RiskSignal } from '../../../shared/platform/entities';
import { DAY_MS, HOUR_MS, MINUTE_MS, YEAR_MS, isoAt } from './calendar';
import type { SeedFrame } from './frame';
import type { SeedUser } from './index';
import { Stream, streamOf, weighted, type Rng } from './random';
import { GUANGZHOU_IP_PREFIXES, pickRiskKind, riskDetail } from './vocabulary/account-risk';
import { composeNickname } from './vocabulary/names';

/** Mainland mobile prefixes, weighted roughly by how many numbers each carrier block holds. */
const pickMobilePrefix = weighted<string>([
  ['130', 2], ['131', 2], ['132', 2], ['133', 2], ['134', 2], ['135', 4], ['136', 4], ['137', 4], ['138', 5], ['139', 5],
  ['150', 3], ['151', 2], ['152', 2], ['153', 1], ['155', 2], ['156', 2], ['157', 2], ['158', 3], ['159', 3],
  ['166', 1], ['170', 0.3], ['171', 0.3], ['173', 1], ['175', 0.5], ['176', 1], ['177', 1], ['178', 1],
  ['180', 2], ['181', 2], ['182', 2], ['183', 2], ['184', 1], ['185', 2], ['186', 3], ['187', 2], ['188', 3], ['189', 3],
  ['191', 1], ['198', 1], ['199', 1],
]);

/** Multiplier coprime with 10^8, so index → last eight digits is a bijection: no two users share a phone. */
const PHONE_SCRAMBLE = 61_803_397;
const MAX_ACCOUNT_AGE_MS = 5 * YEAR_MS;

/**
 * What a listing needs to know about its seller, from a stream of its own so a listing can
 * read it without building the whole user (nickname, devices, risk history).
 */
export interface SellerFacts {
  index: number;
  id: string;
  phone: string;
  registeredAtMs: number;
  /** Accounts the risk engine has noticed; violating ads lean toward them. */
  risky: boolean;
}

export function userId(index: number): string {
  return `usr_${String(index + 1).padStart(7, '0')}`;
}

/** The part of the facts a seller search needs; cheaper than the full facts, drawn identically. */
export interface SellerStanding {
  registeredAtMs: number;
  risky: boolean;
}

function drawStanding(frame: SeedFrame, index: number, rng: Rng): SellerStanding {
  // Ids follow registration order and sign-ups accelerate, so low ids are the old accounts.
  const t = (index + rng.next()) / frame.userCount;
  const ageMs = DAY_MS + (MAX_ACCOUNT_AGE_MS - DAY_MS) * Math.pow(1 - t, 1.6);
  return { registeredAtMs: frame.anchorMs - ageMs, risky: rng.chance(0.08) };
}

export function sellerStanding(frame: SeedFrame, index: number): SellerStanding {
  return drawStanding(frame, index, streamOf(frame.seed, Stream.sellerFacts, index));
}

export function sellerFacts(frame: SeedFrame, index: number): SellerFacts {
  const rng = streamOf(frame.seed, Stream.sellerFacts, index);
  const standing = drawStanding(frame, index, rng);
  const suffix = (index * PHONE_SCRAMBLE + frame.phoneOffset) % 100_000_000;
  return {
    index,
    id: userId(index),
    phone: pickMobilePrefix(rng) + String(suffix).padStart(8, '0'),
    registeredAtMs: standing.registeredAtMs,
    risky: standing.risky,
  };
}

/** A number that is not any account's, e.g. a shop line or a relative's phone on an ad. */
export function strangerPhone(rng: Rng): string {
  return pickMobilePrefix(rng) + rng.digits(8);
}

const pickRiskyStatus = weighted<SeedUser['status']>([['active', 55], ['warned', 20], ['suspended', 15], ['banned', 10]]);
const pickOrdinaryStatus = weighted<SeedUser['status']>([['active', 975], ['warned', 15], ['suspended', 7], ['banned', 3]]);
const pickSignalCount = weighted([[1, 70], [2, 25], [3, 5]] as const);

/** Accounts that share a device are grouped by index, so the group's device id is derivable. */
const DEVICE_GROUP = 6;

function deviceId(rng: Rng): string {
  return `${rng.chance(0.7) ? 'and' : 'ios'}_${rng.hex(16)}`;
}

export function userAt(frame: SeedFrame, index: number): SeedUser {
  const facts = sellerFacts(frame, index);
  const rng = streamOf(frame.seed, Stream.user, index);
  const nickname = composeNickname(rng);
  const status = facts.risky ? pickRiskyStatus(rng) : pickOrdinaryStatus(rng);
  const sinceRegistration = frame.anchorMs - facts.registeredAtMs;
  // Most accounts were used this month; some went dormant; a few never logged in after signing up.
  const span = sinceRegistration - 2 * MINUTE_MS;
  const roll = rng.next();
  const lastLoginMs =
    roll < 0.03
      ? null
      : frame.anchorMs - MINUTE_MS - (roll < 0.8 ? Math.min(span, 30 * DAY_MS) * Math.pow(rng.next(), 2) : span * rng.next());
  const riskSignals = facts.risky ? composeRiskSignals(rng, frame, facts.registeredAtMs) : [];
  const sharesDevice = riskSignals.some((s) => s.kind === 'shared_device');
  return {
    id: facts.id,
    nickname,
    phone: facts.phone,
    status,
    registeredAt: isoAt(facts.registeredAtMs),
    lastLoginAt: lastLoginMs === null ? null : isoAt(lastLoginMs),
    riskSignals,
    deviceId: deviceId(sharesDevice ? streamOf(frame.seed, Stream.sharedDevice, Math.floor(index / DEVICE_GROUP)) : rng),
    lastIp: `${rng.pick(GUANGZHOU_IP_PREFIXES)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
  };
}

function composeRiskSignals(rng: Rng, frame: SeedFrame, registeredAtMs: number): RiskSignal[] {
  const count = pickSignalCount(rng);
  const signals: RiskSignal[] = [];
  // Signals are recent (the last 30 days) and never before the account existed.
  const span = Math.min(30 * DAY_MS, frame.anchorMs - registeredAtMs - HOUR_MS);
  for (let i = 0; i < count; i++) {
    const kind = pickRiskKind(rng);
    if (signals.some((s) => s.kind === kind)) continue;
    const atMs = frame.anchorMs - MINUTE_MS - Math.max(0, span) * rng.next();
    signals.push({ kind, detail: riskDetail(rng, kind), at: isoAt(atMs) });
  }
  return signals.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
