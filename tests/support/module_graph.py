"""Which project modules import which, read from their source with `ast` (nothing is imported).

Every import counts wherever it stands (inside a function too: it runs the
first time the function does), relative ones resolved, and so do
`importlib.import_module("...")` calls with a written-out name.  A package is
its `__init__`.  Importing `a.b.c` from outside package `a.b` runs `a.b`'s
`__init__` first, so that counts as importing `a.b` as well.
"""

import ast
from pathlib import Path


def project_modules(root: Path, packages) -> dict[str, Path]:
    """Dotted name -> file, for every module of the given top-level packages under `root`."""
    modules = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def _parents(name: str) -> list[str]:
    """The packages `name` sits in, outermost first: "a.b.c" -> ["a", "a.b"]."""
    parts = name.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts))]


def _named_imports(tree: ast.AST, module: str, package: str) -> list[tuple[str, list[str]]]:
    """(module imported, names taken from it) for every import in the tree; `import m` takes none."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            found.append((base, [alias.name for alias in node.names]))
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and not node.args[0].value.startswith(".")
        ):
            found.append((node.args[0].value, []))
    return found


def imports_of(module: str, path: Path, modules) -> set[str]:
    """The modules among `modules` that importing `module` (read from `path`) imports."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    running = set(_parents(module))  # already being imported when `module` runs
    targets = set()
    for imported, names in _named_imports(ast.parse(path.read_text(), str(path)), module, package):
        targets |= {parent for parent in _parents(imported) if parent not in running}
        submodules = {f"{imported}.{name}" for name in names} & set(modules)
        targets |= submodules
        # `import m`, or a name that is not a submodule, is read from `m` itself.
        if len(submodules) < len(names) or not names or imported not in running:
            targets.add(imported)
    return {target for target in targets if target in modules and target != module}


def import_graph(root: Path, packages) -> dict[str, set[str]]:
    modules = project_modules(root, packages)
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle, as [a, b, ..., a], through each group of modules that import each other."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    found = []
    for group in groups:
        start = min(group)
        if len(group) > 1 or start in graph.get(start, ()):
            found.append(_path_back(graph, start, group))
    return sorted(found)


def _path_back(graph, start: str, group: set[str]) -> list[str]:
    """The shortest way from `start` back to itself through `group` (breadth first)."""
    came_from = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in sorted(graph.get(node, set()) & group):
                if target == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [start, *reversed(path[:-1]), start] if node != start else [start, start]
                if target not in came_from:
                    came_from[target] = node
                    following.append(target)
        frontier = following
    raise AssertionError(f"{start} is in no cycle of {sorted(group)}")
