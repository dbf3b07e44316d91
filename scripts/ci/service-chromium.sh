# shellcheck shell=bash
# Sourced by scripts/test.sh: Debian's Chromium for the browser tests (tests/web), driven by
# Playwright through executable_path (Playwright's own browser download cannot work offline).
# Installs the package when /usr/bin/chromium is missing and we are root with apt-get;
# otherwise the browser tests skip and say why. Exports RASD_CHROMIUM.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "service-chromium: installing Debian's chromium with apt-get" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ||
    echo "service-chromium: apt-get install chromium failed; browser tests will skip" >&2
fi
if [ -x /usr/bin/chromium ]; then
  export RASD_CHROMIUM=/usr/bin/chromium
fi
