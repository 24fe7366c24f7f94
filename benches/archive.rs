//! `cargo bench --bench archive`: tanu at archive scale, beside SQLite FTS5.
//!
//! On one synthetic corpus (`tanu::corpus`, deterministic from a seed) it
//! measures, in one run:
//!
//! - the floor: reading the files, reading and decoding them, and the whole
//!   per-file pipeline without storage (`tanu::ingest::prepare`);
//! - ingest end to end through the library as `tanu ingest` does it
//!   (`Archive::init`, then `Archive::ingest_all`: files prepared beside
//!   the thread that stores them, an index commit every 200 files), in a
//!   child process so that its peak resident memory (`VmHWM`) is its own;
//! - the archive's size on disk (SQLite + index) against the raw files;
//! - a re-scan: `ingest_all` again on the same, unchanged corpus (every
//!   file recognised by its SHA-256, none decoded), in a child;
//! - `reindex` from SQLite (also in a child);
//! - search latency over a fixed query mix, warm, single-threaded;
//! - the same segments in SQLite FTS5 (`unicode61 remove_diacritics 2`):
//!   load time, size, and latency on the same mix, with tanu/FTS5 ratios.
//!
//! Settings (environment): `TANU_BENCH_TESTIMONIES` (default 300),
//! `TANU_BENCH_SEED` (1), `TANU_BENCH_QUERIES` per class (200),
//! `TANU_BENCH_DIR` (`target/tanu-bench`; the corpus is cached there),
//! `TANU_BENCH_KEEP=1` keeps the archive and the FTS5 database.

#[path = "support/fts5.rs"]
mod fts5;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, bail};
use serde_json::{Value, json};
use tanu::ingest::{IngestOptions, collect_files, prepare};
use tanu::search::{Filter, SearchRequest};
use tanu::tag::Tagger;
use tanu::vocab::Vocabulary;
use tanu::{Archive, IngestJob};

/// Files per index commit, as in `tanu ingest`.
const INDEX_BATCH: usize = 200;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn main() -> anyhow::Result<()> {
    match std::env::var("TANU_BENCH_CHILD").as_deref() {
        Ok("ingest") => return child_ingest(),
        Ok("reindex") => return child_reindex(),
        Ok("rescan") => return child_rescan(),
        Ok("search") => return child_search(),
        Ok("prepare") => return child_prepare(),
        _ => {}
    }
    let n: usize = env_or("TANU_BENCH_TESTIMONIES", 300);
    let seed: u64 = env_or("TANU_BENCH_SEED", 1);
    let per_class: usize = env_or("TANU_BENCH_QUERIES", 200);
    let keep = std::env::var("TANU_BENCH_KEEP").is_ok_and(|v| v == "1");
    let dir = std::env::var_os("TANU_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tanu-bench"));
    std::fs::create_dir_all(&dir)?;

    let load_before = load_average();
    eprintln!(
        "tanu archive bench: {n} testimonies, seed {seed}, in {}",
        dir.display()
    );
    let corpus = dir.join(format!("corpus-s{seed}-n{n}"));
    let summary = ensure_corpus(&corpus, seed, n)?;
    let (files, _) = collect_files(std::slice::from_ref(&corpus))?;
    let raw_bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();

    // The floor. An untimed pass first, so every pass reads from the page cache.
    for f in &files {
        std::hint::black_box(std::fs::read(f)?);
    }
    let t = Instant::now();
    for f in &files {
        std::hint::black_box(std::fs::read(f)?);
    }
    let read_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut text_bytes = 0u64;
    // Issue 13's decode target is on UTF-8 input: the files found to be
    // UTF-8 are decoded again from memory, detection included, and timed
    // alone.
    let mut utf8 = (0u64, 0.0f64);
    for f in &files {
        let bytes = std::fs::read(f)?;
        let d = tanu::decode::decode(&bytes, None)?;
        text_bytes += d.text.len() as u64;
        if d.encoding == "UTF-8" {
            let t = Instant::now();
            std::hint::black_box(tanu::decode::decode(std::hint::black_box(&bytes), None)?);
            utf8.1 += t.elapsed().as_secs_f64();
            utf8.0 += bytes.len() as u64;
        }
    }
    let decode_secs = t.elapsed().as_secs_f64();
    let (utf8_bytes, utf8_secs) = utf8;
    let vocab = Vocabulary::builtin()?;
    let tagger = Tagger::new(&vocab);
    let t = Instant::now();
    let mut segments = 0usize;
    for f in &files {
        let bytes = std::fs::read(f)?;
        if let Ok(rec) = prepare(f, bytes, &IngestOptions::default(), &vocab, &tagger) {
            segments += rec.segments.len();
        }
    }
    let prepare_secs = t.elapsed().as_secs_f64();
    eprintln!(
        "floor: read {read_secs:.2} s, read+decode {decode_secs:.2} s, prepare {prepare_secs:.2} s; \
         decode of the UTF-8 files alone {:.1} MB in {utf8_secs:.3} s",
        utf8_bytes as f64 / 1e6
    );

    // Ingest, in a child process.
    let archive = dir.join(format!("archive-s{seed}-n{n}"));
    if archive.exists() {
        std::fs::remove_dir_all(&archive)?;
    }
    eprintln!("ingesting into {} …", archive.display());
    let t = Instant::now();
    let ingest = run_child(
        "ingest",
        &[
            ("TANU_BENCH_CORPUS", &corpus),
            ("TANU_BENCH_ARCHIVE", &archive),
        ],
    )?;
    let ingest_wall = t.elapsed().as_secs_f64();
    let failed = ingest["failed"].as_u64().unwrap_or(0);
    if failed > 0 {
        eprintln!("warning: {failed} files failed to ingest");
    }
    let sizes = archive_sizes(&archive)?;

    eprintln!("re-scanning the unchanged corpus …");
    let rescan = run_child(
        "rescan",
        &[
            ("TANU_BENCH_CORPUS", &corpus),
            ("TANU_BENCH_ARCHIVE", &archive),
        ],
    )?;

    eprintln!("reindexing …");
    let t = Instant::now();
    let reindex = run_child("reindex", &[("TANU_BENCH_ARCHIVE", &archive)])?;
    let reindex_wall = t.elapsed().as_secs_f64();
    let index_after_reindex = dir_size(&archive.join(tanu::INDEX_DIR));

    eprintln!("loading FTS5 …");
    let fts_path = dir.join(format!("fts5-s{seed}-n{n}.sqlite"));
    let (fts, fts_load) = fts5::Fts5::load(&archive.join(tanu::DB_FILE), &fts_path, &vocab)?;
    let fts_size = fts5::Fts5::size(&fts_path);

    // Search.
    let mix = query_mix(&vocab, per_class);
    let archive_handle = Archive::open(&archive)?;
    let tanu_reqs: Vec<SearchRequest> = mix
        .iter()
        .map(|q| {
            let mut r = SearchRequest::new(q.text.clone());
            r.limit = 10;
            r.passages = 3;
            r.facets = q.facets;
            if let Some(region) = &q.region {
                r.filters.push(Filter {
                    field: "region".into(),
                    value: region.clone(),
                });
            }
            r
        })
        .collect();
    let fts_reqs: Vec<(Option<String>, Vec<String>)> = mix
        .iter()
        .map(|q| {
            let parsed = tanu::search::query::parse(&q.text).ok();
            let t = parsed.as_ref().map(fts5::translate).unwrap_or_default();
            let mut paths: Vec<String> = t
                .filters
                .iter()
                .filter_map(|(f, v)| fts5::filter_path(&vocab, f, v))
                .collect();
            if let Some(region) = &q.region
                && let Some(p) = fts5::filter_path(&vocab, "region", region)
            {
                paths.push(p);
            }
            (t.expr, paths)
        })
        .collect();
    eprintln!("searching: {} queries × 2 passes × 2 systems …", mix.len());
    let run_tanu = |measure: bool| -> anyhow::Result<Vec<(f64, usize)>> {
        let mut out = Vec::with_capacity(tanu_reqs.len());
        for r in &tanu_reqs {
            let t = Instant::now();
            let res = archive_handle.search(r)?;
            let ms = t.elapsed().as_secs_f64() * 1e3;
            std::hint::black_box(&res);
            if measure {
                out.push((ms, res.total_testimonies));
            }
        }
        Ok(out)
    };
    run_tanu(false)?;
    let tanu_lat = run_tanu(true)?;
    let run_fts = |measure: bool| -> anyhow::Result<Vec<(f64, usize)>> {
        let mut out = Vec::with_capacity(fts_reqs.len());
        for (i, (expr, paths)) in fts_reqs.iter().enumerate() {
            let Some(expr) = expr else {
                out.push((0.0, 0));
                continue;
            };
            let req = fts5::Request {
                expr,
                paths: paths.clone(),
                limit: 10,
                passages: 3,
                facets: mix[i].facets,
            };
            let t = Instant::now();
            let res = fts.search(&req)?;
            let ms = t.elapsed().as_secs_f64() * 1e3;
            std::hint::black_box(&res);
            if measure {
                out.push((ms, res.total_testimonies));
            }
        }
        Ok(out)
    };
    run_fts(false)?;
    let fts_lat = run_fts(true)?;

    // The report.
    let mb = |b: u64| b as f64 / 1e6;
    let ingest_secs = ingest["secs"].as_f64().unwrap_or(ingest_wall);
    let hwm = ingest["hwm_kib"].as_u64().unwrap_or(0);
    let mut classes: Vec<&str> = Vec::new();
    for q in &mix {
        if !classes.contains(&q.class) {
            classes.push(q.class);
        }
    }
    let lat_rows: Vec<LatRow> = classes
        .iter()
        .copied()
        .chain(std::iter::once("all"))
        .map(|c| {
            let pick = |v: &[(f64, usize)]| -> Vec<(f64, usize)> {
                v.iter()
                    .zip(&mix)
                    .filter(|(_, q)| c == "all" || q.class == c)
                    .map(|(x, _)| *x)
                    .collect()
            };
            LatRow::new(c, &pick(&tanu_lat), &pick(&fts_lat))
        })
        .collect();
    let machine = machine();
    let report = Report {
        n,
        seed,
        files: files.len(),
        raw_bytes,
        text_bytes,
        words: summary["words"].as_u64().unwrap_or(0),
        segments,
        read_secs,
        decode_secs,
        utf8_bytes,
        utf8_secs,
        prepare_secs,
        ingest_secs,
        ingest_wall,
        store_secs: ingest["store_secs"].as_f64().unwrap_or(0.0),
        index_secs: ingest["index_secs"].as_f64().unwrap_or(0.0),
        hwm_kib: hwm,
        anon_peak_kib: ingest["anon_peak_kib"].as_u64().unwrap_or(0),
        hwm_series: ingest["hwm_series"].clone(),
        failed,
        sqlite_bytes: sizes.0,
        index_bytes: sizes.1,
        originals_bytes: sizes.2,
        ingest_cpu_secs: ingest["cpu_secs"].as_f64().unwrap_or(0.0),
        reindex_cpu_secs: reindex["cpu_secs"].as_f64().unwrap_or(0.0),
        load_before,
        reindex_secs: reindex["secs"].as_f64().unwrap_or(reindex_wall),
        reindex_hwm_kib: reindex["hwm_kib"].as_u64().unwrap_or(0),
        rescan_secs: rescan["secs"].as_f64().unwrap_or(0.0),
        rescan_cpu_secs: rescan["cpu_secs"].as_f64().unwrap_or(0.0),
        rescan_unchanged: rescan["unchanged"].as_u64().unwrap_or(0),
        index_after_reindex,
        fts_load,
        fts_size,
        lat_rows,
        per_class,
        machine,
    };
    let table = report.table(mb);
    println!("{table}");
    let results = dir.join(format!("results-s{seed}-n{n}.json"));
    std::fs::write(&results, serde_json::to_string_pretty(&report.json())?)?;
    std::fs::write(dir.join(format!("results-s{seed}-n{n}.txt")), &table)?;
    eprintln!("results written to {}", results.display());

    drop(archive_handle);
    drop(fts);
    if !keep {
        std::fs::remove_dir_all(&archive)?;
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", fts_path.display()));
        }
    }
    Ok(())
}

/// Generates the corpus unless a complete one of this generator version
/// is cached; returns its summary.
fn ensure_corpus(dir: &Path, seed: u64, n: usize) -> anyhow::Result<Value> {
    let marker = dir.join(".complete");
    if let Ok(text) = std::fs::read_to_string(&marker)
        && let Ok(v) = serde_json::from_str::<Value>(&text)
        && v["generator"] == tanu::corpus::GENERATOR_VERSION
    {
        eprintln!("corpus: cached in {}", dir.display());
        return Ok(v);
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    eprintln!(
        "corpus: generating {n} testimonies into {} …",
        dir.display()
    );
    let t = Instant::now();
    let step = (n / 10).max(1);
    let s = tanu::corpus::write_corpus(seed, n, dir, &mut |done, total| {
        if done % step == 0 || done == total {
            eprintln!("  {done}/{total}");
        }
    })?;
    let v = json!({
        "generator": tanu::corpus::GENERATOR_VERSION,
        "seed": seed,
        "files": s.files,
        "bytes": s.bytes,
        "words": s.words,
        "encodings": s.encodings,
        "languages": s.languages,
        "generate_secs": t.elapsed().as_secs_f64(),
    });
    std::fs::write(&marker, serde_json::to_string_pretty(&v)?)?;
    Ok(v)
}

fn run_child(mode: &str, envs: &[(&str, &Path)]) -> anyhow::Result<Value> {
    let exe = std::env::current_exe()?;
    let mut cmd = Command::new(exe);
    cmd.env("TANU_BENCH_CHILD", mode);
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let out = cmd
        .output()
        .with_context(|| format!("running the {mode} child"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !stderr.trim().is_empty() {
        eprint!("{stderr}");
    }
    if !out.status.success() {
        bail!("the {mode} child failed: {}", out.status);
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(line).with_context(|| format!("child output {line:?}"))
}

/// `(VmHWM, VmRSS, RssAnon)` of this process in KiB. RssAnon is the heap
/// and stacks; the rest of the resident set is file pages (the
/// memory-mapped index, the SQLite shared memory), which the kernel can
/// drop.
fn memory_kib() -> (u64, u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmHWM:"), field("VmRSS:"), field("RssAnon:"))
}

/// CPU seconds (user + system, all threads) this process has used, from
/// `/proc/self/stat` (clock ticks of 1/100 s).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or_default();
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// The 1-minute load average: how busy the machine was besides us.
fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0.0)
}

fn child_ingest() -> anyhow::Result<()> {
    let corpus = PathBuf::from(std::env::var_os("TANU_BENCH_CORPUS").context("TANU_BENCH_CORPUS")?);
    let dir = PathBuf::from(std::env::var_os("TANU_BENCH_ARCHIVE").context("TANU_BENCH_ARCHIVE")?);
    let started = Instant::now();
    let jobs = corpus_jobs(corpus)?;
    let mut archive = Archive::init(&dir)?;
    let n = jobs.len();
    // The pipeline of `tanu ingest`: files prepared in lanes beside the
    // thread that stores them and stages them for the index, a commit
    // every INDEX_BATCH files.
    let mut failed = 0;
    let mut done = 0;
    let mut series = Vec::new();
    let mut anon_peak = 0;
    let mut last_stored = 0.0;
    archive.ingest_all(jobs, "bench", INDEX_BATCH, |path, results| {
        for r in results {
            if let Err(e) = r {
                failed += 1;
                if failed <= 5 {
                    eprintln!("tanu: {}: {e}", path.display());
                }
            }
        }
        done += 1;
        last_stored = started.elapsed().as_secs_f64();
        if done % INDEX_BATCH == 0 || done == n {
            let (hwm, rss, anon) = memory_kib();
            anon_peak = anon_peak.max(anon);
            series.push(json!([done, hwm, rss, anon]));
        }
    })?;
    // The final commit; closing the archive checkpoints the WAL into
    // tanu.sqlite.
    drop(archive);
    let secs = started.elapsed().as_secs_f64();
    let (hwm, _, _) = memory_kib();
    println!(
        "{}",
        json!({
            "anon_peak_kib": anon_peak,
            "secs": secs, "store_secs": last_stored, "index_secs": secs - last_stored,
            "files": n, "failed": failed, "hwm_kib": hwm, "hwm_series": series,
            "cpu_secs": cpu_secs(),
        })
    );
    Ok(())
}

/// An ingest job with default options for every file of the corpus.
fn corpus_jobs(corpus: PathBuf) -> anyhow::Result<Vec<IngestJob>> {
    let (files, _) = collect_files(&[corpus])?;
    Ok(files
        .into_iter()
        .map(|path| IngestJob {
            path,
            opts: IngestOptions::default(),
        })
        .collect())
}

/// `tanu ingest` of a folder already in the archive: every file is read
/// and hashed, and recognised as unchanged without being decoded.
fn child_rescan() -> anyhow::Result<()> {
    let corpus = PathBuf::from(std::env::var_os("TANU_BENCH_CORPUS").context("TANU_BENCH_CORPUS")?);
    let dir = PathBuf::from(std::env::var_os("TANU_BENCH_ARCHIVE").context("TANU_BENCH_ARCHIVE")?);
    let started = Instant::now();
    let jobs = corpus_jobs(corpus)?;
    let mut archive = Archive::open(&dir)?;
    let mut unchanged = 0u64;
    archive.ingest_all(jobs, "bench", INDEX_BATCH, |_, results| {
        unchanged += results
            .iter()
            .filter(|r| r.as_ref().is_ok_and(|r| r.outcome == "unchanged"))
            .count() as u64;
    })?;
    drop(archive);
    println!(
        "{}",
        json!({
            "secs": started.elapsed().as_secs_f64(), "unchanged": unchanged,
            "cpu_secs": cpu_secs(),
        })
    );
    Ok(())
}

fn child_reindex() -> anyhow::Result<()> {
    let dir = PathBuf::from(std::env::var_os("TANU_BENCH_ARCHIVE").context("TANU_BENCH_ARCHIVE")?);
    let started = Instant::now();
    let (archive, n) = Archive::open_for_reindex(&dir, &mut |_, _| {})?;
    drop(archive);
    let secs = started.elapsed().as_secs_f64();
    let (hwm, _, _) = memory_kib();
    println!(
        "{}",
        json!({ "secs": secs, "testimonies": n, "hwm_kib": hwm, "cpu_secs": cpu_secs() })
    );
    Ok(())
}

/// Runs the tanu half of the query mix over and over on a kept archive
/// (`TANU_BENCH_KEEP=1`), for a profiler: `TANU_BENCH_CHILD=search
/// TANU_BENCH_ARCHIVE=… perf record … target/release/deps/archive-…`.
fn child_search() -> anyhow::Result<()> {
    let dir = PathBuf::from(std::env::var_os("TANU_BENCH_ARCHIVE").context("TANU_BENCH_ARCHIVE")?);
    let rounds: usize = env_or("TANU_BENCH_ROUNDS", 3);
    let class = std::env::var("TANU_BENCH_CLASS").ok();
    let vocab = Vocabulary::builtin()?;
    let archive = Archive::open(&dir)?;
    let mix: Vec<MixQuery> = query_mix(&vocab, env_or("TANU_BENCH_QUERIES", 200))
        .into_iter()
        .filter(|q| class.as_deref().is_none_or(|c| c == q.class))
        .collect();
    let started = Instant::now();
    for _ in 0..rounds {
        for q in &mix {
            let mut r = SearchRequest::new(q.text.clone());
            r.facets = q.facets;
            if let Some(region) = &q.region {
                r.filters.push(Filter {
                    field: "region".into(),
                    value: region.clone(),
                });
            }
            std::hint::black_box(archive.search(&r)?);
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!("{}", json!({ "secs": secs, "queries": mix.len() * rounds }));
    Ok(())
}

/// Runs `prepare` (decode, repair, parse, languages, suggested tags) over a corpus, for a
/// profiler: `TANU_BENCH_CHILD=prepare TANU_BENCH_CORPUS=…`.
fn child_prepare() -> anyhow::Result<()> {
    let corpus = PathBuf::from(std::env::var_os("TANU_BENCH_CORPUS").context("TANU_BENCH_CORPUS")?);
    let (files, _) = collect_files(&[corpus])?;
    let vocab = Vocabulary::builtin()?;
    let tagger = Tagger::new(&vocab);
    let started = Instant::now();
    for f in &files {
        let bytes = std::fs::read(f)?;
        std::hint::black_box(prepare(f, bytes, &IngestOptions::default(), &vocab, &tagger).ok());
    }
    let secs = started.elapsed().as_secs_f64();
    // What prepare produced, to compare two builds: languages, repairs,
    // segments and tags of every file (not the original bytes).
    if let Some(dump) = std::env::var_os("TANU_BENCH_DUMP") {
        use std::io::Write;
        let mut out = std::io::BufWriter::new(std::fs::File::create(dump)?);
        for f in &files {
            let bytes = std::fs::read(f)?;
            match prepare(f, bytes, &IngestOptions::default(), &vocab, &tagger) {
                Ok(t) => writeln!(
                    out,
                    "{} {} {:?} {:?}\n{:?}\n{:?}",
                    t.id, t.encoding, t.languages, t.repairs, t.segments, t.tags
                )?,
                Err(e) => writeln!(out, "{}: {e}", f.display())?,
            }
        }
    }
    println!("{}", json!({ "secs": secs, "files": files.len() }));
    Ok(())
}

fn dir_size(p: &Path) -> u64 {
    let Ok(rd) = std::fs::read_dir(p) else {
        return std::fs::metadata(p).map_or(0, |m| m.len());
    };
    rd.filter_map(Result::ok)
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                dir_size(&path)
            } else {
                e.metadata().map_or(0, |m| m.len())
            }
        })
        .sum()
}

/// `(SQLite files, index/, original bytes stored in SQLite)`.
fn archive_sizes(archive: &Path) -> anyhow::Result<(u64, u64, u64)> {
    let mut sqlite = 0;
    for entry in std::fs::read_dir(archive)? {
        let e = entry?;
        if e.file_name().to_string_lossy().starts_with(tanu::DB_FILE) {
            sqlite += e.metadata()?.len();
        }
    }
    let index = dir_size(&archive.join(tanu::INDEX_DIR));
    let conn = rusqlite::Connection::open_with_flags(
        archive.join(tanu::DB_FILE),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )?;
    let originals: i64 =
        conn.query_row("SELECT COALESCE(SUM(size), 0) FROM original", [], |r| {
            r.get(0)
        })?;
    Ok((sqlite, index, originals as u64))
}

/// One query of the mix.
#[derive(Debug, Clone)]
struct MixQuery {
    class: &'static str,
    text: String,
    region: Option<String>,
    facets: bool,
}

/// The fixed query mix: `per_class` queries of each class, built from the
/// corpus generator's own words so that they occur in the corpus.
fn query_mix(vocab: &Vocabulary, per_class: usize) -> Vec<MixQuery> {
    let w = tanu::corpus::query_words(vocab);
    let alt = |a: &[String], b: &[String], i: usize, stride: usize| -> String {
        let list = if i.is_multiple_of(2) { a } else { b };
        list[(i / 2 * stride) % list.len()].clone()
    };
    let mut mix = Vec::new();
    let q = |class, text: String| MixQuery {
        class,
        text,
        region: None,
        facets: false,
    };
    for i in 0..per_class {
        mix.push(q("word", alt(&w.hu_words, &w.ru_words, i, 1)));
    }
    for i in 0..per_class {
        mix.push(q("inflected", alt(&w.hu_inflected, &w.ru_inflected, i, 7)));
    }
    for i in 0..per_class {
        mix.push(q(
            "phrase",
            format!("\"{}\"", w.phrases[i % w.phrases.len()]),
        ));
    }
    for i in 0..per_class {
        let (a, b, c) = (
            alt(&w.hu_words, &w.ru_words, i, 1),
            alt(&w.hu_words, &w.ru_words, i + 6, 1),
            alt(&w.hu_words, &w.ru_words, i + 14, 1),
        );
        let text = match i % 4 {
            0 => format!("{a} AND {b}"),
            1 => format!("({a} OR {b}) {c}"),
            2 => format!("{a} -{b}"),
            _ => format!("({a} OR {b}) -{c}"),
        };
        mix.push(q("boolean", text));
    }
    for i in 0..per_class {
        let (_, hu, ru) = &w.places[(i / 2) % w.places.len()];
        mix.push(q(
            "cross-script",
            if i % 2 == 0 { ru.clone() } else { hu.clone() },
        ));
    }
    for i in 0..per_class {
        mix.push(MixQuery {
            class: "region+facets",
            text: alt(&w.hu_words, &w.ru_words, i + 3, 1),
            region: Some(w.regions[i % 8.min(w.regions.len())].clone()),
            facets: true,
        });
    }
    mix
}

/// Latency percentiles of one class, both systems.
#[derive(Debug, Clone)]
struct LatRow {
    class: String,
    tanu: [f64; 4],
    fts: [f64; 4],
    tanu_found: f64,
    fts_found: f64,
    fts_runnable: usize,
    n: usize,
}

fn percentiles(v: &[f64]) -> [f64; 4] {
    if v.is_empty() {
        return [0.0; 4];
    }
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let at = |p: f64| s[((p * s.len() as f64).ceil() as usize).clamp(1, s.len()) - 1];
    let mean = s.iter().sum::<f64>() / s.len() as f64;
    [at(0.5), at(0.95), at(0.99), mean]
}

impl LatRow {
    fn new(class: &str, tanu: &[(f64, usize)], fts: &[(f64, usize)]) -> LatRow {
        let fts_run: Vec<&(f64, usize)> = fts.iter().filter(|x| x.0 > 0.0).collect();
        let mean_found =
            |v: &[&(f64, usize)]| v.iter().map(|x| x.1 as f64).sum::<f64>() / v.len().max(1) as f64;
        LatRow {
            class: class.to_string(),
            tanu: percentiles(&tanu.iter().map(|x| x.0).collect::<Vec<_>>()),
            fts: percentiles(&fts_run.iter().map(|x| x.0).collect::<Vec<_>>()),
            tanu_found: mean_found(&tanu.iter().collect::<Vec<_>>()),
            fts_found: mean_found(&fts_run),
            fts_runnable: fts_run.len(),
            n: tanu.len(),
        }
    }
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map_or_else(
            || "? GiB".into(),
            |kib| format!("{:.0} GiB", kib / 1048576.0),
        );
    format!("{cpu}, {cores} cores, {mem} RAM")
}

struct Report {
    n: usize,
    seed: u64,
    files: usize,
    raw_bytes: u64,
    text_bytes: u64,
    words: u64,
    segments: usize,
    read_secs: f64,
    decode_secs: f64,
    utf8_bytes: u64,
    utf8_secs: f64,
    prepare_secs: f64,
    ingest_secs: f64,
    ingest_wall: f64,
    store_secs: f64,
    index_secs: f64,
    hwm_kib: u64,
    anon_peak_kib: u64,
    hwm_series: Value,
    failed: u64,
    sqlite_bytes: u64,
    index_bytes: u64,
    originals_bytes: u64,
    ingest_cpu_secs: f64,
    reindex_cpu_secs: f64,
    load_before: f64,
    reindex_secs: f64,
    reindex_hwm_kib: u64,
    rescan_secs: f64,
    rescan_cpu_secs: f64,
    rescan_unchanged: u64,
    index_after_reindex: u64,
    fts_load: fts5::LoadStats,
    fts_size: u64,
    lat_rows: Vec<LatRow>,
    per_class: usize,
    machine: String,
}

impl Report {
    fn table(&self, mb: impl Fn(u64) -> f64) -> String {
        use std::fmt::Write;
        let mut o = String::new();
        let raw = mb(self.raw_bytes);
        let tanu_size = self.sqlite_bytes + self.index_bytes;
        let fts_secs = self.fts_load.load_secs + self.fts_load.optimize_secs;
        let _ = writeln!(
            o,
            "tanu archive benchmark: {} testimonies (seed {}), {:.1} MB of transcript files, {:.1} MB as UTF-8 text, {:.1} M words, {} segments",
            self.n,
            self.seed,
            raw,
            mb(self.text_bytes),
            self.words as f64 / 1e6,
            self.segments
        );
        let _ = writeln!(
            o,
            "machine: {} (load average {:.1} when the run started)",
            self.machine, self.load_before
        );
        let _ = writeln!(o);
        let _ = writeln!(o, "| ingest | tanu | SQLite FTS5 | tanu/FTS5 |");
        let _ = writeln!(o, "|---|---:|---:|---:|");
        let _ = writeln!(
            o,
            "| time (tanu: files → SQLite + index; FTS5: segments → FTS5 + optimize) | {:.1} s | {:.1} s | {:.2} |",
            self.ingest_secs,
            fts_secs,
            self.ingest_secs / fts_secs
        );
        let _ = writeln!(
            o,
            "| throughput, MB of transcript files per s | {:.2} | {:.2} | {:.2} |",
            raw / self.ingest_secs,
            raw / fts_secs,
            fts_secs / self.ingest_secs
        );
        let _ = writeln!(
            o,
            "| testimonies per s | {:.1} | {:.1} | |",
            self.files as f64 / self.ingest_secs,
            self.files as f64 / fts_secs
        );
        let _ = writeln!(
            o,
            "| time split | every file prepared, stored and staged {:.1} s, last commit and close {:.1} s | load {:.1} s, optimize {:.1} s | |",
            self.store_secs, self.index_secs, self.fts_load.load_secs, self.fts_load.optimize_secs
        );
        let _ = writeln!(
            o,
            "| CPU time, all threads (user + system) | {:.1} s ({:.2} MB/s per CPU-second) | | |",
            self.ingest_cpu_secs,
            raw / self.ingest_cpu_secs.max(0.01)
        );
        let _ = writeln!(
            o,
            "| peak resident memory: VmHWM (heap and stacks, RssAnon) | {:.0} MiB ({:.0} MiB) | | |",
            self.hwm_kib as f64 / 1024.0,
            self.anon_peak_kib as f64 / 1024.0
        );
        let _ = writeln!(
            o,
            "| size on disk | {:.1} MB ({:.2}× raw) | {:.1} MB ({:.2}× raw) | {:.2} |",
            mb(tanu_size),
            tanu_size as f64 / self.raw_bytes as f64,
            mb(self.fts_size),
            self.fts_size as f64 / self.raw_bytes as f64,
            tanu_size as f64 / self.fts_size as f64
        );
        let _ = writeln!(
            o,
            "| of which | SQLite {:.1} MB (originals {:.1} MB), index {:.1} MB ({:.2}× text) | | |",
            mb(self.sqlite_bytes),
            mb(self.originals_bytes),
            mb(self.index_bytes),
            self.index_bytes as f64 / self.text_bytes.max(1) as f64
        );
        let _ = writeln!(
            o,
            "| re-scan of the unchanged corpus (`ingest_all` again) | {:.2} s ({:.2} CPU-s, {} of {} files unchanged) | | |",
            self.rescan_secs, self.rescan_cpu_secs, self.rescan_unchanged, self.files
        );
        let _ = writeln!(
            o,
            "| reindex from SQLite | {:.1} s ({:.1} CPU-s, {:.0} MiB peak, index {:.1} MB) | | |",
            self.reindex_secs,
            self.reindex_cpu_secs,
            self.reindex_hwm_kib as f64 / 1024.0,
            mb(self.index_after_reindex)
        );
        let _ = writeln!(
            o,
            "| floor: read files / read + decode / prepare (decode, repair, parse, languages, tags) | {:.2} s / {:.2} s / {:.2} s ({:.0} / {:.1} / {:.1} MB/s) | | |",
            self.read_secs,
            self.decode_secs,
            self.prepare_secs,
            raw / self.read_secs,
            raw / self.decode_secs,
            raw / self.prepare_secs
        );
        let _ = writeln!(
            o,
            "| decode of the UTF-8 files alone, from memory, detection included | {:.1} MB in {:.3} s ({:.0} MB/s) | | |",
            self.utf8_bytes as f64 / 1e6,
            self.utf8_secs,
            self.utf8_bytes as f64 / 1e6 / self.utf8_secs.max(1e-9)
        );
        if self.failed > 0 {
            let _ = writeln!(o, "| files that failed | {} | | |", self.failed);
        }
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "search latency in ms (warm, one thread, {} queries per class; top 10 testimonies, 3 passages each, snippets)",
            self.per_class
        );
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "| class | tanu p50 | p95 | p99 | FTS5 p50 | p95 | p99 | ratio p50 | ratio p99 | testimonies found tanu / FTS5 |"
        );
        let _ = writeln!(o, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for r in &self.lat_rows {
            let _ = writeln!(
                o,
                "| {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.0} / {:.0}{} |",
                r.class,
                r.tanu[0],
                r.tanu[1],
                r.tanu[2],
                r.fts[0],
                r.fts[1],
                r.fts[2],
                r.tanu[0] / r.fts[0],
                r.tanu[2] / r.fts[2],
                r.tanu_found,
                r.fts_found,
                if r.fts_runnable < r.n {
                    format!(" ({} of {} ran)", r.fts_runnable, r.n)
                } else {
                    String::new()
                }
            );
        }
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "ratios are tanu ÷ FTS5: below 1 tanu is faster or smaller. memory during ingest (files done: VmHWM / RssAnon MiB): {}",
            self.hwm_series
                .as_array()
                .map(|a| a
                    .iter()
                    .filter_map(|x| Some(format!(
                        "{}: {:.0} / {:.0}",
                        x.get(0)?.as_u64()?,
                        x.get(1)?.as_u64()? as f64 / 1024.0,
                        x.get(3)?.as_u64()? as f64 / 1024.0
                    )))
                    .collect::<Vec<_>>()
                    .join(", "))
                .unwrap_or_default()
        );
        o
    }

    fn json(&self) -> Value {
        let lat: BTreeMap<String, Value> = self
            .lat_rows
            .iter()
            .map(|r| {
                (
                    r.class.clone(),
                    json!({ "tanu_ms": r.tanu, "fts5_ms": r.fts, "tanu_found": r.tanu_found,
                            "fts5_found": r.fts_found, "fts5_runnable": r.fts_runnable, "n": r.n }),
                )
            })
            .collect();
        json!({
            "testimonies": self.n, "seed": self.seed, "files": self.files, "raw_bytes": self.raw_bytes,
            "text_bytes": self.text_bytes, "words": self.words, "segments": self.segments,
            "read_secs": self.read_secs, "decode_secs": self.decode_secs, "prepare_secs": self.prepare_secs,
            "utf8_decode_bytes": self.utf8_bytes, "utf8_decode_secs": self.utf8_secs,
            "ingest_secs": self.ingest_secs, "ingest_wall_secs": self.ingest_wall,
            "store_secs": self.store_secs, "index_secs": self.index_secs,
            "ingest_cpu_secs": self.ingest_cpu_secs, "reindex_cpu_secs": self.reindex_cpu_secs,
            "load_before": self.load_before,
            "ingest_hwm_kib": self.hwm_kib, "ingest_anon_peak_kib": self.anon_peak_kib, "ingest_hwm_series": self.hwm_series, "failed": self.failed,
            "sqlite_bytes": self.sqlite_bytes, "index_bytes": self.index_bytes,
            "originals_bytes": self.originals_bytes,
            "reindex_secs": self.reindex_secs, "reindex_hwm_kib": self.reindex_hwm_kib,
            "rescan_secs": self.rescan_secs, "rescan_cpu_secs": self.rescan_cpu_secs,
            "rescan_unchanged": self.rescan_unchanged,
            "index_after_reindex_bytes": self.index_after_reindex,
            "fts5_load_secs": self.fts_load.load_secs, "fts5_optimize_secs": self.fts_load.optimize_secs,
            "fts5_bytes": self.fts_size, "latency": lat, "machine": self.machine,
        })
    }
}
