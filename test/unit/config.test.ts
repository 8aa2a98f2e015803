import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, settingKey, settingValue, type SettingKey } from '../../src/domain/config.js';
import { UsageError } from '../../src/errors.js';

describe('settingKey', () => {
  it.each([
    ['shop', 'shop'],
    ['Shop', 'shop'],
    [' RESPONSE-HOURS ', 'response-hours'],
    ['follow-up-days', 'follow-up-days'],
    ['Week-Start', 'week-start'],
    ['currency', 'currency'],
    ['categories', 'categories'],
  ])('reads %j as the setting %j', (typed, key) => {
    expect(settingKey(typed)).toBe(key);
  });

  it.each(['colour', 'response hours', 'responsehours', ''])('refuses %j, listing the settings', (typed) => {
    expect(() => settingKey(typed)).toThrow(
      new UsageError(`'${typed}' is not a setting; settings are shop, currency, response-hours, follow-up-days, week-start, categories, channels, approval-above, till, branch, language`),
    );
  });
});

describe('settingValue', () => {
  it.each<[SettingKey, string, string]>([
    ['shop', '  Corner Café ', 'Corner Café'],
    ['shop', '小吃店', '小吃店'],
    ['currency', 'eur', 'EUR'],
    ['currency', ' gbp ', 'GBP'],
    ['currency', '', ''],
    ['response-hours', '48', '48'],
    ['response-hours', '1', '1'],
    ['response-hours', '720', '720'],
    ['follow-up-days', '0', '0'],
    ['follow-up-days', '90', '90'],
    ['response-hours', '48小时', '48'],
    ['response-hours', '四十八个小时', '48'],
    ['response-hours', '24 hours', '24'],
    ['follow-up-days', '三天', '3'],
    ['follow-up-days', '7 days', '7'],
    // A setting said in a larger unit, as an owner says it: two days to answer, a week to call back.
    ['response-hours', '两天', '48'],
    ['response-hours', '1 day', '24'],
    ['response-hours', '一周', '168'],
    ['follow-up-days', '一周', '7'],
    ['follow-up-days', '两个星期', '14'],
    ['follow-up-days', '2 weeks', '14'],
    // A half that the larger unit makes whole: a day and a half, half a day.
    ['response-hours', '一天半', '36'],
    ['response-hours', '半天', '12'],
    ['response-hours', '两天半', '60'],
    ['response-hours', '一个半星期', '252'],
    ['response-hours', '1.5 days', '36'],
    ['response-hours', '1.5天', '36'],
    ['week-start', 'Sunday', 'sunday'],
    ['week-start', ' saturday ', 'saturday'],
    ['week-start', 'monday', 'monday'],
    ['categories', ' Food , Drink,food,, Hot   Drinks ', 'food,drink,hot drinks'],
    ['categories', 'product', 'product'],
    ['categories', '菜品、服务，环境,饮料', '菜品,服务,环境,饮料'],
    ['currency', ' eur ', 'EUR'],
    ['currency', '人民币', 'CNY'],
    ['currency', 'rmb', 'CNY'],
    ['currency', '港币', 'HKD'],
    ['currency', '美元', 'USD'],
    ['currency', '澳门元', 'MOP'],
    ['currency', '新台币', 'TWD'],
    ['currency', '澳元', 'AUD'],
    ['week-start', ' Sunday', 'sunday'],
    ['week-start', '星期天', 'sunday'],
    ['week-start', '礼拜一', 'monday'],
  ])('stores %s %j as %j', (key, typed, stored) => {
    expect(settingValue(key, typed)).toBe(stored);
  });

  it.each<[SettingKey, string, string]>([
    ['shop', '   ', 'config shop: the shop name cannot be empty'],
    ['currency', 'EURO', "config currency: 'EURO' is not a currency code; use three letters such as EUR, or '' for none"],
    ['currency', '€', "config currency: '€' is not a currency code; use three letters such as EUR, or '' for none"],
    ['currency', 'XYZ', "config currency: 'XYZ' is not a currency code; use three letters such as EUR, or '' for none"],
    ['response-hours', '0', "config response-hours: '0' is not a whole number from 1 to 720"],
    ['response-hours', '721', "config response-hours: '721' is not a whole number from 1 to 720"],
    ['response-hours', '1.5', "config response-hours: '1.5' is not a whole number from 1 to 720"],
    ['follow-up-days', '91', "config follow-up-days: '91' is not a whole number from 0 to 90"],
    ['response-hours', '五周', "config response-hours: '五周' is not a whole number from 1 to 720"],
    ['follow-up-days', '3小时', "config follow-up-days: '3小时' is not a whole number from 0 to 90"],
    ['follow-up-days', '天', "config follow-up-days: '天' is not a whole number from 0 to 90"],
    // A half the unit does not make whole.
    ['response-hours', '一个半小时', "config response-hours: '一个半小时' is not a whole number from 1 to 720"],
    ['follow-up-days', '三天半', "config follow-up-days: '三天半' is not a whole number from 0 to 90"],
    ['follow-up-days', '半', "config follow-up-days: '半' is not a whole number from 0 to 90"],
    ['follow-up-days', '-1', "config follow-up-days: '-1' is not a whole number from 0 to 90"],
    ['week-start', 'friday', "config week-start: 'friday' is not one of monday, sunday, saturday"],
    ['currency', '¥', "config currency: '¥' is not a currency code; use three letters such as EUR, or '' for none"],
    ['categories', ' , ,', 'config categories: give at least one category, comma-separated'],
  ])('refuses %s %j', (key, typed, message) => {
    expect(() => settingValue(key, typed)).toThrow(new UsageError(message));
  });
});

describe('readSettings', () => {
  it('fills everything never set from the defaults', () => {
    expect(readSettings(new Map())).toEqual({
      shop: 'My shop',
      currency: '',
      'response-hours': 24,
      'follow-up-days': 3,
      'week-start': 'monday',
      categories: ['product', 'service', 'staff', 'price', 'delivery', 'premises', 'other'],
      channels: ['in-person', 'phone', 'email', 'web', 'social', 'other'],
      'approval-above': null,
    });
  });

  it('reads every stored value back in its own type', () => {
    const stored = new Map([
      ['shop', 'Corner Café'],
      ['currency', 'EUR'],
      ['response-hours', '48'],
      ['follow-up-days', '0'],
      ['week-start', 'sunday'],
      ['categories', 'food,drink,hot drinks'],
      ['channels', '现场,电话,微信'],
    ]);
    expect(readSettings(stored)).toEqual({
      shop: 'Corner Café',
      currency: 'EUR',
      'response-hours': 48,
      'follow-up-days': 0,
      'week-start': 'sunday',
      categories: ['food', 'drink', 'hot drinks'],
      channels: ['现场', '电话', '微信'],
      'approval-above': null,
    });
  });

  it('mixes stored values with defaults', () => {
    expect(readSettings(new Map([['response-hours', '12']]))).toEqual({ ...DEFAULT_SETTINGS, 'response-hours': 12 });
  });

  it('reads back whatever settingValue stores', () => {
    const typed: Record<SettingKey, string> = {
      shop: ' Noodle Bar ',
      currency: 'jpy',
      'response-hours': '36',
      'follow-up-days': '7',
      'week-start': 'Saturday',
      categories: 'Food, Service ,food',
      channels: ' 现场, WeChat ,现场',
      'approval-above': '５０',
    };
    const stored = new Map(Object.entries(typed).map(([key, text]) => [key, settingValue(key as SettingKey, text)]));
    expect(readSettings(stored)).toEqual({
      shop: 'Noodle Bar',
      currency: 'JPY',
      'response-hours': 36,
      'follow-up-days': 7,
      'week-start': 'saturday',
      categories: ['food', 'service'],
      channels: ['现场', 'wechat'],
      'approval-above': 5_000,
    });
  });

  it('takes an approval limit as an amount, or none', () => {
    expect(settingValue('approval-above', '50.00')).toBe('5000');
    expect(readSettings(new Map([['approval-above', settingValue('approval-above', 'None')]]))['approval-above']).toBeNull();
    expect(() => settingValue('approval-above', '-5')).toThrow(/^config approval-above: '-5' is not an amount.*; or none, for no approval$/);
  });
});
