"""Run a command and report its own peak memory and wall time.

    python -I -S bench/peak.py FD CMD...

Linux keeps a process's peak resident size across `exec`: a child forked (or vforked)
by the bench, which holds generated workspaces and emulated screens, starts with the
bench's own peak as its `ru_maxrss`, whatever the program it runs then uses (a bench
at 300 MB made `python -c pass` "use" 312 MB). This small process forks the command
itself, so the peak `wait4` reports is the command's (this process's few MB at most),
and writes "WALL_S MAXRSS_KIB" to file descriptor FD. Its exit status is the
command's (128 + N for a signal N).
"""

from __future__ import annotations

import os
import sys
import time


def main() -> int:
    out, argv = int(sys.argv[1]), sys.argv[2:]
    began = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the command: without our end of the pipe
        try:
            os.close(out)
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    _pid, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - began
    os.write(out, f"{wall} {usage.ru_maxrss}\n".encode())
    code = os.waitstatus_to_exitcode(status)
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main())
