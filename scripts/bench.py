"""`make bench`: every benchmark, one line of figures each."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script, args in [("bench_import.py", ["200000"]), ("bench_extract.py", ["20000"])]:
    subprocess.run([sys.executable, str(HERE / script), *args], check=True)
