#!/bin/bash
# The mail throughput benchmark on the classes compiled in a source tree (bundles/*/target/classes) instead of the
# installed jars in ~/.m2: for measuring a branch without `mvn install` (which would replace the jars everyone else
# builds against), or two trees one after the other (before / after a change) with the same benchmark classes.
#
#   mvn -B -o -q compile -pl bundles/liaison-api,bundles/liaison-content,bundles/liaison-crm-embedded,\
#     bundles/liaison-runtime,bundles/liaison-connector-local,bundles/liaison-mail-import,bundles/liaison-duplicates
#   benchmarks/mail-throughput-from-classes.sh [tree] [JVM options, e.g. -Dcorpus.dir=... -Drounds=5]
#
# tree: the source tree whose classes are measured (default: this one). Environment: HEAP (default -Xmx1g),
# M2_REPO (default ~/.m2/repository).
# The benchmark's own classes and the other dependencies come from this tree's benchmarks module.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tree=$(cd "${1:-$here/..}" && pwd)
shift || true
mvn -B -o -q -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
cp=$(cat "$here/target/classpath.txt")
repo=${M2_REPO:-$HOME/.m2/repository}
for m in api content crm-embedded runtime connector-local mail-import duplicates; do
  cp=${cp//$repo\/io\/liaison\/liaison-$m\/0.1.0-SNAPSHOT\/liaison-$m-0.1.0-SNAPSHOT.jar/$tree/bundles/liaison-$m/target/classes}
done
cd "$here"
uptime
exec java ${HEAP:--Xmx1g} -XX:+UseG1GC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dorg.slf4j.simpleLogger.log.org.apache.poi=error -Dorg.slf4j.simpleLogger.log.org.apache.pdfbox=off \
  -Drounds=8 -Dwarmups=8 -Dparsing.threads=1 "-Dh2.options=;QUERY_CACHE_SIZE=64;WRITE_DELAY=0" "$@" \
  -cp "$here/target/classes:$cp" io.liaison.benchmarks.mailimport.MailImportBenchmark
