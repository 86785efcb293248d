"""Load on the HTTP service: N concurrent clients on loopback, against one warm check in a single process.

Run: .venv/bin/python benchmarks/bench_serve.py [--clients 4] [--seconds 15] [--workers 2]
[--complaint FILE] [letter]   (default letter: corpora/sample/draft-stage1.docx, a one-page letter;
with --complaint every request carries the complaint's text, so the points check runs too).

It starts `responsecheck serve` as a subprocess on a free loopback port, warms it, then runs
`--clients` threads for `--seconds` (bounded), each posting the letter and waiting for the report.
It reports:
- p50/p95/max latency, throughput and errors;
- the reference: the same letter checked by `responsecheck.check()` warm in this process (median of
  runs before and after the load), so `p50 / single` is the service's overhead plus queueing;
- CPU per request: the server process's (HTTP parsing; it shares the cores with the workers) and
  the workers' (the checks themselves: the cost of a check whatever the neighbours do);
- peak memory of the server and its workers, sampled every 50 ms: RSS summed (counts shared pages
  once per process, so it overstates), PSS summed (shared pages split between the processes that
  share them: the real footprint) and USS (pages only that process holds);
- the load average, and the cores other processes kept busy during the run: on a shared machine
  that says whether the latencies are the service's or the neighbours'.
This is a benchmark, not a test: it never fails, it reports.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(workers: int) -> tuple[subprocess.Popen, str, float]:
    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "responsecheck.cli", "serve", "--port", str(port),
                                "--workers", str(workers), "--no-config"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    while True:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return process, url, time.perf_counter() - started
        except httpx.TransportError:
            if process.poll() is not None or time.perf_counter() - started > 120:
                raise SystemExit("the server did not start") from None
            time.sleep(0.1)


class MemorySampler(threading.Thread):
    """Peak RSS, PSS and USS of the server and its workers, summed: RSS every 50 ms, PSS and USS
    (which the kernel works out by walking each process's page map: ~6 ms of CPU per process with
    the model loaded) every 500 ms, so the measuring takes ~4% of a core rather than a third."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.peak = {"rss_mb": 0.0, "pss_mb": 0.0, "uss_mb": 0.0, "server_uss_mb": 0.0, "processes": 0}
        self.stopping = threading.Event()

    def sample(self, full: bool = True) -> None:
        processes = [self.root, *self.root.children(recursive=True)]
        totals = {"rss_mb": 0.0, "pss_mb": 0.0, "uss_mb": 0.0} if full else {"rss_mb": 0.0}
        for process in processes:
            try:
                info = process.memory_full_info() if full else process.memory_info()
            except psutil.Error:
                continue
            for key in totals:
                totals[key] += getattr(info, key.removesuffix("_mb")) / 2**20
            if full and process is self.root:
                self.peak["server_uss_mb"] = max(self.peak["server_uss_mb"], info.uss / 2**20)
        for key, value in totals.items():
            self.peak[key] = max(self.peak[key], value)
        self.peak["processes"] = max(self.peak["processes"], len(processes))

    def run(self) -> None:
        tick = 0
        while not self.stopping.wait(0.05):
            self.sample(full=tick % 10 == 0)
            tick += 1


def load(url: str, files: dict, clients: int, seconds: float, fields: dict | None = None) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def client() -> None:
        with httpx.Client(base_url=url, timeout=60) as http:
            while time.perf_counter() < stop_at:
                start = time.perf_counter()
                response = http.post("/v1/check", files=files, data=fields or {})
                elapsed = time.perf_counter() - start
                with lock:
                    if response.status_code == 200:
                        latencies.append(elapsed)
                    else:
                        errors[0] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0], time.perf_counter() - started


def single_checks(letter: Path, complaint: str | None, rounds: int = 8) -> list[float]:
    """Seconds per warm in-process check (the first, cold one is left out)."""
    from responsecheck import CheckOptions, check

    data = letter.read_bytes()
    options = CheckOptions(complaint_text=complaint)
    check(data, name=letter.name, options=options)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        check(data, name=letter.name, options=options)
        times.append(time.perf_counter() - start)
    return times


def workers_cpu(server_pid: int) -> float:
    """CPU seconds used so far by the server's workers (the checks themselves)."""
    return sum(sum(p.cpu_times()[:2]) for p in psutil.Process(server_pid).children(recursive=True) if p.is_running())


def ours_cpu(server_pid: int) -> float:
    """CPU seconds used so far by this benchmark, the server and its workers."""
    processes = [psutil.Process(), psutil.Process(server_pid), *psutil.Process(server_pid).children(recursive=True)]
    return sum(sum(p.cpu_times()[:2]) for p in processes if p.is_running())


def machine_busy() -> float:
    """CPU seconds the whole machine has been busy (all cores)."""
    times = psutil.cpu_times()
    return times.user + times.nice + times.system + getattr(times, "irq", 0) + getattr(times, "softirq", 0)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("letter", nargs="?", type=Path, default=ROOT / "corpora" / "sample" / "draft-stage1.docx")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--complaint", type=Path, help="send this complaint with every letter (the points check)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    complaint = None
    if args.complaint:
        from responsecheck.points.source import read_complaint

        complaint = read_complaint(args.complaint)
    fields = {"complaint_text": complaint} if complaint else {}
    clients, seconds = max(1, min(args.clients, 32)), max(1.0, min(args.seconds, 120.0))

    load_before = os.getloadavg()[0]
    singles = single_checks(args.letter, complaint)
    process, url, startup = start_server(args.workers)
    sampler = MemorySampler(process.pid)
    try:
        sampler.sample()
        idle = dict(sampler.peak)
        files = {"file": (args.letter.name, args.letter.read_bytes())}
        load(url, files, clients, 2.0, fields)  # warm-up: connections open, workers hot
        sampler.start()
        cpu_before = sum(sampler.root.cpu_times()[:2])
        workers_before = workers_cpu(process.pid)
        ours_before, machine_before = ours_cpu(process.pid), machine_busy()
        bench_before = sum(psutil.Process().cpu_times()[:2])
        latencies, errors, elapsed = load(url, files, clients, seconds, fields)
        server_cpu = sum(sampler.root.cpu_times()[:2]) - cpu_before
        worker_cpu = workers_cpu(process.pid) - workers_before
        others = (machine_busy() - machine_before) - (ours_cpu(process.pid) - ours_before)
        bench_cpu = sum(psutil.Process().cpu_times()[:2]) - bench_before
        sampler.stopping.set()
        sampler.join()
    finally:
        process.terminate()
        process.wait(timeout=15)
    single = 1000 * statistics.median(singles + single_checks(args.letter, complaint))  # before and after: drift shows in both
    p50, p95 = 1000 * percentile(latencies, 0.5), 1000 * percentile(latencies, 0.95)
    figures = {
        "letter": args.letter.name, "complaint": bool(complaint), "clients": clients, "workers": args.workers, "seconds": round(elapsed, 1),
        "requests": len(latencies), "errors": errors, "throughput_per_s": round(len(latencies) / elapsed, 2),
        "p50_ms": round(p50), "p95_ms": round(p95), "max_ms": round(1000 * max(latencies)),
        "single_check_ms": round(single), "server_process_cpu_ms_per_request": round(1000 * server_cpu / len(latencies), 1),
        "worker_cpu_ms_per_request": round(1000 * worker_cpu / len(latencies)),
        "bench_cpu_ms_per_request": round(1000 * bench_cpu / len(latencies), 1), "p50_over_single": round(p50 / single, 2),
        "p95_over_single": round(p95 / single, 2), "server_start_s": round(startup, 1),
        "memory_idle": {k: round(v) for k, v in idle.items()},
        "memory_peak": {k: round(v) for k, v in sampler.peak.items()},
        "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "other_work_cores": round(max(others, 0.0) / elapsed, 2),
        "cpus": len(os.sched_getaffinity(0)),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"{figures['letter']}: {clients} clients, {args.workers} workers, {figures['seconds']} s, "
          f"{figures['requests']} requests, {errors} errors, {figures['throughput_per_s']}/s")
    print(f"latency p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, max {figures['max_ms']} ms; "
          f"one warm check in-process {figures['single_check_ms']} ms (p50 x{figures['p50_over_single']}, "
          f"p95 x{figures['p95_over_single']}); the server process (HTTP, not the checks) used "
          f"{figures['server_process_cpu_ms_per_request']} ms of CPU per request, a worker "
          f"{figures['worker_cpu_ms_per_request']} ms, this benchmark (clients and sampling) "
          f"{figures['bench_cpu_ms_per_request']} ms")
    peak, idle_mem = figures["memory_peak"], figures["memory_idle"]
    print(f"memory, server + workers ({peak['processes']} processes): peak PSS {peak['pss_mb']} MB "
          f"(idle {idle_mem['pss_mb']}), peak USS {peak['uss_mb']} MB, peak RSS summed {peak['rss_mb']} MB; "
          f"server started in {figures['server_start_s']} s")
    print(f"load average before/after: {figures['load_average_before_after']} on {figures['cpus']} cpus; other "
          f"processes kept {figures['other_work_cores']} cores busy during the run (0 = the machine was ours)")


if __name__ == "__main__":
    main()
