"""The ``briefing`` command (and ``python -m generator``), quiet when stopped from its very first moment.

The command's modules are imported inside the guard: Ctrl-C while they load prints one line, not a traceback.
"""

from __future__ import annotations

import sys


def main() -> int:
    """Run the ``briefing`` command line."""
    try:
        from generator import cli
    except KeyboardInterrupt:
        print("briefing: stopped by Ctrl-C", file=sys.stderr)
        return 130
    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
