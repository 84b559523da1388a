"""What search reads of a profile: its names and its article's text, as stored in its search columns.

Plain Python: the write path (plants/derived.py) stores what these build for
every change, and migrations rewrite stored rows with them.  How the columns are searched is plants/search.py's.
"""


def distinct_words(phrases) -> str:
    """The words of `phrases` joined by spaces, each word once (its first spelling), in order.

    A profile's names repeat themselves (the variety's name holds the species'
    and the genus', the common name is often the taxon's too), and PostgreSQL's
    trigram word similarity costs time in proportion to the length of the text
    it scans: with each word once, the names are about a third shorter and a
    search matching thousands of names is about a quarter faster.  The phrase
    that comes first keeps its words together, so the common name, then the
    full botanical name, stay whole for multi-word queries.
    """
    seen = set()
    words = []
    for word in " ".join(phrases).split():
        key = word.casefold()
        if key not in seen:
            seen.add(key)
            words.append(word)
    return " ".join(words)


def other_names_for(common_name: str, taxon, usda_symbol: str) -> str:
    """The names besides the common one: botanical, the taxon's common name and the symbol.

    Each word once, without the common name's words: PostgreSQL's forgiving
    name search (plants/search.py) compares the query with the common name and
    with these separately, each column short, so a query sharing a word with
    thousands of names costs a fraction of comparing it with all the names at once.
    """
    common = {word.casefold() for word in common_name.split()}
    words = f"{taxon.scientific_name} {taxon.common_name} {usda_symbol}".split()
    return distinct_words(word for word in words if word.casefold() not in common)


def search_text_for(title, summary, sections, tips, use_notes, notes) -> str:
    """The article text search reads: `sections` as (heading, body) pairs, the rest as strings."""
    return "\n".join(
        [title, summary]
        + [f"{heading}\n{body}" for heading, body in sections]
        + list(tips)
        + list(use_notes)
        + list(notes)
    )
