//! `cargo bench --bench http`: the web server under load, beside the same
//! searches through the library, in one run.
//!
//! It builds (or reuses) an archive of the synthetic corpus, starts
//! `tanu serve` on it as a child process, and sends a fixed mix of
//! searches from 1, 8 and 32 concurrent clients (keep-alive HTTP/1.1
//! connections, one per client) to the JSON API (`/api/v1/search`) and to
//! the search page (`/search`), signed in as an archivist (a session cookie
//! for the page, a bearer token for the API), since the synthetic
//! testimonies are not published. For each it reports p50, p99 and
//! requests per second, and the server's resident memory (`VmRSS`, and
//! `VmHWM`, its peak so far). The library rows run the request the first
//! page asks of `Archive::search` (ten testimonies cut from a ranking
//! window of a hundred, with facets, as `web::search::run` does), on 1 and
//! 8 threads with a handle each.
//!
//! Settings (environment): `TANU_BENCH_TESTIMONIES` (default 300),
//! `TANU_BENCH_SEED` (1), `TANU_BENCH_DIR` (`target/tanu-bench`; corpus and
//! archive are cached there), `TANU_BENCH_HTTP_REQUESTS` per row (800),
//! `TANU_BENCH_HTTP_CLIENTS` (`1,8,32`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::json;
use tanu::Archive;
use tanu::search::SearchRequest;
use tanu::vocab::Vocabulary;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Kills the server when the bench ends, also on an error.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn main() -> anyhow::Result<()> {
    let n: usize = env_or("TANU_BENCH_TESTIMONIES", 300);
    let seed: u64 = env_or("TANU_BENCH_SEED", 1);
    let total: usize = env_or("TANU_BENCH_HTTP_REQUESTS", 800);
    let levels: Vec<usize> = std::env::var("TANU_BENCH_HTTP_CLIENTS")
        .unwrap_or_else(|_| "1,8,32".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .filter(|&c| c > 0)
        .collect();
    let dir = std::env::var_os("TANU_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tanu-bench"));
    std::fs::create_dir_all(&dir)?;
    let tanu = PathBuf::from(env!("CARGO_BIN_EXE_tanu"));

    let archive = ensure_archive(&tanu, &dir, seed, n)?;
    let vocab = Vocabulary::builtin()?;
    let queries = query_mix(&vocab);
    eprintln!(
        "tanu http bench: {n} testimonies, {} queries, {total} requests per row",
        queries.len()
    );

    // The library, as the first result page asks it.
    let mut rows = Vec::new();
    for threads in [1usize, 8] {
        let lat = library_run(&archive, &queries, threads, total)?;
        rows.push(Row::new("library", threads, lat, None));
    }

    // The server.
    let mut child = Command::new(&tanu)
        .arg("--archive")
        .arg(&archive)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("starting tanu serve")?;
    let stdout = child.stdout.take().context("server stdout")?;
    let server = Server(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line)?;
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .context("the server did not say its address")?
        .to_string();
    let pid = server.0.id();
    let (cookie, bearer) = credentials(&archive)?;
    for (name, path, auth) in [
        (
            "api",
            "/api/v1/search?q=",
            format!("Authorization: Bearer {bearer}"),
        ),
        (
            "page",
            "/search?q=",
            format!("Cookie: tanu_session={cookie}"),
        ),
    ] {
        // A warm-up pass, so every row reads from warm caches.
        http_run(&addr, path, &auth, &queries, 2, queries.len())?;
        for &clients in &levels {
            let lat = http_run(&addr, path, &auth, &queries, clients, total)?;
            let mem = memory(pid);
            rows.push(Row::new(name, clients, lat, Some(mem)));
        }
    }
    drop(server);

    let mut table = format!(
        "tanu http bench: {n} testimonies (seed {seed}), {total} requests per row, {} queries\n\n\
         | path | clients | p50 ms | p99 ms | max ms | req/s | server RSS / peak MiB |\n\
         |---|---:|---:|---:|---:|---:|---:|\n",
        queries.len()
    );
    for r in &rows {
        table.push_str(&r.line());
        table.push('\n');
    }
    println!("{table}");
    let results = dir.join(format!("http-results-s{seed}-n{n}.json"));
    let json: Vec<_> = rows.iter().map(Row::json).collect();
    std::fs::write(&results, serde_json::to_string_pretty(&json)?)?;
    std::fs::write(dir.join(format!("http-results-s{seed}-n{n}.txt")), &table)?;
    eprintln!("results written to {}", results.display());
    Ok(())
}

/// The archive of the corpus, built with the CLI unless a complete one is
/// cached.
fn ensure_archive(tanu: &Path, dir: &Path, seed: u64, n: usize) -> anyhow::Result<PathBuf> {
    let corpus = dir.join(format!("http-corpus-s{seed}-n{n}"));
    let archive = dir.join(format!("http-archive-s{seed}-n{n}"));
    let marker = archive.join(".bench-complete");
    let version = tanu::corpus::GENERATOR_VERSION;
    if std::fs::read_to_string(&marker).is_ok_and(|v| v.trim() == version) {
        eprintln!("archive: cached in {}", archive.display());
        return Ok(archive);
    }
    for d in [&corpus, &archive] {
        if d.exists() {
            std::fs::remove_dir_all(d)?;
        }
    }
    eprintln!("corpus: generating {n} testimonies …");
    let ok = Command::new(tanu)
        .args([
            "generate",
            "--count",
            &n.to_string(),
            "--seed",
            &seed.to_string(),
            "--out",
        ])
        .arg(&corpus)
        .stdout(Stdio::null())
        .status()?
        .success();
    if !ok {
        bail!("tanu generate failed");
    }
    eprintln!("ingesting into {} …", archive.display());
    let ok = Command::new(tanu)
        .arg("--archive")
        .arg(&archive)
        .arg("init")
        .stdout(Stdio::null())
        .status()?
        .success();
    if !ok {
        bail!("tanu init failed");
    }
    let ok = Command::new(tanu)
        .arg("--archive")
        .arg(&archive)
        .arg("ingest")
        .arg(&corpus)
        .stdout(Stdio::null())
        .status()?
        .success();
    if !ok {
        bail!("tanu ingest failed");
    }
    std::fs::write(&marker, version)?;
    std::fs::remove_dir_all(&corpus)?;
    Ok(archive)
}

/// A session cookie and an API token of an archivist: the synthetic
/// testimonies are not published, so the server searches as the library
/// rows do (as an archivist) and finds the same testimonies.
fn credentials(archive: &Path) -> anyhow::Result<(String, String)> {
    let mut a = Archive::open(archive)?;
    let password = "bench-password-1944";
    // A cached archive has the account already.
    let _ = a.add_user("bench", "archivist", password, "bench");
    let account = a
        .authenticate("bench", password)?
        .context("the bench account does not sign in")?;
    let cookie = a.create_session(&account)?;
    let bearer = a.add_token("bench", "http bench", "bench")?;
    Ok((cookie, bearer))
}

/// Words, inflected forms, phrases, booleans and places in both languages:
/// the classes of the archive bench, a tenth of its size.
fn query_mix(vocab: &Vocabulary) -> Vec<String> {
    let w = tanu::corpus::query_words(vocab);
    let mut out = Vec::new();
    for i in 0..20 {
        let pick = |v: &[String], k: usize| v[k % v.len().max(1)].clone();
        out.push(pick(&w.hu_words, i));
        out.push(pick(&w.ru_words, i));
        out.push(pick(&w.hu_inflected, i * 7));
        out.push(pick(&w.ru_inflected, i * 7));
        out.push(format!("\"{}\"", pick(&w.phrases, i)));
        out.push(format!(
            "({} OR {}) -{}",
            pick(&w.hu_words, i),
            pick(&w.ru_words, i + 6),
            pick(&w.hu_words, i + 14)
        ));
        let (_, hu, ru) = &w.places[i % w.places.len()];
        out.push(if i % 2 == 0 { hu.clone() } else { ru.clone() });
    }
    out.retain(|q| !q.trim().is_empty() && q != "\"\"");
    out
}

/// Runs `total` searches from `workers` threads at once, each with its
/// own `setup` (an archive handle, a connection) and the queries in its
/// own order; the latency of every `one` call in ms, and the wall time of
/// the whole run in seconds.
fn concurrent<S>(
    workers: usize,
    total: usize,
    queries: &[String],
    setup: impl Fn() -> anyhow::Result<S> + Sync,
    one: impl Fn(&mut S, &str) -> anyhow::Result<()> + Sync,
) -> anyhow::Result<(Vec<f64>, f64)> {
    let per = total.div_ceil(workers);
    let start = Instant::now();
    let all = std::thread::scope(|scope| -> anyhow::Result<Vec<f64>> {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let (setup, one) = (&setup, &one);
                scope.spawn(move || -> anyhow::Result<Vec<f64>> {
                    let mut state = setup()?;
                    let mut lat = Vec::with_capacity(per);
                    for i in 0..per {
                        let q = &queries[(w * 31 + i) % queries.len()];
                        let t = Instant::now();
                        one(&mut state, q)?;
                        lat.push(t.elapsed().as_secs_f64() * 1e3);
                    }
                    Ok(lat)
                })
            })
            .collect();
        let mut all = Vec::new();
        for h in handles {
            all.extend(
                h.join()
                    .map_err(|_| anyhow::anyhow!("a worker panicked"))??,
            );
        }
        Ok(all)
    })?;
    Ok((all, start.elapsed().as_secs_f64()))
}

/// The library, as the first result page asks it: ten testimonies cut
/// from a ranking window of a hundred, with facets.
fn library_run(
    archive: &Path,
    queries: &[String],
    threads: usize,
    total: usize,
) -> anyhow::Result<(Vec<f64>, f64)> {
    concurrent(
        threads,
        total,
        queries,
        || Ok(Archive::open(archive)?),
        |a, q| {
            let mut r = SearchRequest::new(q);
            r.limit = 10;
            r.window = 100;
            r.facets = true;
            std::hint::black_box(a.search(&r)?);
            Ok(())
        },
    )
}

/// `total` GETs of `path` + the query from `clients` connections.
fn http_run(
    addr: &str,
    path: &str,
    auth: &str,
    queries: &[String],
    clients: usize,
    total: usize,
) -> anyhow::Result<(Vec<f64>, f64)> {
    concurrent(
        clients,
        total,
        queries,
        || Conn::open(addr),
        |conn, q| {
            let target = format!("{path}{}", encode(q));
            let status = conn.get(&target, auth)?;
            if status != 200 {
                bail!("{target}: status {status}");
            }
            Ok(())
        },
    )
}

/// Percent-encodes a query for a URL.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One keep-alive HTTP/1.1 connection.
struct Conn {
    addr: String,
    reader: BufReader<TcpStream>,
}

impl Conn {
    fn open(addr: &str) -> anyhow::Result<Conn> {
        let stream = TcpStream::connect(addr)?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(Duration::from_secs(60)))?;
        Ok(Conn {
            addr: addr.to_string(),
            reader: BufReader::new(stream),
        })
    }

    /// Sends a GET and reads the whole response; returns its status.
    fn get(&mut self, target: &str, header: &str) -> anyhow::Result<u16> {
        write!(
            self.reader.get_mut(),
            "GET {target} HTTP/1.1\r\nHost: {}\r\nAccept: */*\r\n{header}\r\n\r\n",
            self.addr
        )?;
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .with_context(|| format!("bad status line {line:?}"))?;
        let mut length = None;
        let mut chunked = false;
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                let k = k.trim().to_ascii_lowercase();
                if k == "content-length" {
                    length = v.trim().parse::<usize>().ok();
                } else if k == "transfer-encoding" && v.to_ascii_lowercase().contains("chunked") {
                    chunked = true;
                }
            }
        }
        if chunked {
            loop {
                line.clear();
                self.reader.read_line(&mut line)?;
                let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
                    .with_context(|| format!("bad chunk size {line:?}"))?;
                let mut buf = vec![0; size + 2];
                self.reader.read_exact(&mut buf)?;
                if size == 0 {
                    break;
                }
            }
        } else {
            let mut buf = vec![0; length.context("no content-length")?];
            self.reader.read_exact(&mut buf)?;
            std::hint::black_box(&buf);
        }
        Ok(status)
    }
}

/// `VmRSS` and `VmHWM` of a process, in KiB.
fn memory(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

struct Row {
    path: &'static str,
    clients: usize,
    p50: f64,
    p99: f64,
    max: f64,
    rps: f64,
    mem: Option<(u64, u64)>,
}

impl Row {
    fn new(
        path: &'static str,
        clients: usize,
        (mut v, wall): (Vec<f64>, f64),
        mem: Option<(u64, u64)>,
    ) -> Row {
        v.sort_by(f64::total_cmp);
        let q = |p: f64| {
            if v.is_empty() {
                0.0
            } else {
                v[((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1]
            }
        };
        let rps = if wall > 0.0 {
            v.len() as f64 / wall
        } else {
            0.0
        };
        Row {
            path,
            clients,
            p50: q(0.50),
            p99: q(0.99),
            max: v.last().copied().unwrap_or(0.0),
            rps,
            mem,
        }
    }

    fn line(&self) -> String {
        let mem = self.mem.map_or("–".to_string(), |(rss, hwm)| {
            format!("{:.0} / {:.0}", rss as f64 / 1024.0, hwm as f64 / 1024.0)
        });
        format!(
            "| {} | {} | {:.1} | {:.1} | {:.1} | {:.0} | {mem} |",
            self.path, self.clients, self.p50, self.p99, self.max, self.rps
        )
    }

    fn json(&self) -> serde_json::Value {
        json!({
            "path": self.path, "clients": self.clients, "p50_ms": self.p50,
            "p99_ms": self.p99, "max_ms": self.max, "rps": self.rps,
            "rss_kib": self.mem.map(|m| m.0), "hwm_kib": self.mem.map(|m| m.1),
        })
    }
}
