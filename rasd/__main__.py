"""``python -m rasd``: the same CLI as the ``rasd`` command."""

from rasd.cli import app

app(prog_name="rasd")
