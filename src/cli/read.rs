//! `tanu show ID` and `tanu list`.

use std::process::ExitCode;

use clap::Args;

use tanu::TestimonyView;

use super::{Cli, print};

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// The testimony identifier.
    id: String,
    /// Print the record as one JSON object.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    /// Only testimonies with this workflow status (new, in_review, published).
    #[arg(long)]
    status: Option<String>,
    /// Print JSON Lines, one testimony per line.
    #[arg(long)]
    json: bool,
}

pub fn show(cli: &Cli, args: &ShowArgs) -> anyhow::Result<ExitCode> {
    let archive = super::open(cli)?;
    let Some(view) = archive.show(&args.id, cli.role)? else {
        eprintln!("tanu: no testimony with id `{}`", print::safe(&args.id));
        return Ok(ExitCode::from(1));
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&view)?);
    } else {
        print_view(&view, archive.vocabulary());
    }
    Ok(ExitCode::SUCCESS)
}

fn print_view(v: &TestimonyView, vocab: &tanu::vocab::Vocabulary) {
    let color = print::color();
    let t = &v.testimony;
    let s = |o: &Option<String>| o.as_deref().map(print::safe).unwrap_or_else(|| "—".into());
    println!("{} — {}", print::bold(&t.id, color), print::safe(&t.title));
    let mut narrator = s(&t.narrator);
    match (t.narrator_birth_year, &t.narrator_birthplace) {
        (Some(y), Some(p)) => narrator.push_str(&format!(" (b. {y}, {})", print::safe(p))),
        (Some(y), None) => narrator.push_str(&format!(" (b. {y})")),
        (None, Some(p)) => narrator.push_str(&format!(" (b. {})", print::safe(p))),
        _ => {}
    }
    println!("  narrator:     {narrator}");
    println!("  interviewer:  {}", s(&t.interviewer));
    let mut rec = s(&t.recorded);
    if let Some(p) = &t.recording_place {
        rec.push_str(&format!(", {}", print::safe(p)));
    }
    println!("  recorded:     {rec}");
    println!(
        "  languages:    {}",
        if t.languages.is_empty() {
            "—".into()
        } else {
            t.languages.join(", ")
        }
    );
    let mut access = t.access.name().to_string();
    if let Some(e) = &t.embargo_until {
        access.push_str(&format!(" (embargo until {e})"));
    }
    println!(
        "  access:       {access}   status: {}   revision: {}",
        t.status, t.revision
    );
    if !t.keywords.is_empty() {
        println!("  keywords:     {}", print::safe(&t.keywords.join(", ")));
    }
    if let Some(x) = &t.summary {
        println!("  summary:      {}", print::safe(x));
    }
    if let Some(x) = &t.rights {
        println!("  rights:       {}", print::safe(x));
    }
    if !t.properties.is_empty() {
        println!("  properties:");
        for (k, v) in &t.properties {
            let v: String = v.split_whitespace().collect::<Vec<_>>().join(" ");
            let shown: String = v.chars().take(100).collect();
            let more = if shown.len() < v.len() { "…" } else { "" };
            println!("    {}: {}{more}", print::safe(k), print::safe(&shown));
        }
    }
    if !t.source_path.is_empty() {
        println!(
            "  source:       {} ({} format, {} with confidence {:.2}, sha256 {}…)",
            print::safe(&t.source_path),
            t.format,
            t.encoding,
            t.encoding_confidence,
            &t.sha256[..12.min(t.sha256.len())]
        );
    }
    if t.repairs.is_empty() {
        println!("  repairs:      none");
    } else {
        println!("  repairs:");
        for r in &t.repairs {
            println!("    {}", print::safe(&r.to_string()));
        }
    }
    if v.tags.is_empty() {
        println!("  tags:         none");
    } else {
        println!("  tags:");
        for tag in &v.tags {
            let label = vocab
                .get(&tag.value)
                .map(|e| e.labels.hu.clone())
                .unwrap_or_default();
            let mut line = format!(
                "    {:<13}{:<20}{}  [source: {}, status: {}",
                tag.facet,
                tag.value,
                print::safe(&label),
                tag.source,
                tag.status
            );
            if tag.source == "suggested" {
                line.push_str(&format!(", confidence {:.2}", tag.confidence));
            }
            if let Some(by) = &tag.decided_by {
                line.push_str(&format!(", by {}", print::safe(by)));
            }
            line.push(']');
            println!("{line}");
            // The strongest evidence first, then in transcript order.
            let mut evidence: Vec<_> = tag.evidence.iter().collect();
            evidence.sort_by_key(|e| (rule_rank(&e.rule), e.ordinal, e.span));
            for e in evidence.iter().take(SHOWN_EVIDENCE) {
                print_evidence(v, e, color);
            }
            if evidence.len() > SHOWN_EVIDENCE {
                println!(
                    "        … and {} more (tanu show --json lists all)",
                    evidence.len() - SHOWN_EVIDENCE
                );
            }
        }
    }
    if let Some(into) = &t.merged_into {
        println!("  merged into:  {into} (this record is kept for its originals and history)");
    }
    if !v.merged.is_empty() {
        println!("  merged:       {}", v.merged.join(", "));
    }
    if !v.redactions.is_empty() {
        println!("  redactions:");
        for r in &v.redactions {
            let state = match &r.lifted {
                Some((by, at, why)) => {
                    format!("lifted by {} {at}: {}", print::safe(by), print::safe(why))
                }
                None if r.active => "active".to_string(),
                None => "lifted".to_string(),
            };
            println!(
                "    #{} ¶{} \"{}\" — {} (by {}, {}) [{state}]",
                r.num,
                r.ordinal,
                print::safe(&r.redacted_text),
                print::safe(&r.reason),
                print::safe(&r.actor),
                r.at
            );
        }
    }
    if !v.revisions.is_empty() {
        println!("  revisions:");
        for r in &v.revisions {
            println!(
                "    {} {} {} by {}: {}",
                r.number,
                r.at,
                r.kind,
                print::safe(&r.actor),
                print::safe(&r.summary)
            );
        }
    }
    if !v.index_points.is_empty() {
        println!("  index points:");
        for (i, p) in v.index_points.iter().enumerate() {
            let tc = print::timecode(i64::try_from(p.start_ms).ok());
            let alt = p
                .title_alt
                .as_deref()
                .map(|a| format!(" ({})", print::safe(a)))
                .unwrap_or_default();
            println!("    {:>2}. {tc} {}{alt}", i + 1, print::safe(&p.title));
            for (label, text) in [
                ("partial transcript", &p.partial_transcript),
                ("synopsis", &p.synopsis),
                ("synopsis (translated)", &p.synopsis_alt),
            ] {
                if let Some(x) = text {
                    println!("        {label}: {}", print::safe(x));
                }
            }
            for (label, list) in [
                ("keywords", &p.keywords),
                ("keywords (translated)", &p.keywords_alt),
                ("subjects", &p.subjects),
                ("subjects (translated)", &p.subjects_alt),
            ] {
                if !list.is_empty() {
                    println!("        {label}: {}", print::safe(&list.join("; ")));
                }
            }
            for g in &p.gps {
                let text = g
                    .text
                    .as_deref()
                    .map(|x| format!(" {}", print::safe(x)))
                    .unwrap_or_default();
                println!("        GPS {:.5}, {:.5}{text}", g.lat, g.lon);
            }
            for h in &p.hyperlinks {
                println!("        link {}", print::safe(&h.url));
            }
        }
    }
    println!();
    for seg in &v.segments {
        let tc = print::timecode(seg.start_ms);
        let who = seg
            .speaker
            .as_deref()
            .map(|s| format!("{}: ", print::safe(s)))
            .unwrap_or_default();
        let lead = if tc.is_empty() {
            String::new()
        } else {
            format!("{tc} ")
        };
        println!("¶{} {lead}{who}{}", seg.ordinal, print::safe(&seg.text));
        println!();
    }
}

/// Evidence lines shown per tag.
const SHOWN_EVIDENCE: usize = 3;

/// Display order of evidence rules: what decided the tag first.
fn rule_rank(rule: &str) -> u8 {
    match rule.split(':').next().unwrap_or(rule) {
        "header" => 0,
        "camp" | "age-brackets" => 1,
        "destination" | "cue" => 2,
        "soldier" | "date" | "first-person" => 3,
        "in-region" => 4,
        _ => 5,
    }
}

/// One evidence line: where (paragraph and timecode, or header line), the
/// rule, and the sentence around the match with the match highlighted.
fn print_evidence(v: &TestimonyView, e: &tanu::store::EvidenceRow, color: bool) {
    if let Some(l) = e.line {
        let place = if e.rule == "header" {
            "header line"
        } else {
            "line"
        };
        println!(
            "        {place} {l}: {} ({})",
            print::safe(&e.matched),
            e.rule
        );
        return;
    }
    // The header's birthplace or recording place, weighed by the tagger
    // (rules `home`, `recorded-in`).
    if e.ordinal.is_none() {
        println!(
            "        {}: {} ({})",
            tanu::tag::HeaderField::of_rule(&e.rule).label(),
            print::safe(&e.matched),
            e.rule
        );
        return;
    }
    let seg = e
        .ordinal
        .and_then(|o| v.segments.iter().find(|s| s.ordinal == o));
    let tc = seg.map(|s| print::timecode(s.start_ms)).unwrap_or_default();
    let place = format!("¶{} {tc}", e.ordinal.unwrap_or(0));
    let alias = e
        .alias
        .as_deref()
        .filter(|a| !a.eq_ignore_ascii_case(&e.matched))
        .map(|a| format!(" = {}", print::safe(a)))
        .unwrap_or_default();
    let excerpt = match (seg, e.span) {
        (Some(s), Some((a, b))) if a >= 0 && b >= a => {
            print::sentence_around(&s.text, (a as usize, b as usize), 160)
        }
        _ => None,
    };
    match excerpt {
        Some((text, hl)) => println!(
            "        {} {}{alias}: {}",
            place.trim_end(),
            e.rule,
            print::highlighted(&text, &[hl], color)
        ),
        None => println!(
            "        {} {}: \"{}\"{alias}",
            place.trim_end(),
            e.rule,
            print::safe(&e.matched)
        ),
    }
}

pub fn list(cli: &Cli, args: &ListArgs) -> anyhow::Result<ExitCode> {
    let archive = super::open(cli)?;
    let mut items = archive.list(cli.role)?;
    if let Some(st) = &args.status {
        items.retain(|t| &t.status == st);
    }
    if args.json {
        for t in &items {
            print::json_line("testimony", t)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let color = print::color();
    for t in &items {
        println!(
            "{:<28} {:<10} {:<10} {:<6} {:>4} ¶  {}{}",
            print::bold(&t.id, color),
            t.access.name(),
            t.status,
            t.languages.join(","),
            t.segments,
            print::safe(&t.title),
            t.narrator
                .as_deref()
                .map(|n| format!(" — {}", print::safe(n)))
                .unwrap_or_default()
        );
    }
    println!("{} testimonies", items.len());
    Ok(ExitCode::SUCCESS)
}
