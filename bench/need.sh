# Sourced by the bench scripts: `need TOOL` installs Debian's package of that name
# with apt-get (through sudo when not root) if the command is missing.
need() {
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $1 (apt-get)..." >&2
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "$1" >/dev/null
}
