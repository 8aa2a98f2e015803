import type { Command } from 'commander';
import type { Session } from '../context.js';
import { SETTING_KEYS, settingKey, settingValue, showSetting } from '../domain/config.js';
import { examples, jsonOption, printJson, settingsOf } from './common.js';

export function registerConfig(program: Command, session: Session): void {
  const config = program
    .command('config')
    .description(`show or change the shop's settings: ${SETTING_KEYS.join(', ')}`)
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples(
        'complaints config',
        'complaints config get response-hours',
        'complaints config set shop "Corner Café"',
        'complaints config set categories "food,drink,service,premises,price,other"',
      ),
    )
    .action(async (options: { json?: boolean }) => {
      const settings = await settingsOf(await session.logbook('read'));
      if (options.json) return printJson(session, settings);
      const width = Math.max(...SETTING_KEYS.map((k) => k.length));
      for (const key of SETTING_KEYS) session.print(`${key.padEnd(width)}  ${showSetting(settings, key)}`);
    });

  config
    .command('get')
    .description('print one setting')
    .argument('<key>', SETTING_KEYS.join(', '))
    .addHelpText('after', examples('complaints config get follow-up-days', 'complaints config get categories'))
    .action(async (keyText: string) => {
      const key = settingKey(keyText);
      session.print(showSetting(await settingsOf(await session.logbook('read')), key));
    });

  config
    .command('set')
    .description('change one setting')
    .argument('<key>', SETTING_KEYS.join(', '))
    .argument('<value>', 'the new value')
    .addHelpText('after', examples('complaints config set response-hours 48', 'complaints config set currency EUR'))
    .action(async (keyText: string, valueText: string) => {
      const key = settingKey(keyText);
      const value = settingValue(key, valueText);
      const logbook = await session.logbook('add');
      await logbook.saveSetting(key, value);
      session.print(`${key} = ${showSetting(await settingsOf(logbook), key)}`);
    });
}
