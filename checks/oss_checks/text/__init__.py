"""Helpers the rule families share: reading community files, markup, licenses, URLs, CI files.

They live below the rules so that no family imports another: a change to one family's
rules never changes another family's findings.
"""
