//! Curation commands: review, tag, edit, correct, status, access, redact,
//! unredact, merge, retag, history, audit.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};

use tanu::curate::{Curator, RedactTarget};
use tanu::store::TagDecision;

use super::{Cli, print};

#[derive(Args, Debug)]
pub struct ReviewArgs {
    /// Only this facet (wave, region, place, transit_camp).
    #[arg(long)]
    facet: Option<String>,
    /// Only this testimony.
    #[arg(long)]
    testimony: Option<String>,
    /// Print JSON Lines, one suggestion per line.
    #[arg(long)]
    json: bool,
    /// Also list the tagger's low-confidence hints: candidates below the
    /// suggestion threshold, recomputed from the text, never stored (they
    /// become tags only with `tanu tag add`).
    #[arg(long)]
    all: bool,
}

#[derive(Args, Debug)]
pub struct TagArgs {
    #[command(subcommand)]
    action: TagAction,
}

#[derive(Subcommand, Debug)]
enum TagAction {
    /// Accept a suggested tag.
    Confirm(TagTarget),
    /// Reject a suggested tag (it stays rejected after re-ingest).
    Reject(TagTarget),
    /// Add a tag by hand.
    Add(TagTarget),
    /// Remove a tag (kept as rejected so a re-ingest does not restore it).
    Remove(TagTarget),
}

#[derive(Args, Debug)]
struct TagTarget {
    /// Testimony id.
    id: String,
    /// wave, region, place or transit_camp.
    facet: String,
    /// Vocabulary id or any alias (any script).
    value: String,
    /// Why.
    #[arg(long, default_value = "")]
    note: String,
}

#[derive(Args, Debug)]
pub struct EditArgs {
    /// Testimony id.
    id: String,
    /// field=value (repeatable); an empty value clears the field.
    #[arg(long = "set", value_name = "FIELD=VALUE", required = true)]
    sets: Vec<String>,
    /// Why.
    #[arg(long, default_value = "")]
    reason: String,
}

#[derive(Args, Debug)]
pub struct CorrectArgs {
    /// Testimony id.
    id: String,
    /// Segment number (¶ in `tanu show`).
    segment: i64,
    /// The corrected text.
    #[arg(long, conflicts_with = "file", required_unless_present = "file")]
    text: Option<String>,
    /// Read the corrected text from a file (any encoding).
    #[arg(long)]
    file: Option<PathBuf>,
    /// Why.
    #[arg(long, default_value = "")]
    reason: String,
}

#[derive(Args, Debug)]
pub struct StatusArgs {
    /// Testimony id.
    id: String,
    /// new, in_review, published or withdrawn.
    status: String,
    /// Why.
    #[arg(long, default_value = "")]
    reason: String,
}

#[derive(Args, Debug)]
pub struct AccessArgs {
    /// Testimony id.
    id: String,
    /// public, restricted or sealed.
    level: Option<String>,
    /// Date (YYYY-MM-DD) after which the testimony becomes public by itself;
    /// `none` removes the embargo.
    #[arg(long)]
    embargo: Option<String>,
    /// Why.
    #[arg(long, default_value = "")]
    reason: String,
}

#[derive(Args, Debug)]
pub struct RedactArgs {
    /// Testimony id.
    id: String,
    /// Segment number (¶ in `tanu show`).
    segment: i64,
    /// Redact every occurrence of this text in the segment.
    #[arg(
        long = "match",
        conflicts_with = "span",
        required_unless_present = "span"
    )]
    matching: Option<String>,
    /// Redact characters A..B of the segment (from 0, B excluded).
    #[arg(long, value_name = "A..B")]
    span: Option<String>,
    /// Why (required).
    #[arg(long, required = true)]
    reason: String,
}

#[derive(Args, Debug)]
pub struct UnredactArgs {
    /// Testimony id.
    id: String,
    /// Redaction number (shown by `tanu show` and `tanu history`).
    redaction: i64,
    /// Why.
    #[arg(long, default_value = "")]
    reason: String,
}

#[derive(Args, Debug)]
pub struct MergeArgs {
    /// The record to keep.
    keep: String,
    /// The duplicate to merge into it.
    drop: String,
    /// Why.
    #[arg(long, default_value = "")]
    reason: String,
}

#[derive(Args, Debug)]
pub struct SplitArgs {
    /// The testimony that took revisions from more than one file.
    id: String,
    /// The file whose revisions become a testimony of their own, as
    /// `tanu check` and `tanu history` name it.
    file: String,
    /// Identifier for the new testimony (default: the file's identifier
    /// qualified by its folders, e.g. `b-interju`).
    #[arg(long, value_name = "ID")]
    new_id: Option<String>,
}

#[derive(Args, Debug)]
pub struct RetagArgs {
    /// Testimony id (or --all).
    #[arg(required_unless_present = "all")]
    id: Option<String>,
    /// Re-tag every testimony.
    #[arg(long)]
    all: bool,
}

#[derive(Args, Debug)]
pub struct HistoryArgs {
    /// Testimony id.
    id: String,
    /// Print the history as one JSON object.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
pub struct AuditArgs {
    #[command(subcommand)]
    action: AuditAction,
}

#[derive(Subcommand, Debug)]
enum AuditAction {
    /// Check the hash chain; names the first edited, deleted or reordered entry.
    Verify,
    /// Print the audit log.
    Log {
        /// Only entries at or after this date or time (YYYY-MM-DD or RFC 3339).
        #[arg(long)]
        since: Option<String>,
        /// Print JSON Lines.
        #[arg(long)]
        json: bool,
    },
}

fn curator(cli: &Cli) -> anyhow::Result<Curator> {
    Ok(Curator::new(cli.curator.as_deref(), cli.role)?)
}

pub fn review(cli: &Cli, args: &ReviewArgs) -> anyhow::Result<ExitCode> {
    if cli.role != tanu::access::Role::Archivist {
        bail!(
            "the review queue is for archivists (this command runs with --role {})",
            cli.role.name()
        );
    }
    let archive = super::open(cli)?;
    let items = archive.review(args.facet.as_deref(), args.testimony.as_deref())?;
    let hints = if args.all {
        archive.review_hints(args.facet.as_deref(), args.testimony.as_deref())?
    } else {
        Vec::new()
    };
    if args.json {
        for item in &items {
            print::json_line("suggestion", item)?;
        }
        for item in &hints {
            print::json_line("hint", item)?;
        }
        return Ok(if items.is_empty() && hints.is_empty() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    let color = print::color();
    for item in &items {
        print_review_item(&archive, item, "", color);
        if item.evidence.len() > 3 {
            println!("    … {} more", item.evidence.len() - 3);
        }
        println!(
            "    → tanu tag confirm|reject {} {} {}",
            item.testimony, item.facet, item.value
        );
    }
    for item in &hints {
        print_review_item(&archive, item, "hint: ", color);
        println!(
            "    → tanu tag add {} {} {}",
            item.testimony, item.facet, item.value
        );
    }
    let suggestions = print::count(items.len(), "suggestion", "suggestions");
    if args.all {
        let hints = print::count(hints.len(), "low-confidence hint", "low-confidence hints");
        println!("{suggestions} to review, {hints} (not stored)");
    } else {
        println!("{suggestions} to review");
    }
    Ok(if items.is_empty() && hints.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The sentence around a byte span, with the span's position in it.
fn context(text: &str, span: Option<(i64, i64)>) -> (String, Vec<(usize, usize)>) {
    let Some((a, b)) = span.map(|(a, b)| (a.max(0) as usize, b.max(0) as usize)) else {
        return (text.chars().take(200).collect(), Vec::new());
    };
    if a > b || b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
        return (text.chars().take(200).collect(), Vec::new());
    }
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '…');
    let start = text[..a].rfind(is_end).map_or(0, |i| i + 1);
    let start = if a - start > 200 {
        text[..a]
            .char_indices()
            .rev()
            .nth(120)
            .map_or(0, |(i, _)| i)
    } else {
        start
    };
    let end = text[b..].find(is_end).map_or(text.len(), |i| b + i + 1);
    let end = if end - b > 200 {
        text[b..]
            .char_indices()
            .nth(120)
            .map_or(text.len(), |(i, _)| b + i)
    } else {
        end
    };
    let raw = &text[start..end];
    let lead = raw.len() - raw.trim_start().len();
    (
        raw.trim().to_string(),
        vec![(a - start - lead, b - start - lead)],
    )
}

pub fn tag(cli: &Cli, args: &TagArgs) -> anyhow::Result<ExitCode> {
    let curator = curator(cli)?;
    let (decision, t) = match &args.action {
        TagAction::Confirm(t) => (TagDecision::Confirm, t),
        TagAction::Reject(t) => (TagDecision::Reject, t),
        TagAction::Add(t) => (TagDecision::Add, t),
        TagAction::Remove(t) => (TagDecision::Remove, t),
    };
    let mut archive = super::open(cli)?;
    let (facet, value) =
        archive.decide_tag(&curator, &t.id, &t.facet, &t.value, decision, &t.note)?;
    let verb = match decision {
        TagDecision::Confirm => "confirmed",
        TagDecision::Reject => "rejected",
        TagDecision::Add => "added",
        TagDecision::Remove => "removed",
    };
    println!("{} {facet} `{value}` of {}", verb, t.id);
    super::note_pending_index(&archive);
    Ok(ExitCode::SUCCESS)
}

pub fn edit(cli: &Cli, args: &EditArgs) -> anyhow::Result<ExitCode> {
    let curator = curator(cli)?;
    let mut sets = Vec::new();
    for s in &args.sets {
        let (f, v) = s
            .split_once('=')
            .with_context(|| format!("--set {s:?}: expected FIELD=VALUE"))?;
        sets.push((f.to_string(), v.to_string()));
    }
    let mut archive = super::open(cli)?;
    let rev = archive.edit(&curator, &args.id, &sets, &args.reason)?;
    println!("{} is now at revision {rev}", args.id);
    super::note_pending_index(&archive);
    Ok(ExitCode::SUCCESS)
}

pub fn correct(cli: &Cli, args: &CorrectArgs) -> anyhow::Result<ExitCode> {
    let curator = curator(cli)?;
    let text = match (&args.text, &args.file) {
        (Some(t), _) => t.clone(),
        (None, Some(path)) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            tanu::decode::decode(&bytes, None)
                .with_context(|| format!("reading {}", path.display()))?
                .text
        }
        (None, None) => bail!("give the corrected text with --text or --file"),
    };
    let mut archive = super::open(cli)?;
    let rev = archive.correct(&curator, &args.id, args.segment, &text, &args.reason)?;
    println!(
        "corrected ¶{} of {}; the earlier text is kept (revision {rev})",
        args.segment, args.id
    );
    super::note_pending_index(&archive);
    Ok(ExitCode::SUCCESS)
}

pub fn status(cli: &Cli, args: &StatusArgs) -> anyhow::Result<ExitCode> {
    let curator = curator(cli)?;
    let mut archive = super::open(cli)?;
    archive.set_status(&curator, &args.id, &args.status, &args.reason)?;
    println!("{} is now {}", args.id, args.status);
    super::note_pending_index(&archive);
    Ok(ExitCode::SUCCESS)
}

pub fn access(cli: &Cli, args: &AccessArgs) -> anyhow::Result<ExitCode> {
    let curator = curator(cli)?;
    let mut archive = super::open(cli)?;
    archive.set_access(
        &curator,
        &args.id,
        args.level.as_deref(),
        args.embargo.as_deref(),
        &args.reason,
    )?;
    let t = archive
        .store()
        .testimony(&args.id)?
        .context("the testimony vanished")?;
    let embargo = t
        .embargo_until
        .map(|e| format!(", embargo until {e}"))
        .unwrap_or_default();
    println!("{} is {}{embargo}", args.id, t.access.name());
    super::note_pending_index(&archive);
    Ok(ExitCode::SUCCESS)
}

pub fn redact(cli: &Cli, args: &RedactArgs) -> anyhow::Result<ExitCode> {
    let curator = curator(cli)?;
    let target = match (&args.matching, &args.span) {
        (Some(m), _) => RedactTarget::Match(m.clone()),
        (None, Some(s)) => {
            let (a, b) = s
                .split_once("..")
                .with_context(|| format!("--span {s:?}: expected A..B"))?;
            RedactTarget::Span(
                a.trim()
                    .parse()
                    .with_context(|| format!("--span {s:?}: {a:?} is not a number"))?,
                b.trim()
                    .parse()
                    .with_context(|| format!("--span {s:?}: {b:?} is not a number"))?,
            )
        }
        (None, None) => bail!("give --match TEXT or --span A..B"),
    };
    let mut archive = super::open(cli)?;
    let nums = archive.redact(&curator, &args.id, args.segment, &target, &args.reason)?;
    let list: Vec<String> = nums.iter().map(|n| format!("#{n}")).collect();
    println!(
        "redacted {} place(s) in ¶{} of {}: {}",
        nums.len(),
        args.segment,
        args.id,
        list.join(", ")
    );
    super::note_pending_index(&archive);
    Ok(ExitCode::SUCCESS)
}

pub fn unredact(cli: &Cli, args: &UnredactArgs) -> anyhow::Result<ExitCode> {
    let curator = curator(cli)?;
    let mut archive = super::open(cli)?;
    archive.unredact(&curator, &args.id, args.redaction, &args.reason)?;
    println!("lifted redaction #{} of {}", args.redaction, args.id);
    super::note_pending_index(&archive);
    Ok(ExitCode::SUCCESS)
}

pub fn merge(cli: &Cli, args: &MergeArgs) -> anyhow::Result<ExitCode> {
    let curator = curator(cli)?;
    let mut archive = super::open(cli)?;
    let tags = archive.merge(&curator, &args.keep, &args.drop, &args.reason)?;
    println!(
        "merged {} into {} ({tags} tags added; its originals and history are kept)",
        args.drop, args.keep
    );
    super::note_pending_index(&archive);
    Ok(ExitCode::SUCCESS)
}

pub fn split(cli: &Cli, args: &SplitArgs) -> anyhow::Result<ExitCode> {
    let curator = curator(cli)?;
    let mut archive = super::open(cli)?;
    let into = archive.split(&curator, &args.id, &args.file, args.new_id.as_deref())?;
    println!(
        "split the revisions from {} out of {} into the new testimony {} (both histories are kept)",
        print::safe(&args.file),
        print::safe(&args.id),
        print::safe(&into)
    );
    super::note_pending_index(&archive);
    Ok(ExitCode::SUCCESS)
}

pub fn retag(cli: &Cli, args: &RetagArgs) -> anyhow::Result<ExitCode> {
    let curator = curator(cli)?;
    let mut archive = super::open(cli)?;
    let id = if args.all { None } else { args.id.as_deref() };
    for (id, summary) in archive.retag(&curator, id)? {
        println!("{id}: {summary}");
    }
    super::note_pending_index(&archive);
    Ok(ExitCode::SUCCESS)
}

/// A review item's line and its first three pieces of evidence.
fn print_review_item(
    archive: &tanu::Archive,
    item: &tanu::store::ReviewItem,
    prefix: &str,
    color: bool,
) {
    let label = archive
        .vocabulary()
        .get(&item.value)
        .map(|e| e.labels.hu.clone())
        .unwrap_or_default();
    println!(
        "{}  {prefix}{} {} ({})  confidence {:.2}",
        print::bold(&item.testimony, color),
        item.facet,
        item.value,
        print::safe(&label),
        item.confidence
    );
    for e in item.evidence.iter().take(3) {
        if !e.in_passage() {
            // The header's birthplace or recording place.
            let label = tanu::tag::HeaderField::of_rule(&e.rule).label();
            println!("    {label}: {} [{}]", print::safe(&e.matched), e.rule);
            continue;
        }
        let tc = print::timecode(e.start_ms);
        let (sentence, marks) = context(&e.text, e.span);
        println!(
            "    ¶{} {tc} {} [{}]",
            e.ordinal,
            print::highlighted(&sentence, &marks, color),
            e.rule
        );
    }
}

pub fn history(cli: &Cli, args: &HistoryArgs) -> anyhow::Result<ExitCode> {
    if cli.role != tanu::access::Role::Archivist {
        eprintln!("tanu: no testimony with id `{}`", print::safe(&args.id));
        return Ok(ExitCode::from(1));
    }
    let archive = super::open(cli)?;
    let h = archive.history(&args.id)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&h)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("history of {}", h.id);
    if let Some(into) = &h.merged_into {
        println!("  merged into {into}");
    }
    if !h.merged.is_empty() {
        println!("  merged records: {}", h.merged.join(", "));
    }
    println!("revisions:");
    for r in &h.revisions {
        println!(
            "  {:>3}  {}  {:<8} {}  {}",
            r.number,
            r.at,
            r.kind,
            print::safe(&r.actor),
            print::safe(&r.summary)
        );
        if let (Some(file), Some(sha)) = (&r.source_path, &r.sha256) {
            let matched = r
                .matched_by
                .as_deref()
                .map(|m| format!("  matched by {m}"))
                .unwrap_or_default();
            println!(
                "       file {}  sha256 {}{matched}",
                print::safe(file),
                &sha[..12.min(sha.len())]
            );
        }
    }
    if !h.segment_texts.is_empty() {
        println!("earlier segment texts:");
        for s in &h.segment_texts {
            println!(
                "  ¶{} replaced in revision {} by {} ({}): {}",
                s.ordinal,
                s.replaced_in,
                print::safe(&s.actor),
                s.at,
                print::safe(&s.text)
            );
            if !s.reason.is_empty() {
                println!("      reason: {}", print::safe(&s.reason));
            }
        }
    }
    println!("decisions and changes:");
    for e in &h.log {
        let what = e.after.as_ref().map(|a| a.to_string()).unwrap_or_default();
        println!(
            "  #{} {} {} {} {}",
            e.seq,
            e.at,
            print::safe(&e.actor),
            e.op,
            print::safe(&what)
        );
        if !e.reason.is_empty() {
            println!("      reason: {}", print::safe(&e.reason));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn audit(cli: &Cli, args: &AuditArgs) -> anyhow::Result<ExitCode> {
    if cli.role != tanu::access::Role::Archivist {
        bail!(
            "the audit log is for archivists (this command runs with --role {})",
            cli.role.name()
        );
    }
    let archive = super::open(cli)?;
    match &args.action {
        AuditAction::Verify => match archive.audit_verify()? {
            Ok((n, head)) => {
                println!("audit log intact: {n} entries; head {head}");
                println!(
                    "(write the head down elsewhere: it proves later that no entry was removed)"
                );
                Ok(ExitCode::SUCCESS)
            }
            Err(problem) => {
                println!(
                    "audit log BROKEN at entry {}: {}",
                    problem.seq, problem.problem
                );
                Ok(ExitCode::from(1))
            }
        },
        AuditAction::Log { since, json } => {
            for e in archive.audit_log(since.as_deref())? {
                if *json {
                    print::json_line("audit", &e)?;
                } else {
                    let after = e.after.as_ref().map(|a| a.to_string()).unwrap_or_default();
                    println!(
                        "#{} {} {} {} {} {}{}",
                        e.seq,
                        e.at,
                        print::safe(&e.actor),
                        e.op,
                        print::safe(&e.target),
                        print::safe(&after),
                        if e.reason.is_empty() {
                            String::new()
                        } else {
                            format!(" — {}", print::safe(&e.reason))
                        }
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::context;

    #[test]
    fn context_is_the_sentence_around_the_match() {
        let text = "Előbb Debrecenbe vittek. Aztán Foksányba kerültünk, ott sokan meghaltak. Tavasszal tovább.";
        let a = text.find("Foksányba").unwrap();
        let (s, m) = context(text, Some((a as i64, (a + "Foksányba".len()) as i64)));
        assert_eq!(s, "Aztán Foksányba kerültünk, ott sokan meghaltak.");
        assert_eq!(&s[m[0].0..m[0].1], "Foksányba");
    }
}
