"""Recognising license texts, and reading SPDX expressions, aliases and classifiers."""

from __future__ import annotations

import pytest

from oss_checks.text.licenses import (
    Dep5,
    classifier_expression,
    classifier_families,
    dep5_licenses,
    detect_licenses,
    license_families,
    license_file_expression,
    license_named_in,
    spdx_expression_error,
    spdx_spelling,
)

MIT = "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software"
APACHE = "Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/"
BSD_REDISTRIBUTION = (
    "Redistribution and use in source and binary forms, with or without modification, are permitted "
    "provided that the following conditions are met:\n"
    "* Redistributions of source code must retain the above copyright notice.\n"
)
BSD_2 = BSD_REDISTRIBUTION + "THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS AS IS\n"


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
        # A license of its own that grants rights is not proprietary for its copyright line.
        (
            (
                "Copyright (C) 2024 Acme Inc. All Rights Reserved.\nIn consideration of your agreement, "
                "Acme grants you a personal, non-exclusive license to use, reproduce, modify and "
                "redistribute the Acme Software, with or without modifications, in source and/or binary forms."
            ),
            [],
        ),
        ("Copyright Acme. All rights reserved. No license is granted. Do not copy.", ["proprietary"]),
        ("Apache License (no version)", []),
        (MIT + "\n\n" + APACHE, ["apache-2.0", "mit"]),
        (
            "GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n\n13. Use with the GNU Affero General Public License.\n",
            ["gpl-3.0"],
        ),
        ("GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3, 19 November 2007\n", ["agpl-3.0"]),
        (BSD_2, ["bsd-2-clause"]),
        (
            BSD_REDISTRIBUTION
            + "* Neither the name of Acme nor the names of its contributors may be used to "
            "endorse or promote products derived from this software without permission.\n",
            ["bsd-3-clause"],
        ),
        # Apache 1.1 opens like BSD and adds its acknowledgement clause: it is neither BSD.
        (
            BSD_REDISTRIBUTION + "3. The end-user documentation included with the redistribution, if any, "
            "must include the following acknowledgment.\n",
            [],
        ),
        # The third clause in other words is still the third clause.
        (
            BSD_REDISTRIBUTION + "* The names of its contributors may not be used to endorse or promote "
            "products derived from this software without specific prior written permission.\n",
            ["bsd-3-clause"],
        ),
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


def test_an_expression_followed_by_80000_spaces_is_parsed_at_once() -> None:
    # Issue 12: a leading `\s*` in the token pattern rescanned the spaces from each position.
    assert spdx_expression_error("MIT" + " " * 80_000) is None
    assert (
        spdx_expression_error("MIT" + " (" * 40_000)
        == "'(' is not expected there (join identifiers with AND or OR)"
    )


@pytest.mark.parametrize(
    ("name", "spdx"),
    [
        ("Expat", "MIT"),
        ("Revised BSD License", "BSD-3-Clause"),
        ("Simplified BSD", "BSD-2-Clause"),
        ("BSD-3-clause", "BSD-3-Clause"),
        ("GPL-2+", "GPL-2.0-or-later"),
        # SPDX's deprecated identifiers without "+" name that version only, as SPDX defines them
        ("GPL-3.0", "GPL-3.0-only"),
        ("GPL-3.0+", "GPL-3.0-or-later"),
        ("LGPL-2.1", "LGPL-2.1-only"),
        ("GPLv3", "GPL-3.0-only"),
        ("GPLv3+", "GPL-3.0-or-later"),
        ("LGPL-2.1+", "LGPL-2.1-or-later"),
        ("mit or (apache-2.0 and bsd-2-clause)", "MIT OR (Apache-2.0 AND BSD-2-Clause)"),
        ("public-domain", None),  # Debian's name, not an SPDX identifier: no guess
        ("GPL-3.0-or-later WITH Classpath", None),
        ("", None),
    ],
)
def test_spdx_spelling(name: str, spdx: str | None) -> None:
    assert spdx_spelling(name) == spdx


DEP5 = "Files: *\nCopyright: 2009 the team\nLicense: BSD-3-clause\n\nFiles: vendored/*\nLicense: MIT\n"


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        (MIT, "MIT"),
        (DEP5, "BSD-3-Clause"),  # the Files: * stanza, whatever the bundled parts are
        ("Files: vendored/*\nLicense: MIT\n", None),  # DEP-5 without a Files: * stanza
        ("Files: *\nLicense: public-domain\n", None),
        (MIT + "\n\n" + APACHE, None),  # two licenses: which expression is for the project to say
        ("A license nobody knows.", None),
    ],
)
def test_the_expression_a_license_file_declares(text: str, expression: str | None) -> None:
    assert license_file_expression(text) == expression


def test_dep5_licenses_of_files_star_and_of_bundled_files() -> None:
    text = DEP5 + (
        "\nFiles: doc/theme/*\nLicense: BSD-3-clause\n\nFile: a.py\nLicense: BSD-2-Clause\n\n"
        "Function: b.py:check\nLicense: ISC\n\nLicense: Apache-2.0\n The text of a license, as a paragraph.\n"
    )
    assert dep5_licenses(text) == Dep5("BSD-3-clause", ("MIT", "BSD-2-Clause", "ISC"))
    assert dep5_licenses(MIT) is None


def test_classifier_expression() -> None:
    assert classifier_expression(["License :: OSI Approved :: MIT License"]) == "MIT"
    assert classifier_expression(["License :: OSI Approved :: BSD License"]) is None  # 2- or 3-clause?
    assert classifier_expression(["License :: Other/Proprietary License"]) == "LicenseRef-Proprietary"
    assert classifier_expression(None) is None
    # The GNU classifiers tell a version from "or later": following the advice grants no more.
    gpl2 = "License :: OSI Approved :: GNU General Public License v2 (GPLv2)"
    gpl2_or_later = "License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)"
    assert classifier_expression([gpl2]) == "GPL-2.0-only"
    assert classifier_expression([gpl2_or_later]) == "GPL-2.0-or-later"
    assert (
        classifier_expression(["License :: OSI Approved :: GNU Affero General Public License v3"])
        == "AGPL-3.0-only"
    )
    # Both at once say one family but not which grant.
    assert classifier_expression([gpl2, gpl2_or_later]) is None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("This software is published under the [MIT licence](https://opensource.org/licenses/MIT).", "MIT"),
        ("## License\n\nBSD 3-clause license, see the docs.", "BSD 3-clause"),
        ("Licensed under the Apache License, Version 2.0.", "Apache License, Version 2.0"),
        ("The code is MIT licensed, and the MIT license applies to the notebooks too.", "MIT"),
        ("Licensed under GPLv3; the data under CC BY 4.0.", "GPLv3"),
        ("Licensed under MIT or the Apache License 2.0, at your option.", None),  # two: not one
        ("We use MIT's data and a BSD socket.", None),  # no word of licensing on the line
        ("See the license for permissions; the IMITATION license is ours.", None),
        ("", None),
        (
            "This work is licensed under a [Creative Commons Attribution 3.0 Unported License.](https://x.org)",
            "Creative Commons Attribution 3.0 Unported",
        ),
        ("Text and figures: CC BY-SA 4.0 license; see the Creative Commons BY-SA site.", "CC BY-SA 4.0"),
        ("License: CC0. Dedicated to the public domain under CC0 1.0 (the license).", "CC0 1.0"),
        ("License: CC BY, and the figures under CC BY 4.0.", "CC BY 4.0"),
        ("Licensed under CC BY 4.0 or CC BY-NC 4.0.", None),
    ],
)
def test_license_named_in_prose(text: str, named: str | None) -> None:
    assert license_named_in(text) == named
