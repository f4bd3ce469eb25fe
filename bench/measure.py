"""Runs one command and reports its wall time and peak resident memory, for npm run bench.

    python3 bench/measure.py RESULT.json command [args...]

The command inherits this process's stdin, stdout and stderr. Wall time is measured around the
child alone (not this wrapper's start-up). Peak RSS is ru_maxrss of RUSAGE_CHILDREN: the largest
resident set any waited-for descendant reached (Linux reports it in KiB). The command runs as this
wrapper's only child, so that is the command's own peak (its worker threads share the process;
with `npm run` it is the largest of npm, the shell and node).
"""
import json
import resource
import subprocess
import sys
import time


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    result, command = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    status = subprocess.call(command)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(result, "w", encoding="utf-8") as f:
        json.dump(
            {
                "seconds": seconds,
                "peak_rss_kib": usage.ru_maxrss,
                "user_seconds": usage.ru_utime,
                "system_seconds": usage.ru_stime,
                "status": status,
            },
            f,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
