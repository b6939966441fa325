import os

import matplotlib

matplotlib.use("Agg")
os.environ.setdefault("MPLBACKEND", "Agg")


import pytest  # noqa: E402


@pytest.fixture
def closing():
    """``closing(obj)`` registers a scene or panel to be closed after the test; returns it."""
    made = []

    def register(obj):
        made.append(obj)
        return obj

    yield register
    for obj in made:
        obj.close()
