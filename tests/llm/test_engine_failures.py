"""The LLM engine against a scripted OpenAI-compatible server of our own on 127.0.0.1.

Real HTTP through langchain-openai and the OpenAI SDK; the server returns 429, 500, hangs,
truncated JSON, schema-violating JSON, or nothing at all (connection refused).
"""

from __future__ import annotations

import json
import time

import pytest

from drafter.config import Settings
from drafter.engines.llm import LLMEngine, format_params, strict_schema
from drafter.errors import ConfigError, ProviderError, ValidationFailed
from drafter.models import ArtefactKind, DraftOptions, Status, StatusUpdate

from .support import MODEL_NAME, completion
from .plans import AS_OF, GOOD, NOTES, good_options, good_update, sample_plan

UPDATE = ArtefactKind.UPDATE


def make_engine(url: str, *, timeout: float = 10, max_retries: int = 1, **kw) -> LLMEngine:
    settings = Settings(base_url=url, model=MODEL_NAME, timeout=timeout, max_retries=max_retries)
    return LLMEngine(settings, **kw)


def ok(artefact) -> tuple:
    return (200, completion(artefact.model_dump_json()))


def err(status: int, message: str) -> tuple:
    return (status, {"error": {"message": message, "type": "server_error"}})


def write(engine, kind=UPDATE, notes=NOTES, options=DraftOptions()):
    return engine.write(kind, sample_plan(), notes, options)


@pytest.mark.parametrize("kind", ["update", "options", "delegate"])
def test_happy_path_one_call_with_usage(fake_server, kind):
    fake_server.reply(ok(GOOD[kind]()))
    artefact, meta = write(make_engine(fake_server.url), ArtefactKind(kind), options=DraftOptions(delegate_to="Priya"))
    assert artefact.kind == kind
    assert len(fake_server.requests) == 1
    assert meta.engine == "llm" and meta.model == MODEL_NAME
    assert meta.prompt_name == kind and meta.prompt_version == "2.0"
    assert (meta.tokens_in, meta.tokens_out, meta.llm_calls) == (11, 7, 1)
    assert meta.latency_ms and meta.latency_ms > 0
    sent = fake_server.requests[0]
    # non-OpenAI server: json_object with the schema, max_tokens in the body (extra_body)
    assert sent["response_format"]["type"] == "json_object"
    assert sent["response_format"]["schema"]["title"] in ("StatusUpdate", "OptionsProposal", "DelegationPlan")
    assert sent["max_tokens"] > 0 and "max_completion_tokens" not in sent


def test_429_then_success_is_retried(fake_server):
    fake_server.reply(err(429, "slow down"), ok(good_update()))
    artefact, meta = write(make_engine(fake_server.url, max_retries=2))
    assert isinstance(artefact, StatusUpdate)
    assert len(fake_server.requests) == 2


def test_429_always_names_the_provider(fake_server):
    fake_server.reply(err(429, "slow down"))
    engine = make_engine(fake_server.url, max_retries=1)
    with pytest.raises(ProviderError) as info:
        write(engine)
    msg = str(info.value)
    assert "429" in msg and fake_server.url in msg and "\n" not in msg
    assert len(fake_server.requests) == 2  # one try + one bounded retry
    assert info.value.exit_code == 4


def test_500_is_retried_then_reported(fake_server):
    fake_server.reply(err(500, "kaboom"))
    with pytest.raises(ProviderError) as info:
        write(make_engine(fake_server.url, max_retries=1))
    assert "HTTP 500" in str(info.value) and "kaboom" in str(info.value)
    assert len(fake_server.requests) == 2


def test_hang_times_out_quickly(fake_server):
    fake_server.reply(("hang", 5))
    start = time.monotonic()
    with pytest.raises(ProviderError) as info:
        write(make_engine(fake_server.url, timeout=0.5, max_retries=0))
    assert time.monotonic() - start < 4
    assert "did not answer within 0.5s" in str(info.value)


def test_connection_refused(closed_port_url):
    with pytest.raises(ProviderError) as info:
        write(make_engine(closed_port_url, max_retries=0))
    assert "cannot connect" in str(info.value) and closed_port_url in str(info.value)


def test_truncated_at_token_limit_twice_fails_validation(fake_server):
    fake_server.reply((200, completion('{"kind": "update", "subject": "Q3 do', finish_reason="length")))
    with pytest.raises(ValidationFailed) as info:
        write(make_engine(fake_server.url))
    assert "cut off" in str(info.value) and info.value.exit_code == 5
    assert len(fake_server.requests) == 2
    assert "cut off at the token limit" in fake_server.requests[1]["messages"][-1]["content"]


def test_truncated_json_then_good_retry_succeeds(fake_server):
    fake_server.reply((200, completion('{"kind": "update", "subj')), ok(good_update()))
    artefact, meta = write(make_engine(fake_server.url))
    assert artefact.subject == good_update().subject
    assert meta.llm_calls == 2 and meta.tokens_in == 22
    retry = fake_server.requests[1]["messages"]
    assert retry[:2] == fake_server.requests[0]["messages"]
    assert "not valid JSON" in retry[-1]["content"]


def test_raw_control_characters_in_strings_are_accepted(fake_server):
    # seen from llama.cpp: a literal newline/tab inside a JSON string (invalid for strict json.loads)
    body = good_update().model_dump_json().replace('"subject":"Q3 docs', '"subject":"Q3\tdocs\n', 1)
    assert "\t" in body and "\n" in body
    fake_server.reply((200, completion(body)))
    artefact, meta = write(make_engine(fake_server.url))
    assert meta.llm_calls == 1 and artefact.subject.startswith("Q3\tdocs\n")


def test_schema_violation_then_good_retry_includes_the_error(fake_server):
    bad = {"kind": "update", "as_of": "2026-11-25", "headline": "x", "overall": "great", "items": []}
    fake_server.reply((200, completion(json.dumps(bad))), ok(good_update()))
    artefact, meta = write(make_engine(fake_server.url))
    assert meta.llm_calls == 2
    feedback = fake_server.requests[1]["messages"][-1]["content"]
    assert "subject" in feedback and "overall" in feedback  # the missing field and the bad enum


def test_schema_violation_always_raises_validation_failed(fake_server):
    fake_server.reply((200, completion(json.dumps({"kind": "update", "headline": "x"}))))
    with pytest.raises(ValidationFailed) as info:
        write(make_engine(fake_server.url))
    assert "StatusUpdate" in str(info.value) and "subject" in str(info.value)
    assert len(fake_server.requests) == 2


def test_recommendation_must_name_a_listed_option(fake_server):
    bad = good_options().model_copy(update={"recommendation": "Z"})
    fake_server.reply(ok(bad), ok(good_options()))
    artefact, meta = write(make_engine(fake_server.url), ArtefactKind.OPTIONS)
    assert artefact.recommendation == "B" and meta.llm_calls == 2
    assert "recommendation 'Z'" in fake_server.requests[1]["messages"][-1]["content"]


def test_repeated_option_labels_are_relabelled_not_retried(fake_server):
    same = good_options()
    same = same.model_copy(
        update={"options": [o.model_copy(update={"label": "D"}) for o in same.options], "recommendation": "D"}
    )
    fake_server.reply(ok(same))
    artefact, meta = write(make_engine(fake_server.url), ArtefactKind.OPTIONS)
    assert meta.llm_calls == 1
    assert [o.label for o in artefact.options] == ["A", "B"] and artefact.recommendation == "A"
    assert artefact.reply_hint == "Reply A or B."


def test_unsupported_mode_falls_back_to_function_calling(fake_server):
    unsupported = err(500, "1 validation error: body.response_format.type Input should be 'text' or 'json_object'")
    tool = (200, completion(tool_args=good_update().model_dump_json()))
    fake_server.reply(unsupported, tool, ok(good_update()))
    engine = make_engine(fake_server.url, max_retries=0)
    artefact, meta = write(engine)
    assert artefact.overall == Status.AT_RISK
    assert "response_format" in fake_server.requests[0] and "tools" in fake_server.requests[1]
    assert fake_server.requests[1]["tool_choice"]["function"]["name"] == "StatusUpdate"
    # the working mode is remembered: the next draft goes straight to function calling
    fake_server.reply(tool)
    write(engine)
    assert "tools" in fake_server.requests[2]


def test_function_calling_without_a_tool_call_is_not_a_silent_none(fake_server):
    fake_server.reply((200, completion("I cannot do that")))
    with pytest.raises(ValidationFailed) as info:
        write(make_engine(fake_server.url, method="function_calling"))
    assert "no StatusUpdate tool call" in str(info.value)


def test_function_calling_with_broken_arguments_retries(fake_server):
    fake_server.reply(
        (200, completion(tool_args='{"kind": "update", "subj')),
        (200, completion(tool_args=good_update().model_dump_json())),
    )
    artefact, meta = write(make_engine(fake_server.url, method="function_calling"))
    assert meta.llm_calls == 2 and artefact.subject.startswith("Q3 docs")


def test_plan_status_wins_over_a_rosier_model(fake_server):
    rosy = good_update()
    rosy = rosy.model_copy(
        update={
            "overall": Status.ON_TRACK,
            "as_of": AS_OF.replace(day=1),
            "items": [rosy.items[0].model_copy(update={"status": Status.DONE})],
        }
    )
    fake_server.reply(ok(rosy))
    artefact, _ = write(make_engine(fake_server.url))
    assert artefact.overall == Status.AT_RISK  # the plan says at risk
    assert artefact.items[0].status == Status.AT_RISK
    assert artefact.as_of == AS_OF


def test_grounding_warnings_for_facts_not_in_notes(fake_server):
    made_up = good_update().model_copy(update={"headline": "At risk: Zorblax says ticket ABC-987 costs 4242 dollars."})
    fake_server.reply(ok(made_up))
    _, meta = write(make_engine(fake_server.url))
    joined = " ".join(meta.warnings)
    assert "Zorblax" in joined and "ABC-987" in joined and "4242" in joined
    assert "Dana" not in joined  # Dana is in the notes


def test_dry_run_request_is_exactly_what_is_sent_and_holds_no_key(fake_server):
    settings = Settings(base_url=fake_server.url, model=MODEL_NAME, api_key="sk-test-secret-0123456789", timeout=10, max_retries=0)
    engine = LLMEngine(settings)
    request = engine.build_request(UPDATE, sample_plan(), NOTES, DraftOptions())
    assert "sk-test-secret" not in json.dumps(request)
    fake_server.reply(ok(good_update()))
    write(engine)
    sent = fake_server.requests[0]
    for key in ("model", "messages", "response_format", "max_tokens"):
        assert request["body"][key] == sent[key], key


def test_openai_gets_a_strict_json_schema():
    params = format_params(UPDATE, "json_schema")
    schema = params["response_format"]["json_schema"]["schema"]
    assert params["response_format"]["json_schema"]["strict"] is True

    def objects(node):
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                yield node
            for v in node.values():
                yield from objects(v)
        elif isinstance(node, list):
            for v in node:
                yield from objects(v)

    found = list(objects(schema))
    assert len(found) >= 5
    for node in found:
        assert sorted(node["required"]) == sorted(node["properties"]) and node["additionalProperties"] is False
    assert "title" in schema["$defs"]["ItemStatus"]["properties"]  # a property named title survives
    assert "default" not in json.dumps(schema) and "maxLength" not in json.dumps(schema)
    assert strict_schema({"type": "object", "properties": {}})["additionalProperties"] is False


def test_openai_default_mode_and_max_tokens_param():
    engine = LLMEngine(Settings(api_key="sk-test-0123456789abcdef", timeout=5))
    request = engine.build_request(UPDATE, sample_plan(), NOTES, DraftOptions())
    assert request["method"] == "json_schema" and "max_completion_tokens" in request["body"]
    assert request["url"] == "https://api.openai.com/v1/chat/completions"
    assert "sk-test" not in json.dumps(request)


def test_no_key_and_no_base_url_is_a_config_error():
    engine = LLMEngine(Settings(engine="llm", timeout=5))
    with pytest.raises(ConfigError):
        write(engine)


def test_prompt_for_another_artefact_is_rejected(fake_server):
    engine = LLMEngine(Settings(base_url=fake_server.url, timeout=5), prompt="options")
    with pytest.raises(ConfigError) as info:
        write(engine)
    assert "writes 'options', not 'update'" in str(info.value)


async def test_async_429_then_schema_retry(fake_server):
    fake_server.reply(err(429, "slow down"), (200, completion('{"kind": "update"}')), ok(good_update()))
    engine = make_engine(fake_server.url, max_retries=1)
    artefact, meta = await engine.awrite(UPDATE, sample_plan(), NOTES, DraftOptions())
    assert isinstance(artefact, StatusUpdate)
    assert len(fake_server.requests) == 3 and meta.llm_calls == 2


async def test_async_provider_error(fake_server):
    fake_server.reply(err(503, "overloaded"))
    with pytest.raises(ProviderError) as info:
        await make_engine(fake_server.url, max_retries=0).awrite(UPDATE, sample_plan(), NOTES, DraftOptions())
    assert "HTTP 503" in str(info.value)
