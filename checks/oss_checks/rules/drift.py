"""Template drift (OSS7xx)."""

from __future__ import annotations
