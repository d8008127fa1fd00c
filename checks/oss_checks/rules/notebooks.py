"""Notebooks (OSS3xx)."""

from __future__ import annotations
