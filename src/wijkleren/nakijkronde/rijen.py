"""A learner's gradebook rows as plain data: read them (:func:`lees_rijen`), write what grading
changed (:func:`pas_toe`), and a learner's score as nbgrader counts it (:func:`lees_stand`).

A student's rows are read and written with a few SQL statements over nbgrader's own tables:
the ORM's relationships cost a query per grade, and the parent, the only writer, must stay
quick. Rows are keyed by names, as ids differ between gradebooks.
"""

from __future__ import annotations


def _tabellen():
    from nbgrader import api

    return api


def _vijf_tabellen(api):
    """The gradebook tables a student's submission lives in: student, submission, notebooks, assignment."""
    return (
        api.Student.__table__,
        api.SubmittedAssignment.__table__,
        api.SubmittedNotebook.__table__,
        api.Notebook.__table__,
        api.Assignment.__table__,
    )


def _velden(tabel, rij) -> dict:
    """The columns of a row that nbgrader may change: everything but keys."""
    return {k.name: rij._mapping[k] for k in tabel.columns if not k.primary_key and not k.foreign_keys}


def lees_rijen(conn, opdracht: str, student: str) -> dict:
    """One student's rows for one assignment: student, submission, notebooks, grades, comments."""
    from sqlalchemy import select

    api = _tabellen()
    st, sa, sn, nb, a = _vijf_tabellen(api)
    rijen: dict = {"student": None, "inzending": None, "notitieboeken": {}}
    rij = conn.execute(select(st).where(st.c.id == student)).first()
    if rij is None:
        return rijen
    rijen["student"] = _velden(st, rij)
    rij = conn.execute(
        select(sa)
        .join(a, a.c.id == sa.c.assignment_id)
        .where(a.c.name == opdracht, sa.c.student_id == student)
    ).first()
    if rij is None:
        return rijen
    rijen["inzending"] = _velden(sa, rij)
    for r in conn.execute(select(sn, nb.c.name.label("_nb")).join(nb).where(sn.c.assignment_id == rij.id)):
        rijen["notitieboeken"][r._nb] = {"velden": _velden(sn, r), "cijfers": {}, "opmerkingen": {}}
    for soort, klasse in (("cijfers", api.Grade), ("opmerkingen", api.Comment)):
        t, bc = klasse.__table__, api.BaseCell.__table__
        vraag = (
            select(t, nb.c.name.label("_nb"), bc.c.name.label("_cel"))
            .join(sn, sn.c.id == t.c.notebook_id)
            .join(nb, nb.c.id == sn.c.notebook_id)
            .join(bc, bc.c.id == t.c.cell_id)
            .where(sn.c.assignment_id == rij.id)
        )
        for r in conn.execute(vraag):
            rijen["notitieboeken"][r._nb][soort][r._cel] = _velden(t, r)
    return rijen


def lees_nieuwe_rijen(conn, opdracht: str, student: str) -> dict[str, list[dict]]:
    """A learner's rows for one assignment with every column, ids included, to insert as they are.

    A worker's gradebook is a copy of the real one, so the assignment's, notebooks' and cells' ids
    are the same in both, and the rows nbgrader made for a new submission (with new random ids)
    can go into the real gradebook unchanged: one transaction, no ORM."""
    from sqlalchemy import select

    api = _tabellen()
    st, sa, sn, _, a = _vijf_tabellen(api)
    cijfer, opmerking = api.Grade.__table__, api.Comment.__table__

    def alle(tabel, rijen) -> list[dict]:
        return [{k.name: r._mapping[k] for k in tabel.columns} for r in rijen]

    inzending = conn.execute(
        select(sa)
        .join(a, a.c.id == sa.c.assignment_id)
        .where(a.c.name == opdracht, sa.c.student_id == student)
    ).all()
    notitieboeken = conn.execute(select(sn).where(sn.c.assignment_id.in_([r.id for r in inzending]))).all()
    ids = [r.id for r in notitieboeken]
    return {
        st.name: alle(st, conn.execute(select(st).where(st.c.id == student)).all()),
        sa.name: alle(sa, inzending),
        sn.name: alle(sn, notitieboeken),
        cijfer.name: alle(cijfer, conn.execute(select(cijfer).where(cijfer.c.notebook_id.in_(ids))).all()),
        opmerking.name: alle(
            opmerking, conn.execute(select(opmerking).where(opmerking.c.notebook_id.in_(ids))).all()
        ),
    }


def _voeg_in(db, opdracht: str, student: str, voor: dict, na: dict, nieuw: dict) -> bool:
    """Insert a new submission's rows as the worker made them; False if the real gradebook has one."""
    from sqlalchemy import insert, select, update

    api = _tabellen()
    st, sa, sn, _, a = _vijf_tabellen(api)
    bestaat = db.execute(
        select(sa.c.id)
        .join(a, a.c.id == sa.c.assignment_id)
        .where(a.c.name == opdracht, sa.c.student_id == student)
    ).first()
    if bestaat is not None:
        return False
    if db.execute(select(st.c.id).where(st.c.id == student)).first() is None:
        db.execute(insert(st), nieuw[st.name])
    else:
        velden = _verschil(voor["student"], na["student"])
        if velden:
            db.execute(update(st).where(st.c.id == student).values(**velden))
    for tabel in (sa, sn, api.Grade.__table__, api.Comment.__table__):
        if nieuw[tabel.name]:
            db.execute(insert(tabel), nieuw[tabel.name])
    return True


def _verschil(voor: dict | None, na: dict) -> dict:
    voor = voor or {}
    return {k: v for k, v in na.items() if k not in voor or voor[k] != v}


def pas_toe(
    gb,
    opdracht: str,
    student: str,
    voor: dict,
    na: dict,
    handwerk_klaar: frozenset = frozenset(),
    nieuw: dict | None = None,
) -> None:
    """Write into gradebook `gb` what grading changed for one student: the fields that differ
    from before, in one transaction. New rows are made by nbgrader's own Gradebook methods.

    `handwerk_klaar`: (notebook, cell) of hand-graded answers that did not change since the
    trainer graded them. nbgrader's ``--force`` marks them "needs manual grade" again; here
    they stay done, so a regrade does not reopen the trainer's work. `nieuw`: the rows of a new
    submission from :func:`lees_nieuwe_rijen`, inserted as they are."""
    import warnings

    from sqlalchemy import exc, select, update

    api = _tabellen()
    if na["student"] is None:
        return
    if (
        nieuw is not None
        and voor["inzending"] is None
        and _voeg_in(gb.db, opdracht, student, voor, na, nieuw)
    ):
        gb.db.commit()
        return
    with warnings.catch_warnings():
        # nbgrader's add_submission makes SQLAlchemy warn about autoflush; stock autograde too.
        warnings.simplefilter("ignore", exc.SAWarning)
        if voor["student"] is None and not gb.db.get(api.Student, student):
            gb.add_student(student)
        if na["inzending"] is not None and voor["inzending"] is None:
            try:
                gb.find_submission(opdracht, student)
            except api.MissingEntry:
                gb.add_submission(opdracht, student)  # with all its notebook, grade and comment rows
    db = gb.db

    def zet(tabel, sleutel, velden):
        if velden:
            db.execute(update(tabel).where(tabel.c.id == sleutel).values(**velden))

    st, sa, sn, nb, a = _vijf_tabellen(api)
    zet(st, student, _verschil(voor["student"], na["student"]))
    if na["inzending"] is not None:
        sub_id = db.execute(
            select(sa.c.id)
            .join(a, a.c.id == sa.c.assignment_id)
            .where(a.c.name == opdracht, sa.c.student_id == student)
        ).scalar_one()
        zet(sa, sub_id, _verschil(voor["inzending"], na["inzending"]))
        nb_ids = dict(
            db.execute(select(nb.c.name, sn.c.id).join(nb).where(sn.c.assignment_id == sub_id)).all()
        )
        for soort, klasse in (("cijfers", api.Grade), ("opmerkingen", api.Comment)):
            t, bc = klasse.__table__, api.BaseCell.__table__
            ids = {
                (r._nb, r._cel): r.id
                for r in db.execute(
                    select(t.c.id, nb.c.name.label("_nb"), bc.c.name.label("_cel"))
                    .join(sn, sn.c.id == t.c.notebook_id)
                    .join(nb, nb.c.id == sn.c.notebook_id)
                    .join(bc, bc.c.id == t.c.cell_id)
                    .where(sn.c.assignment_id == sub_id)
                )
            }
            for naam, nb_na in na["notitieboeken"].items():
                nb_voor = voor["notitieboeken"].get(naam, {})
                for cel, waarden in nb_na[soort].items():
                    oud = nb_voor.get(soort, {}).get(cel)
                    velden = _verschil(oud, waarden)
                    if soort == "cijfers" and (naam, cel) in handwerk_klaar and _handwerk_gedaan(oud):
                        velden.pop("needs_manual_grade", None)
                    zet(t, ids[(naam, cel)], velden)
        for naam, nb_na in na["notitieboeken"].items():
            nb_voor = voor["notitieboeken"].get(naam, {})
            zet(sn, nb_ids[naam], _verschil(nb_voor.get("velden"), nb_na["velden"]))
    db.commit()


def _handwerk_gedaan(cijfer: dict | None) -> bool:
    return bool(cijfer) and cijfer.get("manual_score") is not None and not cijfer.get("needs_manual_grade")


def lees_stand(
    conn, opdracht: str, deelnemer: str, max_per_cel: dict
) -> tuple[float | None, float | None, int]:
    """(points, maximum, answers still to grade by hand) from the gradebook, as nbgrader counts."""
    rijen = lees_rijen(conn, opdracht, deelnemer)
    if rijen["inzending"] is None:
        return None, None, 0
    punten, maximum, open_ = 0.0, 0.0, 0
    for nb, data in rijen["notitieboeken"].items():
        for cel, g in data["cijfers"].items():
            extra = g["extra_credit"] or 0.0
            if g["manual_score"] is not None:
                punten += g["manual_score"] + extra
            elif g["auto_score"] is not None:
                punten += g["auto_score"] + extra
            maximum += max_per_cel.get((nb, cel), 0.0)
            open_ += bool(g["needs_manual_grade"])
    return punten, maximum, open_


def lees_max_per_cel(gb, opdracht: str) -> dict:
    """The maximum score of each graded cell of `opdracht`: (notebook, cell) -> points."""
    return {
        (nb.name, cel.name): float(cel.max_score)
        for nb in gb.find_assignment(opdracht).notebooks
        for cel in [*nb.grade_cells, *nb.task_cells]
    }
