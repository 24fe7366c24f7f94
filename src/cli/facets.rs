//! `tanu regions`, `tanu waves`, `tanu transit-camps`: facet values with
//! their number of testimonies.

use std::process::ExitCode;

use clap::Args;

use tanu::facets::FacetValue;
use tanu::vocab::Facet;

use super::{Cli, print};

#[derive(Args, Debug)]
pub struct FacetArgs {
    /// List every value of the vocabulary, also those without testimonies.
    #[arg(long)]
    all: bool,
    /// Count suggested (unconfirmed) tags too, shown as "+N suggested".
    #[arg(long)]
    suggested: bool,
    /// Print JSON Lines: one {"type":"value"} per value, then {"type":"summary"}.
    #[arg(long)]
    json: bool,
}

pub fn run(cli: &Cli, facet: Facet, args: &FacetArgs) -> anyhow::Result<ExitCode> {
    let archive = super::open(cli)?;
    if args.suggested && cli.role != tanu::access::Role::Archivist {
        anyhow::bail!(
            "--suggested is for archivists: suggestions are unreviewed and may come from text hidden from you"
        );
    }
    let values = archive.facet_values(facet, cli.role, args.suggested)?;
    let shown: Vec<&FacetValue> = values
        .iter()
        .filter(|v| args.all || v.count + v.suggested > 0)
        .collect();
    let visible = archive.list(cli.role)?.len();
    if args.json {
        for v in &shown {
            print::json_line("value", v)?;
        }
        print::json_line(
            "summary",
            &serde_json::json!({
                "facet": facet.name(),
                "role": cli.role.name(),
                "suggested": args.suggested,
                "testimonies": visible,
                "values": values.len(),
                "shown": shown.len(),
            }),
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let color = print::color();
    let width = shown
        .iter()
        .map(|v| 2 * v.depth + v.id.len())
        .max()
        .unwrap_or(0);
    let label_width = shown
        .iter()
        .map(|v| v.label.chars().count())
        .max()
        .unwrap_or(0)
        .min(50);
    for v in &shown {
        let id = format!("{}{}", "  ".repeat(v.depth), v.id);
        let pad = width.saturating_sub(id.len());
        let label = print::safe(&v.label);
        let label_pad = label_width.saturating_sub(label.chars().count());
        let mut line = format!(
            "{}{}  {}{}  {:>4}",
            print::bold(&id, color && v.depth == 0),
            " ".repeat(pad),
            label,
            " ".repeat(label_pad),
            v.count
        );
        if v.suggested > 0 {
            line.push_str(&format!(" (+{} suggested)", v.suggested));
        }
        println!("{}", line.trim_end());
    }
    let what = match facet {
        Facet::Wave => "waves",
        Facet::TransitCamp => "transit camps",
        _ => "regions and places",
    };
    println!(
        "{} of {} {what} shown; counts of the {visible} testimonies visible to role {}{}",
        shown.len(),
        values.len(),
        cli.role.name(),
        if args.suggested {
            ", suggested tags included"
        } else {
            ", confirmed and header tags only (--suggested adds suggestions)"
        }
    );
    Ok(ExitCode::SUCCESS)
}
