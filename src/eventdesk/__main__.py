"""Allow ``python -m eventdesk``."""

from eventdesk.cli.main import main

if __name__ == "__main__":  # a child process started by ``spawn`` imports this file again
    raise SystemExit(main())
