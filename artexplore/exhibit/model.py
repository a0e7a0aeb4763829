"""An exhibition in memory: ordered sections of ordered works, each with a curator's note.

The walk order of an exhibition is its sections in order, and the works of each
section in order. Every edit is a method of :class:`Exhibition` that changes the
object in place; :func:`artexplore.exhibit.persistence.save_exhibition` writes it back.
An exhibition always has at least one section; a single untitled section is an
exhibition "without sections".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import ArtExploreError


@dataclass
class Item:
    """One work hung in an exhibition.

    Attributes
    ----------
    work_id : str
        The work (stable id of the collection).
    note : str
        The curator's note about this work in this exhibition.
    """

    work_id: str
    note: str = ""


@dataclass
class Section:
    """A room or chapter of an exhibition.

    Attributes
    ----------
    id : int
        Unique within its exhibition, stable across edits.
    title : str
    text : str
        An introduction shown before its works.
    items : list of Item
    """

    id: int
    title: str = ""
    text: str = ""
    items: list[Item] = field(default_factory=list)


@dataclass
class Exhibition:
    """A named, ordered list of works with sections and notes.

    Attributes
    ----------
    id : str
        A short slug, unique in the workspace.
    title, description : str
    sections : list of Section
    source : dict
        Where it was made from (``{"kind": "cluster", "run": …, "cluster": …}``…).
    created_at, updated_at : str
        ISO 8601 timestamps (set by the store).
    """

    id: str
    title: str
    description: str = ""
    sections: list[Section] = field(default_factory=list)
    source: dict[str, Any] = field(default_factory=dict)
    created_at: str = ""
    updated_at: str = ""

    def __post_init__(self) -> None:
        if not self.sections:
            self.sections.append(Section(id=1))

    # -- reading ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return sum(len(s.items) for s in self.sections)

    def __contains__(self, work_id: object) -> bool:
        return any(item.work_id == work_id for s in self.sections for item in s.items)

    @property
    def work_ids(self) -> list[str]:
        """Every work in walk order."""
        return [item.work_id for s in self.sections for item in s.items]

    @property
    def has_sections(self) -> bool:
        """Whether the curator made sections (more than one, or one with a title)."""
        return len(self.sections) > 1 or bool(self.sections[0].title)

    def section(self, section_id: int) -> Section:
        """The section with this id.

        Raises
        ------
        ArtExploreError
            If there is none; the message lists the sections.
        """
        for s in self.sections:
            if s.id == int(section_id):
                return s
        known = ", ".join(f"{s.id} ({s.title or 'untitled'})" for s in self.sections)
        raise ArtExploreError(f"Exhibition {self.id!r} has no section {section_id}; "
                              f"its sections are {known}")

    def section_of(self, work_id: str) -> Section:
        """The section holding a work.

        Raises
        ------
        ArtExploreError
            If the work is not in the exhibition.
        """
        for s in self.sections:
            if any(item.work_id == work_id for item in s.items):
                return s
        raise ArtExploreError(f"Work {work_id} is not in exhibition {self.id!r}")

    def item(self, work_id: str) -> Item:
        """The item of a work (see :meth:`section_of` for errors)."""
        return next(i for i in self.section_of(work_id).items if i.work_id == work_id)

    # -- editing works ---------------------------------------------------------------------
    def add(self, work_ids: Iterable[str], *, section: int | None = None,
            position: int | None = None) -> list[str]:
        """Add works not already in, keeping their order.

        Parameters
        ----------
        work_ids : iterable of str
        section : int, optional
            The section to add to; the last one when None.
        position : int, optional
            Index in that section to insert at; the end when None.

        Returns
        -------
        list of str
            The works that were added (those already in are skipped).
        """
        target = self.section(section) if section is not None else self.sections[-1]
        new = [w for w in dict.fromkeys(work_ids) if w not in self]
        at = len(target.items) if position is None else max(0, min(int(position),
                                                                   len(target.items)))
        target.items[at:at] = [Item(w) for w in new]
        return new

    def remove(self, work_ids: Iterable[str]) -> list[str]:
        """Remove works; returns those that were in (others are ignored)."""
        gone = set(work_ids)
        removed = [w for w in self.work_ids if w in gone]
        for s in self.sections:
            s.items = [i for i in s.items if i.work_id not in gone]
        return removed

    def move(self, work_id: str, offset: int) -> None:
        """Move a work ``offset`` places along the walk (negative: towards the start).

        Crossing the boundary of a section moves the work into the next (or
        previous) section, so up/down buttons can walk a work through every room.
        """
        section = self.section_of(work_id)
        pos = next(k for k, i in enumerate(section.items) if i.work_id == work_id)
        step = 1 if offset > 0 else -1
        for _ in range(abs(int(offset))):
            sidx = self.sections.index(section)
            if 0 <= pos + step < len(section.items):
                items = section.items
                items[pos], items[pos + step] = items[pos + step], items[pos]
                pos += step
                continue
            # At the edge of its section: step into the neighbouring section.
            nidx = sidx + step
            if not 0 <= nidx < len(self.sections):
                break
            item = section.items.pop(pos)
            section = self.sections[nidx]
            pos = len(section.items) if step < 0 else 0
            section.items.insert(pos, item)

    def move_to_section(self, work_id: str, section: int, *, position: int | None = None) -> None:
        """Move a work into a section (at ``position``, else at its end)."""
        target = self.section(section)
        item = self.item(work_id)
        self.section_of(work_id).items.remove(item)
        at = len(target.items) if position is None else max(0, min(int(position),
                                                                   len(target.items)))
        target.items.insert(at, item)

    def set_order(self, work_ids: Sequence[str]) -> None:
        """Reorder the works of each section as they come in ``work_ids``.

        Works keep their sections; works not named keep their place after the
        named ones of their section.

        Raises
        ------
        ArtExploreError
            If ``work_ids`` names a work that is not in the exhibition.
        """
        rank = {w: k for k, w in enumerate(dict.fromkeys(work_ids))}
        unknown = [w for w in rank if w not in self]
        if unknown:
            raise ArtExploreError(f"{len(unknown)} work(s) are not in exhibition {self.id!r}, "
                                  f"e.g. {unknown[:3]}")
        for s in self.sections:
            s.items.sort(key=lambda i: rank.get(i.work_id, len(rank)))

    def arrange(self, groups: Sequence[Sequence[str]]) -> None:
        """Set the works of every section at once, in order (e.g. after a drag and drop).

        Parameters
        ----------
        groups : sequence of sequence of str
            One list of work ids per section, in the order of :attr:`sections`;
            together they name every work of the exhibition once. Notes, section
            titles and texts are kept.

        Raises
        ------
        ArtExploreError
            If the lists do not match the sections, or do not name each work once.
        """
        if len(groups) != len(self.sections):
            raise ArtExploreError(f"Expected {len(self.sections)} lists of works (one per "
                                  f"section) but got {len(groups)}")
        named = [w for ids in groups for w in ids]
        if sorted(named) != sorted(self.work_ids):
            raise ArtExploreError("The lists must name every work of the exhibition once")
        items = {i.work_id: i for s in self.sections for i in s.items}
        for section, ids in zip(self.sections, groups, strict=True):
            section.items = [items[w] for w in ids]

    def set_note(self, work_id: str, note: str) -> None:
        """Set the curator's note of a work."""
        self.item(work_id).note = str(note)

    # -- editing sections ------------------------------------------------------------------
    def add_section(self, title: str = "", *, text: str = "") -> Section:
        """Append an empty section and return it."""
        section = Section(id=max(s.id for s in self.sections) + 1, title=title.strip(),
                          text=text)
        self.sections.append(section)
        return section

    def remove_section(self, section_id: int) -> None:
        """Remove a section; its works join the previous section (the next for the first)."""
        section = self.section(section_id)
        if len(self.sections) == 1:
            section.title, section.text = "", ""
            return
        k = self.sections.index(section)
        self.sections.pop(k)
        into = self.sections[k - 1] if k > 0 else self.sections[0]
        if k > 0:
            into.items.extend(section.items)
        else:
            into.items[0:0] = section.items

    def move_section(self, section_id: int, offset: int) -> None:
        """Move a section ``offset`` places (clamped to the ends)."""
        section = self.section(section_id)
        k = self.sections.index(section)
        j = max(0, min(len(self.sections) - 1, k + int(offset)))
        self.sections.insert(j, self.sections.pop(k))

    def set_sections(self, groups: Sequence[tuple[str, Sequence[str]]]) -> None:
        """Replace the sections by ``(title, work ids)`` groups, keeping the notes.

        Works of the exhibition named in no group go to a last section
        titled "Other works".

        Raises
        ------
        ArtExploreError
            If a group names a work that is not in the exhibition.
        """
        notes = {i.work_id: i.note for s in self.sections for i in s.items}
        named = [w for _, ids in groups for w in ids]
        unknown = [w for w in named if w not in notes]
        if unknown:
            raise ArtExploreError(f"{len(unknown)} work(s) are not in exhibition {self.id!r}")
        seen: set[str] = set()
        sections = []
        for title, ids in groups:
            items = [Item(w, notes[w]) for w in ids if not (w in seen or seen.add(w))]
            sections.append(Section(id=len(sections) + 1, title=str(title), items=items))
        rest = [Item(w, notes[w]) for w in self.work_ids if w not in seen]
        if rest:
            sections.append(Section(id=len(sections) + 1, title="Other works", items=rest))
        self.sections = sections or [Section(id=1)]

    # -- serialisation ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable record (ids only; exports add the works' metadata)."""
        return {
            "id": self.id, "title": self.title, "description": self.description,
            "source": self.source, "created_at": self.created_at, "updated_at": self.updated_at,
            "sections": [{"id": s.id, "title": s.title, "text": s.text,
                          "items": [{"work_id": i.work_id, "note": i.note} for i in s.items]}
                         for s in self.sections],
        }
