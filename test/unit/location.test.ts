import { describe, expect, it } from 'vitest';
import { sameLogbookKey } from '../../src/store/location.js';

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
