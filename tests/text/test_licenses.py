"""Recognising license texts, and reading SPDX expressions, aliases and classifiers."""

from __future__ import annotations

import pytest

from oss_checks.text.licenses import (
    classifier_families,
    detect_licenses,
    license_families,
    spdx_expression_error,
)

MIT = "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software"
APACHE = "Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/"


def test_spdx_parser() -> None:
    assert spdx_expression_error("MIT") is None
    assert spdx_expression_error("DocumentRef-x:LicenseRef-y") is None
    assert spdx_expression_error("MIT AND") == "it ends where a license identifier is expected"
    assert spdx_expression_error("MIT WITH") == "WITH must be followed by an exception identifier"
    assert spdx_expression_error("OR MIT") == "'OR' is not a license identifier"
    assert (
        spdx_expression_error("MIT/Apache") == "'/' is not expected there (join identifiers with AND or OR)"
    )


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (MIT, ["mit"]),
        (APACHE, ["apache-2.0"]),
        ("Copyright Acme. All rights reserved.", ["proprietary"]),
        ("Apache License (no version)", []),
        (MIT + "\n\n" + APACHE, ["apache-2.0", "mit"]),
    ],
)
def test_license_texts_are_recognised(text: str, keys: list[str]) -> None:
    assert [known.key for known in detect_licenses(text)] == keys


def test_expressions_and_aliases_map_to_families() -> None:
    assert license_families("MIT OR Apache-2.0") == ({"mit", "apache-2.0"}, True)
    assert license_families("Apache 2.0") == ({"apache-2.0"}, True)
    assert license_families("GPL-2.0-or-later WITH Classpath-exception-2.0") == ({"gpl-2.0"}, True)
    assert license_families("LicenseRef-Acme") == (set(), False)


def test_classifiers_map_to_families() -> None:
    assert classifier_families(["License :: OSI Approved :: BSD License"]) == {"bsd-3-clause", "bsd-2-clause"}
    assert classifier_families("not a list") == set()
