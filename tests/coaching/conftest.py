from tests.english import _english, login

__all__ = ["_english", "login"]
