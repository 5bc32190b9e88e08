#!/usr/bin/env bash
# Rebuilds resources/fonts from Debian's fonts-dejavu-core: DejaVu Sans cut down to the scripts the
# report promises (Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew, Arabic, with punctuation,
# arrows, maths and box shapes). A smaller font makes every PDF about three times faster to build.
# Needs fontTools (Debian: python3-fonttools). Run from the repository root.
set -euo pipefail
ranges="U+0020-007E,U+00A0-024F,U+0250-02FF,U+0300-036F,U+0370-03FF,U+0400-052F,U+0530-058F,\
U+0590-05FF,U+0600-06FF,U+10A0-10FF,U+1E00-1EFF,U+1F00-1FFF,U+2000-206F,U+20A0-20CF,U+2100-214F,\
U+2190-21FF,U+2200-22FF,U+2500-257F,U+25A0-25FF,U+FB1D-FB4F,U+FB50-FDFF,U+FE70-FEFF,U+FFFD"
for name in DejaVuSans DejaVuSans-Bold; do
  /usr/bin/python3 -m fontTools.subset "/usr/share/fonts/truetype/dejavu/$name.ttf" \
    --unicodes="$ranges" --layout-features='*' --name-IDs='*' --name-legacy --notdef-outline \
    --output-file="resources/fonts/$name.ttf"
done
