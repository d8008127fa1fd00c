"""Data files and hard-coded paths (OSS4xx)."""

from __future__ import annotations
