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
            if c.dep_ == "appos":
                phrase.extend(t for t in c.subtree if not in_clause(t, c))
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
                      and not in_clause(t, head))
        child = head
    return sorted(set(phrase), key=lambda t: t.i)


def in_clause(t, root) -> bool:
    while t.i != root.i:
        if t.dep_ in CLAUSE_DEPS:
            return True
        t = t.head
    return False


#: Military ranks: a rank says less than a function ("le colonel X, porte-parole du gouvernement").
RANKS = frozenset({"general", "colonel", "lieutenant_colonel", "captain", "lieutenant", "commander", "admiral",
                   "marshal", "major", "soldier"})


def find_role(lr: LanguageResources, tokens: list) -> tuple[str | None, str | None, int | None, str | None]:
    """(role text, sector, index) of the first function stated in the title tokens; a rank
    only when no function is stated."""
    found = find_roles(lr, tokens)
    return next((f for f in found if f[3] not in RANKS), found[0] if found else (None, None, None, None))


def find_roles(lr: LanguageResources, tokens: list) -> list[tuple[str, str, int, str]]:
    out = []
    words = [t.text for t in tokens]
    s = 0
    while s < len(words):
        hit_len = 0
        for L in range(min(5, len(words) - s), 0, -1):
            hit = lr.roles.get(fold(" ".join(words[s:s + L]).replace(" - ", "-").replace(" '", "'")))
            if hit:
                end = len(tokens)
                for j in range(s + L, len(tokens)):
                    if tokens[j].text in (",", ";", "(") or tokens[j].dep_ in ("cc",) or tokens[j].i != tokens[j - 1].i + 1:
                        end = j
                        break
                text = " ".join(t.text for t in tokens[s:end]).replace(" ,", ",").replace("' ", "'")
                out.append((text.replace("d' ", "d'").replace("l' ", "l'"), hit[0], s, hit[1]))
                hit_len = L
                break
        s += max(hit_len, 1)
    return out
