"""Community files (OSS1xx)."""

from __future__ import annotations
