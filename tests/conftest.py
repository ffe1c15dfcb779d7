"""Shared pytest setup: tests marked `live` talk to real services and run only with --live."""

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--live", action="store_true", default=False,
                     help="also run the tests marked live (real services, real credentials)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--live"):
        return
    skip = pytest.mark.skip(reason="talks to a real service: run with --live")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip)
