export interface HelpPage {
  /** The command's words after `complaints`; none for the program itself. */
  command: string[];
  text: string;
}

/**
 * The program's help and, through the commands each help lists, every command's and subcommand's,
 * each printed by `help` (which fails unless `--help` succeeds), so a new command is found unnamed.
 */
export async function helpPages(help: (command: string[]) => string | Promise<string>, command: string[] = []): Promise<HelpPage[]> {
  const page = { command, text: await help(command) };
  const below: HelpPage[] = [];
  for (const name of commandsListed(page.text)) below.push(...(await helpPages(help, [...command, name])));
  return [page, ...below];
}

/** The names in a help page's Commands section (a wrapped description is indented further). */
function commandsListed(help: string): string[] {
  const section = /^Commands:\n((?: {2}.*\n)+)/m.exec(help)?.[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((match) => match[1]!);
}
