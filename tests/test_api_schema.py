"""schemathesis against the OpenAPI schema, on the ASGI app in process: for examples generated
from the schema (a bounded number per operation), no server error (5xx) and no response that
breaks its documented schema, status code, content type or headers.

Every default check runs but ``positive_data_acceptance``: a schema-valid request may still be
refused with a documented 4xx (a cursor this server never gave, a URL that cannot be fetched,
a text with no article in it). And a body over the server's size limit is refused with 413
before it is read, whatever it holds: schemathesis's ``negative_data_rejection`` does not list
413, so for those responses that one check gives way to ours (the JSON error of the limit)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    negative_data_rejection,
    positive_data_acceptance,
)

from api_helpers import build_store  # noqa: E402
from entente.api import Settings, create_app  # noqa: E402

MAX_EXAMPLES = 30

# schemathesis reads the schema when the module is collected: the store is made then, in a
# temporary folder removed at exit
_folder = Path(tempfile.mkdtemp(prefix="entente-schema-"))
atexit.register(shutil.rmtree, _folder, True)
# a short fetch deadline: generated URLs must fail fast, whatever the network does
app = create_app(Settings(db=build_store(_folder / "store.db"), token="schema-token", fetch_timeout=2.0))
schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case: Any) -> None:
    response = case.call()
    excluded = [positive_data_acceptance]
    if response.status_code == 413:
        assert response.json()["error"]["code"] == "payload_too_large"
        excluded.append(negative_data_rejection)
    case.validate_response(response, excluded_checks=excluded)
