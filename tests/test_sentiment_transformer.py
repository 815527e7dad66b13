"""The Hugging Face sentiment backend, with a tiny BERT classifier built and saved in the test."""

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from extractor import extract_documents  # noqa: E402
from extractor.errors import ConfigError, ModelError  # noqa: E402
from extractor.inputs import Document  # noqa: E402
from extractor.nlp.sentiment import LABELS, sentiment_of  # noqa: E402
from extractor.nlp.sentiment_transformer import TransformerSentiment  # noqa: E402
from extractor.settings import DEFAULT_CONFIG  # noqa: E402

WORDS = "shares fell rose profit costs the company said its net a % in on after cut guidance".split()
TEXT = ("Shares of the company fell 8 % after it cut its guidance. Net profit rose on lower costs. "
        "The company said its shares rose.")


def _save_model(folder, id2label, max_positions=64):
    folder.mkdir()
    vocab = folder / "vocab.txt"
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]) + "\n", encoding="utf-8")
    transformers.BertTokenizerFast(vocab_file=str(vocab)).save_pretrained(folder)
    config = transformers.BertConfig(vocab_size=len(WORDS) + 5, hidden_size=16, num_hidden_layers=1,
                                     num_attention_heads=2, intermediate_size=32,
                                     max_position_embeddings=max_positions, num_labels=len(id2label),
                                     id2label=id2label, label2id={v: k for k, v in id2label.items()})
    torch.manual_seed(0)
    transformers.BertForSequenceClassification(config).save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def named_model(tmp_path_factory):
    return _save_model(tmp_path_factory.mktemp("models") / "named", {0: "Positive", 1: "Negative", 2: "Neutral"})


def _direct(folder, text):
    """The model's own probabilities for ``text``, in our order (negative, neutral, positive)."""
    tokenizer = transformers.AutoTokenizer.from_pretrained(folder)
    model = transformers.AutoModelForSequenceClassification.from_pretrained(folder).eval()
    with torch.inference_mode():
        p = model(**tokenizer(text, return_tensors="pt")).logits.softmax(-1)[0].tolist()
    return p[1], p[2], p[0]


def test_records_carry_the_models_sentiment_per_sentence(named_model):
    config = DEFAULT_CONFIG.with_overrides(sentiment_model=str(named_model), en_model="blank")
    [(_, record)] = list(extract_documents([Document(id="t", text=TEXT, input_name="test", lang="en")], config=config))
    assert record["errors"] == [] and len(record["sentences"]) == 3
    first = record["sentences"][0]
    expected = sentiment_of(_direct(named_model, TEXT[first["start"]:first["end"]]))
    assert first["sentiment"]["label"] == expected.label
    assert first["sentiment"]["score"] == pytest.approx(expected.score, abs=1e-4)
    for part in [record["sentiment"], *(s["sentiment"] for s in record["sentences"]),
                 *(c["sentiment"] for c in record["companies"])]:
        assert part["label"] in LABELS and -1 <= part["score"] <= 1


def test_batches_give_the_same_probabilities_in_the_input_order(named_model):
    texts = ["the company said", "shares fell 8 % after it cut its guidance", "net profit rose", "costs"]
    one = TransformerSentiment(str(named_model), "", batch_size=1, max_tokens=32).probabilities(texts, "en")
    many = TransformerSentiment(str(named_model), "", batch_size=3, max_tokens=32).probabilities(texts, "en")
    for a, b in zip(one, many, strict=True):
        assert a == pytest.approx(b, abs=1e-5)
    assert one[1] == pytest.approx(_direct(named_model, texts[1]), abs=1e-5)


def test_long_sentences_are_cut_to_the_token_limit(named_model):
    """The tiny model knows 64 positions; a 2,000-word sentence must be cut, not crash it."""
    long_text = " ".join(["profit rose"] * 1000)
    [p] = TransformerSentiment(str(named_model), "", batch_size=2, max_tokens=48).probabilities([long_text], "en")
    assert sum(p) == pytest.approx(1.0)


def test_labels_without_names_need_a_mapping(tmp_path):
    folder = _save_model(tmp_path / "generic", {0: "LABEL_0", 1: "LABEL_1"})
    with pytest.raises(ConfigError, match="E036"):
        TransformerSentiment(str(folder), "", batch_size=4, max_tokens=32)
    mapped = TransformerSentiment(str(folder), "LABEL_0=negative,LABEL_1=positive", batch_size=4, max_tokens=32)
    [(negative, neutral, positive)] = mapped.probabilities(["net profit rose"], "en")
    assert neutral == 0.0 and negative + positive == pytest.approx(1.0)
    with pytest.raises(ConfigError, match="E036"):
        TransformerSentiment(str(folder), "LABEL_0=bad,LABEL_1=positive", batch_size=4, max_tokens=32)


def test_a_model_that_is_not_there_is_named_in_the_error(tmp_path):
    with pytest.raises(ModelError, match="E035") as error:
        TransformerSentiment(str(tmp_path / "no-such-model"), "", batch_size=4, max_tokens=32)
    assert "no-such-model" in str(error.value)
