//! One testimony's story: who the narrator is, where they were taken,
//! and the interview that tells it, as sentences filled from templates.

use super::hu;
use super::rng::Rng;
use super::ru;
use crate::vocab::{Entry, Facet, Vocabulary};

/// The language of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tongue {
    Hu,
    Ru,
}

/// The topics of an interview, in the order they are usually told, with
/// their share of the narrator's words.
pub(crate) const TOPICS: [(&str, f64); 10] = [
    ("home", 0.08),
    ("roundup", 0.12),
    ("transit", 0.10),
    ("journey", 0.08),
    ("camp", 0.12),
    ("work", 0.18),
    ("hunger", 0.10),
    ("illness", 0.10),
    ("return", 0.07),
    ("after", 0.05),
];

/// The places and people of one testimony.
#[derive(Debug, Clone)]
pub(crate) struct Plot<'v> {
    pub(crate) female: bool,
    /// Whether the transcriber added Russian names in parentheses.
    pub(crate) cyrillic_notes: bool,
    pub(crate) home_hu: String,
    pub(crate) home_ru: String,
    pub(crate) camp: &'v Entry,
    pub(crate) dests: Vec<&'v Entry>,
    pub(crate) region: &'v Entry,
    pub(crate) others: Vec<&'v Entry>,
    pub(crate) birth_year: usize,
    pub(crate) deport_year: usize,
    pub(crate) return_year: usize,
}

/// Transit camps whose Hungarian name takes `-on/-ra/-ról`.
const HUNGARIAN_LOCATIVE: &[&str] = &[
    "svaliava",
    "mukachevo",
    "uzhhorod",
    "perechyn",
    "rakhiv",
    "chop",
    "sighetu-marmatiei",
    "timisoara",
    "iasi",
    "feldioara",
    "targu-jiu",
    "lugoj",
    "galati",
    "cegled",
    "godollo",
    "baja",
    "kecskemet",
    "szekesfehervar",
    "szeged",
    "zahony",
    "gyula",
    "nagyfa",
    "szoreg",
    "mosonmagyarovar",
    "tetetlenpuszta",
    "alsozsolca",
];

/// Regions a Hungarian names with the article (`a Donyec-medencében`).
const HU_REGION_ARTICLE: &[&str] = &[
    "donbas", "urals", "caucasus", "crimea", "baltic", "volga", "far-east",
];

fn is_cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

fn is_latin(s: &str) -> bool {
    // Latin-1 and Latin Extended-A: what a Hungarian typewriter or code
    // page can hold (`Focșani` with a comma below is left to the label).
    s.chars()
        .all(|c| !c.is_alphabetic() || c.is_ascii() || ('\u{c0}'..='\u{17f}').contains(&c))
}

/// A name of `e` in a script: the label most of the time, else an alias.
pub(crate) fn place_name(e: &Entry, tongue: Tongue, rng: &mut Rng) -> String {
    let (label, ok): (&str, fn(&str) -> bool) = match tongue {
        Tongue::Hu => (&e.labels.hu, is_latin),
        Tongue::Ru => (&e.labels.ru, is_cyrillic),
    };
    if rng.chance(0.65) {
        return label.to_string();
    }
    let aliases: Vec<&String> = e
        .aliases
        .iter()
        // Ukrainian spellings are rare in Russian speech.
        .filter(|a| ok(a) && !a.chars().any(|c| "іїєґ".contains(c)))
        .collect();
    if aliases.is_empty() {
        label.to_string()
    } else {
        rng.pick(&aliases).to_string()
    }
}

/// Fills the slots of one template.
pub(crate) struct Filler<'a, 'v> {
    pub(crate) plot: &'a Plot<'v>,
    pub(crate) rng: &'a mut Rng,
    pub(crate) tongue: Tongue,
}

impl Filler<'_, '_> {
    /// Expands every `{…}` of `template`.
    pub(crate) fn sentence(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 40);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let slot = &rest[open + 1..open + close];
            let filled = self.slot(slot);
            out.push_str(&filled);
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        let out = if self.tongue == Tongue::Ru {
            ru::fix_prepositions(&out)
        } else {
            out
        };
        capitalize(&out)
    }

    fn slot(&mut self, slot: &str) -> String {
        if let Some(alts) = slot.strip_prefix("g:") {
            let (m, f) = alts.split_once('|').unwrap_or((alts, alts));
            return if self.plot.female { f } else { m }.to_string();
        }
        match self.tongue {
            Tongue::Hu => self.hu_slot(slot),
            Tongue::Ru => self.ru_slot(slot),
        }
    }

    fn common(&mut self, slot: &str) -> Option<String> {
        let p = self.plot;
        Some(match slot {
            "AGE" => self.rng.range(45, 60).to_string(),
            "YEARN" => {
                let y = p.deport_year;
                if self.rng.chance(0.5) {
                    y.to_string()
                } else {
                    hu::numeral(y % 100)
                }
            }
            _ => return None,
        })
    }

    fn hu_slot(&mut self, slot: &str) -> String {
        if let Some(s) = self.common(slot) {
            return s;
        }
        let lex = hu::Lexicon::get();
        let p = self.plot;
        match slot {
            "NUM" => return hu::numeral_attr(*self.rng.pick(&[2, 3, 4, 5, 6, 8, 10, 12, 20, 30])),
            "NUMAN" => {
                return self
                    .rng
                    .pick(&[
                        "hatan",
                        "heten",
                        "nyolcan",
                        "tízen",
                        "húszan",
                        "harmincan",
                        "negyvenen",
                        "ötvenen",
                        "hatvanan",
                    ])
                    .to_string();
            }
            "YEAR" => {
                let y = self.rng.range(p.deport_year, p.return_year);
                return hu::year_in(y, self.rng);
            }
            "BIRTHYEAR" => {
                let short = hu::numeral(p.birth_year % 100);
                return hu::Noun::name(&format!("ezerkilencszáz{short}")).form(hu::Case::Ine);
            }
            "MONTH" => return self.rng.pick(&hu::MONTHS_IN).to_string(),
            "ADJ" => return lex.adjectives.sample(self.rng).to_string(),
            _ => {}
        }
        if let Some(cat) = slot.strip_prefix("W.") {
            return lex
                .words(cat)
                .map(|w| w.sample(self.rng).to_string())
                .unwrap_or_default();
        }
        if let Some(spec) = slot.strip_prefix("V.") {
            let (cat, form) = spec.split_once('.').unwrap_or((spec, "p1p"));
            return lex
                .verbs(cat)
                .map(|v| v.sample(self.rng).form(form).to_string())
                .unwrap_or_default();
        }
        if let Some((place, case)) = slot.split_once(':')
            && let Some(s) = self.hu_place(place, case)
        {
            return s;
        }
        // [a ][A ]N.cat:case
        let mut words: Vec<&str> = slot.split(' ').collect();
        let with_article = words.first() == Some(&"a");
        if with_article {
            words.remove(0);
        }
        let with_adj = words.first() == Some(&"A");
        if with_adj {
            words.remove(0);
        }
        let Some(noun_spec) = words.first().and_then(|w| w.strip_prefix("N.")) else {
            return String::new();
        };
        let (cat, case) = noun_spec.split_once(':').unwrap_or((noun_spec, "nom"));
        let case = hu::Case::from_code(case).unwrap_or(hu::Case::Nom);
        let Some(nouns) = lex.nouns(cat) else {
            return String::new();
        };
        let noun = nouns.sample(self.rng);
        // Now and then a compound (`lágerkonyha`) from two nouns, as long
        // testimonies are full of them.
        let form = if !with_adj && cat != "kin" && self.rng.chance(0.04) {
            let first = lex
                .nouns("place")
                .map(|n| n.sample(self.rng).lemma.clone())
                .unwrap_or_default();
            if first.ends_with(|c: char| "aáeéiíoóöőuúüű".contains(c))
                || noun
                    .lemma
                    .starts_with(|c: char| "aáeéiíoóöőuúüű".contains(c))
            {
                noun.form(case)
            } else {
                format!("{first}{}", noun.form(case))
            }
        } else {
            noun.form(case)
        };
        let phrase = if with_adj {
            format!("{} {form}", lex.adjectives.sample(self.rng))
        } else {
            form
        };
        if with_article {
            format!("{} {phrase}", hu::article(&phrase))
        } else {
            phrase
        }
    }

    fn hu_place(&mut self, place: &str, case: &str) -> Option<String> {
        let p = self.plot;
        let (name, hungarian, entry) = match place {
            "HOME" => (p.home_hu.clone(), true, None),
            "CAMP" => {
                let n = place_name(p.camp, Tongue::Hu, self.rng);
                let hungarian =
                    n == p.camp.labels.hu && HUNGARIAN_LOCATIVE.contains(&p.camp.id.as_str());
                (n, hungarian, Some(p.camp))
            }
            "DEST" => {
                let e = *self.rng.pick(&p.dests);
                (place_name(e, Tongue::Hu, self.rng), false, Some(e))
            }
            "OTHER" => {
                let e = *self.rng.pick(&p.others);
                (place_name(e, Tongue::Hu, self.rng), false, Some(e))
            }
            "REGION" => {
                let e = p.region;
                let n = place_name(e, Tongue::Hu, self.rng);
                let noun = hu::Noun::name(&n);
                let lower = n.to_lowercase();
                let form = if lower.ends_with("vidék") || lower.ends_with("kelet") {
                    noun.form(hu::Case::Sup)
                } else if lower.ends_with("környéke") {
                    return Some(format!(
                        "{} környékén",
                        n.trim_end_matches(" környéke").trim_end_matches("környéke")
                    ));
                } else {
                    noun.form(hu::Case::Ine)
                };
                return Some(if HU_REGION_ARTICLE.contains(&e.id.as_str()) {
                    format!("{} {form}", hu::article(&form))
                } else {
                    form
                });
            }
            _ => return None,
        };
        let _ = entry;
        let noun = hu::Noun::name(&name);
        let [loc, to, from] = hu::settlement_cases(&name, hungarian);
        let s = match case {
            "loc" => noun.form(loc),
            "to" => noun.form(to),
            "from" => noun.form(from),
            "through" => format!("{} keresztül", noun.form(hu::Case::Sup)),
            _ => name.clone(),
        };
        // Archivists sometimes add the Russian name of a Soviet place.
        if place == "DEST" && p.cyrillic_notes && self.rng.chance(0.2) {
            let ru_name = p
                .dests
                .first()
                .map(|e| e.labels.ru.clone())
                .unwrap_or_default();
            return Some(format!("{s} ({ru_name})"));
        }
        Some(s)
    }

    fn ru_slot(&mut self, slot: &str) -> String {
        if let Some(s) = self.common(slot) {
            return s;
        }
        let lex = ru::Lexicon::get();
        let p = self.plot;
        match slot {
            "NUM" => return self.rng.pick(&["два", "три", "четыре"]).to_string(),
            "NUM5" => {
                let n = *self.rng.pick(&[5, 6, 7, 8, 10, 12, 15, 20, 30, 40, 50]);
                return ru::cardinal(n);
            }
            "YEAR" => {
                let y = self.rng.range(p.deport_year, p.return_year);
                return ru::year_in(y, self.rng);
            }
            "YEARGEN" => return ru::ordinal(p.deport_year % 100, true),
            "BIRTHYEAR" => return ru::year_in(p.birth_year, self.rng),
            "MONTH" => return self.rng.pick(&ru::MONTHS_IN).to_string(),
            _ => {}
        }
        if let Some(cat) = slot.strip_prefix("W.") {
            return lex
                .words(cat)
                .map(|w| w.sample(self.rng).to_string())
                .unwrap_or_default();
        }
        if let Some(spec) = slot.strip_prefix("V.") {
            let (cat, form) = spec.split_once('.').unwrap_or((spec, "pl"));
            let female = p.female;
            return lex
                .verbs(cat)
                .map(|v| v.sample(self.rng).form(form, female).to_string())
                .unwrap_or_default();
        }
        if let Some((place, case)) = slot.split_once(':')
            && let Some(s) = self.ru_place(place, case)
        {
            return s;
        }
        let mut words: Vec<&str> = slot.split(' ').collect();
        let with_adj = words.first() == Some(&"A");
        if with_adj {
            words.remove(0);
        }
        let Some(noun_spec) = words.first().and_then(|w| w.strip_prefix("N.")) else {
            return String::new();
        };
        let (cat, code) = noun_spec.split_once(':').unwrap_or((noun_spec, "nom"));
        let form = ru::Form::from_code(code).unwrap_or(ru::Form {
            case: 0,
            plural: false,
        });
        let Some(nouns) = lex.nouns(cat) else {
            return String::new();
        };
        let noun = nouns.sample(self.rng);
        let n = noun.form(form);
        if with_adj {
            let adj = lex.adjectives.sample(self.rng);
            format!("{} {n}", ru::adjective(adj, noun, form))
        } else {
            n
        }
    }

    fn ru_place(&mut self, place: &str, case: &str) -> Option<String> {
        let p = self.plot;
        let name = match place {
            "HOME" => p.home_ru.clone(),
            "CAMP" => place_name(p.camp, Tongue::Ru, self.rng),
            "DEST" => {
                let e = *self.rng.pick(&p.dests);
                place_name(e, Tongue::Ru, self.rng)
            }
            "OTHER" => {
                let e = *self.rng.pick(&p.others);
                place_name(e, Tongue::Ru, self.rng)
            }
            "REGION" => {
                let e = p.region;
                let n = place_name(e, Tongue::Ru, self.rng);
                return Some(ru_region_in(&n));
            }
            _ => return None,
        };
        let noun = ru::Noun::place(&name);
        let simple = !name.contains(' ') && !name.contains('-');
        let f = |case| ru::Form {
            case,
            plural: false,
        };
        let town = ru::Noun::declined("город", None);
        Some(match case {
            "in" if simple => format!("в {}", noun.form(f(5))),
            "in" => format!("в {} {name}", town.form(f(5))),
            "to" if simple => format!("в {}", noun.form(f(3))),
            "to" => format!("в {} {name}", town.form(f(3))),
            "from" if simple => format!("из {}", noun.form(f(1))),
            "from" => format!("из {} {name}", town.form(f(1))),
            "acc" if simple => noun.form(f(3)),
            "acc" => format!("{} {name}", town.form(f(3))),
            _ => name,
        })
    }
}

/// `в Сибири`, `на Урале`, `в Донбассе`; multi-word regions keep their
/// name after `в районе`.
fn ru_region_in(name: &str) -> String {
    let on = ["Урал", "Кавказ", "Украина", "Дальний Восток"];
    if name.contains(' ') {
        return format!("в районе {name}");
    }
    let noun = ru::Noun::place(name);
    let form = if name == "Крым" {
        "Крыму".to_string()
    } else {
        noun.form(ru::Form {
            case: 5,
            plural: false,
        })
    };
    if on.contains(&name) {
        format!("на {form}")
    } else {
        format!("в {form}")
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

/// The places a plot can use, from the vocabulary.
#[derive(Debug)]
pub(crate) struct Places<'v> {
    /// Regions with their weight and the places under them.
    pub(crate) regions: Vec<(&'v Entry, u32, Vec<&'v Entry>)>,
    /// Transit camps with weights.
    pub(crate) camps: Vec<(&'v Entry, u32)>,
    /// Every destination place, for passing mentions.
    pub(crate) all_places: Vec<&'v Entry>,
    /// Waves.
    pub(crate) waves: Vec<(&'v Entry, u32)>,
}

impl<'v> Places<'v> {
    pub(crate) fn new(vocab: &'v Vocabulary) -> Places<'v> {
        let region_weight = |id: &str| match id {
            "donbas" => 30,
            "urals" => 12,
            "ukraine" => 10,
            "caucasus" => 8,
            "central-russia" | "volga" | "siberia" => 6,
            "north-russia" => 5,
            "leningrad-oblast" | "belarus" => 4,
            "baltic" => 3,
            "crimea" | "azerbaijan" => 2,
            _ => 1,
        };
        let all_places: Vec<&Entry> = vocab.facet(Facet::Place).collect();
        let regions = vocab
            .facet(Facet::Region)
            .map(|r| {
                let places: Vec<&Entry> = all_places
                    .iter()
                    .copied()
                    .filter(|p| p.parent.as_deref() == Some(r.id.as_str()))
                    .collect();
                (r, region_weight(&r.id), places)
            })
            .collect();
        let camps = vocab
            .facet(Facet::TransitCamp)
            .filter(|c| !c.group)
            .map(|c| {
                let w = match c.id.as_str() {
                    "svaliava" | "focsani" => 20,
                    "sighetu-marmatiei" => 8,
                    "cegled" | "debrecen" | "mukachevo" => 6,
                    "godollo" | "sambir" => 5,
                    "jaszbereny" | "staryi-sambir" => 4,
                    _ => 1,
                };
                (c, w)
            })
            .collect();
        let waves = vocab
            .facet(Facet::Wave)
            .map(|w| {
                let weight = match w.id.as_str() {
                    "malenkij-robot" => 50,
                    "pow" => 20,
                    "order-7161" => 15,
                    "gulag" => 10,
                    _ => 5,
                };
                (w, weight)
            })
            .collect();
        Places {
            regions,
            camps,
            all_places,
            waves,
        }
    }
}

/// Picks by integer weight.
pub(crate) fn weighted<'a, T>(items: &'a [(T, u32)], rng: &mut Rng) -> &'a T {
    let total: u32 = items.iter().map(|(_, w)| *w).sum();
    let mut x = rng.below(total.max(1) as usize) as u32;
    for (item, w) in items {
        if x < *w {
            return item;
        }
        x -= w;
    }
    &items[items.len() - 1].0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_phrases() {
        assert_eq!(ru_region_in("Урал"), "на Урале");
        assert_eq!(ru_region_in("Сибирь"), "в Сибири");
        assert_eq!(ru_region_in("Донбасс"), "в Донбассе");
        assert_eq!(ru_region_in("Крым"), "в Крыму");
        assert_eq!(ru_region_in("Белоруссия"), "в Белоруссии");
        assert_eq!(capitalize("élet"), "Élet");
    }
}
