"""Allow ``python -m oss_checks``."""

from oss_checks.cli import main

raise SystemExit(main())
