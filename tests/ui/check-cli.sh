#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# barokah --version and --help answer on the terminal, without a display or a database.
set -eu
barokah=$1
version=$2
out=$("$barokah" --version)
[ "$out" = "barokah $version" ] || { echo "not ok 1 --version said: $out"; exit 1; }
echo "ok 1 --version"
help=$("$barokah" --help)
case $help in
  *--version*) echo "ok 2 --help lists --version" ;;
  *) echo "not ok 2 --help: $help"; exit 1 ;;
esac
echo "1..2"
