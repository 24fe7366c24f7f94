//! Facet values with their number of testimonies: what `tanu regions`,
//! `tanu waves` and `tanu transit-camps` list.
//!
//! Input: the vocabulary and the tags of the testimonies a caller may see
//! (the access filter is applied by [`crate::Archive::facet_values`]).
//! Output: every value of the facet in hierarchy order — for regions the
//! tree region → subregion → places, for transit camps country group →
//! camp, waves flat — each with the number of testimonies tagged with it
//! or with anything below it. A testimony counts once per value.
//!
//! By default confirmed tags count (header tags and tags an archivist
//! confirmed); with suggestions included, a testimony with only a
//! suggested tag counts too, and the count of such testimonies is given
//! separately so that it can be marked.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::vocab::{Entry, Facet, Vocabulary};

/// One value of a facet with its counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetValue {
    /// `wave`, `region`, `place` or `transit_camp`.
    pub facet: String,
    /// Vocabulary id.
    pub id: String,
    /// Hungarian label.
    pub label: String,
    /// English label.
    pub label_en: String,
    /// Depth in the hierarchy (0 for top-level values).
    pub depth: usize,
    /// The facet path (`/region/ukraine/donbas/donetsk`).
    pub path: String,
    /// Testimonies with a confirmed or header tag on this value or below.
    pub count: usize,
    /// Further testimonies counted only through suggested tags (0 unless
    /// suggestions were asked for).
    pub suggested: usize,
}

/// A tag as counted: testimony id, facet, value, status.
pub type TagFact<'a> = (&'a str, &'a str, &'a str, &'a str);

/// Counts the testimonies of every value of `facet` (see the module docs).
/// `facet` is [`Facet::Region`] for the region tree (places included),
/// [`Facet::Wave`] or [`Facet::TransitCamp`].
pub fn count(
    vocab: &Vocabulary,
    facet: Facet,
    tags: &[TagFact<'_>],
    include_suggested: bool,
) -> Vec<FacetValue> {
    let members: &[Facet] = match facet {
        Facet::Region | Facet::Place => &[Facet::Region, Facet::Place],
        Facet::Wave => &[Facet::Wave],
        Facet::TransitCamp => &[Facet::TransitCamp],
    };
    // Testimonies per value, counting ancestors.
    let mut confirmed: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut all: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for &(testimony, _facet, value, status) in tags {
        let Some(e) = vocab.get(value) else {
            continue;
        };
        if !members.contains(&e.facet) {
            continue;
        }
        let is_confirmed = status == "confirmed";
        if !is_confirmed && !include_suggested {
            continue;
        }
        for id in vocab.lineage(&e.id) {
            all.entry(id).or_default().insert(testimony);
            if is_confirmed {
                confirmed.entry(id).or_default().insert(testimony);
            }
        }
    }
    let entries: Vec<&Entry> = vocab
        .entries()
        .iter()
        .filter(|e| members.contains(&e.facet))
        .collect();
    let mut out = Vec::with_capacity(entries.len());
    let roots = entries.iter().filter(|e| {
        e.parent
            .as_deref()
            .and_then(|p| vocab.get(p))
            .is_none_or(|p| !members.contains(&p.facet))
    });
    for root in roots {
        walk(vocab, &entries, root, 0, &confirmed, &all, &mut out);
    }
    out
}

fn walk(
    vocab: &Vocabulary,
    entries: &[&Entry],
    e: &Entry,
    depth: usize,
    confirmed: &BTreeMap<&str, BTreeSet<&str>>,
    all: &BTreeMap<&str, BTreeSet<&str>>,
    out: &mut Vec<FacetValue>,
) {
    let count = confirmed.get(e.id.as_str()).map_or(0, BTreeSet::len);
    let total = all.get(e.id.as_str()).map_or(0, BTreeSet::len);
    out.push(FacetValue {
        facet: e.facet.name().to_string(),
        id: e.id.clone(),
        label: e.labels.hu.clone(),
        label_en: e.labels.en.clone(),
        depth,
        path: vocab.facet_path(e),
        count,
        suggested: total - count,
    });
    // Subregions before places, each in file order.
    let mut children: Vec<&&Entry> = entries
        .iter()
        .filter(|c| c.parent.as_deref() == Some(e.id.as_str()))
        .collect();
    children.sort_by_key(|c| c.facet == Facet::Place);
    for c in children {
        walk(vocab, entries, c, depth + 1, confirmed, all, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_include_their_places_and_count_testimonies_once() {
        let vocab = Vocabulary::builtin().unwrap();
        let tags = [
            ("a", "place", "donetsk", "confirmed"),
            ("a", "region", "donbas", "confirmed"),
            ("b", "place", "makiivka", "suggested"),
            ("c", "region", "urals", "confirmed"),
            ("c", "wave", "pow", "confirmed"),
        ];
        let get = |v: &[FacetValue], id: &str| v.iter().find(|x| x.id == id).cloned().unwrap();
        let v = count(&vocab, Facet::Region, &tags, false);
        assert_eq!(get(&v, "donbas").count, 1, "a counts once for donbas");
        assert_eq!(get(&v, "ukraine").count, 1);
        assert_eq!(get(&v, "ukraine").depth, 0);
        assert_eq!(get(&v, "donbas").depth, 1);
        assert_eq!(get(&v, "donetsk").depth, 2);
        assert_eq!(get(&v, "makiivka").count, 0);
        assert!(v.iter().all(|x| x.facet != "wave"));
        let pos = |id: &str| v.iter().position(|x| x.id == id).unwrap();
        assert!(pos("ukraine") < pos("donbas") && pos("donbas") < pos("donetsk"));
        assert!(pos("donbas") < pos("dnipro"), "subregions before places");

        let v = count(&vocab, Facet::Region, &tags, true);
        assert_eq!(get(&v, "donbas").count, 1);
        assert_eq!(get(&v, "donbas").suggested, 1);
        assert_eq!(get(&v, "makiivka").suggested, 1);

        let w = count(&vocab, Facet::Wave, &tags, false);
        assert_eq!(get(&w, "pow").count, 1);
        let t = count(&vocab, Facet::TransitCamp, &tags, false);
        assert_eq!(get(&t, "romania").depth, 0);
        assert_eq!(get(&t, "focsani").depth, 1);
    }
}
