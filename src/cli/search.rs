//! `tanu search QUERY`

use std::process::ExitCode;

use clap::Args;

use tanu::search::{Filter, SearchRequest, SearchResults};

use super::{Cli, print};

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// The query: words, "phrases", AND/OR/NOT, prefix*, fuzzy~, field:value.
    #[arg(value_name = "QUERY")]
    query: String,
    /// Maximum number of testimonies.
    #[arg(long, short = 'n', default_value_t = 10)]
    limit: usize,
    /// Maximum passages shown per testimony.
    #[arg(long, default_value_t = 3)]
    passages: usize,
    /// Only testimonies tagged with this region or place (id or any alias).
    #[arg(long, value_name = "REGION")]
    region: Vec<String>,
    /// Only testimonies tagged with this deportation wave.
    #[arg(long, value_name = "WAVE")]
    wave: Vec<String>,
    /// Only testimonies that passed through this transit camp.
    #[arg(long, value_name = "CAMP")]
    transit: Vec<String>,
    /// Only passages in this language (hu, ru, de, other).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Show facet counts (testimonies per wave, region, transit camp).
    #[arg(long)]
    facets: bool,
    /// Let suggested (unconfirmed) tags count for filters and facets.
    #[arg(long)]
    suggested: bool,
    /// Print JSON Lines: one {"type":"hit"} per testimony, then {"type":"summary"}.
    #[arg(long)]
    json: bool,
}

pub fn run(cli: &Cli, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let archive = super::open(cli)?;
    let mut req = SearchRequest::new(args.query.clone());
    req.limit = args.limit.max(1);
    req.passages = args.passages.max(1);
    req.facets = args.facets;
    if args.suggested && cli.role != tanu::access::Role::Archivist {
        anyhow::bail!(
            "--suggested is for archivists: suggestions are unreviewed and may come from text hidden from you"
        );
    }
    req.suggested = args.suggested;
    req.role = cli.role;
    for (field, values) in [
        ("region", &args.region),
        ("wave", &args.wave),
        ("transit", &args.transit),
    ] {
        for v in values {
            req.filters.push(Filter {
                field: field.into(),
                value: v.clone(),
            });
        }
    }
    if let Some(l) = &args.lang {
        req.filters.push(Filter {
            field: "lang".into(),
            value: l.clone(),
        });
    }
    let results = archive.search(&req)?;
    if args.json {
        for hit in &results.hits {
            print::json_line("hit", hit)?;
        }
        print::json_line(
            "summary",
            &serde_json::json!({
                "query": results.query,
                "total_testimonies": results.total_testimonies,
                "total_passages": results.total_passages,
                "shown": results.hits.len(),
                "facets": results.facets,
            }),
        )?;
    } else {
        print_results(&results, args.suggested);
    }
    Ok(if results.hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_results(results: &SearchResults, suggested: bool) {
    let color = print::color();
    for hit in &results.hits {
        let mut head = format!(
            "{}  {}",
            print::bold(&hit.id, color),
            print::safe(&hit.title)
        );
        if let Some(n) = &hit.narrator {
            head.push_str(&format!(" — {}", print::safe(n)));
        }
        if let Some(r) = &hit.recorded {
            head.push_str(&format!(" ({r})"));
        }
        let more = hit.matching_passages.saturating_sub(hit.passages.len());
        if more > 0 {
            head.push_str(&format!("  [{} passages]", hit.matching_passages));
        }
        println!("{head}");
        for p in &hit.passages {
            let who = match (&p.speaker, &p.speaker_name) {
                (Some(l), Some(n)) => format!("{} ({}): ", print::safe(l), print::safe(n)),
                (Some(l), None) => format!("{}: ", print::safe(l)),
                _ => String::new(),
            };
            let tc = print::timecode(p.start_ms);
            let mut place = if p.record {
                "record:".to_string()
            } else if tc.is_empty() {
                format!("¶{}", p.ordinal)
            } else {
                tc
            };
            if let Some(n) = p.index_point {
                place.push_str(&format!(" index point {n}:"));
            }
            if let Some(q) = &p.question {
                let asker = q
                    .speaker
                    .as_deref()
                    .map(|s| format!("{}: ", print::safe(s)))
                    .unwrap_or_default();
                println!(
                    "  {} {asker}{}",
                    " ".repeat(place.chars().count()),
                    print::highlighted(&q.snippet.text, &q.snippet.highlights, color)
                );
            }
            println!(
                "  {place} {who}{}",
                print::highlighted(&p.snippet.text, &p.snippet.highlights, color)
            );
        }
        println!();
    }
    if let Some(facets) = &results.facets {
        let marker = if suggested {
            " (confirmed and suggested tags)"
        } else {
            ""
        };
        println!("facets{marker}:");
        let mut current = "";
        for f in facets {
            if f.facet != current {
                current = &f.facet;
                println!("  {current}:");
            }
            println!(
                "    {}{} — {} ({})",
                "  ".repeat(f.depth),
                f.id,
                print::safe(&f.label),
                f.count
            );
        }
        println!();
    }
    println!(
        "{} testimonies, {} passages match{}",
        results.total_testimonies,
        results.total_passages,
        if results.hits.len() < results.total_testimonies {
            format!(" (showing {})", results.hits.len())
        } else {
            String::new()
        }
    );
}
