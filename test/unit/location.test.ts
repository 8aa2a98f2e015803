import { describe, expect, it } from 'vitest';
import { isAbsolute } from 'node:path';
import { baseFolder, homeFolder, sameLogbookKey, sharedLogbookShown } from '../../src/store/location.js';

describe('sameLogbookKey', () => {
  const key = sameLogbookKey('postgres://till@db.example.com/complaints');

  it.each([
    'postgresql://till@db.example.com/complaints',
    'POSTGRES://till@DB.Example.com/complaints',
    'postgres://till@db.example.com:5432/complaints',
    'postgres://till@db.example.com/complaints?connect_timeout=3',
    'postgresql://till@db.example.com/complaints?sslmode=require&connect_timeout=10&application_name=front',
  ])('reaches the same logbook by %s', (spelt) => {
    expect(sameLogbookKey(spelt)).toBe(key);
  });

  it.each([
    'postgres://office@db.example.com/complaints',
    'postgres://till@db2.example.com/complaints',
    'postgres://till@db.example.com:5433/complaints',
    'postgres://till@db.example.com/branch',
    'postgres://till@db.example.com/complaints?options=-c%20search_path%3Dnorth',
  ])('tells another logbook by %s', (other) => {
    expect(sameLogbookKey(other)).not.toBe(key);
  });

  it('keeps the parameters that choose the logbook, whatever their order', () => {
    expect(sameLogbookKey('postgres://till@h/db?options=-c%20search_path%3Dnorth&connect_timeout=2')).toBe(
      sameLogbookKey('postgres://till@h/db?connect_timeout=5&options=-c%20search_path%3Dnorth'),
    );
  });
});

describe('a shared logbook as it is shown', () => {
  it('names a database or user named in Chinese as typed, escaped or not, and keeps escaped what means something in a URL', () => {
    expect(sharedLogbookShown('postgres://老板:秘密@db.example.com/老王面馆', '--db')).toBe('postgres://老板@db.example.com/老王面馆');
    expect(sharedLogbookShown('postgres://db.example.com/%E8%80%81%E7%8E%8B%20%E9%9D%A2%E9%A6%86', '--db')).toBe('postgres://db.example.com/老王%20面馆');
    expect(sharedLogbookShown('postgres://db.example.com/a%3Fb%2Fc', '--db')).toBe('postgres://db.example.com/a%3Fb%2Fc');
  });

  it('is the same logbook as its URL escaped', () => {
    expect(sameLogbookKey(sharedLogbookShown('postgres://db.example.com/老王面馆', '--db'))).toBe(sameLogbookKey('postgres://db.example.com/%E8%80%81%E7%8E%8B%E9%9D%A2%E9%A6%86'));
  });
});

describe('the home folder and the XDG base folders', () => {
  it('is $HOME when it names a folder from the root', () => {
    expect(homeFolder({ HOME: '/home/shop' })).toBe('/home/shop');
    expect(baseFolder(undefined, { HOME: '/home/shop' }, '.local', 'share')).toBe('/home/shop/.local/share');
  });

  it.each(['', '.', 'shop'])('is the account’s own, from the root, when HOME is %j', (home) => {
    expect(isAbsolute(homeFolder({ HOME: home }))).toBe(true);
  });

  it('ignores an XDG folder not given from the root, as the specification says', () => {
    expect(baseFolder('data', { HOME: '/home/shop' }, '.local', 'share')).toBe('/home/shop/.local/share');
    expect(baseFolder('/srv/data', { HOME: '/home/shop' }, '.local', 'share')).toBe('/srv/data');
  });
});
