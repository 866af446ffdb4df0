"""A job's reply is untrusted: strict schema, bounded cost, and no way to say "passed"."""

from __future__ import annotations

import json

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mltrail.sandbox import codec, reply
from mltrail.sandbox.reply import AnswerReply, CaseReply, OutOfMemory, Ran, Refused, ReplyRefused, decode_reply


def test_well_formed_replies_decode_to_their_types():
    ran = decode_reply(b'{"status": "ran", "results": [{"ok": "1", "ms": 0.5}, {"error": "boom"}]}')
    assert ran == Ran(results=[CaseReply(ok="1", ms=0.5), CaseReply(error="boom")])
    assert decode_reply(b'{"status": "error", "message": "no"}') == Refused("no")
    assert decode_reply(b'{"status": "memory_limit", "message": "oom", "case": 3}') == OutOfMemory("oom", case=3)
    answers = decode_reply(b'{"status": "ran", "answers": {"q1": {"values": [1.0, null]}, "q2": {"missing": true}}}')
    assert answers.answers == {"q1": AnswerReply(values=[1.0, None]), "q2": AnswerReply(missing=True)}


@pytest.mark.parametrize("forged", [
    b'{"status": "passed"}',
    b'{"status": "passed", "message": "all right"}',
    b'{"status": "ran", "passed": true}',
    b'{"status": "ran", "results": [{"ok": "1", "passed": true}]}',
    b'{"status": "ran", "answers": {"q1": {"correct": true}}}',
    b'{"status": "ran", "answers": {"q1": {"values": "all"}}}',
    b'{"status": "error"}',
    b'{"status": ["ran"]}',
    b'[{"status": "ran"}]',
    b'"ran"',
    b'{"status": "ran", "results": [{"ok": 1}]}',
])
def test_replies_outside_the_schema_are_refused(forged):
    with pytest.raises(ReplyRefused):
        decode_reply(forged)


class _ParseForbidden:
    def decode(self, data):
        raise AssertionError("a reply over the limits must be refused before it is parsed")


def test_huge_or_dense_replies_are_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(reply, "_decoder", _ParseForbidden())
    dense = b'{"status": "ran", "results": [' + b",".join([b"[]"] * (reply.MAX_REPLY_NODES + 1)) + b"]}"
    with pytest.raises(ReplyRefused, match="more than"):
        decode_reply(dense)
    with pytest.raises(ReplyRefused, match="limit"):
        decode_reply(b" " * (reply.MAX_REPLY_BYTES + 1))


def test_dense_values_are_refused_before_parsing(monkeypatch):
    def no_parse(*args, **kwargs):
        raise AssertionError("parsed")

    monkeypatch.setattr(codec.json, "loads", no_parse)
    with pytest.raises(codec.CodecError, match="more than"):
        codec.decode(b"[" + b",".join([b"[]"] * codec.MAX_DECODED_NODES) + b"]", 1 << 26)


@pytest.mark.parametrize("tag", ["set", "dict"])
def test_hash_colliding_keys_are_refused(tag):
    colliding = [k * (2**61 - 1) for k in range(1, codec.MAX_SHARED_HASH + 2)]
    items = colliding if tag == "set" else [[k, 0] for k in colliding]
    with pytest.raises(codec.CodecError, match="share one hash"):
        codec.decode(json.dumps({"$t": tag, "v": items}).encode(), 1 << 20)
    few = colliding[: codec.MAX_SHARED_HASH]
    assert len(codec.decode(json.dumps({"$t": "set", "v": few}).encode(), 1 << 20)) == len(few)


@pytest.mark.parametrize("dtype", ["V8", "O", "(1000000000,)f8", "f8,f8", "M8[s]", 5, None])
def test_array_dtypes_outside_plain_numbers_are_refused(dtype):
    tree = {"$t": "nd", "dtype": dtype, "shape": [1], "b64": "AAAAAAAAAAA="}
    with pytest.raises(codec.CodecError):
        codec.decode(json.dumps(tree).encode(), 1 << 20)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=512))
def test_any_bytes_give_a_reply_or_a_clean_refusal(data):
    try:
        result = decode_reply(data)
    except ReplyRefused:
        return
    assert isinstance(result, (Ran, Refused, OutOfMemory))


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(
        ["status", "results", "answers", "ok", "error", "message", "values", "missing", "case", "ms", "$t", "v"]),
        children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_json)
def test_any_json_gives_a_reply_or_a_clean_refusal(tree):
    data = msgspec.json.encode(tree)
    try:
        decode_reply(data)
    except ReplyRefused:
        pass
    try:
        codec.decode(data, 1 << 20)
    except codec.CodecError:
        pass
