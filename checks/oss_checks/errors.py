"""Every error a user reads, and the exit codes.

Each error is something the user can fix; its message is the whole line the command line
prints (``oss-checks: error: <message>``, exit code 2). No traceback is ever shown for
one. The module imports nothing, so every floor of the package may raise these.
"""

#: Exit codes of every command: nothing to report, findings, or an error (one line on stderr).
EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class UserError(Exception):
    """Something the user can fix (arguments, configuration, a repository, the template)."""


class UsageError(UserError):
    """Wrong arguments or input files given on the command line."""


class ConfigError(UserError):
    """The ``[tool.oss-checks]`` configuration is wrong; the message says where and how."""


class RepoError(UserError):
    """A problem with a repository as a whole (not a folder, cannot be listed)."""


class TemplateError(UserError):
    """The template cannot be rendered here, or a copy of it cannot be read."""
