"""The one exception family the command line turns into a one-line message and exit code 2."""


class UserError(Exception):
    """Something the user can fix (arguments, configuration, a repository, the template).

    The message is the whole line a user reads; no traceback is ever shown for it.
    """
