import re
from pathlib import Path

from django.conf import settings


def test_every_environment_variable_is_in_the_readme_table():
    source = (Path(settings.BASE_DIR) / "community" / "settings.py").read_text()
    names = set(re.findall(r'env\.\w+\(\s*"([A-Z_]+)"', source))
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    missing = sorted(name for name in names if f"| `{name}` |" not in readme)
    assert names and not missing, f"document these in the README's settings table: {missing}"
