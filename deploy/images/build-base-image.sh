#!/usr/bin/env bash
# Builds the services' base image WITHOUT a registry or a Docker daemon: a jlink'ed Java 17 runtime
# from the build machine's JDK plus exactly the shared libraries it links against (found with ldd),
# a passwd entry for the non-root user 10001 and an empty /tmp, written as a `docker save`-format
# tarball that Jib reads with <from><image>tar://...</image></from>.
#
#   deploy/images/build-base-image.sh <output.tar> [java-home]
#
# Why not a registry base image (eclipse-temurin, distroless)? CI and these machines reach Maven
# Central, Debian packages and npm only. The runtime here comes from the Debian openjdk-17 package,
# so it gets Debian's security updates; rebuild the base (it is cheap, ~20 s) when the JDK updates.
# The glibc copied in is the build machine's (Debian 12, glibc 2.36): the image is linux/amd64.
set -euo pipefail

OUT=${1:?usage: build-base-image.sh <output.tar> [java-home]}
JAVA_HOME=${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}}
JLINK="$JAVA_HOME/bin/jlink"
[ -x "$JLINK" ] || { echo "no jlink in $JAVA_HOME (need a full JDK, e.g. openjdk-17-jdk-headless)" >&2; exit 2; }
JAVA_VERSION=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/{print $2}')
case "$JAVA_VERSION" in 17*) ;; *) echo "expected a Java 17 JDK, got $JAVA_VERSION from $JAVA_HOME" >&2; exit 2;; esac

# What Spring Boot 4 + Kafka clients (SASL/SCRAM, Kerberos-capable JAAS) + the MongoDB driver + Netty
# need: java.desktop for java.beans (Spring's bean introspection), java.sql for java.sql.Timestamp
# (Jackson, drivers), java.naming for JNDI lookups (logback, DNS SRV for mongodb+srv://),
# jdk.naming.dns for that SRV lookup, jdk.unsupported for sun.misc.Unsafe (Netty, Avro),
# jdk.crypto.* for TLS, java.management/jdk.management for actuator metrics, jdk.jfr for JFR.
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,\
java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,\
java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,\
jdk.crypto.ec,jdk.jfr,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.security.auth,\
jdk.security.jgss,jdk.unsupported,jdk.zipfs

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ROOT="$WORK/rootfs"
mkdir -p "$ROOT/opt"

"$JLINK" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$ROOT/opt/java"

# jlink writes the CA list frozen into the java.base jmod at JDK build time. Use the build machine's
# current one instead when there is one (Debian's ca-certificates-java keeps it up to date): Procore,
# BC and Entra ID are reached over TLS. And never ship a symlink pointing into the build machine's /etc.
if [ -f /etc/ssl/certs/java/cacerts ]; then
  cp -L /etc/ssl/certs/java/cacerts "$ROOT/opt/java/lib/security/cacerts"
fi
find "$ROOT/opt/java" -type l | while read -r link; do
  cp -L --remove-destination "$(readlink -f "$link")" "$link"
done

# Headless server: drop the native libraries that only GUIs, sound and font rendering load; they pull
# in X11, ALSA, GTK accessibility and FreeType, which a connector never uses (java.awt.headless=true).
for lib in libawt_xawt.so libjawt.so libsplashscreen.so libjsound.so libfontmanager.so liblcms.so libj2pcsc.so libatk-wrapper.so; do
  rm -f "$ROOT/opt/java/lib/$lib"
done

# Copy every shared library the runtime links against, at the path the loader looks for it. (The
# JDK's own libraries find libjvm.so because the launcher has loaded it first; tell ldd where it is.)
runtime_ldd() {
  LD_LIBRARY_PATH="$ROOT/opt/java/lib/server:$ROOT/opt/java/lib" \
    sh -c 'ldd "$1/bin/java"; find "$1" -name "*.so" -exec ldd {} \;' _ "$ROOT/opt/java" 2>/dev/null
}
needed=$(
  runtime_ldd |
    awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}' |
    grep -v "^$ROOT" | sort -u
)
for lib in $needed; do
  mkdir -p "$ROOT$(dirname "$lib")"
  cp -L "$lib" "$ROOT$lib"
done
missing=$(runtime_ldd | grep "not found" || true)
[ -z "$missing" ] || { echo "unresolved libraries: $missing" >&2; exit 1; }

mkdir -p "$ROOT/etc" "$ROOT/tmp" "$ROOT/home/app" "$ROOT/app" "$ROOT/usr/bin"
chmod 1777 "$ROOT/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:10001:10001:ml-connector:/home/app:/sbin/nologin\n' > "$ROOT/etc/passwd"
printf 'root:x:0:\napp:x:10001:\n' > "$ROOT/etc/group"
printf 'hosts: files dns\n' > "$ROOT/etc/nsswitch.conf"
ln -s /opt/java/bin/java "$ROOT/usr/bin/java"

# One layer, reproducible: sorted entries, fixed owner and timestamps.
LAYER="$WORK/layer.tar"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='1970-01-01 00:00:00Z' \
  -C "$ROOT" -cf "$LAYER" .
DIFF_ID=$(sha256sum "$LAYER" | cut -d' ' -f1)

IMAGE="$WORK/image"
mkdir -p "$IMAGE/$DIFF_ID"
mv "$LAYER" "$IMAGE/$DIFF_ID/layer.tar"
cat > "$IMAGE/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"User":"10001:10001","WorkingDir":"/app",
   "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$DIFF_ID"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/build-base-image.sh: jlink $JAVA_VERSION ($MODULES) + ldd libraries"}]}
JSON
CONFIG_ID=$(sha256sum "$IMAGE/config.json" | cut -d' ' -f1)
mv "$IMAGE/config.json" "$IMAGE/$CONFIG_ID.json"
printf '[{"Config":"%s.json","RepoTags":["ml-connector/java17-base:local"],"Layers":["%s/layer.tar"]}]\n' \
  "$CONFIG_ID" "$DIFF_ID" > "$IMAGE/manifest.json"

mkdir -p "$(dirname "$OUT")"
# Name the entries explicitly: Jib refuses a "./" entry in the outer archive.
tar --owner=0 --group=0 --numeric-owner --mtime='1970-01-01 00:00:00Z' -C "$IMAGE" -cf "$OUT" \
  manifest.json "$CONFIG_ID.json" "$DIFF_ID/layer.tar"
echo "base image: $OUT ($(du -h "$OUT" | cut -f1), Java $JAVA_VERSION, layer sha256:$DIFF_ID)"
