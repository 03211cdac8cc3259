"""
The typed client for external sites (clients/typescript/): its types are generated from the
committed OpenAPI description, never edited, and it compiles under `tsc --strict`. The example of
its README runs against the running demo in tests/demo/test_running_demo.py.
"""

from tests.clients.typescript import CLIENT, npm


def test_the_client_type_checks_strictly():
    assert '"strict": true' in (CLIENT / "tsconfig.json").read_text()
    npm("exec", "--", "tsc", "--noEmit", "--strict")


def test_the_client_is_generated_from_the_committed_description(tmp_path):
    """Regenerated from docs/openapi-v2.json, the types are what is committed: `make client`."""
    fresh = tmp_path / "v2.d.ts"
    npm("exec", "--", "openapi-typescript", "../../docs/openapi-v2.json", "--output", str(fresh))

    committed = (CLIENT / "src" / "v2.d.ts").read_text()
    assert fresh.read_text() == committed, "The client is stale: run `make client`, commit it"
