"""``python -m oss_checks.report.worker PATH LOCATION``: check one repository for the report.

The report runs this in a process of its own per repository, with a time limit, and
reads the result as JSON from standard output.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from oss_checks.report.collect import check_checkout
from oss_checks.report.model import result_to_dict


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m oss_checks.report.worker")
    parser.add_argument("path")
    parser.add_argument("location")
    parser.add_argument("--conventions", default=None)
    args = parser.parse_args(argv)
    result = check_checkout(args.path, args.location, args.conventions)
    # ASCII escapes: a file name that is not UTF-8 travels as the surrogates it was read as.
    sys.stdout.write(json.dumps(result_to_dict(result), ensure_ascii=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
