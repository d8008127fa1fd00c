"""Automation: CI and pre-commit (OSS6xx)."""

from __future__ import annotations
