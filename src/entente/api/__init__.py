"""``entente serve``: a REST API over the store and the dashboard (floor 8: FastAPI, pydantic at
this edge only).

>>> from entente.api import Settings, create_app
>>> app = create_app(Settings(db="sqlite:///entente.db"))   # doctest: +SKIP
"""

from __future__ import annotations

from entente.api.app import create_app
from entente.api.settings import Settings

__all__ = ["Settings", "create_app"]
