#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# barokah --version and --help answer on the terminal, without a display or a database,
# in the language asked for.
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
# Run from the build tree it speaks the build's own Indonesian (issue 8 #1), not English for
# want of an installed catalogue.
help_id=$(LC_ALL=id_ID.UTF-8 LANGUAGE=id "$barokah" --help)
case $help_id in
  *"Tampilkan versi program lalu keluar"*) echo "ok 3 --help in Indonesian from the build tree" ;;
  *) echo "not ok 3 --help with LANGUAGE=id: $help_id"; exit 1 ;;
esac
help_en=$(LC_ALL=id_ID.UTF-8 LANGUAGE=en "$barokah" --help)
case $help_en in
  *"Show the program version and exit"*) echo "ok 4 --help in English when asked" ;;
  *) echo "not ok 4 --help with LANGUAGE=en: $help_en"; exit 1 ;;
esac
echo "1..4"
