import type { Command } from 'commander';
import { hostname } from 'node:os';
import type { Session } from '../context.js';
import {
  COMPUTER_SETTING_KEYS,
  SETTING_KEYS,
  computerSettingValue,
  isComputerSetting,
  leftOutOfList,
  settingKey,
  settingValue,
  settingsJson,
  showSetting,
  type ComputerSettingKey,
  type ComputerSettings,
  type SettingKey,
  type Settings,
} from '../domain/config.js';
import { chosenLanguage } from '../language/choice.js';
import { t } from '../language/messages.js';
import { inert, shellLine } from '../output/terminal.js';
import { computerSettingsFile, readComputerSettings, saveComputerSettings } from '../store/this-computer.js';
import { jsonOption, printJson, refuseJsonOf, refuseUnlessManager, settingsOf, thisPlace } from './common.js';
import { examples } from './examples.js';

const EVERY_KEY = [...SETTING_KEYS, ...COMPUTER_SETTING_KEYS];

export function registerConfig(command: Command, session: Session): void {
  const config = command
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples(
        'complaints config',
        'complaints config get response-hours',
        'complaints config set shop "Corner Café"',
        'complaints config set categories "food,drink,service,premises,price,other"',
        'complaints config set channels "in-person,phone,email,whatsapp,other"',
        'complaints config set till front  # this computer logs as the till "front"',
        'complaints config set branch "High Street"  # and stands in this branch',
        'complaints config set language zh-CN  # this computer speaks Chinese',
      ),
    )
    .action(async (options: { json?: boolean }) => {
      const settings = await settingsOf(await session.logbook('read'));
      const computer = readComputerSettings(computerSettingsFile(session.env));
      if (options.json) {
        return printJson(session, { ...settingsJson(settings), till: computer.till ?? null, branch: computer.branch ?? null, language: computer.language ?? null });
      }
      const width = Math.max(...EVERY_KEY.map((k) => k.length));
      for (const key of SETTING_KEYS) session.print(`${key.padEnd(width)}  ${settingShown(settings, key)}`);
      for (const key of COMPUTER_SETTING_KEYS) session.print(`${key.padEnd(width)}  ${showComputerSetting(session, computer, key)}`);
    });

  config
    .command('get')
    .description(t('config.get.description'))
    .argument('<key>', EVERY_KEY.join(', '))
    .addHelpText('after', examples('complaints config get follow-up-days', 'complaints config get categories', 'complaints config get till'))
    .action(async (keyText: string) => {
      const key = settingKey(keyText);
      // `config --json get KEY` and `config get KEY --json`: the one setting as `config --json` gives it.
      const json = (config.opts() as { json?: boolean }).json === true;
      if (isComputerSetting(key)) {
        const computer = readComputerSettings(computerSettingsFile(session.env));
        return json ? printJson(session, { [key]: computer[key] ?? null }) : session.print(showComputerSetting(session, computer, key));
      }
      const settings = await settingsOf(await session.logbook('read'));
      return json ? printJson(session, { [key]: settingsJson(settings)[key] }) : session.print(settingShown(settings, key));
    });

  config
    .command('set')
    .description(t('config.set.description'))
    .argument('<key>', EVERY_KEY.join(', '))
    .argument('<value>', t('config.set.value'))
    .addHelpText(
      'after',
      examples('complaints config set response-hours 48', 'complaints config set currency EUR', "complaints config set branch ''  # no branch"),
    )
    .action(async (keyText: string, valueText: string) => {
      refuseJsonOf(config, 'config set');
      const key = settingKey(keyText);
      if (isComputerSetting(key)) return setComputerSetting(session, key, valueText);
      const value = settingValue(key, valueText);
      const logbook = await session.logbook('add');
      await refuseUnlessManager(logbook, t('config.set.what'));
      const before = await settingsOf(logbook);
      const leftOut = key === 'categories' || key === 'channels' ? leftOutOfList(value, await logbook.spellingsInUse(key === 'categories' ? 'category' : 'channel')) : [];
      await logbook.saveSetting(key, value, thisPlace(session));
      const after = await settingsOf(logbook);
      session.print(`${key} = ${settingShown(after, key)}`);
      tellWhatStays(session, key, before, after, leftOut);
    });
}

/**
 * What a shop's setting just set leaves as it was, which the owner may not expect: values of a
 * list replaced that complaints still hold (菜品、服务 set meaning to add 菜品), amounts kept in
 * figures that now read in another currency.
 */
function tellWhatStays(session: Session, key: SettingKey, before: Settings, after: Settings, leftOut: readonly string[]): void {
  if (leftOut.length > 0) {
    const listed = [...(after[key] as string[]), ...leftOut].join(',');
    session.tell(t('config.leftOutInUse', { values: leftOut.join(t('common.listSeparator')), command: shellLine(['complaints', 'config', 'set', key, listed]) }));
  }
  if (key === 'currency' && before.currency !== after.currency) {
    session.tell(t('config.currencyNotConverted', { was: showSetting(before, 'currency') || t('config.currencyNone'), now: showSetting(after, 'currency') || t('config.currencyNone') }));
  }
}

/** A shop's setting as printed: inert, as a shop's name may hold a direction override, which would reorder the line. */
function settingShown(settings: Settings, key: SettingKey): string {
  return inert(showSetting(settings, key));
}

/**
 * One of this computer's settings as printed, inert as a shop's are; unset, what it stands for
 * (the computer's name, no branch, the locale's language).
 */
function showComputerSetting(session: Session, computer: ComputerSettings, key: ComputerSettingKey): string {
  const value = computer[key];
  if (value !== undefined) return inert(value);
  if (key === 'till') return t('config.till.unset', { name: hostname() });
  if (key === 'language') return t('config.language.unset', { language: chosenLanguage(undefined, session.env) });
  return t('config.branch.unset');
}

async function setComputerSetting(session: Session, key: ComputerSettingKey, text: string): Promise<void> {
  const file = computerSettingsFile(session.env);
  // The setting being replaced is not read: a bad one in the file is mended this way.
  const others = readComputerSettings(file, COMPUTER_SETTING_KEYS.filter((other) => other !== key));
  const settings: ComputerSettings = text.trim() === '' ? others : { ...others, [key]: computerSettingValue(key, text) };
  await saveComputerSettings(file, settings, { key, at: session.now().toISOString() });
  session.print(`${key} = ${showComputerSetting(session, settings, key)}`);
}

