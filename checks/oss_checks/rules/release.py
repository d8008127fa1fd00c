"""Release readiness (OSS8xx)."""

from __future__ import annotations
