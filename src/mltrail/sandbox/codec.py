"""The wire codec between the trusted grader and the sandbox: plain data, size-capped.

Values travel as JSON with a few tagged objects ({"$t": ...}) for what JSON lacks:
tuples, sets, dicts with any hashable keys, complex numbers, numpy arrays, pandas
frames, consumed generators and the "returned self" marker. Decoding builds only
these types, with strict checks, and never unpickles or evaluates anything: an
object that lies about its equality cannot cross, it fails to encode.

This module is also imported inside the sandbox, so it imports numpy and pandas
only when a value needs them.
"""

from __future__ import annotations

import base64
import json
import math
import re
from collections import Counter
from typing import Any

MAX_DEPTH = 64
MAX_ITEMS = 2_000_000
MAX_ITERATED = 100_000
MAX_DECODED_NODES = 1_000_000
MAX_SHARED_HASH = 64  # distinct keys of a set or dict that may share one hash value
_DTYPE = re.compile(r"[<>|=]?[biufc][1-9][0-9]?")


class CodecError(ValueError):
    """A value that cannot cross the wire; the message is meant for the learner."""


class Iterated:
    """What a generator or iterator yielded, consumed by the sandbox."""

    __slots__ = ("items", "truncated")

    def __init__(self, items: list, truncated: bool = False) -> None:
        self.items = items
        self.truncated = truncated

    def __eq__(self, other: object) -> bool:
        return type(other) is Iterated and self.items == other.items and self.truncated == other.truncated

    def __repr__(self) -> str:
        return f"<generator yielding {self.items!r}{' ...' if self.truncated else ''}>"


# The name checks show a learner (`type(got).__name__` in a message): what they returned.
Iterated.__name__ = Iterated.__qualname__ = "generator"


class _SelfMarker:
    """Stands for 'the method returned the object itself' (as `fit` does)."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "self"


SELF = _SelfMarker()


# ---------------------------------------------------------------- encoding


def _type_name(value: Any) -> str:
    kind = type(value)
    return kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


class _Encoder:
    def __init__(self) -> None:
        self.count = 0

    def encode(self, value: Any, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_ITEMS:
            raise CodecError(f"the value has more than {MAX_ITEMS:,} elements")
        if depth > MAX_DEPTH:
            raise CodecError(f"the value is nested more than {MAX_DEPTH} levels deep")
        kind = type(value)
        if value is None or kind is bool or kind is str:
            return value
        if kind is int:
            if abs(value).bit_length() > 4000:
                raise CodecError("an integer in the value has more than 4000 bits")
            return value
        if kind is float:
            return value if math.isfinite(value) else {"$t": "float", "v": repr(value)}
        if kind is complex:
            return {"$t": "complex", "re": self.encode(value.real), "im": self.encode(value.imag)}
        if kind is list:
            return [self.encode(v, depth + 1) for v in value]
        if kind is tuple:
            return {"$t": "tuple", "v": [self.encode(v, depth + 1) for v in value]}
        if kind is dict:
            return {"$t": "dict", "v": [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in value.items()]}
        if kind is set or kind is frozenset:
            return {"$t": "set", "v": [self.encode(v, depth + 1) for v in value]}
        if value is SELF:
            return {"$t": "self"}
        if kind is Iterated:
            return {"$t": "iter", "v": [self.encode(v, depth + 1) for v in value.items], "truncated": value.truncated}
        if isinstance(value, dict):
            # defaultdict, Counter, OrderedDict and any other dict subclass cross as the plain dict
            # of their contents, read with dict's own methods so that no override is believed.
            pairs = dict.items(value)
            return {"$t": "dict", "v": [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in pairs]}
        return self._encode_library_value(value, depth)

    def _encode_library_value(self, value: Any, depth: int) -> Any:
        module = type(value).__module__.split(".")[0]
        if module == "numpy":
            return self._encode_numpy(value, depth)
        if module == "pandas":
            return self._encode_pandas(value, depth)
        if module == "matplotlib":
            return self.encode(figure_summary(value), depth)
        if module == "torch":
            return self.encode(torch_plain(value), depth)
        raise CodecError(
            f"a value of type {_type_name(value)} cannot be returned; return plain data "
            "(numbers, strings, lists, tuples, dicts, sets, numpy arrays or pandas frames)"
        )

    def _encode_numpy(self, value: Any, depth: int) -> Any:
        import numpy as np

        if isinstance(value, np.generic):
            if isinstance(value, np.bool_):
                return bool(value)
            if isinstance(value, np.integer):
                return int(value)
            if isinstance(value, np.floating):
                return self.encode(float(value))
            if isinstance(value, np.complexfloating):
                return self.encode(complex(value))
            if isinstance(value, np.str_):  # an element of a string array: a str
                return self.encode(str(value))
        if type(value) is np.ndarray:
            self.count += value.size
            if self.count > MAX_ITEMS:
                raise CodecError(f"the value has more than {MAX_ITEMS:,} elements")
            if value.dtype.kind in "biufc":
                data = np.ascontiguousarray(value)
                return {
                    "$t": "nd",
                    "dtype": data.dtype.str,
                    "shape": list(data.shape),
                    "b64": base64.b64encode(data.tobytes()).decode("ascii"),
                }
            if value.dtype.kind in "US":
                return {"$t": "ndstr", "shape": list(value.shape), "v": [str(v) for v in value.ravel().tolist()]}
            if value.dtype.kind == "O":
                return {"$t": "ndobj", "shape": list(value.shape), "v": [self.encode(v, depth + 1) for v in value.ravel().tolist()]}
        raise CodecError(
            f"a value of type {_type_name(value)} cannot be returned; use a plain numpy array "
            "(np.asarray(x)) or a Python number"
        )

    def _encode_pandas(self, value: Any, depth: int) -> Any:
        import pandas as pd

        if type(value) is pd.DataFrame:
            return {
                "$t": "df",
                "columns": [self.encode(_plain(c), depth + 1) for c in value.columns],
                "index": [self.encode(_plain(i), depth + 1) for i in value.index],
                "data": [self._encode_numpy(_column_array(value.iloc[:, j]), depth + 1) for j in range(value.shape[1])],
            }
        if type(value) is pd.Series:
            return {
                "$t": "series",
                "name": self.encode(_plain(value.name), depth + 1),
                "index": [self.encode(_plain(i), depth + 1) for i in value.index],
                "data": self._encode_numpy(_column_array(value), depth + 1),
            }
        raise CodecError(f"a value of type {_type_name(value)} cannot be returned; return a DataFrame or Series")


def torch_plain(value: Any) -> Any:
    """A PyTorch tensor as a numpy array (detached, on the CPU); a torch.Size as a tuple."""
    import torch

    if isinstance(value, torch.Tensor):
        tensor = value.detach().cpu()
        if tensor.dtype in (torch.bfloat16, torch.float16):
            tensor = tensor.float()  # numpy has no bfloat16
        return tensor.numpy()
    if isinstance(value, torch.Size):
        return tuple(int(n) for n in value)
    raise CodecError(f"a value of type {_type_name(value)} cannot be returned; return a tensor, "
                     "a numpy array or plain numbers (a model's outputs, not the model)")


def figure_summary(value: Any) -> dict:
    """What a check can read of a matplotlib Figure or Axes: titles, labels and plotted data.

    {"axes": [{"title", "xlabel", "ylabel", "xscale", "yscale",
               "lines": [{"x": [...], "y": [...], "label"}], "bars": [{"x", "height", "width"}],
               "scatter": [{"offsets": [[x, y], ...]}], "legend": [...]}]}
    A line or collection without a label of its own (matplotlib names those "_child0") has
    the label "". Values that are not numbers (dates, categories) come as strings.
    """
    from matplotlib.axes import Axes
    from matplotlib.collections import PathCollection
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    if isinstance(value, Axes):
        axes = [value]
    elif isinstance(value, Figure):
        axes = list(value.axes)
    else:
        raise CodecError(f"a value of type {_type_name(value)} cannot be returned; return the Figure or its Axes")

    def label(artist: Any) -> str:
        text = str(artist.get_label() or "")
        return "" if text.startswith("_") else text

    def numbers(values: Any) -> list:
        import numpy as np

        array = np.asarray(values)
        if array.dtype.kind in "biuf":
            return [float(v) for v in array.ravel().tolist()]
        return [str(v) for v in array.ravel().tolist()]

    summary = []
    for ax in axes:
        legend = ax.get_legend()
        summary.append({
            "title": str(ax.get_title()),
            "xlabel": str(ax.get_xlabel()),
            "ylabel": str(ax.get_ylabel()),
            "xscale": str(ax.get_xscale()),
            "yscale": str(ax.get_yscale()),
            "lines": [{"x": numbers(line.get_xdata()), "y": numbers(line.get_ydata()), "label": label(line)}
                      for line in ax.get_lines()],
            "bars": [{"x": float(patch.get_x()), "height": float(patch.get_height()), "width": float(patch.get_width())}
                     for patch in ax.patches if isinstance(patch, Rectangle)],
            "scatter": [{"offsets": [[float(x), float(y)] for x, y in collection.get_offsets().tolist()],
                         "label": label(collection)}
                        for collection in ax.collections if isinstance(collection, PathCollection)],
            "legend": [str(text.get_text()) for text in legend.get_texts()] if legend is not None else [],
        })
    return {"axes": summary}


def _plain(label: Any) -> Any:
    """Index labels as plain Python values (numpy scalars and timestamps to str/number)."""
    if hasattr(label, "item") and type(label).__module__ == "numpy":
        return label.item()
    if label is None or type(label) in (bool, int, float, str, tuple):
        return label
    return str(label)


def _column_array(series: Any) -> Any:
    import numpy as np

    values = series.to_numpy()
    if values.dtype.kind in "biufcUS":
        return values
    return np.asarray(values, dtype=object)


def encode(value: Any, max_bytes: int) -> bytes:
    """Plain data to bytes, or CodecError with a message a learner understands."""
    try:
        tree = _Encoder().encode(value)
        data = json.dumps(tree, separators=(",", ":"), allow_nan=False).encode("utf-8")
    except RecursionError:
        raise CodecError("the value is nested too deeply") from None
    if len(data) > max_bytes:
        raise CodecError(f"the value is too large to send back ({len(data):,} bytes; the limit is {max_bytes:,})")
    return data


LIBRARY_VALUES = ("matplotlib", "torch")  # returned objects that cross as plain data (a summary, an array)


def as_plain(value: Any, depth: int = 0) -> Any:
    """A reference's value as the learner's will arrive: figures as their summary (and closed),
    tensors as numpy arrays.

    Everything else is returned as it is, without a copy; short containers (a class's list of
    call results, a tuple of figure and value) are looked into.
    """
    root = type(value).__module__.split(".")[0]
    if root == "matplotlib":
        summary = figure_summary(value)
        import sys

        if "matplotlib.pyplot" in sys.modules:  # a reference that used pyplot: free its figure
            figure = value.get_figure() if hasattr(value, "get_figure") and value.get_figure() is not None else value
            sys.modules["matplotlib.pyplot"].close(figure)
        return summary
    if root == "torch":
        return torch_plain(value)
    if depth < 4 and type(value) in (list, tuple) and 0 < len(value) <= 32 and any(
            type(v).__module__.split(".")[0] in LIBRARY_VALUES or type(v) in (list, tuple, dict) for v in value):
        return type(value)(as_plain(v, depth + 1) for v in value)
    if depth < 4 and type(value) is dict and len(value) <= 32 and any(type(v).__module__.split(".")[0] in LIBRARY_VALUES for v in value.values()):
        return {k: as_plain(v, depth + 1) for k, v in value.items()}
    return value


def libraries(encoded: str | bytes) -> set[str]:
    """The libraries beyond numpy that decoding an encoded value imports (pandas for frames).

    A tag can only appear as JSON structure: inside a string its quotes are escaped.
    """
    text = encoded.decode("utf-8", "replace") if isinstance(encoded, bytes) else encoded
    return {"pandas"} if ('"$t":"df"' in text or '"$t":"series"' in text) else set()


# ---------------------------------------------------------------- decoding


class _Decoder:
    def decode(self, tree: Any, depth: int = 0) -> Any:
        if depth > MAX_DEPTH + 2:
            raise CodecError("nested too deeply")
        kind = type(tree)
        if tree is None or kind in (bool, int, str):
            return tree
        if kind is float:
            return tree
        if kind is list:
            return [self.decode(v, depth + 1) for v in tree]
        if kind is dict:
            return self._decode_tagged(tree, depth)
        raise CodecError(f"unexpected {kind.__name__} on the wire")

    def _keys(self, values: list) -> list:
        """Set elements or dict keys, refused when many share a hash (a quadratic-time insert)."""
        for value in values:
            self._key(value)
        counts = Counter(hash(v) for v in values)
        if counts and max(counts.values()) > MAX_SHARED_HASH:
            raise CodecError("too many set elements or dict keys share one hash value")
        return values

    def _items(self, tree: dict, key: str = "v") -> list:
        items = tree.get(key)
        if type(items) is not list:
            raise CodecError(f"malformed '{tree.get('$t')}' value")
        return items

    def _decode_tagged(self, tree: dict, depth: int) -> Any:
        tag = tree.get("$t")
        if tag == "float":
            text = tree.get("v")
            if text not in ("nan", "inf", "-inf"):
                raise CodecError("malformed float")
            return float(text)
        if tag == "complex":
            re, im = self.decode(tree.get("re"), depth + 1), self.decode(tree.get("im"), depth + 1)
            if type(re) is not float or type(im) is not float:
                raise CodecError("malformed complex")
            return complex(re, im)
        if tag == "tuple":
            return tuple(self.decode(v, depth + 1) for v in self._items(tree))
        if tag == "set":
            return set(self._keys([self.decode(v, depth + 1) for v in self._items(tree)]))
        if tag == "dict":
            pairs = self._items(tree)
            if any(type(pair) is not list or len(pair) != 2 for pair in pairs):
                raise CodecError("malformed dict")
            keys = self._keys([self.decode(pair[0], depth + 1) for pair in pairs])
            return dict(zip(keys, (self.decode(pair[1], depth + 1) for pair in pairs)))
        if tag == "self":
            return SELF
        if tag == "iter":
            truncated = tree.get("truncated")
            if type(truncated) is not bool:
                raise CodecError("malformed generator")
            return Iterated([self.decode(v, depth + 1) for v in self._items(tree)], truncated)
        if tag in ("nd", "ndstr", "ndobj"):
            return self._decode_array(tree, depth)
        if tag in ("df", "series"):
            return self._decode_pandas(tree, depth)
        raise CodecError(f"unknown tag {tag!r}")

    @staticmethod
    def _key(value: Any) -> Any:
        try:
            hash(value)
        except TypeError:
            raise CodecError("a dict key or set element is not hashable") from None
        return value

    def _shape(self, tree: dict) -> tuple[int, ...]:
        shape = tree.get("shape")
        if type(shape) is not list or len(shape) > 32 or any(type(n) is not int or n < 0 for n in shape):
            raise CodecError("malformed array shape")
        return tuple(shape)

    def _decode_array(self, tree: dict, depth: int) -> Any:
        import numpy as np

        shape = self._shape(tree)
        size = math.prod(shape)
        if tree["$t"] == "nd":
            text = tree.get("dtype")
            if type(text) is not str or not _DTYPE.fullmatch(text):
                raise CodecError("malformed array dtype")
            try:
                dtype = np.dtype(text)
                raw = base64.b64decode(tree.get("b64", ""), validate=True)
            except (TypeError, ValueError):
                raise CodecError("malformed array") from None
            if dtype.kind not in "biufc" or len(raw) != size * dtype.itemsize:
                raise CodecError("malformed array data")
            return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
        values = self._items(tree)
        if len(values) != size:
            raise CodecError("malformed array data")
        if tree["$t"] == "ndstr":
            if any(type(v) is not str for v in values):
                raise CodecError("malformed string array")
            return np.array(values, dtype=str).reshape(shape)
        out = np.empty(size, dtype=object)
        for i, v in enumerate(values):
            out[i] = self.decode(v, depth + 1)
        return out.reshape(shape)

    def _decode_pandas(self, tree: dict, depth: int) -> Any:
        import pandas as pd

        index = [self.decode(v, depth + 1) for v in self._items(tree, "index")]
        if tree["$t"] == "series":
            data = self.decode(tree.get("data"), depth + 1)
            if len(data) != len(index):
                raise CodecError("malformed Series")
            return pd.Series(data, index=index, name=self._key(self.decode(tree.get("name"), depth + 1)))
        columns = self._keys([self.decode(c, depth + 1) for c in self._items(tree, "columns")])
        data = [self.decode(c, depth + 1) for c in self._items(tree, "data")]
        if len(columns) != len(data) or any(len(col) != len(index) for col in data):
            raise CodecError("malformed DataFrame")
        frame = pd.DataFrame({i: col for i, col in enumerate(data)}, index=index)
        frame.columns = columns
        return frame


def decode(data: bytes, max_bytes: int) -> Any:
    """Bytes from the wire to plain data; CodecError for anything malformed or too large."""
    if len(data) > max_bytes:
        raise CodecError(f"the result is too large ({len(data):,} bytes; the limit is {max_bytes:,})")
    if data.count(b"[") + data.count(b"{") + data.count(b",") > MAX_DECODED_NODES:
        raise CodecError(f"the value has more than {MAX_DECODED_NODES:,} elements")
    try:
        tree = json.loads(data.decode("utf-8"), parse_constant=_reject_constant)
        return _Decoder().decode(tree)
    except CodecError:
        raise
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, ValueError, TypeError) as exc:
        raise CodecError(f"malformed result ({type(exc).__name__})") from None


def _reject_constant(name: str) -> Any:
    raise CodecError(f"unexpected constant {name}")
