"""The project's modules: none imports itself back through others, none is over 600 lines."""

import textwrap

from tests.support.files import BASE_DIR
from tests.support.module_graph import cycles, import_graph, project_modules

PACKAGES = ("plants", "nativeplants")
MAX_LINES = 600

# Modules allowed over the limit for now, each to be split (none now).
OVER_MAX_LINES_FOR_NOW: set[str] = set()
# Imports that close a cycle, each to be removed with the cycle (none now).
CYCLE_EDGES_FOR_NOW: set[tuple[str, str]] = set()


def test_no_project_module_imports_itself_back_through_others():
    graph = import_graph(BASE_DIR, PACKAGES)
    stale = {
        (module, target) for module, target in CYCLE_EDGES_FOR_NOW if target not in graph.get(module, ())
    }
    assert not stale, f"no longer imported, so no longer an exception: {sorted(stale)}"
    for module, target in CYCLE_EDGES_FOR_NOW:
        graph[module] = graph[module] - {target}
    found = [" -> ".join(cycle) for cycle in cycles(graph)]
    assert not found, "import cycles:\n" + "\n".join(found)


def test_no_project_module_is_over_600_lines():
    lengths = {
        path.relative_to(BASE_DIR).as_posix(): len(path.read_text().splitlines())
        for path in project_modules(BASE_DIR, PACKAGES).values()
        if "migrations" not in path.relative_to(BASE_DIR).parts
    }
    too_long = {path: lines for path, lines in lengths.items() if lines > MAX_LINES}
    stale = {path for path in OVER_MAX_LINES_FOR_NOW if path not in too_long}
    assert not stale, f"no longer over {MAX_LINES} lines, so no longer an exception: {sorted(stale)}"
    offenders = {path: lines for path, lines in too_long.items() if path not in OVER_MAX_LINES_FOR_NOW}
    assert not offenders, f"over {MAX_LINES} lines: {offenders}"


# --- the import graph, on small trees made for each test ---------------------


def write_tree(root, files: dict[str, str]):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))


def test_an_import_inside_a_function_and_a_relative_one_make_a_cycle(tmp_path):
    write_tree(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/orders.py": "from .stock import reserve\n",
            "shop/stock.py": "def reserve():\n    from shop import orders\n",
        },
    )
    graph = import_graph(tmp_path, ["shop"])
    assert graph["shop.orders"] == {"shop.stock"}
    assert graph["shop.stock"] == {"shop.orders"}
    assert cycles(graph) == [["shop.orders", "shop.stock", "shop.orders"]]


def test_importing_a_module_of_another_package_runs_that_packages_init(tmp_path):
    write_tree(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/models/__init__.py": "from .item import Item\n",
            "shop/models/item.py": "from shop.prices import rounded\n",
            "shop/prices.py": "from shop.models.item import Item\n",
        },
    )
    graph = import_graph(tmp_path, ["shop"])
    # Within its own package a module does not import the package: it is already running.
    assert graph["shop.models.item"] == {"shop.prices"}
    assert graph["shop.prices"] == {"shop.models", "shop.models.item"}
    assert cycles(graph) == [["shop.models", "shop.models.item", "shop.prices", "shop.models"]]


def test_a_name_taken_from_a_package_imports_its_init(tmp_path):
    write_tree(
        tmp_path,
        {
            "shop/__init__.py": "from shop.cart import Cart\nTAX = 0.2\n",
            "shop/cart.py": "from shop import TAX\n",
            "shop/prices.py": "from shop import cart\n",
        },
    )
    graph = import_graph(tmp_path, ["shop"])
    assert graph["shop.cart"] == {"shop"}
    assert graph["shop.prices"] == {"shop.cart"}
    assert cycles(graph) == [["shop", "shop.cart", "shop"]]


def test_import_module_with_a_written_out_name_counts(tmp_path):
    write_tree(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/early.py": "import importlib\nlater = importlib.import_module('shop.late')\n",
            "shop/late.py": "import shop.early\n",
        },
    )
    graph = import_graph(tmp_path, ["shop"])
    assert graph["shop.early"] == {"shop.late"}
    assert cycles(graph) == [["shop.early", "shop.late", "shop.early"]]


def test_a_tree_without_cycles_has_none(tmp_path):
    write_tree(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/cart.py": "import json\nfrom . import prices\n",
            "shop/prices.py": "from decimal import Decimal\n",
            "till/__init__.py": "from shop.cart import *\n",
        },
    )
    graph = import_graph(tmp_path, ["shop", "till"])
    assert graph["till"] == {"shop", "shop.cart"}
    assert cycles(graph) == []
