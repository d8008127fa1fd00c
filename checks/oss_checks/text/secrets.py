"""Credentials that are easy to recognise with certainty, found in linear time.

Two families of patterns. Keys with a format of their own (AWS access key ids, GitHub,
GitLab and Slack tokens, Google and OpenAI API keys, private keys, JSON web tokens) are
found anywhere. Passwords are found where text spells them out: ``password=...`` with a
real value, and a password inside a connection string (``postgresql://user:secret@host``).
:func:`find_secrets` runs all of them on printed text (notebook outputs); files are
searched with :func:`find_file_secrets`, which leaves out what code and documentation are
full of (JSON web tokens in examples, ``password=`` in tests) and adds environment-style
settings (``WANDB_API_KEY: 4f1d...``) whose value looks generated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from oss_checks.patterns import lazy


class _Secret(NamedTuple):
    kind: str
    pattern: re.Pattern[str]
    #: How much of the match is a public, fixed prefix that is safe to show.
    shown_prefix: int


def _secret(kind: str, pattern: str, shown_prefix: int = 0) -> _Secret:
    return _Secret(kind, lazy(pattern), shown_prefix)


_NO_WORD_BEFORE = r"(?<![A-Za-z0-9_-])"
_NO_WORD_AFTER = r"(?![A-Za-z0-9_-])"
_SECRETS = (
    _secret("AWS access key id", _NO_WORD_BEFORE + r"(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])", 4),
    _secret("GitHub token", _NO_WORD_BEFORE + r"gh[pousr]_[A-Za-z0-9]{36,255}" + _NO_WORD_AFTER, 4),
    _secret("GitHub token", _NO_WORD_BEFORE + r"github_pat_[A-Za-z0-9_]{60,255}" + _NO_WORD_AFTER, 11),
    _secret("GitLab token", _NO_WORD_BEFORE + r"glpat-[A-Za-z0-9_-]{20,}" + _NO_WORD_AFTER, 6),
    _secret("Slack token", _NO_WORD_BEFORE + r"xox[baprs]-[A-Za-z0-9-]{10,}" + _NO_WORD_AFTER, 5),
    _secret("Google API key", _NO_WORD_BEFORE + r"AIza[0-9A-Za-z_-]{35}" + _NO_WORD_AFTER, 4),
    # OpenAI keys carry "T3BlbkFJ" (base64 of "OpenAI"); the long all-alphanumeric form is the old one.
    _secret(
        "OpenAI API key",
        _NO_WORD_BEFORE
        + r"sk-(?:[A-Za-z0-9_-]{10,}T3BlbkFJ[A-Za-z0-9_-]{10,}|[A-Za-z0-9]{48})"
        + _NO_WORD_AFTER,
        3,
    ),
    _secret("private key", r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"),
    _secret(
        "JSON web token",
        _NO_WORD_BEFORE + r"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}",
        3,
    ),
)
#: ``password=hunter2``, ``"password": "hunter2"``, ``DB_PASSWD: 'hunter2'`` as printed by code or logs.
_PASSWORD = lazy(
    r"(?i)(?<![A-Za-z0-9_])(?P<key>(?:[A-Za-z0-9]+_)*passw(?:or)?d)(?![A-Za-z0-9_])[\"']?[ \t]*[:=][ \t]*"
    r"(?:(?P<quote>[\"'])(?P<quoted>[^\"'\s]{3,})(?P=quote)|(?P<bare>[^\s\"',;&)}\]]{3,}))"
)
#: ``postgresql://user:secret@host/db``: a password inside a connection string.
_URL_PASSWORD = lazy(r"(?i)\b[a-z][a-z0-9+.-]*://[^/\s:@]+:(?P<secret>[^/\s:@]{3,})@")
#: ``https://api.example.org/search?query=x&apiKey=d40f...``: a key given in a web address's query.
_URL_QUERY_KEY = lazy(
    r"(?i)[?&](?P<name>api_?key|access_?token|auth_?token|token|key)=(?P<secret>[A-Za-z0-9_-]{16,128})(?![A-Za-z0-9_-])"
)
#: The formats by the character they start with, so each start is tried against its own only.
_BY_FIRST: dict[str, tuple[_Secret, ...]] = {}
for _format in _SECRETS:
    _first = _format.pattern.pattern.removeprefix(_NO_WORD_BEFORE).removeprefix("(?:")[:1]
    _BY_FIRST[_first] = (*_BY_FIRST.get(_first, ()), _format)
#: Where a key of one of the formats above may start: every format begins with fixed text,
#: so this search runs at C speed and each format is tried only where its start is.
_KEY_START = lazy(r"AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[baprs]-|AIza|sk-|-----BEGIN |eyJ")
_PLACEHOLDER_VALUES = frozenset(
    {
        "none",
        "null",
        "nil",
        "true",
        "false",
        "str",
        "string",
        "bytes",
        "any",
        "optional",
        "required",
        "password",
        "passwd",
        "pwd",
        "pass",
        "secret",
        "redacted",
        "hidden",
        "masked",
        "changeme",
        "xxx",
        "example",
        "getpass",
        "input",
        "self",
        "environ",
        "os.environ",
        "env",
    }
)


def _placeholder(value: str, bare: bool) -> bool:
    lowered = value.lower()
    if lowered in _PLACEHOLDER_VALUES or len(set(value)) == 1:
        return True
    if value[0] in "*<{$%[(" or "***" in value or "..." in value:
        return True
    # Unquoted text with brackets or dots reads as code (``password=self.password``), not a value.
    return bare and any(mark in value for mark in ".([")


def _signs_a_url(text: str, at: int) -> bool:
    """Whether the key at ``at`` is the ``X-Amz-Credential`` of a pre-signed download address:
    the id of whoever signed it (GitHub's release storage, a bucket's owner), no secret, and
    the link expires on its own."""
    return text[max(0, at - 17) : at].lower() == "x-amz-credential="


def _keys(text: str, kinds: frozenset[str] | None = None) -> Iterator[tuple[int, str, str]]:
    """(offset, kind, masked value) of every key of a known format (of ``kinds``, if given)."""
    taken = 0
    for start in _KEY_START.finditer(text):
        at = start.start()
        if at < taken:
            continue
        for secret in _BY_FIRST.get(text[at], ()):
            if kinds is not None and secret.kind not in kinds:
                continue
            match = secret.pattern.match(text, at)
            if match is not None:
                taken = match.end()
                if _signs_a_url(text, at):
                    break
                shown = match.group(0)[: secret.shown_prefix]
                yield at, secret.kind, (f"{shown}****" if secret.shown_prefix else "-----BEGIN …")
                break


def find_secrets(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, kind, masked value) for every credential in output text."""
    yield from _keys(text)
    if "://" in text:
        for match in _URL_PASSWORD.finditer(text):
            if not _placeholder(match.group("secret"), bare=False):
                yield match.start(), "password in a connection string", "://user:****@"
        yield from _query_keys(text)
    if "passw" in text.lower():
        for match in _PASSWORD.finditer(text):
            value = match.group("quoted") or match.group("bare")
            bare = match.group("bare") is not None
            if bare and value.isidentifier() and value.lower().endswith(match.group("key").lower()):
                continue  # code handing a variable on (``key_password=key_password``), as a traceback shows
            if not _placeholder(value, bare=bare):
                yield match.start(), "password", f"{match.group('key')}=****"


#: A setting named like a secret, in upper case as environment variables are: ``WANDB_API_KEY=...``,
#: ``"OPENAI_API_KEY": "..."``, ``DB_PASSWORD: ...``, and the ``name:``/``value:`` pair of a
#: container's ``env`` list. Found from the fixed part of the name (``API_KEY``, ``TOKEN`` ...),
#: then read around it: the name back to the start of its word, the value after it, which runs
#: to a quote, a blank, a comma or the end of the line.
_NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
_LONGEST_NAME = 64
_VALUE = r"(?P<value>[A-Za-z0-9_+/=.-]{20,256})(?![A-Za-z0-9_+/=.-])"
_ASSIGNED = lazy(r"[A-Z0-9_]{0,64}[\"']?[ \t]*[:=][ \t]*[\"']?" + _VALUE)
_ENV_ENTRY_VALUE = lazy(r"[A-Z0-9_]{0,64}[\"']?[ \t]*\r?\n[ \t]*(?:-[ \t]+)?value:[ \t]*[\"']?" + _VALUE)
_ENV_ENTRY_NAME = lazy(r"name:[ \t]*[\"']?\Z")
_NAME_END = lazy(r"[A-Z0-9_]{0,64}")
#: Words that make a value an example or a placeholder, not a credential.
_EXAMPLE_WORDS = lazy(r"(?i)example|your|xxxx|changeme|dummy|fake|sample|placeholder|redacted|test")
#: The key formats that code and documentation do not use in examples (JSON web tokens they do).
_FILE_KINDS = frozenset(
    {
        "AWS access key id",
        "GitHub token",
        "GitLab token",
        "Slack token",
        "Google API key",
        "OpenAI API key",
        "private key",
    }
)


def _generated(value: str) -> bool:
    """Whether a setting's value looks generated: letters and digits, many different characters,
    or a long run of random letters of both cases (a Hugging Face token has no digits)."""
    if _EXAMPLE_WORDS.search(value) is not None:
        return False
    if any(char.isdigit() for char in value):
        return any(char.isalpha() for char in value) and len(set(value)) >= 10
    return _random_letters(value)


#: ``hf_`` and then letters: how a key made only of letters looks.
_LETTER_KEY = lazy(r"(?:[a-z]{2,4}_)?(?P<letters>[A-Za-z]{30,})")


def _random_letters(value: str) -> bool:
    """Letters drawn at random: long, many different ones, and upper case about half of them
    (words written in CamelCase have far fewer capitals)."""
    match = _LETTER_KEY.fullmatch(value)
    if match is None:
        return False
    letters = match.group("letters")
    upper = sum(1 for char in letters if char.isupper())
    return len(set(letters)) >= 20 and 0.3 <= upper / len(letters) <= 0.7


#: How a secret's word goes on into a word that is no secret's: TOKENIZER, SECRETARY, PASSWORDLESS
#: (``SECRETKEY`` and ``API_TOKENS`` still name secrets).
_NOT_A_SECRET_WORD = lazy(r"I[SZ]|AR(?:Y|IES)(?![A-Za-z])|LESS(?![A-Za-z])")


#: How a setting's name ends when its value points at a secret rather than holding it: the id
#: of a vault's item (``SLACK_BOT_TOKEN_BW_ID``), a file, a path, an address, a variable's name.
_REFERENCE_SUFFIXES = frozenset(
    {"ID", "IDS", "NAME", "PATH", "FILE", "URL", "URI", "ARN", "REF", "VAR", "ENV"}
)


def _setting_at(text: str, word: re.Match[str]) -> tuple[int, str, str] | None:
    """The secret setting whose name holds ``word`` (``API_KEY`` in ``WANDB_API_KEY``), if its value looks generated."""
    at = word.start()
    before = text[max(at - _LONGEST_NAME, 0) : at]
    start = at - (len(before) - len(before.rstrip(_NAME_CHARS)))
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return None  # part of a longer name in another case (``myTOKEN``), not an upper-case setting
    if _NOT_A_SECRET_WORD.match(text, word.end()):
        return None  # the word goes on into another: ``TOKENIZER``, ``SECRETARY`` name no secret
    going_on = _NAME_END.match(text, word.end())
    last = going_on.group().rpartition("_")[2] if going_on and "_" in going_on.group() else ""
    if last in _REFERENCE_SUFFIXES:
        return None  # SLACK_BOT_TOKEN_BW_ID names where the secret is kept, not the secret
    value = _ASSIGNED.match(text, word.end())
    if value is None and _ENV_ENTRY_NAME.search(text, max(start - 16, 0), start):
        value = _ENV_ENTRY_VALUE.match(text, word.end())
    if value is None or not _generated(value.group("value")):
        return None
    return start, "secret setting", f"{text[start : going_on.end() if going_on else word.end()]}=****"


#: One search for everything a file may hold: where a key format starts (``sk-`` is found by
#: its rarer ``k-``) and the fixed words of secret settings. Every alternative starts with a
#: character that is rare in code and none is a group, so the search skips the rest of the
#: text in C (a group around the alternatives would make the engine try every position).
_FILE_MARKER = lazy(
    r"A(?:KIA|SIA|Iza|PI_?KEY|CCESS_KEY)|g(?:h[pousr]_|ithub_pat_|lpat-)|xox[baprs]-|k-|-----BEGIN "
    r"|SECRET|TOKEN|PASSW(?:OR)?D"
)
#: How the secret words of :data:`_FILE_MARKER` begin (the key formats begin otherwise).
_WORD_STARTS = ("API", "ACCESS", "SECRET", "TOKEN", "PASSW")


def find_file_secrets(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, kind, masked value) for every credential in a committed text file, in one pass.

    Keys of a known format, unless they say they are examples (``AKIAIOSFODNN7EXAMPLE``), and
    upper-case settings named like secrets whose value looks generated.
    """
    taken = 0
    for marker in _FILE_MARKER.finditer(text):
        at = marker.start()
        if at < taken:
            continue
        if text.startswith(_WORD_STARTS, at):
            found = _setting_at(text, marker)
            if found is not None:
                taken = marker.end()
                yield found
            continue
        if text.startswith("k-", at):
            if at == 0 or text[at - 1] != "s":
                continue
            at -= 1
        for secret in _BY_FIRST.get(text[at], ()):
            if secret.kind not in _FILE_KINDS:
                continue
            match = secret.pattern.match(text, at)
            if match is not None:
                taken = match.end()
                if _EXAMPLE_WORDS.search(match.group(0)) is None and not _signs_a_url(text, at):
                    shown = match.group(0)[: secret.shown_prefix]
                    yield at, secret.kind, (f"{shown}****" if secret.shown_prefix else "-----BEGIN …")
                break
    yield from _query_keys(text)


def _query_keys(text: str) -> Iterator[tuple[int, str, str]]:
    """Keys given in a web address's query (``?apiKey=d40f...``), as recorded responses keep them."""
    if "://" not in text:
        return
    for match in _URL_QUERY_KEY.finditer(text):
        if _generated(match.group("secret")) and not _placeholder(match.group("secret"), bare=False):
            yield match.start() + 1, "key in a web address", f"{match.group('name')}=****"


# -- placeholders and secrets assigned in code -------------------------------------------------

#: Values that stand for "put yours here": ``your-api-key``, ``<token>``, ``xxx``, ``changeme``.
_PLACEHOLDER_TEXT = lazy(
    r"(?i)your|^<[^<>]*>$|^\[[^\[\]]*\]$|^\{\{.*\}\}$|^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$"
    r"|^x{3,}$|^\*+$|^\.{3}$|^(?:change[-_ ]?me|replace[-_ ]?me|fill[-_ ]?me|todo|tbd|none|null|placeholder"
    r"|dummy|example|sample|secret|password|token|api[-_ ]?key|key)$|(?:^|[^a-z])(?:example|placeholder|dummy)"
)
#: Upper-case words that say what a value is instead of being one (``API_TOKEN``, ``SECRET_KEY_HERE``).
_SECRET_NAME_WORDS = frozenset(
    {"KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASS", "PWD", "ID", "HERE", "CHARS"}
)


def is_placeholder(value: str, key: str = "") -> bool:
    """Whether ``value`` of the setting ``key`` stands for a value someone fills in, not a value.

    ``YOUR_KEY``, ``your-api-key``, ``<token>``, ``[password]``, ``${TOKEN}``, ``xxx``,
    ``changeme``, a value that repeats one character, and an upper-case name that describes
    a secret (``API_TOKEN``, the key's own name) rather than being one.
    """
    value = value.strip().strip("\"'")
    if not value or (len(value) >= 3 and len(set(value)) == 1) or _PLACEHOLDER_TEXT.search(value):
        return True
    if re.fullmatch(r"[A-Z][A-Z0-9_]*", value):
        words = set(value.split("_"))
        return value == key.upper() or key.upper().endswith(value) or bool(words & _SECRET_NAME_WORDS)
    return False


#: In code (Python, a notebook's code cells): a name that ends like a secret's, in any case
#: (``client_secret``, ``apiKey``, ``HF_TOKEN``, ``db_password``), given a quoted string, as an
#: assignment, a keyword argument or a dict entry. Found from the fixed ending, then read
#: around it, so the search stays linear.
_CODE_SECRET_END = lazy(r"(?i)secret|token|api_?key|access_?key|private_?key|passw(?:or)?d")
_CODE_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_CODE_VALUE = lazy(
    r"[\"']?[ \t]*(?::|=(?!=))[ \t]*(?:[rRbBuU]{0,2})(?P<quote>[\"'])(?P<value>[A-Za-z0-9_+/=.-]{16,256})(?P=quote)"
)
#: Words that end a longer name that is not the secret itself (``token_url``, ``secret_name``).
_FILE_LIKE = lazy(r"\.[A-Za-z]{2,5}$|://|^/")


def _readable(value: str) -> bool:
    """Whether ``value`` reads as words (``user_profile_cache_v2``) rather than as generated text."""
    words = [part for part in re.split(r"[-_.]", value) if part]
    return sum(1 for part in words if len(part) >= 3 and part.isalpha()) >= 2


#: The endings ``_CODE_SECRET_END`` matches, spelled out for ``str.find``.
_SECRET_WORDS = (
    "secret", "token", "apikey", "api_key", "accesskey", "access_key", "privatekey", "private_key",
    "password", "passwd",
)  # fmt: skip


def _secret_words(text: str) -> list[tuple[int, int]]:
    """(start, end) of every secret's word in ``text``, in order, found with ``str.find``.

    A case-insensitive alternation tried at every offset costs a hundred times more than
    searching the lower-cased text for each word; the regex stays for the rare text whose
    lower case is longer than itself (``İ``), where offsets would shift.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        return [(match.start(), match.end()) for match in _CODE_SECRET_END.finditer(text)]
    found = []
    for word in _SECRET_WORDS:
        at = lowered.find(word)
        while at != -1:
            found.append((at, at + len(word)))
            at = lowered.find(word, at + len(word))
    return sorted(found)


def find_code_secrets(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, kind, masked name) for secrets assigned in code: ``client_secret = 'keZd...'``.

    The name must end with a secret's word and the value must look generated (letters and
    digits, many different characters, not words, not a file or URL, not a placeholder).
    """
    for found, end in _secret_words(text):
        if end < len(text) and text[end] in _CODE_NAME_CHARS:
            continue  # the word goes on (``token_url``, ``secret_name``): not the secret's own name
        start = found
        while start > 0 and text[start - 1] in _CODE_NAME_CHARS and found - start < _LONGEST_NAME:
            start -= 1
        assigned = _CODE_VALUE.match(text, end)
        if assigned is None:
            continue
        value = assigned.group("value")
        name = text[start:end]
        if (
            not _generated(value)
            or _readable(value)
            or _FILE_LIKE.search(value)
            or is_placeholder(value, name)
            or "..." in value  # cut short on purpose: a mock's "eyJhbGciOi...J9..." shows a shape
        ):
            continue
        yield start, "secret", f"{name}=****"
    yield from _bare_keys(text)


#: ``key="..."`` of a map tile provider or an API client: a name too common to trust alone,
#: so its value must look like a service's key, mixed-case letters and digits (a hash or an
#: id is hex, a cache key is words).
_BARE_KEY_VALUE = lazy(r"[ \t]*=[ \t]*(?P<quote>[\"'])(?P<value>[A-Za-z0-9]{20,64})(?P=quote)")
_HEX = lazy(r"[0-9a-fA-F]+")


def _bare_keys(text: str) -> Iterator[tuple[int, str, str]]:
    """``key="WxgU..."``: a keyword argument or a variable named just ``key``, given a service's key."""
    at = text.find("key")
    while at != -1:
        before = text[at - 1] if at > 0 else ""
        assigned = _BARE_KEY_VALUE.match(text, at + 3)
        if assigned is not None and before not in _CODE_NAME_CHARS and before != ".":
            value = assigned.group("value")
            if (
                any(char.isupper() for char in value)
                and any(char.islower() for char in value)
                and any(char.isdigit() for char in value)
                and _HEX.fullmatch(value) is None
                and _generated(value)
                and not is_placeholder(value, "key")
            ):
                yield at, "secret", "key=****"
        at = text.find("key", at + 3)
