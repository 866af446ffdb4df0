"""A job's reply is untrusted data: decoded against a strict schema, at bounded cost.

The child writes one JSON object to its result descriptor. Anything it sends is
only "what the learner's code produced": the schema below is a closed set of
shapes (status is one of three tags, every field typed, unknown fields refused),
and nothing in it can say "passed" — the trusted side decides that by comparing.
Size and node count are checked on the raw bytes before anything is parsed, so
a reply can cost no more than a bounded parse.
"""

from __future__ import annotations

from typing import Annotated, Union

import msgspec

MAX_REPLY_BYTES = 24 * 1024 * 1024
MAX_REPLY_NODES = 1_500_000
MAX_MESSAGE_CHARS = 16 * 1024
Message = Annotated[str, msgspec.Meta(max_length=4 * MAX_MESSAGE_CHARS)]


class ReplyRefused(ValueError):
    """The reply is not one the schema allows, or costs too much to read."""


Name = Annotated[str, msgspec.Meta(max_length=200)]


class Raised(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """The exception the code raised on a case: its class and bases by name, its message, where."""

    types: Annotated[list[Name], msgspec.Meta(max_length=32)]  # the class's MRO, most derived first
    message: Message = ""
    step: int | None = None  # for a class: 0 the constructor, k the k-th method call


class CaseReply(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One case: the encoded value the code returned, or the error it raised."""

    ok: str | None = None
    error: Message | None = None
    ms: float = 0.0
    raised: Raised | None = None
    changed: Annotated[list[Name], msgspec.Meta(max_length=64)] | None = None  # inputs the code modified


class AnswerReply(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One named value read from the code's namespace, or expression values at given points."""

    ok: str | None = None
    values: list[float | None] | None = None  # None: not a finite number
    error: Message | None = None
    missing: bool = False


class Ran(msgspec.Struct, tag="ran", tag_field="status", forbid_unknown_fields=True, frozen=True):
    """The code loaded and ran: per-case results (calls) or per-name answers (values)."""

    results: list[CaseReply] | None = None
    answers: dict[str, AnswerReply] | None = None


class Refused(msgspec.Struct, tag="error", tag_field="status", forbid_unknown_fields=True, frozen=True):
    """The code could not run (syntax error, missing entry, error while loading)."""

    message: Message
    case: int | None = None


class OutOfMemory(msgspec.Struct, tag="memory_limit", tag_field="status", forbid_unknown_fields=True, frozen=True):
    """The code ran out of memory."""

    message: Message
    case: int | None = None


Reply = Union[Ran, Refused, OutOfMemory]
_decoder = msgspec.json.Decoder(Reply)


def count_nodes(data: bytes) -> int:
    """An upper bound on the JSON values in `data`, counted without parsing it."""
    return data.count(b"[") + data.count(b"{") + data.count(b",") + 1


def decode_reply(data: bytes) -> Reply:
    """Bytes from a job to a typed reply, or ReplyRefused; never costs more than a bounded parse."""
    if len(data) > MAX_REPLY_BYTES:
        raise ReplyRefused(f"the reply is {len(data):,} bytes; the limit is {MAX_REPLY_BYTES:,}")
    if count_nodes(data) > MAX_REPLY_NODES:
        raise ReplyRefused(f"the reply holds more than {MAX_REPLY_NODES:,} values")
    try:
        reply = _decoder.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError) as exc:
        raise ReplyRefused(f"the reply does not fit the schema: {str(exc)[:200]}") from None
    return reply


def encode_reply(reply: Reply) -> bytes:
    return msgspec.json.encode(reply)


def clip(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """A message from the sandbox cut to a size worth showing and storing."""
    return text if len(text) <= limit else text[:limit] + f"\n... ({len(text) - limit:,} more characters cut)"
