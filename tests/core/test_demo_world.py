"""The suite's shared demo world survives transactional tests (which flush every table)."""

from __future__ import annotations

import pytest

from samskapa.accounts.models import User

pytestmark = pytest.mark.demo


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_sees_the_demo_world() -> None:
    assert User.objects.filter(email="admin@samskapa.test").exists()


@pytest.mark.django_db
def test_the_demo_world_is_back_after_a_transactional_test() -> None:
    assert User.objects.filter(email="admin@samskapa.test").exists()
