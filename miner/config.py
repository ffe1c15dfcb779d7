"""Where things live, and settings: defaults < config file < environment < flags."""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent


def models_dir() -> Path:
    """`models/` of a source checkout, or the copy a wheel ships as `miner/models`."""
    override = os.environ.get("MINER_MODELS")
    if override:
        return Path(override)
    for candidate in (PACKAGE_DIR.parent / "models", PACKAGE_DIR / "models"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("no models/ directory found next to the miner package")


def models_path(name: str) -> Path:
    return models_dir() / name


def config_path() -> Path:
    """The config file: $MINER_CONFIG, else ~/.config/outage-miner/config.toml."""
    env = os.environ.get("MINER_CONFIG")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "outage-miner" / "config.toml"


@lru_cache(maxsize=8)
def _load(path: str) -> dict[str, Any]:
    p = Path(path)
    if not p.exists():
        return {}
    with p.open("rb") as fh:
        try:
            return tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"{p}: not valid TOML: {exc}") from None


def setting(section: str, key: str, env: str | None = None, default: Any = None) -> Any:
    """A setting from the environment variable `env`, else `[section] key` of the config file."""
    if env and os.environ.get(env):
        return os.environ[env]
    return _load(str(config_path())).get(section, {}).get(key, default)
