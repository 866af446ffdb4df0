"""The wire codec: plain data round-trips, anything else is refused, decoding is strict."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from mltrail.sandbox.codec import SELF, CodecError, Iterated, decode, encode

CAP = 1 << 20


def roundtrip(value):
    return decode(encode(value, CAP), CAP)


@pytest.mark.parametrize(
    "value",
    [None, True, False, 0, -7, 2**70, 1.5, "héllo", [1, [2, 3]], (1, "a"), {"a": 1, (1, 2): [3]}, {1, 2, 3},
     frozenset({"x"}), 1 + 2j, {"nested": {"t": (1.0, None)}}],
)
def test_plain_values_roundtrip_with_their_types(value):
    back = roundtrip(value)
    assert back == value
    assert type(back) is (set if type(value) is frozenset else type(value))


def test_non_finite_floats_roundtrip():
    back = roundtrip([math.inf, -math.inf, math.nan])
    assert back[0] == math.inf and back[1] == -math.inf and math.isnan(back[2])


@pytest.mark.parametrize("dtype", ["int64", "float32", "float64", "bool", "complex128", "uint8"])
def test_numpy_arrays_keep_dtype_and_shape(dtype):
    array = (np.arange(12).reshape(3, 4) % 3).astype(dtype)
    back = roundtrip(array)
    assert back.dtype == array.dtype and back.shape == (3, 4)
    np.testing.assert_array_equal(back, array)


def test_numpy_scalars_become_python_scalars():
    assert type(roundtrip(np.float64(1.5))) is float
    assert type(roundtrip(np.int32(3))) is int
    assert type(roundtrip(np.bool_(True))) is bool


def test_dataframes_and_series_roundtrip():
    frame = pd.DataFrame({"a": [1, 2], "b": [0.5, 1.5], "c": ["x", "y"]}, index=[10, 20])
    back = roundtrip(frame)
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)
    series = pd.Series([1.0, 2.0], index=["u", "v"], name="s")
    pd.testing.assert_series_equal(roundtrip(series), series)


def test_generators_and_self_marker_roundtrip():
    assert roundtrip(Iterated([1, 2], truncated=False)) == Iterated([1, 2])
    assert roundtrip([SELF, 1])[0] is SELF


def test_objects_that_are_not_plain_data_are_refused_with_a_message():
    class Liar:
        def __eq__(self, other):
            return True

    with pytest.raises(CodecError, match="cannot be returned"):
        encode(Liar(), CAP)
    with pytest.raises(CodecError):
        encode(lambda: 1, CAP)


def test_subclasses_of_builtins_are_refused():
    class Sneaky(int):
        def __eq__(self, other):
            return True

    with pytest.raises(CodecError):
        encode(Sneaky(1), CAP)


def test_size_cap_is_enforced_both_ways():
    with pytest.raises(CodecError, match="too large"):
        encode("x" * 5000, 1000)
    with pytest.raises(CodecError, match="too large"):
        decode(b"[" + b"1," * 1000 + b"1]", 100)


def test_deep_nesting_is_refused():
    value: list = []
    for _ in range(200):
        value = [value]
    with pytest.raises(CodecError):
        encode(value, CAP)


@pytest.mark.parametrize(
    "raw",
    [
        b"\xff\xfe",
        b'{"$t": "pickle", "v": "gASV"}',
        b'{"$t": "nd", "dtype": "object", "shape": [1], "b64": ""}',
        b'{"$t": "nd", "dtype": "<f8", "shape": [2], "b64": "AAAAAAAA8D8="}',
        b'{"$t": "float", "v": "1e308"}',
        b'{"$t": "set", "v": [[1]]}',
        b'{"plain": "dict"}',
        b"[" * 100000,
        b"NaN",
    ],
)
def test_malformed_or_forged_bytes_are_refused(raw):
    with pytest.raises(CodecError):
        decode(raw, CAP)


def test_decoded_values_are_only_builtin_or_codec_types():
    raw = json.dumps({"$t": "dict", "v": [["k", {"$t": "tuple", "v": [1, 2.0]}]]}).encode()
    back = decode(raw, CAP)
    assert type(back) is dict and type(back["k"]) is tuple


def test_dict_subclasses_cross_as_plain_dicts_of_their_contents():
    from collections import Counter, OrderedDict, defaultdict

    counts = defaultdict(int, {"a": 2})
    for value in (counts, Counter("abca"), OrderedDict([(1, "x"), (2, "y")])):
        back = roundtrip(value)
        assert type(back) is dict and back == dict(value)

    class Lying(dict):
        def items(self):
            return [("forged", 1)]

        def __eq__(self, other):
            return True

    assert roundtrip(Lying(real=2)) == {"real": 2}
