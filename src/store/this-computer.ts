import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Env } from '../context.js';
import { COMPUTER_SETTING_KEYS, computerSettingValue, type ComputerSettingKey, type ComputerSettings } from '../domain/config.js';
import { Refusal, UsageError } from '../errors.js';
import { systemReason } from '../language/labels.js';
import { t } from '../language/messages.js';
import { makeFolders } from './folders.js';
import { baseFolder } from './location.js';

// Which till a computer is and which branch it stands in belong to the computer, not to the
// logbook: several tills share one logbook, and each must say where its complaints were logged.
// They are kept in the XDG config folder, private to the user, as a small JSON object.

/** The file of this computer's settings: in $XDG_CONFIG_HOME, else ~/.config. */
export function computerSettingsFile(env: Env): string {
  const configHome = baseFolder(env.XDG_CONFIG_HOME, env, '.config');
  return join(configHome, 'complaints', 'this-computer.json');
}

/**
 * This computer's settings among `keys`; none when the file is not there. Each is checked as
 * `config set` checks it; a number is taken as its text, as a file edited by hand may well say
 * `"till": 5`.
 */
export function readComputerSettings(file: string, keys: readonly ComputerSettingKey[] = COMPUTER_SETTING_KEYS): ComputerSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Refusal(t('computer.unreadable', { file, code: systemReason(String((error as NodeJS.ErrnoException).code)) }));
  }
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    stored = undefined;
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    throw new Refusal(t('computer.notSettings', { file }));
  }
  const settings: ComputerSettings = {};
  for (const key of keys) {
    const value = (stored as Record<string, unknown>)[key];
    const given = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
    // Unset, as `config set KEY ''` leaves it.
    if (given === undefined || given === null || (typeof given === 'string' && given.trim() === '')) continue;
    settings[key] = settingFromFile(file, key, given);
  }
  return settings;
}

/** Which of this computer's settings was set last, and when by its clock: a bare undo after it refuses, as after a shop's setting. */
export interface ComputerSettingSet {
  key: ComputerSettingKey;
  at: string;
}

// Kept beside the settings, under a name no setting has.
const LAST_SET = 'last_set';

/**
 * Saves `settings` as this computer's, with the one just `set`, replacing the file whole so that
 * a reader never meets half of it.
 */
export async function saveComputerSettings(file: string, settings: ComputerSettings, set: ComputerSettingSet): Promise<void> {
  makeFolders(dirname(file), 0o700);
  // Loaded here: only `config set` writes the file, and every command reads it.
  const { writeWhenComplete } = await import('../output/files.js');
  await writeWhenComplete(file, JSON.stringify({ ...settings, [LAST_SET]: set }, null, 2) + '\n');
}

/** The setting of this computer set last, when the file says (one written before it was kept says not). */
export function lastComputerSettingSet(file: string): ComputerSettingSet | undefined {
  let set: unknown;
  try {
    set = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[LAST_SET];
  } catch {
    return undefined;
  }
  const { key, at } = (set ?? {}) as Record<string, unknown>;
  return (COMPUTER_SETTING_KEYS as readonly unknown[]).includes(key) && typeof at === 'string' ? { key: key as ComputerSettingKey, at } : undefined;
}

function settingFromFile(file: string, key: ComputerSettingKey, value: unknown): string {
  const refused = (reason: string) => new Refusal(t('computer.badSetting', { file, key, value: JSON.stringify(value), reason }));
  if (typeof value !== 'string') throw refused(t('computer.notText'));
  try {
    return computerSettingValue(key, value);
  } catch (error) {
    if (error instanceof UsageError) throw refused(error.message);
    throw error;
  }
}
