#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Indonesian translation is complete: every source file with translatable strings is in
# POTFILES.in, and po/id.po has no untranslated or fuzzy message. After changing strings,
# run `ninja -C _build barokah-update-po` and translate what it adds.
set -eu
top=$1
cd "$top"
status=0

# barokah-admin is an operator's tool in English; everything a shop clerk sees is translated.
wanted=$( { grep -rlE '\b(_|N_|C_|NC_|g_dngettext)[[:space:]]*\(' src --include='*.c' | grep -v '^src/cli/';
            grep -rl 'translatable="yes"' ui; } | sort)
for f in $wanted; do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "po/POTFILES.in lacks $f"; status=1
  fi
done

stats=$(msgfmt --statistics -o /dev/null po/id.po 2>&1)
echo "po/id.po: $stats"
case $stats in
  *untranslated*|*fuzzy*) echo "po/id.po is not complete"; status=1 ;;
esac
exit $status
