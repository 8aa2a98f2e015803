// Writes a realistic logbook as the CSV `complaints export` produces: a busy shop's history (five
// years at 1,000,000 complaints), causes with a long tail (Zipf), English and Chinese text, every lifecycle state.
import { stringify } from 'csv-stringify';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';

const CAUSES = [
  'cold food', 'long wait', 'wrong order', 'rude staff', 'overcharged', 'dirty table', 'out of stock',
  '送餐太慢', 'late delivery', 'missing item', 'noise', 'card machine down', '服务态度差', 'small portion',
  'stale bread', 'hair in food', 'booking lost', 'too salty', 'parking', 'no receipt', '菜太咸',
  'broken glass', 'allergen not listed', 'slow refund', 'wifi down', 'cold coffee', 'music too loud',
  'toilet dirty', '价格太贵', 'queue at till', 'wrong change', 'expired product', 'app crashed',
  'voucher refused', 'smell', 'temperature', 'seating', 'lighting', 'menu unclear', 'other',
];
const CATEGORIES = ['product', 'service', 'staff', 'price', 'delivery', 'premises', 'other'];
const CHANNELS = ['in-person', 'phone', 'email', 'web', 'social', 'other'];
const REMEDIES = ['refund', 'replacement', 'repair', 'discount', 'compensation', 'apology', 'explanation', 'none'];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const ABOUTS = ['tomato soup', 'lunch service', 'flat white', '牛肉面', 'delivery', 'sourdough', 'booking', '奶茶'];
const NAMES = ['Ann Lee', 'Bo Chen', '王芳', 'Carl Diaz', '李娜', 'Dee Okafor', 'Eve Smith', '张伟'];
const STAFF = ['Sam', 'Priya', '小刘', 'Tom'];
const HEADER = [
  'id', 'logged_at', 'occurred_at', 'status', 'channel', 'customer', 'contact', 'about', 'description', 'wants',
  'suggestion', 'category', 'cause', 'severity', 'assignee', 'respond_by', 'resolved_at', 'remedy', 'cost',
  'root_cause', 'action', 'followed_up_at', 'satisfaction', 'staff', 'reject_reason', 'remedies', 'uid',
];

/** A small deterministic generator, so every run benchmarks the same logbook. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function zipfPicker(items, rand) {
  const weights = items.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w / total), 0);
  return () => {
    const r = rand();
    const i = cumulative.findIndex((c) => r < c);
    return items[i === -1 ? items.length - 1 : i];
  };
}

const HOUR = 3_600_000;

/** A uid as export writes one, scattered as random ones are (which an import's index of uids feels), yet the same every run. */
function uidOf(id) {
  const hex = createHash('sha1').update(String(id)).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// One busy shop's rate: a million complaints in five years, about 550 a day.
const COMPLAINTS_PER_HOUR = 1_000_000 / (5 * 365 * 24);

// The logbook refuses times before 2000; a history starts a little after.
const EARLIEST = Date.parse('2001-01-01T00:00:00Z');

/**
 * Writes the latest `count` complaints of that shop before `now` to `file`: a smaller logbook is a
 * shorter history at the same rate, so a week holds as many complaints at 10,000 as at 1,000,000
 * and what grows with the logbook's size is the history alone. A logbook too large for that rate
 * since 2001 (10,000,000 would reach back to 1976) is a busier shop's, its history since 2001.
 */
export async function generateLogbook(file, count, now = new Date('2026-11-23T12:00:00Z')) {
  const rand = random(20261123);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const cause = zipfPicker(CAUSES, rand);
  const span = Math.min((count / COMPLAINTS_PER_HOUR) * HOUR, now.getTime() - EARLIEST);
  const start = now.getTime() - span;
  const csv = stringify({ header: true, columns: HEADER, record_delimiter: '\r\n' });
  const written = pipeline(csv, createWriteStream(file));
  for (let id = 1; id <= count; id++) {
    const occurred = start + Math.floor((span * (id - 1)) / count) + Math.floor(rand() * HOUR);
    const age = now.getTime() - occurred;
    const iso = (t) => new Date(Math.min(t, now.getTime())).toISOString();
    // Recent complaints are still moving through the lifecycle; old ones are mostly closed.
    const r = rand();
    const status =
      r < 0.05 ? 'rejected'
      : age < 2 * 24 * HOUR ? pick(['new', 'triaged', 'assigned', 'resolved'])
      : age < 10 * 24 * HOUR ? pick(['assigned', 'resolved', 'closed', 'closed'])
      : r < 0.08 ? 'resolved' : 'closed';
    const triaged = status !== 'new' && status !== 'rejected';
    const assigned = ['assigned', 'resolved', 'closed'].includes(status);
    const resolved = status === 'resolved' || status === 'closed';
    const chinese = rand() < 0.3;
    const theCause = triaged ? cause() : null;
    const resolvedAt = resolved ? occurred + Math.floor(rand() * 72 * HOUR) : null;
    const remedy = resolved ? pick(REMEDIES) : null;
    const cost = resolved ? (Math.floor(rand() * 3000) / 100).toFixed(2) : null;
    const row = {
      id,
      logged_at: iso(occurred + Math.floor(rand() * 10 * 60_000)),
      occurred_at: iso(occurred),
      status,
      channel: pick(CHANNELS),
      customer: rand() < 0.7 ? pick(NAMES) : null,
      contact: rand() < 0.5 ? `0770 ${String(Math.floor(rand() * 1e6)).padStart(6, '0')}` : null,
      about: rand() < 0.8 ? pick(ABOUTS) : null,
      description: chinese ? `顾客投诉：${theCause ?? '服务'}，第${id % 7}次` : `Customer said: ${theCause ?? 'not happy'}, "again", visit ${id % 97}`,
      wants: rand() < 0.6 ? pick(REMEDIES) : null,
      suggestion: rand() < 0.1 ? (chinese ? '希望改进' : 'Train the new staff') : null,
      category: triaged ? pick(CATEGORIES) : null,
      cause: theCause,
      severity: triaged ? pick(SEVERITIES) : null,
      assignee: assigned ? pick(STAFF) : null,
      respond_by: iso(occurred + 24 * HOUR),
      resolved_at: resolvedAt === null ? null : iso(resolvedAt),
      remedy,
      cost,
      root_cause: resolved && rand() < 0.5 ? 'process gap' : null,
      action: resolved && rand() < 0.3 ? 'briefed the team' : null,
      followed_up_at: status === 'closed' ? iso(resolvedAt + 72 * HOUR) : null,
      satisfaction: status === 'closed' ? 1 + Math.floor(rand() * 5) : null,
      staff: pick(STAFF),
      reject_reason: status === 'rejected' ? 'not our product' : null,
      remedies: resolved ? `${iso(resolvedAt)} ${remedy} ${cost}` : null,
      uid: uidOf(id),
    };
    if (!csv.write(row)) await once(csv, 'drain');
  }
  csv.end();
  await written;
}
