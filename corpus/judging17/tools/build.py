"""Copy the selected pages unchanged from git snapshots and write pages/MANIFEST.tsv."""
import os, re, subprocess, sys
sys.path.insert(0, os.path.dirname(__file__))
from selection import SOURCES, SEL
OUT = "/work/judging17/pages"
MIN, MAX = 300, 60 * 1024

def git(mirror, *args):
    return subprocess.run(["git", f"--git-dir={mirror}", *args], check=True, capture_output=True).stdout

def title(text, path):
    m = re.match(r"^---\s*\n(.*?)\n---", text, re.S)
    if m:
        t = re.search(r"^title:\s*(.+)$", m.group(1), re.M)
        if t:
            v = t.group(1).strip().strip("'\"").replace("''", "'")
            if v and v not in (">-", "|"):
                return v
    if m:
        n = re.search(r"^name:\s*(.+)$", m.group(1), re.M)
        if n:
            return n.group(1).strip().strip("'\"")
    h = re.search(r"^#{1,3}\s+(.+)$", text, re.M)
    if h:
        return re.sub(r"[*_`]", "", h.group(1)).strip()
    r = re.match(r"resources/(\w+)-report/(.+)\.md$", path)
    if r:  # untitled report sections: label from the path
        return f"[{r.group(1).capitalize()} 2019 CFDE report: {r.group(2).replace('-', ' ')}]"
    return f"[{os.path.basename(path)}]"

rows, skipped = [], []
for key, commit, path, kind in SEL:
    src = SOURCES[key]
    full = git(src["mirror"], "rev-parse", commit).decode().strip()
    data = git(src["mirror"], "show", f"{full}:{path}")
    if not (MIN <= len(data) <= MAX):
        skipped.append((key, path, len(data)))
        continue
    rel = path.replace("/", "__")
    d = os.path.join(OUT, key)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, rel), "wb") as fh:
        fh.write(data)
    t = title(data.decode("utf-8", "replace"), path).replace("\t", " ")
    rows.append((f"{key}/{rel}", src["repo"], full, path, src["license"], kind, t))

with open(os.path.join(OUT, "MANIFEST.tsv"), "w") as fh:
    fh.write("file\trepo\tcommit\toriginal_path\tlicense\tkind\tnote\n")
    for r in rows:
        fh.write("\t".join(r) + "\n")
print(len(rows), "pages;", "skipped (size):", skipped)
