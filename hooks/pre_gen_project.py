"""Refuse answers that cannot be baked (cookiecutter then removes the output folder).

Thin on purpose: the logic lives in ``oss_checks.bake``, tested on its own.
"""

import json
import sys
from pathlib import Path

# The template's own checkout first (baking from git), else the installed oss-checks
# (re-rendering the copy of the template that ships inside its wheel).
sys.path.insert(0, str(Path({{ oss_template_root | quoted }}) / "checks"))

from oss_checks.bake import pre_generate  # noqa: E402

ANSWERS = json.loads({{ cookiecutter | record | quoted }})["answers"]

sys.exit(pre_generate(ANSWERS))
