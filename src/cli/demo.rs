//! `tanu demo`: a demo archive from the fixtures and a few searches, so a
//! newcomer sees the main job working with one command.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Args;

use tanu::Archive;
use tanu::ingest::{IngestOptions, collect_files};
use tanu::search::{Filter, SearchRequest};

use super::print;

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Where to build the demo archive (replaced if it is a previous demo).
    #[arg(long, default_value = "tanu-demo", value_name = "DIR")]
    dir: PathBuf,
    /// The transcripts to ingest.
    #[arg(long, value_name = "DIR")]
    fixtures: Option<PathBuf>,
    /// Then publish the demo (one testimony restricted, one with its
    /// recording) and serve it on the web, as `tanu serve` does.
    #[arg(long)]
    serve: bool,
    /// The address to serve on, with --serve.
    #[arg(
        long,
        default_value = "127.0.0.1:8080",
        value_name = "ADDR",
        requires = "serve"
    )]
    listen: String,
}

/// The demo testimony kept restricted (hidden from the web's public).
pub const DEMO_RESTRICTED: &str = "hu-gulag-005";
/// The demo testimony with a recording (`fixtures/media/{id}.opus`).
pub const DEMO_MEDIA: &str = "hu-mr-001";

/// Publishes every demo testimony, restricts one and copies the recording
/// in, so that the web shows what a real archive would.
fn prepare_for_web(archive: &mut Archive, fixtures: &Path) -> anyhow::Result<()> {
    let curator = tanu::curate::Curator::new(Some("tanu demo"), tanu::access::Role::Archivist)?;
    for t in archive.list(tanu::access::Role::Archivist)? {
        archive.set_status(&curator, &t.id, "published", "demo")?;
    }
    if archive
        .show(DEMO_RESTRICTED, tanu::access::Role::Archivist)?
        .is_some()
    {
        archive.set_access(
            &curator,
            DEMO_RESTRICTED,
            Some("restricted"),
            None,
            "demo: a testimony for researchers only",
        )?;
    }
    let recording = fixtures
        .parent()
        .map(|p| p.join("media").join(format!("{DEMO_MEDIA}.opus")));
    if let Some(src) = recording.filter(|p| p.is_file()) {
        let dir = archive.dir().join(tanu::MEDIA_DIR);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let dst = dir.join(format!("{DEMO_MEDIA}.opus"));
        std::fs::copy(&src, &dst).with_context(|| format!("copying {}", src.display()))?;
    }
    Ok(())
}

fn fixtures_dir(given: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(g) = given {
        return Ok(g.to_path_buf());
    }
    for candidate in [
        PathBuf::from("fixtures/transcripts"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/transcripts"),
    ] {
        if candidate.is_dir() {
            return Ok(candidate);
        }
    }
    bail!(
        "cannot find fixtures/transcripts; run the demo from the tanu repository or pass --fixtures DIR"
    )
}

pub fn run(args: &DemoArgs) -> anyhow::Result<ExitCode> {
    let fixtures = fixtures_dir(args.fixtures.as_deref())?;
    if args.dir.exists() {
        if args.dir.join(tanu::DB_FILE).is_file() {
            std::fs::remove_dir_all(&args.dir)
                .with_context(|| format!("removing the old demo {}", args.dir.display()))?;
        } else if std::fs::read_dir(&args.dir)?.next().is_some() {
            bail!(
                "{} exists and is not a tanu archive; choose another --dir",
                args.dir.display()
            );
        }
    }
    let mut archive = Archive::init(&args.dir)?;
    let (files, _) = collect_files(std::slice::from_ref(&fixtures))?;
    let mut ok = 0;
    for f in &files {
        match archive.ingest_file(f, &IngestOptions::default(), "tanu demo") {
            Ok(_) => ok += 1,
            Err(e) => eprintln!("tanu: {e}"),
        }
    }
    archive.sync_index()?;
    println!(
        "Built a demo archive in {} from {} transcripts in {}.\n",
        args.dir.display(),
        ok,
        fixtures.display()
    );

    let examples: &[(&str, &str, Vec<Filter>, bool)] = &[
        (
            "An inflected Hungarian word finds every form of it",
            "tábor",
            vec![],
            false,
        ),
        (
            "A Cyrillic name finds the Hungarian spelling (and back)",
            "Сталино",
            vec![],
            false,
        ),
        (
            "A place under another of its names (the gazetteer: Stalino until 1961)",
            "Donyeck",
            vec![],
            false,
        ),
        ("Missing accents do not matter", "haborubol", vec![], false),
        (
            "A phrase, across inflections",
            "\"három napi munka\"",
            vec![],
            false,
        ),
        ("A typo, within one edit", "Foksáni~", vec![], false),
        (
            "Boolean logic",
            "lágerben AND (tífusz OR vérhas)",
            vec![],
            false,
        ),
        (
            "A region filter with facet counts",
            "bánya",
            vec![Filter {
                field: "region".into(),
                value: "Donbasz".into(),
            }],
            true,
        ),
    ];
    let color = print::color();
    for (what, query, filters, facets) in examples {
        let mut req = SearchRequest::new(*query);
        req.limit = 3;
        req.passages = 1;
        req.filters = filters.clone();
        req.facets = *facets;
        req.suggested = true;
        let results = archive.search(&req)?;
        let filter_text: String = filters
            .iter()
            .map(|f| format!(" --{} {}", f.field, f.value))
            .collect();
        println!("── {what}");
        println!(
            "   $ tanu search '{query}'{filter_text}{}",
            if *facets { " --facets --suggested" } else { "" }
        );
        for hit in &results.hits {
            if let Some(p) = hit.passages.first() {
                let tc = print::timecode(p.start_ms);
                println!(
                    "   {} {} {}",
                    print::bold(&hit.id, color),
                    if tc.is_empty() {
                        format!("¶{}", p.ordinal)
                    } else {
                        tc
                    },
                    print::highlighted(&p.snippet.text, &p.snippet.highlights, color)
                );
            }
        }
        if let Some(f) = &results.facets {
            let regions: Vec<String> = f
                .iter()
                .filter(|c| c.facet == "region")
                .map(|c| format!("{}{} ({})", "  ".repeat(c.depth), c.id, c.count))
                .collect();
            println!("   regions: {}", regions.join(", "));
        }
        println!(
            "   → {} testimonies, {} passages\n",
            results.total_testimonies, results.total_passages
        );
    }
    println!(
        "Explore it yourself:\n  tanu --archive {dir} search 'Foksány'\n  tanu --archive {dir} show hu-mr-001\n  \
         tanu --archive {dir} regions",
        dir = args.dir.display()
    );
    if args.serve {
        prepare_for_web(&mut archive, &fixtures)?;
        drop(archive);
        println!(
            "\nPublished the demo ({DEMO_RESTRICTED} restricted: the web's public does not see it; \
             {DEMO_MEDIA} has a recording)."
        );
        let dir = args.dir.clone();
        tanu::web::serve(&args.dir, &args.listen, |addr| {
            println!(
                "tanu: serving {} at http://{addr}/ (Ctrl-C stops)",
                dir.display()
            );
            let _ = std::io::Write::flush(&mut std::io::stdout());
        })?;
    }
    Ok(ExitCode::SUCCESS)
}
