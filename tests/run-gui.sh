#!/usr/bin/env bash
# Runs a GUI test suite on the X display in $DISPLAY, or on a private Xvfb when
# there is none (CI machines have no screen). WebEngine needs a real display.
if [ -n "${DISPLAY:-}" ]; then
  exec "$@"
fi
exec xvfb-run -a -s "-screen 0 1600x1000x24" "$@"
