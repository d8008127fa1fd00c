"""Tests and docs (OSS5xx)."""

from __future__ import annotations
