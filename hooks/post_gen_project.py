"""Remove files that do not apply to the answers and print the next steps.

Thin on purpose: the logic lives in ``oss_checks.bake``, tested on its own.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path({{ oss_template_root | quoted }}) / "checks"))

from oss_checks.bake import post_generate  # noqa: E402

ANSWERS = json.loads({{ cookiecutter | record | quoted }})["answers"]
# Where the hooks' repository came from: "default" means the bake could not tell.
CHECKS_SOURCE = {{ cookiecutter | checks_source | quoted }}

sys.exit(post_generate(Path.cwd(), ANSWERS, checks_source=CHECKS_SOURCE))
