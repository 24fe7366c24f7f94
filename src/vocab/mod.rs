//! The controlled vocabulary (gazetteer): deportation waves, camp regions,
//! destination places and transit camps, with every alias in every script.
//!
//! The data lives in `schema/vocabulary/*.toml` (documented in
//! `schema/vocabulary/README.md`) and is compiled into the binary; each
//! archive also keeps a copy in SQLite (`vocabulary`, `vocabulary_alias`) so
//! that the archive describes itself.
//!
//! Places hang under regions: the facet path of Donetsk is
//! `/region/ukraine/donbas/donetsk`, so a search filtered on a region finds
//! its subregions and places.

mod load;
mod names;

use std::collections::HashMap;

use serde::Serialize;

pub use self::load::VocabError;
pub use self::names::{inflection_prefix, names_word};

use crate::analysis::{fold, xs_key};

/// A vocabulary facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    /// Deportation wave.
    Wave,
    /// Camp region (hierarchical).
    Region,
    /// Destination place (a town or camp; lies in a region).
    Place,
    /// Transit or collection camp.
    TransitCamp,
}

impl Facet {
    /// All facets.
    pub const ALL: [Facet; 4] = [Facet::Wave, Facet::Region, Facet::Place, Facet::TransitCamp];

    /// The stored name: `wave`, `region`, `place`, `transit_camp`.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Wave => "wave",
            Facet::Region => "region",
            Facet::Place => "place",
            Facet::TransitCamp => "transit_camp",
        }
    }

    /// Parses a facet name (also `transit`, `transit-camp`, `camp`).
    pub fn from_name(name: &str) -> Option<Facet> {
        Some(
            match name.trim().to_lowercase().replace('-', "_").as_str() {
                "wave" | "waves" => Facet::Wave,
                "region" | "regions" => Facet::Region,
                "place" | "places" => Facet::Place,
                "transit_camp" | "transit" | "transit_camps" | "camp" => Facet::TransitCamp,
                _ => return None,
            },
        )
    }

    /// The root of this facet's paths. Places live under `/region`.
    fn root(self) -> &'static str {
        match self {
            Facet::Wave => "wave",
            Facet::Region | Facet::Place => "region",
            Facet::TransitCamp => "transit_camp",
        }
    }
}

impl std::fmt::Display for Facet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Labels in the three working languages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Labels {
    /// Hungarian.
    pub hu: String,
    /// Russian.
    pub ru: String,
    /// English.
    pub en: String,
}

/// One vocabulary entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// Which facet.
    pub facet: Facet,
    /// Stable id, unique across the whole vocabulary.
    pub id: String,
    /// Parent id (a region for regions and places, a group for camps).
    pub parent: Option<String>,
    /// Labels.
    pub labels: Labels,
    /// Every spelling, labels included.
    pub aliases: Vec<String>,
    /// Latitude, longitude.
    pub coords: Option<(f64, f64)>,
    /// Whether the role for Hungarian deportees is evidenced.
    pub verified: bool,
    /// A short note with the evidence.
    pub note: String,
    /// A grouping entry (countries of transit camps), not a real place.
    pub group: bool,
    /// Waves: characteristic phrases.
    pub cues: Vec<String>,
    /// Waves: phrases that point at the wave but also occur outside it
    /// (an ethnonym, a region, a sentencing in general): half the weight
    /// of a cue (see `tag::waves`).
    pub weak_cues: Vec<String>,
    /// Waves: the period `YYYY-MM` … `YYYY-MM`.
    pub period: Option<(String, String)>,
    /// Transit camps: transit, collection, return, route.
    pub kind: Vec<String>,
    /// Aliases that are also everyday words or personal names (`Gyula`,
    /// `Csap`, `Molotov`): the tagger accepts them in running text only
    /// capitalised and in a place-like construction.
    pub ambiguous: Vec<String>,
}

/// An unknown vocabulary value, with the closest known one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {facet} {value:?}{}", suggestion.as_ref().map(|s| format!("; did you mean {s}?")).unwrap_or_default())]
pub struct UnknownValue {
    /// The facet asked for (or `region` for region-or-place lookups).
    pub facet: &'static str,
    /// The value as given.
    pub value: String,
    /// `id (label)` of the closest entry, if any is close.
    pub suggestion: Option<String>,
}

/// The loaded vocabulary.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    by_alias: HashMap<String, Vec<usize>>,
    by_key: HashMap<String, Vec<usize>>,
    names: Vec<names::NameForm>,
    sources_hash: String,
}

impl Vocabulary {
    /// The vocabulary compiled into this binary.
    pub fn builtin() -> Result<Vocabulary, VocabError> {
        Vocabulary::from_sources(load::BUILTIN)
    }

    /// Builds a vocabulary from `(file name, TOML text)` pairs.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Vocabulary, VocabError> {
        let entries = load::parse_sources(sources)?;
        let mut v = Vocabulary {
            entries,
            by_id: HashMap::new(),
            by_alias: HashMap::new(),
            by_key: HashMap::new(),
            names: Vec::new(),
            sources_hash: load::hash_sources(sources),
        };
        for (i, e) in v.entries.iter().enumerate() {
            v.by_id.insert(e.id.clone(), i);
            let mut forms: Vec<&str> = vec![e.id.as_str()];
            forms.extend(e.aliases.iter().map(String::as_str));
            for f in forms {
                let folded = fold(f).trim().to_string();
                let list = v.by_alias.entry(folded).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
                let key = alias_key(f);
                let list = v.by_key.entry(key).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        load::check(&v)?;
        v.names = v
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.facet != Facet::Wave && !e.group)
            .flat_map(|(i, e)| e.aliases.iter().map(move |a| names::NameForm::new(i, a)))
            .collect();
        Ok(v)
    }

    /// A hash of the source files, to notice when the SQLite copy is stale.
    pub fn version(&self) -> &str {
        &self.sources_hash
    }

    /// All entries, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries of one facet.
    pub fn facet(&self, facet: Facet) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.facet == facet)
    }

    /// An entry by id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Finds the entry named `value` (an id or any alias, any script,
    /// accents and case ignored) among `facets`, preferring the earlier
    /// facet on ambiguity.
    pub fn resolve(&self, facets: &[Facet], value: &str) -> Result<&Entry, UnknownValue> {
        let folded = fold(value).trim().to_string();
        let candidates = self
            .by_id
            .get(value.trim())
            .map(|&i| vec![i])
            .or_else(|| self.by_alias.get(&folded).cloned())
            .or_else(|| self.by_key.get(&alias_key(value)).cloned())
            .unwrap_or_default();
        for facet in facets {
            if let Some(&i) = candidates
                .iter()
                .find(|&&i| self.entries[i].facet == *facet && !self.entries[i].group)
            {
                return Ok(&self.entries[i]);
            }
            if let Some(&i) = candidates
                .iter()
                .find(|&&i| self.entries[i].facet == *facet)
            {
                return Ok(&self.entries[i]);
            }
        }
        let names = self
            .entries
            .iter()
            .filter(|e| facets.contains(&e.facet))
            .flat_map(|e| {
                std::iter::once((e.id.as_str(), e))
                    .chain(e.aliases.iter().map(move |a| (a.as_str(), e)))
            });
        let suggestion = crate::suggest::closest(&folded, names.map(|(n, e)| (fold(n), e)))
            .map(|e| format!("`{}` ({})", e.id, e.labels.hu));
        Err(UnknownValue {
            facet: facets.first().map_or("value", |f| f.name()),
            value: value.to_string(),
            suggestion,
        })
    }

    /// The places, regions and transit camps that the words of a query name,
    /// each once: the words are an alias, the last one possibly inflected
    /// (`Sztálinóban`, `Львове`, `Krivoj Rogba`). Waves (whose aliases are
    /// ordinary words such as `hadifogság`) and camp groups are not names.
    /// Used for gazetteer expansion in search; see `names.rs` for what
    /// counts as a match and what deliberately does not (`kazán`, `bajban`).
    pub fn named_by<S: AsRef<str>>(&self, words: &[S]) -> Vec<&Entry> {
        let query: Vec<names::QueryWord> = words
            .iter()
            .map(|w| names::QueryWord::new(w.as_ref()))
            .collect();
        let mut out: Vec<&Entry> = Vec::new();
        for name in &self.names {
            let e = &self.entries[name.entry];
            if !out.iter().any(|o| o.id == e.id) && name.named_by(&query) {
                out.push(e);
            }
        }
        out
    }

    /// The places, regions and transit camps with a one-word name within
    /// `distance` edits of `word` (accents and case ignored), for fuzzy
    /// queries (`Karagnda~` → Karaganda). Names shorter than five letters
    /// are left out: at that length one edit is another name.
    pub fn named_approximately(&self, word: &str, distance: u8) -> Vec<&Entry> {
        let q = crate::analysis::fold_word(&crate::analysis::lower_for_stemming(word));
        let mut out: Vec<&Entry> = Vec::new();
        for name in &self.names {
            let [alias] = name.words.as_slice() else {
                continue;
            };
            let a = crate::analysis::fold_word(alias);
            let e = &self.entries[name.entry];
            if a.chars().count() >= 5
                && !out.iter().any(|o| o.id == e.id)
                && crate::suggest::edit_distance(&q, &a) <= usize::from(distance)
            {
                out.push(e);
            }
        }
        out
    }

    /// The longest alias (in words) that [`Vocabulary::named_by`] knows.
    pub fn max_name_words(&self) -> usize {
        self.names.iter().map(|n| n.words.len()).max().unwrap_or(0)
    }

    /// The ids from the root to `id` (`["ukraine", "donbas", "donetsk"]`).
    pub fn lineage(&self, id: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut cur = self.get(id);
        while let Some(e) = cur {
            if out.contains(&e.id.as_str()) {
                break;
            }
            out.push(e.id.as_str());
            cur = e.parent.as_deref().and_then(|p| self.get(p));
        }
        out.reverse();
        out
    }

    /// The hierarchical facet path of an entry, e.g.
    /// `/region/ukraine/donbas/donetsk` or `/wave/order-7161`.
    pub fn facet_path(&self, entry: &Entry) -> String {
        let mut path = format!("/{}", entry.facet.root());
        for id in self.lineage(&entry.id) {
            path.push('/');
            path.push_str(id);
        }
        path
    }

    /// `entry` and everything below it.
    pub fn descendants<'a>(&'a self, id: &'a str) -> Vec<&'a Entry> {
        self.entries
            .iter()
            .filter(|e| self.lineage(&e.id).contains(&id))
            .collect()
    }

    /// Every alias with its entry, for the tagger's matcher.
    pub fn aliases(&self) -> impl Iterator<Item = (&str, &Entry)> {
        self.entries
            .iter()
            .flat_map(|e| e.aliases.iter().map(move |a| (a.as_str(), e)))
    }
}

/// The loose key an alias is also found by: folded, cross-script, without
/// spaces and hyphens (`Donyec-medence` = `Donyecmedence`).
fn alias_key(s: &str) -> String {
    let lower = s.to_lowercase();
    crate::analysis::words(&lower)
        .map(|w| xs_key(&fold(w.text)))
        .collect::<Vec<_>>()
        .join("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_vocabulary_loads_and_resolves() {
        let v = Vocabulary::builtin().unwrap();
        for facet in Facet::ALL {
            assert!(v.facet(facet).count() >= 5, "{facet}");
        }
        let focsani = v.resolve(&[Facet::TransitCamp], "Foksány").unwrap();
        assert_eq!(focsani.id, "focsani");
        for alias in [
            "focsani",
            "Focșani",
            "Focşani",
            "Фокшаны",
            "Fokschan",
            "FOKSANY",
        ] {
            assert_eq!(
                v.resolve(&[Facet::TransitCamp], alias).unwrap().id,
                "focsani",
                "{alias}"
            );
        }
        assert_eq!(v.resolve(&[Facet::Place], "Сталино").unwrap().id, "donetsk");
        assert_eq!(
            v.resolve(&[Facet::Place], "Sztálinó").unwrap().id,
            "donetsk"
        );
        assert_eq!(
            v.resolve(&[Facet::Region, Facet::Place], "Donbasz")
                .unwrap()
                .id,
            "donbas"
        );
        let e = v.resolve(&[Facet::TransitCamp], "Foksani").unwrap_err();
        assert!(e.suggestion.unwrap().contains("focsani"));
        let e = v.resolve(&[Facet::Region], "Atlantisz").unwrap_err();
        assert!(e.to_string().starts_with("unknown region \"Atlantisz\""));
    }

    #[test]
    fn paths_follow_the_hierarchy() {
        let v = Vocabulary::builtin().unwrap();
        let donetsk = v.get("donetsk").unwrap();
        assert_eq!(v.facet_path(donetsk), "/region/ukraine/donbas/donetsk");
        assert_eq!(
            v.facet_path(v.get("order-7161").unwrap()),
            "/wave/order-7161"
        );
        assert!(
            v.facet_path(v.get("focsani").unwrap())
                .starts_with("/transit_camp/romania/")
        );
        assert!(v.descendants("ukraine").iter().any(|e| e.id == "donetsk"));
    }
}
