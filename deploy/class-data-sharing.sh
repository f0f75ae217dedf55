# Class data sharing for the services started outside a container: ./run-local and bench/footprint source this.
#
# The JDK maps an archive of its own core classes at every start; a service loads about 10,000 more from jars (the
# JDK's other modules, Quarkus' boot jars, the lambda forms). An archive of what a real start loaded, mapped by the
# next starts, took the processor's time to ready from 3.0 to 2.3-2.4 s on two cores (docs/benchmarks.md,
# "Footprint"). JDK 17 cannot keep one by itself (-XX:+AutoCreateSharedArchive needs JDK 19), so this does it:
# - a start without a valid archive is a training start: it writes one when it stops (-XX:ArchiveClassesAtExit,
#   which adds a few seconds to that stop);
# - the archive counts only once that start has been ready (cds_ready writes its key), so a start that failed early
#   leaves no thin archive behind;
# - the key is the JDK's version and the launcher jar's place; the archive is stale when the launcher jar or its boot
#   jars are newer than the key (a new build). A stale archive trains again. The JVM checks the same itself and
#   starts without an archive it cannot use, saying so in the log.
# HUB_CDS=false leaves it out. Plain POSIX tools and bash 3 (macOS), like ./run-local.

CDS_OPTION=()

# the key of the JDK on the PATH and a service's launcher jar
cds_key() { # jar
  java -version 2>&1
  printf '%s\n' "$1"
}

# cds_option <archive directory> <service name> <quarkus-run.jar>: sets CDS_OPTION to the options for that service's
# java command: none when HUB_CDS=false.
cds_option() {
  local dir="$1" name="$2" jar="$3" archive
  CDS_OPTION=()
  [ "${HUB_CDS:-true}" != false ] || return 0
  archive="$dir/$name.jsa"
  if [ -s "$archive" ] && [ -f "$archive.key" ] && [ "$(cat "$archive.key")" = "$(cds_key "$jar")" ] \
     && [ -z "$(find "$jar" "$(dirname "$jar")/lib/boot" -newer "$archive.key" 2>/dev/null | head -1)" ]; then
    CDS_OPTION=("-XX:SharedArchiveFile=$archive")
  else
    mkdir -p "$dir"
    rm -f "$archive" "$archive.key"
    cds_key "$jar" >"$archive.training"
    CDS_OPTION=("-XX:ArchiveClassesAtExit=$archive")
  fi
}

# cds_ready <archive directory> <service name>: that service has been ready. A training start's archive, written
# when it stops, is used from the next start on.
cds_ready() {
  local archive="$1/$2.jsa"
  [ ! -f "$archive.training" ] || mv -f "$archive.training" "$archive.key"
}
