# shellcheck shell=bash
# Sourced, not run: defines `rasd_venv [EXTRAS]`, which creates or updates .venv
# with Rasd installed in editable mode (pip, from PyPI). Used by scripts/test.sh
# and scripts/run-example.sh so both quick-start commands install the same way.
# Skips pip when pyproject.toml and the extras are unchanged since the last install.

rasd_python() {
  # The first interpreter that is Python >= 3.11 ($PYTHON wins when set).
  local candidate
  for candidate in ${PYTHON:-} python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "rasd: Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)" >&2
  return 1
}

rasd_make_venv() {
  local venv="$1" python
  python="$(rasd_python)" || return 1
  rm -rf "$venv"
  if "$python" -m venv "$venv" 2>/dev/null; then
    return 0
  fi
  # Debian's python3 ships venv support separately; install it when we may.
  rm -rf "$venv"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    local version
    version="$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    echo "rasd: installing python${version}-venv with apt-get" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python${version}-venv" >/dev/null &&
      "$python" -m venv "$venv" && return 0
  fi
  echo "rasd: '$python -m venv' failed; install your distribution's venv package (e.g. python3-venv)" >&2
  return 1
}

rasd_venv() {
  local extras="${1:-}" root venv spec stamp want
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  venv="$root/.venv"
  spec="$root"
  [ -n "$extras" ] && spec="$root[$extras]"
  if ! "$venv/bin/python" -c '' >/dev/null 2>&1; then
    echo "rasd: creating $venv" >&2
    rasd_make_venv "$venv" || return 1
  fi
  stamp="$venv/.rasd-installed"
  want="$(cksum <"$root/pyproject.toml" | cut -d' ' -f1) [$extras]"
  if grep -qxF "$want" "$stamp" 2>/dev/null; then
    return 0
  fi
  echo "rasd: installing rasd${extras:+[$extras]} into .venv (pip)" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --editable "$spec" || return 1
  echo "$want" >>"$stamp"
}
