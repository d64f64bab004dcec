"""Password hashes: argon2id with argon2-cffi's default parameters (RFC 9106, low memory).

Only hashes are stored; the encoded hash carries its own parameters and salt, so that a
later change of parameters needs no migration – :func:`needs_rehash` tells when a stored
hash should be replaced at the next successful sign-in.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher


@cache
def _hasher() -> PasswordHasher:
    # Imported when a password is first checked: a workstation that signs in as the
    # Windows user never needs argon2, and the app starts without it.
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    """The encoded argon2id hash (``$argon2id$v=19$m=…``) with a fresh salt."""
    return _hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether ``password`` matches; a damaged or foreign hash never matches."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether the hash was made with other parameters than today's defaults."""
    from argon2.exceptions import InvalidHashError

    try:
        return _hasher().check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def verify_against_dummy(password: str) -> None:
    """Spend the time of a real verification, for a user name that has no usable hash:
    an answer that came faster would tell that the account does not exist."""
    verify_password(_dummy_hash(), password)


@cache
def _dummy_hash() -> str:
    return hash_password("no account has this password")
