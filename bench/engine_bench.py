#!/usr/bin/env python3
"""Builds the seed site and scaled copies of it (../shared/bench/scale-site.py,
1000 and 4000 posts by default) with folio-cli and with Jekyll 4.3 in one run,
and prints wall time and peak RSS side by side, with each engine's cost per
added post beyond the seed site (time and memory), which stays flat when cost
grows linearly with posts.

usage: bench/engine_bench.py [--folio build/app/cli/folio-cli] [--sizes 1000 4000]
                             [--runs 1] [--no-jekyll]
Not part of the test suite: figures, not assertions."""
import argparse, os, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))


def run(cmd, env=None):
    """Runs cmd, returns (seconds, peak RSS in MB, exit code, CPU seconds)."""
    # Flush what the previous step wrote (the generated site, the other
    # tool's output) first, so its writeback is not timed as this build's.
    os.sync()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.read().decode(errors="replace")[-2000:])
    return seconds, usage.ru_maxrss / 1024.0, proc.returncode, usage.ru_utime + usage.ru_stime


def count_html(folder):
    return sum(1 for _, _, files in os.walk(folder) for f in files if f.endswith(".html"))


def per_post(engine, result, posts, base, width):
    """Cost of each post added to the seed site: wall ms, KB and CPU ms per
    post. The CPU column shows linear growth best: wall time at a small size
    hides fixed costs (libsass) behind work on the other cores."""
    if not result:
        return f" {'-':>{width}} {'-':>8} {'-':>7}"
    if posts == 0:
        base[engine] = result
        return f" {'-':>{width}} {'-':>8} {'-':>7}"
    seconds, mb, cpu = base[engine][0], base[engine][1], base[engine][3]
    return (f" {(result[0] - seconds) * 1000 / posts:>{width}.2f} {(result[1] - mb) * 1024 / posts:>8.1f}"
            f" {(result[3] - cpu) * 1000 / posts:>7.2f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--folio", default=os.path.join(ROOT, "build", "app", "cli", "folio-cli"))
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 4000])
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--no-jekyll", action="store_true")
    args = ap.parse_args()
    seed = os.path.join(SHARED, "fixtures", "seed-site")
    if not os.path.isdir(seed):
        sys.exit("needs ../shared/fixtures/seed-site")
    jekyll = None if args.no_jekyll else shutil.which("jekyll")
    work = tempfile.mkdtemp(prefix="folio-bench-")
    env = dict(os.environ, JEKYLL_ENV="production", FOLIO_CACHE_DIR=os.path.join(work, "cache"))
    sites = [("seed", seed, 0)]
    for n in args.sizes:
        out = os.path.join(work, f"scale-{n}")
        subprocess.run([sys.executable, os.path.join(SHARED, "bench", "scale-site.py"), seed, out, str(n)],
                       check=True, stdout=subprocess.DEVNULL)
        sites.append((f"{n} posts", out, n))
    print(f"{'site':>10} | {'pages':>6} | {'folio s':>8} {'folio MB':>9} | {'jekyll s':>9} {'jekyll MB':>10} | "
          f"{'speed-up':>8} {'RSS ratio':>9} | {'folio ms/post':>13} {'KB/post':>8} {'CPU ms':>7} | "
          f"{'jekyll ms/post':>14} {'KB/post':>8} {'CPU ms':>7}")
    base = {}   # engine -> (seconds, MB) of the seed site
    for name, src, posts in sites:
        best = None
        for i in range(args.runs):
            dest = os.path.join(work, f"out-folio-{name.replace(' ', '-')}")
            shutil.rmtree(dest, ignore_errors=True)
            r = run([args.folio, "build", src, "-d", dest, "-q"], env)
            best = r if best is None or r[0] < best[0] else best
        pages = count_html(dest)
        j = None
        if jekyll:
            jdest = os.path.join(work, f"out-jekyll-{name.replace(' ', '-')}")
            j = run([jekyll, "build", "-q", "-s", src, "-d", jdest], env)
        line = f"{name:>10} | {pages:>6} | {best[0]:>8.2f} {best[1]:>9.0f} |"
        if j:
            line += f" {j[0]:>9.2f} {j[1]:>10.0f} | {j[0] / best[0]:>7.1f}x {best[1] / j[1]:>9.2f} |"
        else:
            line += f" {'-':>9} {'-':>10} | {'-':>8} {'-':>9} |"
        line += per_post("folio", best, posts, base, 13) + " |" + per_post("jekyll", j, posts, base, 14)
        print(line, flush=True)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
