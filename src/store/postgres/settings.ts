import type { Connection } from './connection.js';

export async function storedSettings(connection: Connection): Promise<Map<string, string>> {
  const rows = await connection.rows<{ key: string; value: string }>(`SELECT key, value FROM settings`);
  return new Map(rows.map((row) => [row.key, row.value]));
}

export async function saveSetting(connection: Connection, key: string, value: string): Promise<void> {
  await connection.run(`INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [key, value]);
}
