import pytest


@pytest.fixture(autouse=True)
def _media_sementara(settings, tmp_path):
    """Evidence files uploaded by the tests go to a temporary folder, not into the checkout."""
    settings.MEDIA_ROOT = tmp_path
