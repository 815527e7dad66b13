"""The NLP pipeline: spaCy plus the project's components, for English and Chinese."""
