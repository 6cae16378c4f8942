"""An import-linter contract for the parts of an outside package a floor must not use.

import-linter's own `forbidden` contract sees an outside package only as a whole (`PySide6`),
but the house draws its line inside Qt: `kiosk.content` may decode pictures with QtGui and
`kiosk.runtime` may lock a file with QtCore, while neither may touch `PySide6.QtWidgets`.
This contract reads the import statements of the modules that import the outside package and
fails when a source module imports a forbidden part, directly or through other kiosk modules
(pyproject.toml, `[tool.importlinter]`; docs/HOUSE.md explains the floors).

    [[tool.importlinter.contracts]]
    type = "forbidden_parts"
    source_modules = ["kiosk.content"]
    forbidden_parts = ["PySide6.QtWidgets"]
"""

from __future__ import annotations

import ast
from pathlib import Path

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


def imported_names(source: str) -> set[str]:
    """Every dotted name an import statement in `source` brings in (`from a import b` -> a, a.b)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _module_file(module: str) -> Path:
    path = Path.cwd().joinpath(*module.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def _is_part(name: str, part: str) -> bool:
    return name == part or name.startswith(part + ".")


class ForbiddenPartsContract(Contract):
    """Source modules import no forbidden part of an outside package, directly or indirectly.

    Needs `include_external_packages = true`, so that the graph knows who imports the package.
    """

    type_name = "forbidden_parts"

    source_modules = fields.ListField(subfield=fields.ModuleField())
    forbidden_parts = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        parts: list[str] = self.forbidden_parts  # type: ignore[assignment]
        outside = {part.split(".")[0] for part in parts}
        users: dict[str, list[str]] = {}  # kiosk module -> the forbidden parts it imports
        for package in outside:
            if package not in graph.modules:
                continue
            for module in graph.find_modules_that_directly_import(package):
                names = imported_names(_module_file(module).read_text(encoding="utf-8"))
                found = sorted({part for part in parts for name in names if _is_part(name, part)})
                if found:
                    users[module] = found
        chains: list[tuple[list[str], list[str]]] = []
        for source in self.source_modules:  # type: ignore[attr-defined]
            members = {source.name} | graph.find_descendants(source.name)
            for member in sorted(members):
                for user in sorted(users):
                    chain = [member] if member == user else graph.find_shortest_chain(
                        importer=member, imported=user)
                    if chain:
                        chains.append((list(chain), users[user]))
        return ContractCheck(kept=not chains, metadata={"chains": chains})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for chain, found in check.metadata["chains"]:
            output.print_error(f"{' -> '.join(chain)} imports {', '.join(found)}", bold=False)
            output.new_line()
