"""Runs a command on a pseudo-terminal of its own and relays it through plain pipes.

The tests drive the till's prompts as a person would, but CI has no terminal and node-pty is not
a dependency, so this gives the command a real terminal (stdin, stderr and, unless --stdout-fd is
given, stdout) while our own stdin and stdout stay pipes the test can write keystrokes to and
read the screen from. Exits with the command's exit code (128 + N when killed by signal N).

usage: pty-relay.py [--stdout-fd FD] [--env JSON] [--columns N] -- command [args...]
  --stdout-fd FD  the command's stdout goes to our file descriptor FD instead of the terminal,
                  so a test can check that stdout carries only the result
  --env JSON      the command's whole environment (default: ours)
  --columns N     how wide the terminal is (default: 120)
"""

import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios

# Wide enough that no prompt line wraps, so a test can match whole lines of what it shows.
COLUMNS, ROWS = 120, 40


def parse(argv):
    options = {"stdout_fd": None, "env": None, "columns": COLUMNS}
    while argv and argv[0] != "--":
        flag, value, argv = argv[0], argv[1], argv[2:]
        if flag == "--stdout-fd":
            options["stdout_fd"] = int(value)
        elif flag == "--env":
            options["env"] = json.loads(value)
        elif flag == "--columns":
            options["columns"] = int(value)
        else:
            sys.exit(f"pty-relay: unknown option {flag}")
    if len(argv) < 2:
        sys.exit("pty-relay: give the command after --")
    return options, argv[1:]


def write_all(fd, data):
    while data:
        data = data[os.write(fd, data):]


def main():
    options, command = parse(sys.argv[1:])
    pid, terminal = pty.fork()
    if pid == 0:
        # The child: the terminal is already its stdin, stdout, stderr and controlling terminal.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, options["columns"], 0, 0))
        if options["stdout_fd"] is not None:
            os.dup2(options["stdout_fd"], 1)
            os.close(options["stdout_fd"])
        env = options["env"] if options["env"] is not None else os.environ
        os.execvpe(command[0], command, env)

    if options["stdout_fd"] is not None:
        # Only the child may hold it open, so the reader sees the end when the child exits.
        os.close(options["stdout_fd"])

    def stop(signum, _frame):
        # Killed by the test (a timeout): take the command and anything it started with us.
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)

    keyboard_open = True
    while True:
        readable, _, _ = select.select([terminal] + ([0] if keyboard_open else []), [], [])
        if terminal in readable:
            try:
                shown = os.read(terminal, 65536)
            except OSError:  # EIO: every holder of the terminal's other end has gone
                shown = b""
            if not shown:
                break
            write_all(1, shown)
        if keyboard_open and 0 in readable:
            typed = os.read(0, 65536)
            if typed:
                write_all(terminal, typed)
            else:
                keyboard_open = False

    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    sys.exit(128 - code if code < 0 else code)


main()
