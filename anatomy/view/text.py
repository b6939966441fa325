"""Text tables for notebooks: the facts of each hamstring head, with their sources."""
from __future__ import annotations

import textwrap

from ..model.muscles import FACTS, HAMSTRING_HEADS
from ..model.references import REFERENCES

__all__ = ["facts_table"]


def _short_cite(key: str) -> str:
    """``"Ward et al. 2009"``, ``"Woodley & Mercer 2005"``: a short in-text citation."""
    ref = REFERENCES[key]
    names = [a.strip() for a in ref.authors.replace(" et al.", ", et al.").split(",")]

    def surname(author):
        if author.startswith("("):  # a group, not a person
            return author.strip("()")
        return author.rsplit(" ", 1)[0] if " " in author else author

    if len(names) == 1:
        who = surname(names[0])
    elif len(names) == 2 and names[1] != "et al.":
        who = f"{surname(names[0])} & {surname(names[1])}"
    else:
        who = f"{surname(names[0])} et al."
    return f"{who} {ref.year}"


def facts_table(markdown=True) -> str:
    """Origin, insertion, nerve, joints crossed and actions of each head, as a table.

    Built from `anatomy.FACTS`, with the sources named below the table.

    Parameters
    ----------
    markdown : bool
        True (default): a Markdown table (display it with ``IPython.display.Markdown``).
        False: plain text, one block per head, wrapped to 88 characters.

    Returns
    -------
    str

    Examples
    --------
    >>> print(facts_table(markdown=False).splitlines()[0])
    Semitendinosus (ST)
    """
    heads = [(f"{FACTS[h].label} ({FACTS[h].abbreviation})", FACTS[h])
             for h in HAMSTRING_HEADS]
    keys = list(dict.fromkeys(k for h in HAMSTRING_HEADS for k in FACTS[h].sources))
    sources = "Sources: " + "; ".join(_short_cite(k) for k in keys) + "."
    if markdown:
        def cell(text):
            return text.replace("|", "\\|")
        lines = ["| Head | Origin | Insertion | Nerve | Crosses | Action |",
                 "| --- | --- | --- | --- | --- | --- |"]
        for label, f in heads:
            lines.append("| " + " | ".join(cell(c) for c in (
                f"**{label}**", f.origin, f.insertion, f.nerve,
                " and ".join(f.joints_crossed), "; ".join(f.actions))) + " |")
        return "\n".join(lines + ["", sources])
    blocks = []
    for label, f in heads:
        rows = [label]
        for name, text in (("origin", f.origin), ("insertion", f.insertion),
                           ("nerve", f.nerve), ("crosses", " and ".join(f.joints_crossed)),
                           ("action", "; ".join(f.actions))):
            rows.append(textwrap.fill(text, 88, initial_indent=f"  {name + ':':<11}",
                                      subsequent_indent=" " * 13))
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks + [textwrap.fill(sources, 88)])
