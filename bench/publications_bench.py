#!/usr/bin/env python3
"""Imports a generated 500-entry .bib (deterministic: accented names and
titles, journals and conferences, math, months, DOIs) into a fresh copy of
a site with `folio-cli import-bib`, and runs academicpages' own
markdown_generator/pubsFromBib.py (Debian's python3-pybtex) on the same
entries, in one run; prints both times and the ratio (target: Folio >= 10x
faster). Then times `folio-cli import-bib --dry-run` of 1,000 entries into
an empty site: reading, planning and formatting 1,000 citations with
citeproc-js (target <= 0.5 s).

pubsFromBib.py is not part of Folio (never commit it). Give its path with
--pubsfrombib, or put it anywhere under /tmp (the first
/tmp/**/pubsFromBib.py is used). Get it from a clone of
https://github.com/academicpages/academicpages.github.io
(markdown_generator/pubsFromBib.py). It reads pubs.bib (journal articles)
and proceedings.bib (conference papers) in its folder and writes
../_publications: the bench lays that out in a temporary folder.

usage: bench/publications_bench.py [--folio build/app/cli/folio-cli]
           [--site DIR] [--pubsfrombib PATH] [--python /usr/bin/python3]
           [--entries 500] [--format-entries 1000] [--runs 3]
Not part of the test suite: figures, not assertions."""
import argparse, glob, os, random, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

FIRST = ["Yineng", "José", "Zoë", "Łukasz", "Søren", "Chloé", "Jürgen", "Ana", "Wei", "Ngọc", "Ingrid",
         "François", "Hai", "Dağ", "Miloš", "Björn", "Aiko", "Renée", "Tomás", "Priya"]
LAST = [("Chen", "Chen"), ("García", "Garc{\\'\\i}a"), ("Müller", "M{\\\"u}ller"), ("Nowak", "Nowak"),
        ("Kierkegaard", "Kierkegaard"), ("Dubois", "Dubois"), ("Schrödinger", "Schr{\\\"o}dinger"),
        ("Li", "Li"), ("Zhao", "Zhao"), ("Ångström", "{\\AA}ngstr{\\\"o}m"), ("Novák", "Nov{\\'a}k"),
        ("Øster", "{\\O}ster"), ("Çelik", "{\\c{C}}elik"), ("Smith", "Smith"), ("Nguyễn", "Nguyen")]
WORDS = ["adaptive", "momentum", "optimizers", "bidirectional", "transformer", "music", "fusion", "bounds",
         "Langevin", "samplers", "convex", "stochastic", "proximal", "networks", "graph", "inference",
         "Bayesian", "kernel", "sparse", "robust", "learning", "{DNA}", "$x^2$", "na{\\\"\\i}ve", "risk"]
JOURNALS = ["Journal of Machine Learning Research", "Annals of Statistics", "Nature Communications",
            "IEEE Transactions on Pattern Analysis and Machine Intelligence", "Physical Review Letters",
            "Journal of the Royal Statistical Society: Series B"]
CONFERENCES = ["Proceedings of the 40th International Conference on Machine Learning",
               "Proceedings of the {AAAI} Conference on Artificial Intelligence",
               "Advances in Neural Information Processing Systems",
               "Proceedings of the {IEEE/CVF} Conference on Computer Vision and Pattern Recognition"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def generate_bib(count, seed=20261208):
    """`count` entries, the same for the same count: (articles, proceedings)."""
    rnd = random.Random(seed)
    articles, proceedings = [], []
    for i in range(count):
        authors = " and ".join(f"{rnd.choice(LAST)[1]}, {rnd.choice(FIRST)}" for _ in range(rnd.randint(1, 5)))
        title = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(4, 10)))
        title = title[0].upper() + title[1:] + f" {i}"
        year = 1995 + rnd.randint(0, 30)
        key = f"{rnd.choice(LAST)[0].lower().replace('ö', 'o')}{year}e{i}"
        key = "".join(c for c in key if c.isascii() and c.isalnum())
        fields = [f"  title = {{{title}}}", f"  author = {{{authors}}}", f"  year = {{{year}}}",
                  f"  month = {rnd.choice(MONTHS)}", f"  url = {{https://example.org/papers/{i}.pdf}}",
                  f"  doi = {{10.5555/bench.{i}}}"]
        if rnd.random() < 0.3:
            fields.append("  note = {Selected for an oral presentation}")
        if i % 2:
            fields.insert(3, f"  journal = {{{rnd.choice(JOURNALS)}}}")
            fields.append(f"  volume = {{{rnd.randint(1, 60)}}}")
            fields.append(f"  pages = {{{rnd.randint(1, 500)}--{rnd.randint(501, 900)}}}")
            articles.append(f"@article{{{key},\n" + ",\n".join(fields) + "\n}\n")
        else:
            fields.insert(3, f"  booktitle = {{{rnd.choice(CONFERENCES)}}}")
            proceedings.append(f"@inproceedings{{{key},\n" + ",\n".join(fields) + "\n}\n")
    return articles, proceedings


# site/csl keeps citeproc's answers on disk (~/.cache/folio/csl): a second
# import of the same entries formats nothing. "cold" runs turn that off.
COLD = dict(os.environ, FOLIO_CSL_NO_CACHE="1")


def timed(cmd, cwd=None, env=None):
    os.sync()
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode(errors="replace")[-2000:])
    return seconds, proc


def fresh_site(folio, template, where):
    if template:
        shutil.copytree(template, where)
    else:
        subprocess.run([folio, "new", where], check=True, stdout=subprocess.DEVNULL)
    return where


def find_pubsfrombib(given):
    if given:
        return given if os.path.isfile(given) else None
    found = sorted(glob.glob("/tmp/**/pubsFromBib.py", recursive=True))
    return found[0] if found else None


def created_files(site):
    return len(os.listdir(os.path.join(site, "_publications")))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--folio", default=os.path.join(ROOT, "build", "app", "cli", "folio-cli"))
    ap.add_argument("--site", help="site to copy for each run (default: a new starter site)")
    ap.add_argument("--pubsfrombib", help="academicpages' markdown_generator/pubsFromBib.py")
    ap.add_argument("--python", default="/usr/bin/python3", help="a Python with pybtex (Debian: python3-pybtex)")
    ap.add_argument("--entries", type=int, default=500)
    ap.add_argument("--format-entries", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not os.access(args.folio, os.X_OK):
        sys.exit(f"{args.folio}: no folio-cli there; build it or give --folio")

    articles, proceedings = generate_bib(args.entries)
    with tempfile.TemporaryDirectory(prefix="folio-pubs-bench-") as tmp:
        bib = os.path.join(tmp, "bench.bib")
        with open(bib, "w", encoding="utf-8") as f:
            f.write("\n".join(a for pair in zip(articles, proceedings) for a in pair))
            f.write("\n".join(articles[len(proceedings):] + proceedings[len(articles):]))

        best = {}
        for label, env in (("cold", COLD), ("cached", None)):
            folio_times = []
            for run in range(args.runs):
                site = fresh_site(args.folio, args.site, os.path.join(tmp, f"folio-site-{label}-{run}"))
                before = created_files(site)
                seconds, proc = timed([args.folio, "import-bib", site, bib], env=env)
                folio_times.append(seconds)
                made = created_files(site) - before
            best[label] = min(folio_times)
            print(f"folio-cli import-bib, {args.entries} entries, {label:6}: {best[label] * 1000:8.0f} ms "
                  f"(best of {args.runs}; {made} items written, citations by citeproc-js)")

        script = find_pubsfrombib(args.pubsfrombib)
        academic = None
        if not script:
            print("pubsFromBib.py: not found (give --pubsfrombib or put it under /tmp); no comparison")
        elif subprocess.run([args.python, "-c", "import pybtex"], stderr=subprocess.DEVNULL).returncode != 0:
            print(f"pubsFromBib.py: {args.python} has no pybtex (apt install python3-pybtex); no comparison")
        else:
            academic_times = []
            for run in range(args.runs):
                ws = os.path.join(tmp, f"academicpages-{run}")
                gen = os.path.join(ws, "markdown_generator")
                os.makedirs(gen)
                os.makedirs(os.path.join(ws, "_publications"))
                shutil.copy(script, gen)
                with open(os.path.join(gen, "pubs.bib"), "w", encoding="utf-8") as f:
                    f.write("\n".join(articles))
                with open(os.path.join(gen, "proceedings.bib"), "w", encoding="utf-8") as f:
                    f.write("\n".join(proceedings))
                seconds, proc = timed([args.python, "pubsFromBib.py"], cwd=gen)
                academic_times.append(seconds)
                written = len(os.listdir(os.path.join(ws, "_publications")))
            academic = min(academic_times)
            print(f"pubsFromBib.py (pybtex),   {args.entries} entries        : {academic * 1000:8.0f} ms "
                  f"(best of {args.runs}; {written} items written, its own string citations)")
            print(f"ratio: Folio {academic / best['cold']:.1f}x faster cold, {academic / best['cached']:.1f}x "
                  f"cached (target >= 10x)")

        # Formatting: 1,000 entries read, planned and their citations formatted, nothing written.
        articles, proceedings = generate_bib(args.format_entries, seed=7)
        big = os.path.join(tmp, "format.bib")
        with open(big, "w", encoding="utf-8") as f:
            f.write("\n".join(articles + proceedings))
        site = fresh_site(args.folio, args.site, os.path.join(tmp, "format-site"))
        for label, env in (("cold", COLD), ("cached", None)):
            times = []
            for _ in range(args.runs):
                seconds, proc = timed([args.folio, "import-bib", site, big, "--dry-run"], env=env)
                times.append(seconds)
            print(f"folio-cli import-bib --dry-run, {args.format_entries} entries (read, plan, format citations), "
                  f"{label:6}: {min(times) * 1000:8.0f} ms (target <= 500 ms)")
        last = proc.stdout.decode(errors="replace").strip().splitlines()
        if last:
            print(f"  {last[-1]}")


if __name__ == "__main__":
    main()
