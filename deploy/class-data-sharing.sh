# Class data sharing for the services started outside a container: ./run-local and bench/footprint source this.
#
# The JDK maps an archive of its own core classes at every start; a service loads about 10,000 more from jars (the
# JDK's other modules, Quarkus' boot jars, the lambda forms). An archive of what a real start loaded, mapped by the
# next starts, took the processor's time to ready from 3.0-3.1 to 2.5 s on two cores (docs/benchmarks.md,
# "Footprint"). JDK 17 cannot keep one by itself (-XX:+AutoCreateSharedArchive needs JDK 19), so this does it:
# - a start without a usable archive is a training start: the JVM writes the archive when it stops
#   (-XX:ArchiveClassesAtExit, a few seconds added to that stop), into a file of its own;
# - that file becomes the archive only if the start was ready and the JVM then stopped of itself or on a signal
#   it handles (exit 0, 130 or 143): a start that failed early, or a JVM killed while writing, leaves nothing;
# - the key is the JDK's version, the service's launcher jar and the JVM options, written as the training start
#   begins; the archive is stale when the key differs or the launcher jar or its boot jars are newer than the key
#   (a build, even one during that start). A stale archive trains again;
# - a start whose JVM warned that it could not use the archive (its log says "[warning][cds") drops it, so the
#   next start trains again. The JVM refuses some archives without a warning (at info level): the key and the
#   jars' times are what decide. It starts without an archive it cannot use in any case.
# HUB_CDS=false leaves it out. Plain POSIX tools and bash 3 (macOS), like ./run-local.

CDS_OPTION=()

# the key: the JDK on the PATH, the service's launcher jar, and the JVM options given
cds_key() { # jar, options...
  java -version 2>&1
  printf '%s\n' "$@"
}

# cds_option <archive directory> <service name> <quarkus-run.jar> [JVM options...]: sets CDS_OPTION to the option
# for that service's java command: none when HUB_CDS=false.
cds_option() {
  local dir="$1" name="$2" jar="$3" archive
  shift 2
  CDS_OPTION=()
  [ "${HUB_CDS:-true}" != false ] || return 0
  archive="$dir/$name.jsa"
  if [ -s "$archive" ] && [ -f "$archive.key" ] && [ "$(cat "$archive.key")" = "$(cds_key "$@")" ] \
     && [ -z "$(find "$jar" "$(dirname "$jar")/lib/boot" -newer "$archive.key" 2>/dev/null | head -1)" ]; then
    CDS_OPTION=("-XX:SharedArchiveFile=$archive")
  else
    mkdir -p "$dir"
    rm -f "$archive" "$archive.key" "$archive.part" "$archive.ready"
    cds_key "$@" >"$archive.training"
    CDS_OPTION=("-XX:ArchiveClassesAtExit=$archive.part")
  fi
}

# cds_ready <archive directory> <service name> <its log>: that service has been ready. A training start's archive
# may now count once it is written; a start that could not use its archive drops it.
cds_ready() {
  local archive="$1/$2.jsa"
  if [ -f "$archive.training" ]; then
    mv -f "$archive.training" "$archive.ready"
  elif grep -q '\[warning\]\[cds' "$3" 2>/dev/null; then
    rm -f "$archive" "$archive.key"
  fi
}

# cds_stopped <archive directory> <service name> <its exit status>: a training start that was ready and stopped
# cleanly has written its archive; it is used from the next start on.
cds_stopped() {
  local archive="$1/$2.jsa"
  case "$3" in
    0|130|143)
      if [ -f "$archive.ready" ] && [ -s "$archive.part" ]; then
        mv -f "$archive.part" "$archive"
        mv -f "$archive.ready" "$archive.key"
      fi ;;
  esac
  rm -f "$archive.part" "$archive.ready" "$archive.training"
}
