"""Allow ``python -m eventdesk``."""

from eventdesk.cli.main import main

raise SystemExit(main())
