"""Reads a named SQL text block out of a Java class, so a pgbench baseline runs the processor's own statements.

A benchmark that carries its own copy of a statement measures that copy: once the Java one changes, the
baseline drifts from what it is compared with and nothing says so. This reads `static final String NAME = \"\"\"
...\"\"\";` from the source and binds its $n parameters to SQL text (pgbench variables, literals, now()).
"""
import pathlib
import re
import textwrap

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLAIM_REPOSITORY = ROOT / "processor-service/src/main/java/org/integrationhub/processor/staging/StagingClaimRepository.java"


def statement(java_file, name):
    """The text block assigned to the constant `name` in `java_file`, dedented as Java reads it."""
    source = pathlib.Path(java_file).read_text(encoding="utf-8")
    found = re.search(r'static final String ' + re.escape(name) + r' = """\n(.*?)""";', source, re.S)
    if not found:
        raise SystemExit(f"no text block {name} in {java_file}: keep the bench in step with the code")
    return textwrap.dedent(found.group(1)).rstrip()


def bind(sql, values):
    """Replaces $1, $2, ... by the SQL text in values[1], values[2], ...; every parameter must be bound."""
    def value(match):
        n = int(match.group(1))
        if n not in values:
            raise SystemExit(f"parameter ${n} is not bound in:\n{sql}")
        return values[n]
    return re.sub(r"\$(\d+)", value, sql)
