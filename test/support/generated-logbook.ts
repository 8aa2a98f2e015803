type GenerateLogbook = (file: string, count: number, now: Date) => Promise<void>;

/** Writes `count` complaints up to `now` as `export` writes them, with the benchmark's generator (a shop's history: ~550 a day). */
export async function generateCsv(file: string, count: number, now: string): Promise<void> {
  // A computed specifier, so the typechecker does not look for declarations of the plain JS module.
  const generator = new URL('../../bench/generate.js', import.meta.url).href;
  const { generateLogbook } = (await import(generator)) as { generateLogbook: GenerateLogbook };
  await generateLogbook(file, count, new Date(now));
}
