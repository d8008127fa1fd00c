"""Packaging metadata (OSS2xx)."""

from __future__ import annotations
