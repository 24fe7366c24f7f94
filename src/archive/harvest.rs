//! Harvesting the public catalogue (what OAI-PMH serves): the testimonies
//! the public may see, each with the time it last changed and the sets it
//! belongs to, filtered by set and date range and paged by identifier.
//!
//! Sets come from the vocabulary: `wave`, `region` and `transit` (every
//! testimony with a confirmed tag of that kind), and one set per wave,
//! region and transit camp (`wave:malenkij-robot`, `region:donbas`,
//! `transit:focsani`). A testimony belongs to a region's set when a
//! confirmed tag names the region or anything below it (a place), as the
//! facet counts count it. Only confirmed tags count: suggestions are not
//! public.
//!
//! A datestamp is the later of the testimony's last change and, when an
//! embargo has ended, the day it ended (the record became public then, so
//! a harvester asking `from` an earlier harvest must get it).

use std::collections::{BTreeMap, BTreeSet};

use super::{Archive, Result};
use crate::access::Role;
use crate::vocab::Facet;

/// The role harvesters get: the public's.
const ROLE: Role = Role::Public;

/// A set a harvester can ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HarvestSet {
    /// `wave`, `wave:ID`, `region`, `region:ID`, `transit`, `transit:ID`.
    pub spec: String,
    /// Hungarian label.
    pub name_hu: String,
    /// English label.
    pub name_en: String,
}

/// What a harvest asks for. Datestamps are `YYYY-MM-DDThh:mm:ssZ`; both
/// bounds are inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HarvestQuery {
    /// Only testimonies in this set.
    pub set: Option<String>,
    /// Changed at or after.
    pub from: Option<String>,
    /// Changed at or before.
    pub until: Option<String>,
}

/// One harvestable testimony.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HarvestItem {
    /// Identifier.
    pub id: String,
    /// When it last changed, `YYYY-MM-DDThh:mm:ssZ`.
    pub datestamp: String,
    /// The sets it belongs to, sorted.
    pub sets: Vec<String>,
    /// Whether it has a recording (`media/{id}.{ext}`); looked up only for
    /// the items a page or `harvest_item` returns.
    pub recording: bool,
}

/// One page of a harvest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HarvestPage {
    /// The items, by identifier.
    pub items: Vec<HarvestItem>,
    /// How many items the whole list has.
    pub total: usize,
    /// How many items of the list come before this page.
    pub cursor: usize,
    /// Whether items follow this page.
    pub more: bool,
}

/// The set prefix of a facet (places are sets only through their regions).
fn prefix(f: Facet) -> Option<&'static str> {
    match f {
        Facet::Wave => Some("wave"),
        Facet::Region => Some("region"),
        Facet::TransitCamp => Some("transit"),
        Facet::Place => None,
    }
}

/// Harvesting (see the module docs).
impl Archive {
    /// Every set, roots first, then the vocabulary's order.
    pub fn harvest_sets(&self) -> Vec<HarvestSet> {
        let mut out = vec![
            HarvestSet {
                spec: "wave".into(),
                name_hu: "Deportálási hullámok".into(),
                name_en: "Deportation waves".into(),
            },
            HarvestSet {
                spec: "region".into(),
                name_hu: "Táborrégiók".into(),
                name_en: "Camp regions".into(),
            },
            HarvestSet {
                spec: "transit".into(),
                name_hu: "Gyűjtő- és tranzittáborok".into(),
                name_en: "Transit and collection camps".into(),
            },
        ];
        for e in self.vocab.entries() {
            if let Some(p) = prefix(e.facet) {
                out.push(HarvestSet {
                    spec: format!("{p}:{}", e.id),
                    name_hu: e.labels.hu.clone(),
                    name_en: e.labels.en.clone(),
                });
            }
        }
        out
    }

    /// Whether `spec` names a set of [`Archive::harvest_sets`].
    pub fn is_harvest_set(&self, spec: &str) -> bool {
        match spec.split_once(':') {
            None => matches!(spec, "wave" | "region" | "transit"),
            Some((p, id)) => self
                .vocab
                .get(id)
                .is_some_and(|e| prefix(e.facet) == Some(p)),
        }
    }

    /// Every testimony the public may see, by identifier, with its
    /// datestamp and sets.
    fn harvest_all(&self) -> Result<Vec<HarvestItem>> {
        let today = crate::dates::today();
        let visible: BTreeMap<String, Option<String>> = self
            .list(ROLE)?
            .into_iter()
            .map(|s| (s.id, s.embargo_until))
            .collect();
        let mut sets: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (id, _facet, value, status) in self.store.all_tag_values()? {
            if status != "confirmed" || !visible.contains_key(&id) {
                continue;
            }
            let entry = sets.entry(id).or_default();
            for ancestor in self.vocab.lineage(&value) {
                let Some(e) = self.vocab.get(ancestor) else {
                    continue;
                };
                if let Some(p) = prefix(e.facet) {
                    entry.insert(p.to_string());
                    entry.insert(format!("{p}:{}", e.id));
                }
            }
        }
        let mut out = Vec::with_capacity(visible.len());
        for (id, changed) in self.store.change_times()? {
            let Some(embargo) = visible.get(&id) else {
                continue;
            };
            let mut datestamp = changed;
            if let Some(end) = embargo.as_deref().and_then(crate::dates::parse_date)
                && end <= today
            {
                let opened = format!("{end}T00:00:00Z");
                if opened > datestamp {
                    datestamp = opened;
                }
            }
            let sets = sets.remove(&id).unwrap_or_default().into_iter().collect();
            out.push(HarvestItem {
                id,
                datestamp,
                sets,
                recording: false,
            });
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    /// One page of the testimonies matching `q`: at most `limit` items
    /// whose identifier sorts after `after` (the last item of the previous
    /// page). Paging by identifier keeps a harvest whole when testimonies
    /// come or go between its pages.
    pub fn harvest(
        &self,
        q: &HarvestQuery,
        after: Option<&str>,
        limit: usize,
    ) -> Result<HarvestPage> {
        let matching: Vec<HarvestItem> = self
            .harvest_all()?
            .into_iter()
            .filter(|i| q.from.as_deref().is_none_or(|f| i.datestamp.as_str() >= f))
            .filter(|i| q.until.as_deref().is_none_or(|u| i.datestamp.as_str() <= u))
            .filter(|i| q.set.as_ref().is_none_or(|s| i.sets.contains(s)))
            .collect();
        let total = matching.len();
        let cursor = after.map_or(0, |a| {
            matching.iter().take_while(|i| i.id.as_str() <= a).count()
        });
        let limit = limit.max(1);
        let mut items: Vec<HarvestItem> = matching.into_iter().skip(cursor).take(limit).collect();
        for i in &mut items {
            i.recording = self.has_recording(&i.id);
        }
        let more = cursor + items.len() < total;
        Ok(HarvestPage {
            items,
            total,
            cursor,
            more,
        })
    }

    /// The harvest item of testimony `id`; `None` both when it does not
    /// exist and when the public may not see it.
    pub fn harvest_item(&self, id: &str) -> Result<Option<HarvestItem>> {
        let mut item = self.harvest_all()?.into_iter().find(|i| i.id == id);
        if let Some(i) = item.as_mut() {
            i.recording = self.has_recording(&i.id);
        }
        Ok(item)
    }

    /// Whether `media/{id}.{ext}` exists, for an identifier as stored.
    fn has_recording(&self, id: &str) -> bool {
        crate::parse::is_valid_identifier(id)
            && super::MEDIA_TYPES.iter().any(|(ext, _)| {
                self.dir
                    .join(super::MEDIA_DIR)
                    .join(format!("{id}.{ext}"))
                    .is_file()
            })
    }

    /// The earliest datestamp of any harvestable testimony.
    pub fn harvest_earliest(&self) -> Result<Option<String>> {
        Ok(self.harvest_all()?.into_iter().map(|i| i.datestamp).min())
    }
}
