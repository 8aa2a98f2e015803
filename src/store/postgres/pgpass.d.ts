// The reader of ~/.pgpass that pg itself uses, which has no types of its own.
declare module 'pgpass' {
  function pgpass(connecting: { host?: string; port?: number; database?: string; user?: string }, found: (password: string | undefined) => void): void;
  export = pgpass;
}
