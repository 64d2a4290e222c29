import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from wijkleren.casussen.bank import LeesFout, laad_bestand, laad_bestanden, pakket_bestanden
from wijkleren.casussen.schema import Casus, CasusFout
from wijkleren.cli import main

FIX = Path(__file__).parent / "fixtures" / "casussen"
VOORBEELD = Path(__file__).parents[1] / "voorbeelden" / "eigen_casussen.yaml"


def problemen(naam):
    with pytest.raises(CasusFout) as info:
        laad_bestand(FIX / naam)
    return info.value.problemen


def test_good_file_loads():
    cs = laad_bestand(FIX / "goed.yaml")
    assert [c.id for c in cs] == ["T1", "T2"]
    assert cs[0].uitkomst.categorie == "wijkaanpak"
    assert cs[1].uitkomst.beslissend == "gebiedsgebonden"


def test_trainers_example_file_is_valid():
    assert len(laad_bestand(VOORBEELD)) >= 1


def test_missing_field():
    (p,) = problemen("veld_ontbreekt.yaml")
    assert (p.casus_id, p.veld, p.bericht) == ("T1", "uitleg", "verplicht veld ontbreekt")
    assert str(p).startswith(f"{FIX / 'veld_ontbreekt.yaml'}, regel 1: casus 'T1', veld 'uitleg'")


def test_unknown_kenmerk_with_suggestion():
    (p,) = problemen("onbekend_kenmerk.yaml")
    assert p.veld == "kenmerken" and p.regel == 7
    assert p.bericht == "onbekend kenmerk 'meetbare_resultaat'. Bedoelde je 'meetbare_resultaten'?"


def test_label_contradicting_kenmerken():
    (p,) = problemen("label_klopt_niet.yaml")
    assert p.veld == "label"
    assert "volgens de beslisregel is dit 'gebiedsgericht'" in p.bericht


def test_duplicate_id():
    (p,) = problemen("dubbel_id.yaml")
    assert (p.veld, p.regel, p.bericht) == ("id", 15, "dit id komt al voor (regel 1)")


def test_duplicate_id_across_files():
    with pytest.raises(CasusFout) as info:
        laad_bestanden([FIX / "goed.yaml", FIX / "goed.yaml"])
    assert {p.casus_id for p in info.value.problemen} == {"T1", "T2"}
    assert all("komt al voor in" in p.bericht for p in info.value.problemen)


def test_not_a_list():
    (p,) = problemen("geen_lijst.yaml")
    assert "moet een lijst van casussen zijn" in p.bericht


def test_yaml_syntax_error_names_the_line():
    with pytest.raises(LeesFout, match=r"yaml_fout.yaml, regel 12: dit is geen geldige YAML"):
        laad_bestand(FIX / "yaml_fout.yaml")


def test_missing_file():
    with pytest.raises(LeesFout, match="dit bestand bestaat niet"):
        laad_bestand(FIX / "bestaat_niet.yaml")


@pytest.mark.parametrize(
    ("veld", "waarde", "bericht"),
    [
        ("thema", "sport", "ongeldige waarde 'sport'; kies uit: wonen,"),
        ("label", "wijkaanpk", "Bedoelde je 'wijkaanpak'?"),
        ("vorm", "brief", "kies uit: beschrijving"),
        ("moeilijkheid", 5, "moet 1, 2 of 3 zijn"),
        ("moeilijkheid", "veel", "moet een heel getal zijn"),
        ("kenmerken", "gebiedsgebonden", "moet een lijst van kenmerken zijn"),
        ("id", "met spatie", "mag alleen letters, cijfers"),
        ("extra", "x", "onbekend veld"),
    ],
)
def test_field_messages_are_dutch(veld, waarde, bericht):
    data = laad_bestand(FIX / "goed.yaml")[1].model_dump()
    data[veld] = waarde
    from pydantic import ValidationError

    from wijkleren.casussen.schema import veldmelding

    with pytest.raises(ValidationError) as info:
        Casus.model_validate(data)
    assert any(bericht in veldmelding(e) for e in info.value.errors())


@pytest.mark.parametrize(
    ("naam", "code", "tekst"),
    [
        ("goed.yaml", 0, "In orde: 2 casussen"),
        ("label_klopt_niet.yaml", 1, "1 probleem gevonden"),
        ("dubbel_id.yaml", 1, "dit id komt al voor"),
        ("yaml_fout.yaml", 2, "regel 12"),
        ("bestaat_niet.yaml", 2, "bestaat niet"),
    ],
)
def test_cli_exit_codes(naam, code, tekst, capsys):
    assert main(["casussen", "controleer", str(FIX / naam)]) == code
    uit = capsys.readouterr()
    assert tekst in uit.out + uit.err
    assert "Traceback" not in uit.out + uit.err


def test_cli_as_installed_command():
    res = subprocess.run(
        [
            str(Path(sys.executable).parent / "wijkleren"),
            "casussen",
            "controleer",
            str(FIX / "onbekend_kenmerk.yaml"),
        ],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 1
    assert "Bedoelde je 'meetbare_resultaten'?" in res.stderr


def test_cli_usage_error_is_dutch(capsys):
    with pytest.raises(SystemExit) as info:
        main(["casussen", "controleer"])
    assert info.value.code == 2
    assert "Fout:" in capsys.readouterr().err


# --- domain model v2 and hostile input -----------------------------------------------------------


def _eerste(**wijzig) -> dict:
    data = laad_bestand(FIX / "goed.yaml")[0].model_dump()
    data.update(wijzig)
    return data


def _fout(data: dict) -> str:
    from pydantic import ValidationError

    from wijkleren.casussen.schema import veldmelding

    with pytest.raises(ValidationError) as info:
        Casus.model_validate(data)
    return " ".join(veldmelding(e) for e in info.value.errors())


def test_old_label_sectoraal_says_how_to_convert(capsys):
    assert main(["casussen", "controleer", str(FIX / "oud_formaat.yaml")]) == 1
    err = capsys.readouterr().err
    assert "uit de vorige versie" in err and "niet_gebiedsgericht" in err and "Traceback" not in err


def test_kind_follows_from_the_kenmerken():
    t2 = laad_bestand(FIX / "goed.yaml")[1]
    assert (t2.label, t2.uitkomst.soort) == ("niet_gebiedsgericht", "sectoraal")
    with_area = Casus.model_validate({**t2.model_dump(), "kenmerken": ("gebiedsgebonden",)})
    assert with_area.uitkomst.soort == "in_gebied"


def test_evidence_must_be_words_of_the_text():
    goed = _eerste(bewijs={"gebiedsgebonden": "voor De\n   Akker"})  # whitespace may differ
    assert Casus.model_validate(goed).bewijs
    assert "staat niet letterlijk in de tekst" in _fout(_eerste(bewijs={"gebiedsgebonden": "in de Akker"}))
    t2 = laad_bestand(FIX / "goed.yaml")[1].model_dump()
    assert "staat niet bij de kenmerken" in _fout({**t2, "bewijs": {"gebiedsgebonden": "de hele stad"}})


def test_exercise_field_rules():
    assert "toetscasus hoort bij geen oefening" in _fout(_eerste(pool="toets", oefening="kenmerken"))
    t2 = laad_bestand(FIX / "goed.yaml")[1].model_dump()
    assert "kent alleen wijkaanpak" in _fout({**t2, "pool": "oefenen", "oefening": "indelen-twee"})


def test_text_size_is_bounded():
    assert "te lang" in _fout(_eerste(tekst="woord " * 2000))


def test_yaml_bomb_gets_a_dutch_message(tmp_path, capsys):
    bom = tmp_path / "bom.yaml"
    regels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 12):
        regels.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]")
    bom.write_text("\n".join(regels) + "\n")
    assert main(["casussen", "controleer", str(bom)]) == 2
    uit = capsys.readouterr()
    assert "verwijzing" in uit.err and "Traceback" not in uit.out + uit.err


def test_huge_file_is_refused_before_parsing(tmp_path, capsys):
    groot = tmp_path / "groot.yaml"
    groot.write_text("- id: X\n  tekst: >\n" + ("    " + "woord " * 20 + "\n") * 30_000)
    assert main(["casussen", "controleer", str(groot)]) == 2
    assert "te groot" in capsys.readouterr().err


def test_own_file_may_not_reuse_a_bank_id_or_copy_a_bank_case(tmp_path, capsys):
    from wijkleren.casussen.bank import casussen

    bank = casussen("oefenen")[0]
    eigen = bank.model_dump(exclude_none=True)
    kopie = {**eigen, "id": "MIJN-1"}
    botsing = {**laad_bestand(FIX / "goed.yaml")[0].model_dump(exclude_none=True), "id": bank.id}
    pad = tmp_path / "eigen.yaml"
    pad.write_text(yaml.safe_dump([kopie, botsing], allow_unicode=True))
    assert main(["casussen", "controleer", str(pad)]) == 1
    err = capsys.readouterr().err
    assert "bijna gelijk aan casus" in err and "al van een casus in de casusbank" in err
    # The bank's own files are not compared with themselves.
    assert main(["casussen", "controleer", *map(str, pakket_bestanden())]) == 0
