"""Password hashes: argon2id, salted, verified in constant form, upgraded when outdated."""

from __future__ import annotations

from argon2 import PasswordHasher

from app.security.passwords import hash_password, needs_rehash, verify_password


def test_a_hash_is_argon2id_salted_and_never_the_password() -> None:
    first, second = hash_password("Sommer2026!"), hash_password("Sommer2026!")
    assert first.startswith("$argon2id$") and "Sommer2026!" not in first
    assert first != second  # a fresh salt each time


def test_only_the_right_password_matches() -> None:
    stored = hash_password("Sommer2026!")
    assert verify_password(stored, "Sommer2026!")
    assert not verify_password(stored, "sommer2026!")
    assert not verify_password(stored, "")


def test_non_ascii_passwords_work() -> None:
    stored = hash_password("Grüße-كلمة-🔑")
    assert verify_password(stored, "Grüße-كلمة-🔑")
    assert not verify_password(stored, "Grusse-كلمة-🔑")


def test_a_damaged_or_foreign_hash_never_matches() -> None:
    assert not verify_password("", "x")
    assert not verify_password("$2b$12$notargon", "x")
    assert not verify_password(hash_password("abcdefgh")[:-4] + "AAAA", "abcdefgh")


def test_a_hash_with_old_parameters_needs_rehash() -> None:
    assert not needs_rehash(hash_password("abcdefgh"))
    weak = PasswordHasher(time_cost=1, memory_cost=8192).hash("abcdefgh")
    assert needs_rehash(weak)
    assert verify_password(weak, "abcdefgh")  # still accepted until it is replaced
    assert needs_rehash("not a hash")
