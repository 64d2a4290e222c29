"""nbgrader's cell metadata check, with its JSON schema checked once instead of once per cell.

nbgrader's ``CheckCellMetadata`` runs twice per notebook when autograding, and for every cell it
calls ``jsonschema.validate``, which first checks the (constant) schema itself and builds a new
validator. That is about a third of the time autograde spends on a notebook. This check does
the same with one validator per schema version, compiled once with fastjsonschema (which
nbformat uses too); only a cell that fails is checked again with jsonschema, for nbgrader's own
error text. The same cells pass, the same errors come out (the same ``best_match``). ``wijkleren opdracht nakijken`` puts it in the place of nbgrader's in its
workers, through nbgrader's own configurable preprocessor lists; the test against stock
``nbgrader autograde`` covers it.
"""

from __future__ import annotations

import traceback

import fastjsonschema
import jsonschema
from nbgrader.nbgraderformat.common import BaseMetadataValidator, SchemaTooNewError, SchemaTooOldError
from nbgrader.nbgraderformat.v3 import MetadataValidatorV3
from nbgrader.preprocessors import CheckCellMetadata
from nbgrader.preprocessors.checkcellmetadata import ValidationError

from wijkleren.eindopdracht.formaat import NBGRADER  # the cell metadata key (the schema is nbgrader's own)

_VALIDATORS: dict[int, object] = {}
_SNEL: dict[int, object] = {}  # fastjsonschema (nbformat's own validator library): valid or not


class _SchemaEenmaal(BaseMetadataValidator):
    """BaseMetadataValidator.validate_cell, with a cached validator for the schema."""

    def validate_cell(self, cell) -> None:
        if NBGRADER not in cell.metadata:
            return
        schema = cell.metadata[NBGRADER].get("schema_version", 0)
        if schema < self.schema_version:
            raise SchemaTooOldError(
                f"Outdated schema version: {schema} (expected {self.schema_version})",
                schema,
                self.schema_version,
            )
        if schema > self.schema_version:
            raise SchemaTooNewError(
                f"Schema version is too new: {schema} (expected {self.schema_version})",
                schema,
                self.schema_version,
            )
        snel = _SNEL.get(self.schema_version)
        if snel is None:
            snel = _SNEL[self.schema_version] = fastjsonschema.compile(self.schema)
        try:
            snel(cell.metadata[NBGRADER])
            return  # valid: nothing more to do
        except fastjsonschema.JsonSchemaException:
            pass  # invalid: jsonschema below finds the same error text as nbgrader's own check
        validator = _VALIDATORS.get(self.schema_version)
        if validator is None:
            klasse = jsonschema.validators.validator_for(self.schema)
            klasse.check_schema(self.schema)
            validator = _VALIDATORS[self.schema_version] = klasse(self.schema)
        fout = jsonschema.exceptions.best_match(validator.iter_errors(cell.metadata[NBGRADER]))
        if fout is not None:
            raise fout


class MetadataValidator(MetadataValidatorV3, _SchemaEenmaal):
    """nbgrader's MetadataValidator (v3); its super().validate_cell is the cached one above."""


class CelcontroleEenmaal(CheckCellMetadata):
    """nbgrader's CheckCellMetadata with :class:`MetadataValidator`."""

    def preprocess(self, nb, resources):
        try:
            MetadataValidator().validate_nb(nb)
        except ValidationError:
            self.log.error(traceback.format_exc())
            msg = "Notebook failed to validate; the nbgrader metadata may be corrupted."
            self.log.error(msg)
            raise ValidationError(msg) from None
        return nb, resources


_NBGRADER_NAMEN = {
    "nbgrader.preprocessors.CheckCellMetadata",
    "nbgrader.preprocessors.checkcellmetadata.CheckCellMetadata",
}


def vervang(preprocessors: list) -> list:
    """The list with nbgrader's CheckCellMetadata (as class or name) replaced by this one."""
    return [
        CelcontroleEenmaal if pp is CheckCellMetadata or pp in _NBGRADER_NAMEN else pp for pp in preprocessors
    ]
