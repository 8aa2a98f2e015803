// The scripts `complaints completion SHELL` prints. Each asks `complaints __complete` for the
// candidates of the word being typed, given the words before it, so that what the commands take is
// written down once, in the program, and ids, causes and names come from the logbook. The words go
// after --, so that none of them (--db, --version, a half-typed flag) is taken as an option of
// that call.

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const BASH = `# complaints completion for bash: source this file from ~/.bashrc, or save it as
# ~/.local/share/bash-completion/completions/complaints
_complaints() {
  local IFS=$'\\n'
  COMPREPLY=($(complaints __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _complaints complaints
`;

const ZSH = `# complaints completion for zsh: source this file from ~/.zshrc, after compinit
_complaints() {
  local -a candidates
  candidates=("\${(@f)$(complaints __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -Q -- "\${candidates[@]}"
}
compdef _complaints complaints
`;

const FISH = `# complaints completion for fish: save as ~/.config/fish/completions/complaints.fish
complete -c complaints -f -a '(complaints __complete -- (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
`;

export function completionScript(shell: Shell): string {
  return { bash: BASH, zsh: ZSH, fish: FISH }[shell];
}
