"""The OpenAPI document tells the truth: unique schema names, one error shape, every error documented."""

import pytest

from inzet.accounts.models import ApiToken


@pytest.fixture
def schema(client):
    return client.get("/api/openapi.json").json()


def _response_schema(schema, path, method, status):
    content = schema["paths"][path][method]["responses"][str(status)]["content"]["application/json"]["schema"]
    name = content["$ref"].rsplit("/", 1)[1]
    return name, schema["components"]["schemas"][name]


def test_every_schema_name_is_used_by_one_class_only():
    from pydantic import BaseModel

    from inzet.api.routers import accounts, compensation, directory, engagements, experts, matching, recruitment

    seen = {}
    for module in (accounts, compensation, directory, engagements, experts, matching, recruitment):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__.startswith("inzet."):
                seen.setdefault(value.__name__, set()).add(value.__module__ + "." + value.__qualname__)
    duplicated = {name: owners for name, owners in seen.items() if len(owners) > 1}
    assert duplicated == {}


def test_the_own_profile_is_documented_with_its_own_shape(schema):
    _name, me = _response_schema(schema, "/api/experts/me", "get", 200)
    assert "visibility" in me["properties"] and "experiences" in me["properties"]


def test_every_operation_documents_its_errors_with_one_shape(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            if not operation.get("security"):
                continue
            for status in (401, 403, 422):
                name, error = _response_schema(schema, path, method, status)
                assert error["properties"]["detail"]["type"] == "string", (path, method, status, name)


def test_an_invalid_body_gets_the_documented_error_shape(client, expert):
    _token, raw = ApiToken.issue(user=expert, name="t")
    response = client.post(
        "/api/compensation/hours",
        {"assignment_id": "x", "date": "gisteren", "hours": 3},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 422
    body = response.json()
    assert isinstance(body["detail"], str)
    assert "assignment_id" in body["detail"] and "date" in body["detail"]
    assert {tuple(error["loc"]) for error in body["errors"]} >= {("body", "payload", "assignment_id")}


def test_a_path_that_is_not_a_number_gets_json_not_a_page(client, expert):
    _token, raw = ApiToken.issue(user=expert, name="t")
    response = client.get("/api/experts/-5", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code in (404, 422)
    assert response["Content-Type"].startswith("application/json")


def test_every_write_documents_the_idempotency_key(schema):
    writes = 0
    for methods in schema["paths"].values():
        for method, operation in methods.items():
            if method not in ("post", "put", "patch", "delete"):
                continue
            writes += 1
            headers = [p for p in operation.get("parameters", []) if p["in"] == "header"]
            assert [p["name"] for p in headers] == ["Idempotency-Key"], operation["operationId"]
            assert headers[0]["required"] is False
            assert "409" in operation["responses"], operation["operationId"]
    assert writes > 10
    reads = [op for methods in schema["paths"].values() for m, op in methods.items() if m == "get"]
    assert all("Idempotency-Key" not in str(op.get("parameters", [])) for op in reads)
