#!/usr/bin/env python3
"""Copy a Tycho-built p2 repository and re-version the project's own IUs/artifacts from one qualifier to a
newer one (e.g. 202612071731 -> 202612080000), so an installed product of the old qualifier sees an update.
releng/update-test.sh makes its "v2" site with it: the p2 mechanics of an update tested without a second
Maven build (the bundles' contents are v1's; only their versions, names and checksums change).
usage: make-v2-repo.py <src repository dir> <dest dir> <old qualifier> <new qualifier>"""
import hashlib, os, re, shutil, sys, zipfile

src, dst, OLD, NEW = sys.argv[1:5]
shutil.copytree(src, dst)
os.chdir(dst)
# plain XML metadata (drop the jar/xz forms and p2.index so p2 reads content.xml / artifacts.xml)
for kind in ('artifacts', 'content'):
    with zipfile.ZipFile(kind + '.jar') as z:
        open(kind + '.xml', 'wb').write(z.read(kind + '.xml'))
for f in ('artifacts.jar', 'content.jar', 'artifacts.xml.xz', 'content.xml.xz', 'p2.index'):
    if os.path.exists(f):
        os.remove(f)
# rename (and for jars: re-version MANIFEST.MF / feature.xml inside) every artifact carrying OLD
for d in ('plugins', 'features', 'binary'):
    for f in os.listdir(d) if os.path.isdir(d) else []:
        if OLD not in f:
            continue
        s, t = os.path.join(d, f), os.path.join(d, f.replace(OLD, NEW))
        if d == 'binary':
            os.rename(s, t)
            continue
        with zipfile.ZipFile(s) as zin, zipfile.ZipFile(t, 'w', zipfile.ZIP_DEFLATED) as zout:
            for it in zin.infolist():
                data = zin.read(it.filename)
                if it.filename in ('META-INF/MANIFEST.MF', 'feature.xml'):
                    data = data.replace(OLD.encode(), NEW.encode())
                zout.writestr(it, data)
        os.remove(s)

def sums(path):
    b = open(path, 'rb').read()
    return {'artifact.size': str(len(b)), 'download.size': str(len(b)),
            'download.checksum.sha-256': hashlib.sha256(b).hexdigest(),
            'download.checksum.sha-512': hashlib.sha512(b).hexdigest(),
            'download.md5': hashlib.md5(b).hexdigest(), 'download.checksum.md5': hashlib.md5(b).hexdigest()}

LAYOUT = {'osgi.bundle': 'plugins/{}_{}.jar', 'org.eclipse.update.feature': 'features/{}_{}.jar', 'binary': 'binary/{}_{}'}

def fix(m):
    block, cls, i, v = m.group(0), m.group(1), m.group(2), m.group(3)
    if NEW not in v:
        return block
    for k, val in sums(LAYOUT[cls].format(i, v)).items():  # checksums must match the rewritten files
        block = re.sub(r"(<property name='%s' value=')[^']*'" % re.escape(k), lambda mm: mm.group(1) + val + "'", block)
    return block

a = open('artifacts.xml').read().replace(OLD, NEW)
a = re.sub(r"<artifact classifier='([^']*)' id='([^']*)' version='([^']*)'>.*?</artifact>", fix, a, flags=re.S)
open('artifacts.xml', 'w').write(a)
c = open('content.xml').read().replace(OLD, NEW)
open('content.xml', 'w').write(c)
