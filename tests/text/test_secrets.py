"""Credentials in printed output and in committed files (the keys are built at run time)."""

from __future__ import annotations

import time
from collections.abc import Iterable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oss_checks.text.secrets import find_code_secrets, find_file_secrets, find_secrets, is_placeholder

AWS = "AKIA" + "QWERTYUIOP234567"
GITHUB = "ghp_" + "a1B2" * 9
OPENAI = "sk-proj-" + "a" * 20 + "T3BlbkFJ" + "b" * 20
GENERATED = "4f1d2c3b4a59687766554433" + "22110099aabbccdd"
#: A Hugging Face token: letters only, drawn at random (built from pieces, like the others).
LETTERS_ONLY = "hf_" + "qWeRtYuIoPaSdFgHjKlZxCvBnMmNbVcXzL"


def kinds(found: Iterable[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    return sorted(found)


def test_the_signer_of_a_pre_signed_address_is_no_leaked_key() -> None:
    location = (
        "Location: https://objects.githubusercontent.com/o/1?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        f"&X-Amz-Credential={AWS}%2F20211120%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20211120T1\n"
    )
    assert list(find_secrets(location)) == []
    assert list(find_file_secrets(location)) == []
    # The same key anywhere else is still one.
    assert [kind for _, kind, _ in find_secrets(f"aws_access_key_id = {AWS}\n")] == ["AWS access key id"]


def test_output_patterns_include_passwords_and_tokens() -> None:
    text = (
        f"{AWS} password='hunter2' postgresql://ana:s3cret@db/x eyJ"
        + "a" * 12
        + ".eyJ"
        + "b" * 12
        + "."
        + "c" * 12
    )
    assert [kind for _, kind, _ in kinds(find_secrets(text))] == [
        "AWS access key id",
        "password",
        "password in a connection string",
        "JSON web token",
    ]


def test_a_key_in_a_web_address_is_a_secret() -> None:
    # A recorded response keeps the links it returned, the key in their query.
    link = '"@href": "https://api.example.org/search?query=x&apiKey=' + GENERATED + '&count=25"\n'
    assert [(kind, masked) for _, kind, masked in find_file_secrets(link)] == [
        ("key in a web address", "apiKey=****")
    ]
    # A key that says it is one to fill in, and a query's ordinary values, are not.
    others = 'see "https://api.example.org/?apiKey=YOUR_API_KEY_HERE_123" or "https://x.org/?token=next_page_cursor_a"\n'
    assert list(find_file_secrets(others)) == []


def test_a_service_key_given_to_a_bare_key_name_is_a_secret() -> None:
    # A map tile provider's key, built from pieces so that this file holds none.
    value = "WxgUq" + "7Rb2LmK9pZt4" + "Yv8NcD3sHf"
    tiles = f'provider = ctx.providers.OrdnanceSurvey.Light(key="{value}")\n'
    assert [masked for _, _, masked in find_code_secrets(tiles)] == ["key=****"]
    # A hash or an id (hex), a name of words, an attribute, a longer name and a placeholder are not.
    others = (
        'cache = lookup(key="3f2a9c4e5b6d7e8f9a0b1c2d3e4f5a6b")\n'
        'df.sort_values(key="departure_time_local")\n'
        f'self.key = "{value}"\nmonkey="{value}"\nkey="YOUR_API_KEY_GOES_HERE_1"\n'
    )
    assert list(find_code_secrets(others)) == []


def test_a_value_cut_short_is_a_shape_not_a_secret() -> None:
    mock = 'response = {"token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9..."}\n'
    assert list(find_code_secrets(mock)) == []


def test_a_traceback_handing_a_password_variable_on_shows_no_password() -> None:
    # urllib3's source in a traceback: keyword arguments passed by name.
    frames = "    913     key_password=key_password,\n    741     key_password=self.key_password,\n"
    assert list(find_secrets(frames + "password=db_password\n")) == []
    assert [kind for _, kind, _ in find_secrets("password=password123\n")] == ["password"]


@pytest.mark.parametrize(
    ("text", "kind", "masked"),
    [
        (f"key: {AWS}", "AWS access key id", "AKIA****"),
        (f"token={GITHUB}", "GitHub token", "ghp_****"),
        (f"x = '{OPENAI}'", "OpenAI API key", "sk-****"),
        ("-----BEGIN OPENSSH " + "PRIVATE KEY-----", "private key", "-----BEGIN …"),
        (f'WANDB_API_KEY = "{GENERATED}"', "secret setting", "WANDB_API_KEY=****"),
        (
            f'SECRETKEY = "{GENERATED}"',
            "secret setting",
            "SECRETKEY=****",
        ),  # the word goes on, still a secret's
        (f'API_TOKENS = "{GENERATED}"', "secret setting", "API_TOKENS=****"),
        (f"export DB_PASSWORD={GENERATED}", "secret setting", "DB_PASSWORD=****"),
        (f'{{"SECRET_KEY": "{GENERATED}"}}', "secret setting", "SECRET_KEY=****"),
        (f"- name: HF_TOKEN\n  value: '{GENERATED}'", "secret setting", "HF_TOKEN=****"),
        (f"  HF_TOKEN: {LETTERS_ONLY}", "secret setting", "HF_TOKEN=****"),  # no digits in it
    ],
)
def test_file_patterns(text: str, kind: str, masked: str) -> None:
    found = list(find_file_secrets(text))
    assert [(k, m) for _, k, m in found] == [(kind, masked)]


@pytest.mark.parametrize(
    "text",
    [
        "AKIAIOSFODNN7EXAMPLE",
        "password = 'hunter2'",
        "eyJ" + "a" * 12 + ".eyJ" + "b" * 12 + ".ccccccccccc",  # examples in docs are full of them
        "OPENAI_API_KEY = os.environ['OPENAI_API_KEY']",
        f"myTOKEN = '{GENERATED}'",  # not an upper-case setting
        'TOKENIZER = "sentence-transformers/all-MiniLM-L6-v2"',  # a longer word: a model's name
        f"SECRETARY_ID = '{GENERATED}'",
        "API_KEY = 'your-api-key-0123456789'",
        "SECRET_KEY = 'aaaaaaaaaaaaaaaaaaaaaaaa1'",  # one letter over and over
        "TOKEN_TYPE: AuthorizationHeaderBearerTokenValue",  # words in CamelCase
        "ACCESS_MODE: readwriteexecuteeverythingforeveryone",
        "task-manager disk-usage",  # "sk-" inside words
        # Where a secret is kept, not the secret: a vault item's id, a file, a variable's name.
        f"    SLACK_BOT_TOKEN_BW_ID={GENERATED}",
        f"GITHUB_TOKEN_PATH = '{GENERATED}'",
    ],
)
def test_not_credentials_in_files(text: str) -> None:
    assert list(find_file_secrets(text)) == []


@pytest.mark.parametrize(
    "text", ["TOKEN" * 100_000, "A" * 500_000 + "_API_KEY=", "sk-" * 100_000, "- name: X_TOKEN\n" * 50_000]
)
def test_hostile_text_stays_linear(text: str) -> None:
    began = time.perf_counter()
    list(find_file_secrets(text))
    list(find_secrets(text))
    assert time.perf_counter() - began < 10


@pytest.mark.parametrize(
    ("value", "key", "placeholder"),
    [
        ("YOUR_KEY", "KAGGLE_KEY", True),
        ("your-api-key", "OPENAI_API_KEY", True),
        ("<token>", "GITHUB_TOKEN", True),
        ("[password]", "DB_PASSWORD", True),
        ("${TOKEN}", "TOKEN", True),
        ("xxx", "SECRET", True),
        ("changeme", "DB_PASSWORD", True),
        ("API_TOKEN", "VALID_TOKEN", True),
        ("DB_PASSWORD", "DB_PASSWORD", True),
        ("1", "DEBUG", False),
        ("hunter22", "DB_PASSWORD", False),
        ("INFO", "LOG_LEVEL", False),
        ("Qw3rTy9UiOp1AsDfGh2JkLz", "CLIENT_SECRET", False),
    ],
)
def test_placeholders(value: str, key: str, placeholder: bool) -> None:
    assert is_placeholder(value, key) is placeholder


@pytest.mark.parametrize(
    "text",
    ["api_key" * 100_000, "x_token = '" * 50_000, "a" * 200_000 + "secret = 'Qw3rTy9Ui" + "Op1AsDfGh2JkLz'"],
)
def test_code_secrets_stay_linear(text: str) -> None:
    began = time.perf_counter()
    list(find_code_secrets(text))
    assert time.perf_counter() - began < 10


@given(
    st.lists(
        st.sampled_from(
            [
                "Secret",
                "TOKEN",
                "api_key",
                "ApiKey",
                "access_key",
                "Private_Key",
                "passwd",
                "Password",
                "x",
                "_",
                "=",
                " ",
                "\n",
                "İ",
                "é",
                "'abc'",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_the_word_search_finds_what_the_pattern_finds(text: str) -> None:
    from oss_checks.text.secrets import _CODE_SECRET_END, _secret_words

    assert _secret_words(text) == [(m.start(), m.end()) for m in _CODE_SECRET_END.finditer(text)]
