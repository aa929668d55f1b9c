from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission


class ReadOnly(BasePermission):
    """The API only reads: GET, HEAD and OPTIONS."""

    def has_permission(self, request: Any, view: Any) -> bool:
        return request.method in SAFE_METHODS
