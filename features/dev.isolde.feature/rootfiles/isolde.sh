#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# Starts an installed Isolde product without the native Eclipse launcher (not on Maven Central).
#   isolde.sh                      the workbench (workspace: ISOLDE_WORKSPACE or ~/isolde-workspace)
#   isolde.sh --cli ARGS...        the headless command line (no display needed)
# Needs Java 21+: JAVA_HOME or java on PATH. Extra JVM options via JAVA_OPTS.
HERE="$(cd "$(dirname "$0")" && pwd)"
if [ -n "$JAVA_HOME" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
LAUNCHER=$(ls "$HERE"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
# Guice 7 uses sun.misc.Unsafe; JDK 24+ warns about it on every start unless told it is allowed
if "$JAVA" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
  JAVA_OPTS="${JAVA_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
if [ "$1" = "--cli" ]; then
  shift
  # own configuration area per user, no locking: several commands may run at once
  exec "$JAVA" $JAVA_OPTS -Dosgi.requiredJavaVersion=21 -Dosgi.locking=none \
    -Dosgi.configuration.area="${ISOLDE_CLI_CONFIG:-$HERE/configuration}" \
    -jar "$LAUNCHER" -data @none -application dev.isolde.cli.app -noSplash "$@"
fi
SAMPLES="${ISOLDE_SAMPLES:-$HERE/samples}"
exec "$JAVA" $JAVA_OPTS -Dosgi.requiredJavaVersion=21 -Disolde.samples="$SAMPLES" \
  -jar "$LAUNCHER" -data "${ISOLDE_WORKSPACE:-$HOME/isolde-workspace}" -consoleLog "$@"
