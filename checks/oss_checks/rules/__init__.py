"""Every rule family; importing this package registers all rules."""

from oss_checks.rules import (  # noqa: F401  (imported to register their rules)
    automation,
    community,
    data,
    drift,
    notebooks,
    packaging,
    release,
    tests_docs,
)
