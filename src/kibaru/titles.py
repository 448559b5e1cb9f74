"""Titles: the words before or beside a name that say who a person is ("le ministre malien
des Affaires étrangères, X", "Russian President X", "le colonel X, porte-parole…")."""
from __future__ import annotations

from .resources import LanguageResources, fold

CLAUSE_DEPS = {"acl:relcl", "relcl", "advcl", "ccomp", "parataxis", "csubj"}


def role_phrase(tok, name_tokens: set[int]) -> list:
    """Tokens of the titles and appositions describing the person whose name spans
    `name_tokens` (root `tok`): "X, ministre malien…", "le ministre…, X", "Russian
    President X", "le colonel X" (name hung on its title), each title the name hangs from."""
    doc = tok.doc
    phrase = []
    first = min(name_tokens)
    for i in name_tokens:
        for c in doc[i].children:
            if c.i in name_tokens:
                continue
            if c.dep_ == "appos" and "Plur" in c.morph.get("Number"):
                continue  # "X, dix terroristes…": a plural is not the title of one person
            if c.dep_ == "appos":
                phrase.extend(t for t in c.subtree if not in_clause(t, c) and not _other_party(t, c))
            elif c.i < first and c.dep_ in ("compound", "amod", "nmod", "poss", "nmod:poss"):
                phrase.extend(c.subtree)
    child = tok
    while child.dep_ in ("appos", "flat:name", "compound", "nmod") and child.head.pos_ in ("NOUN", "PROPN") \
            and child.head.i not in name_tokens and child.head.i != child.i:
        # climb to each title the name hangs from, keeping the title's own complements
        head = child.head
        if child.dep_ != "appos" and not (child.dep_ in ("flat:name", "compound") and head.i < first):
            break
        phrase.extend(t for t in head.subtree if t.i not in name_tokens and t.i not in {x.i for x in child.subtree}
                      and not in_clause(t, head) and not _other_party(t, head))
        child = head
    return sorted(set(phrase), key=lambda t: t.i)


def _other_party(t, root) -> bool:
    """t is in a coordinated phrase with its own preposition ("X, commandant des forces…,
    et du chef d'état-major…"): a second participant, not a second title of X."""
    while t.i != root.i:
        if t.head.i == root.i and (t.dep_ == "conj" and any(c.dep_ == "case" for c in t.children)
                                   or t.dep_ in ("appos", "conj") and "Plur" in t.morph.get("Number")):
            return True  # …or a plural set beside it ("le colonel X, dix terroristes ont…")
        t = t.head
    return False


def in_clause(t, root) -> bool:
    while t.i != root.i:
        if t.dep_ in CLAUSE_DEPS:
            return True
        t = t.head
    return False


#: Military ranks: a rank says less than a function ("le colonel X, porte-parole du gouvernement").
RANKS = frozenset({"general", "colonel", "lieutenant_colonel", "captain", "lieutenant", "commander", "admiral",
                   "marshal", "major", "soldier", "police_officer"})


def find_role(lr: LanguageResources, tokens: list) -> tuple[str | None, str | None, int | None, str | None]:
    """(role text, sector, index) of the first function stated in the title tokens; a rank
    only when no function is stated."""
    found = find_roles(lr, tokens)
    return next((f for f in found if is_function(lr, f, tokens)), found[0] if found else (None, None, None, None))


#: Words that open a title's complement: a rank with one is a command ("commandant des forces…").
OF_WORDS = frozenset({"de", "du", "des", "d'", "of"})


def is_function(lr: LanguageResources, found: tuple, tokens: list) -> bool:
    """A title found by find_roles states a function, not a bare rank: "commandant des forces
    françaises" is a command; "le commandant X", "le général de brigade X" are ranks."""
    text, _, s, key = found
    if key not in RANKS or s is None:
        return key is not None
    # the rank's own words ("général de brigade"), then what follows them
    L = next((L for L in range(min(8, len(tokens) - s), 0, -1)
              if lr.roles.get(fold(surface(tokens[s:s + L])), ("", ""))[1] == key), 1)
    rest = tokens[s + L:s + L + 1]
    return bool(rest) and rest[0].i == tokens[s + L - 1].i + 1 and rest[0].lower_ in OF_WORDS


def surface(tokens: list) -> str:
    """The text of a list of tokens as written: a token's own trailing space between two
    adjacent tokens ("d'État", "état-major"), one space across a gap."""
    out = []
    for k, t in enumerate(tokens):
        out.append(t.text)
        if k + 1 < len(tokens):
            out.append(t.whitespace_ if tokens[k + 1].i == t.i + 1 else " ")
    return "".join(out).strip()


def _glued(t) -> bool:
    """The word goes on after token t ("état" + "-major")."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return nxt is not None and not t.whitespace_ and (nxt.text[:1] in "-‐" or nxt.is_alpha)


def find_roles(lr: LanguageResources, tokens: list) -> list[tuple[str, str, int, str]]:
    out = []
    words = [t.text for t in tokens]
    s = 0
    while s < len(words):
        hit_len = 0
        for L in range(min(8, len(words) - s), 0, -1):
            hit = lr.roles.get(fold(surface(tokens[s:s + L])))
            if hit and _glued(tokens[s + L - 1]):
                hit = None  # "chef d'état" inside "chef d'état-major": not a word's end
            if hit:
                end = len(tokens)
                for j in range(s + L, len(tokens)):
                    if tokens[j].text in (",", ";", "(") or tokens[j].dep_ in ("cc",) or tokens[j].i != tokens[j - 1].i + 1:
                        end = j
                        break
                out.append((surface(tokens[s:end]), hit[0], s, hit[1]))
                hit_len = L
                break
        s += max(hit_len, 1)
    return out
