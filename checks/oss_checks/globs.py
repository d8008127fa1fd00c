"""Glob patterns over repository paths, in time linear in the path.

Patterns come from configuration files inside repositories, which may be hostile, so
nothing here uses a regular expression that can backtrack: a pattern is split into
folder components, each component is matched with a greedy wildcard matcher
(quadratic at worst in one file name, whose length the file system bounds), and ``**``
components are matched by dynamic programming over the path's folders.
"""

from __future__ import annotations

from functools import lru_cache

_WILDCARDS = frozenset("*?[")
from typing import NamedTuple


class _CharClass(NamedTuple):
    negate: bool
    singles: frozenset[str]
    ranges: tuple[tuple[str, str], ...]

    def matches(self, char: str) -> bool:
        inside = char in self.singles or any(low <= char <= high for low, high in self.ranges)
        return inside is not self.negate


#: One token of a component: a literal character, "?" (any one character), "*" or a class.
_Token = str | _CharClass
_STAR = "\0*"
_ANY = "\0?"


def _char_class(body: str) -> _CharClass:
    negate = body[:1] in ("!", "^")
    members = body[1:] if negate else body
    singles: set[str] = set()
    ranges: list[tuple[str, str]] = []
    index = 0
    while index < len(members):
        if index + 2 < len(members) and members[index + 1] == "-":
            ranges.append((members[index], members[index + 2]))
            index += 3
        else:
            singles.add(members[index])
            index += 1
    return _CharClass(negate, frozenset(singles), tuple(ranges))


@lru_cache(maxsize=512)
def _tokens(component: str) -> tuple[_Token, ...]:
    tokens: list[_Token] = []
    index = 0
    while index < len(component):
        char = component[index]
        if char == "*":
            if not tokens or tokens[-1] != _STAR:  # "**" inside a name is one star
                tokens.append(_STAR)
            index += 1
        elif char == "?":
            tokens.append(_ANY)
            index += 1
        elif char == "[" and "]" in component[index + 2 :]:
            end = component.index("]", index + 2)
            tokens.append(_char_class(component[index + 1 : end]))
            index = end + 1
        else:
            tokens.append(char)
            index += 1
    return tuple(tokens)


def _token_matches(token: _Token, char: str) -> bool:
    if isinstance(token, _CharClass):
        return token.matches(char)
    return token in (_ANY, char)


def match_name(component: str, name: str) -> bool:
    """Whether one file or folder ``name`` matches one glob ``component`` (``*``, ``?``, ``[...]``)."""
    tokens = _tokens(component)
    position = 0
    at = 0
    star = -1
    star_at = 0
    while at < len(name):
        if position < len(tokens) and tokens[position] == _STAR:
            star, star_at = position, at
            position += 1
        elif position < len(tokens) and _token_matches(tokens[position], name[at]):
            position += 1
            at += 1
        elif star >= 0:
            # Let the last star take one more character and retry from there.
            position = star + 1
            star_at += 1
            at = star_at
        else:
            return False
    while position < len(tokens) and tokens[position] == _STAR:
        position += 1
    return position == len(tokens)


def _matches_a_prefix(components: list[str], parts: list[str]) -> bool:
    """Whether the components match ``parts[:end]`` for some ``end`` of at least 1."""
    # reachable[j]: the components consumed so far can end right before parts[j].
    reachable = [True] + [False] * len(parts)
    for component in components:
        following = [False] * (len(parts) + 1)
        if component == "**":
            seen = False
            for index in range(len(parts) + 1):
                seen = seen or reachable[index]
                following[index] = seen
        else:
            for index in range(len(parts)):
                if reachable[index] and match_name(component, parts[index]):
                    following[index + 1] = True
        reachable = following
    return any(reachable[1:])


def glob_match(pattern: str, path: str) -> bool:
    """Match a repo-relative POSIX path against a glob where ``**`` spans folders.

    A pattern without a slash matches the file name, or any folder name on the way, like
    ``.gitignore``; a leading slash anchors it at the repository root; a pattern naming a
    folder matches everything below it. Backslashes (Windows paths) count as slashes.
    """
    pattern = pattern.strip().replace("\\", "/")
    anchored = pattern.startswith("/")
    pattern = pattern.strip("/")
    parts = path.split("/")
    if "/" not in pattern and not anchored:
        if not _WILDCARDS & set(pattern):
            return pattern in parts  # a plain name: the common case
        return any(match_name(pattern, part) for part in parts)
    components = [component for component in pattern.split("/") if component]
    return bool(components) and _matches_a_prefix(components, parts)
