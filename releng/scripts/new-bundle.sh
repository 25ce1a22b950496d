#!/usr/bin/env bash
# Scaffolds a pom-less bundle folder: new-bundle.sh <folder> <symbolic-name> "<name>"
set -euo pipefail
dir=$1; bsn=$2; name=$3
mkdir -p "$dir/META-INF" "$dir/src"
cat > "$dir/META-INF/MANIFEST.MF" <<MF
Manifest-Version: 1.0
Bundle-ManifestVersion: 2
Bundle-Name: $name
Bundle-SymbolicName: $bsn
Bundle-Version: 0.1.0.qualifier
Bundle-Vendor: RA Desk
Bundle-RequiredExecutionEnvironment: JavaSE-21
Automatic-Module-Name: $bsn
MF
cat > "$dir/build.properties" <<BP
source.. = src/
output.. = bin/
bin.includes = META-INF/,\\
               .
BP
