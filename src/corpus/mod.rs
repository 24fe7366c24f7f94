//! A synthetic testimony archive, for benchmarks and tests at archive
//! scale.
//!
//! Input: a seed and a count. Output: transcript files as an archive would
//! receive them — Hungarian, Russian and mixed interviews of 2,000–40,000
//! words (median about 8,000), with headers, `[HH:MM:SS]` timecodes and
//! speaker labels in the tanu format, some as plain text without a
//! header, and about a quarter in legacy encodings (Windows-1250,
//! ISO-8859-2, Windows-1251, KOI8-R, CP866, ISO-8859-5, UTF-16).
//!
//! The text is language, not noise: a lexicon of the deportees' world with
//! Hungarian case suffixes under vowel harmony and Russian declension and
//! agreement, sentence templates per topic of an interview (home, the
//! roundup, the transit camp, the journey, work, hunger, illness, the
//! return), words drawn with a Zipf distribution, and place and camp
//! names from [`Vocabulary`] in inflected forms and in both scripts. So
//! stemming, stopwords and the cross-script key behave as on real text.
//!
//! The output is deterministic: testimony `i` of seed `s` is the same
//! bytes on every machine and build ([`GENERATOR_VERSION`] changes when it
//! does not), and does not depend on the other testimonies, so a corpus
//! can be generated in any order or in part.

mod hu;
mod rng;
mod ru;
mod story;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

use self::rng::Rng;
use self::story::{Filler, Places, Plot, TOPICS, Tongue, place_name, weighted};
use crate::vocab::{Entry, Facet, VocabError, Vocabulary};

/// Identifies the generator's output; bumped whenever the bytes produced
/// for a seed change, so cached corpora are regenerated.
pub const GENERATOR_VERSION: &str = "tanu-corpus-2";

/// Fewest and most words of a testimony.
pub const WORDS_RANGE: (usize, usize) = (2_000, 40_000);

/// Quantiles (every 2.5 %) of the words per testimony: a log-normal with
/// median 8,000 and σ = 0.6, clipped to [`WORDS_RANGE`].
const WORD_QUANTILES: [usize; 41] = [
    2000, 2468, 2982, 3373, 3708, 4012, 4296, 4566, 4828, 5084, 5337, 5589, 5840, 6093, 6349, 6608,
    6872, 7142, 7419, 7705, 8000, 8307, 8626, 8961, 9313, 9685, 10081, 10503, 10958, 11451, 11991,
    12587, 13256, 14016, 14899, 15953, 17260, 18976, 21463, 25931, 40000,
];

/// Why a corpus could not be written.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The output directory has files in it.
    #[error("{} is not empty; `tanu generate` writes into a new or empty directory", .0.display())]
    NotEmpty(PathBuf),
    /// Filesystem trouble.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The built-in vocabulary is broken.
    #[error(transparent)]
    Vocab(#[from] VocabError),
}

/// One generated transcript file.
#[derive(Debug, Clone, PartialEq)]
pub struct GeneratedFile {
    /// Where it goes, relative to the corpus directory (`box-003/hu-000123.txt`).
    pub path: PathBuf,
    /// The file's bytes, in [`GeneratedFile::encoding`].
    pub bytes: Vec<u8>,
    /// The same text as UTF-8, before encoding.
    pub text: String,
    /// The identifier tanu gives the testimony (the header `id`, or the
    /// one derived from the file name).
    pub id: String,
    /// `hu`, `ru` or `hu+ru`.
    pub language: &'static str,
    /// The WHATWG name of the encoding of `bytes`.
    pub encoding: &'static str,
    /// Words of transcript text (header excluded).
    pub words: usize,
    /// Whether the file has a tanu header.
    pub header: bool,
    /// The region or place given in the header, as a vocabulary id.
    pub region: Option<String>,
    /// What the story tells, for measuring the tagger.
    pub truth: Truth,
}

/// What a generated story tells: the vocabulary ids the generator put
/// into the narrator's mouth as the places they were held. Route stations
/// and other people's places (`OTHER`) are mentioned too but are not the
/// narrator's, so they are not here.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Truth {
    /// The transit camp of the `transit` topic.
    pub transit_camp: String,
    /// The destination places (vocabulary `place` entries), empty when the
    /// story names only a region.
    pub places: Vec<String>,
    /// The destination region.
    pub region: String,
    /// The wave written in the header, if any. The text does not tell it
    /// (no template names a wave), so it is no truth for the text.
    pub header_wave: Option<String>,
}

/// Totals of a written corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusSummary {
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Words of transcript text.
    pub words: u64,
    /// Files per encoding.
    pub encodings: BTreeMap<&'static str, usize>,
    /// Files per language.
    pub languages: BTreeMap<&'static str, usize>,
}

impl CorpusSummary {
    /// Adds one file.
    pub fn add(&mut self, f: &GeneratedFile) {
        self.files += 1;
        self.bytes += f.bytes.len() as u64;
        self.words += f.words as u64;
        *self.encodings.entry(f.encoding).or_insert(0) += 1;
        *self.languages.entry(f.language).or_insert(0) += 1;
    }
}

/// The words of testimony `index` of `seed` (the first draw of its
/// stream), without generating it.
pub fn target_words(seed: u64, index: usize) -> usize {
    let mut rng = Rng::new(seed, index as u64);
    words_from(&mut rng)
}

fn words_from(rng: &mut Rng) -> usize {
    let x = rng.unit() * 40.0;
    let i = (x as usize).min(39);
    let frac = x - i as f64;
    let (a, b) = (WORD_QUANTILES[i] as f64, WORD_QUANTILES[i + 1] as f64);
    (a + (b - a) * frac) as usize
}

/// Generates testimonies of one seed.
#[derive(Debug)]
pub struct Generator {
    seed: u64,
    vocab: Vocabulary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Profile {
    Hu,
    Ru,
    Mixed,
}

/// A segment before rendering.
struct Seg {
    narrator: bool,
    paragraphs: Vec<String>,
    seconds: u32,
}

impl Generator {
    /// A generator for `seed` over the built-in vocabulary.
    pub fn new(seed: u64) -> Result<Generator, VocabError> {
        Ok(Generator {
            seed,
            vocab: Vocabulary::builtin()?,
        })
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Testimony number `index` (0-based).
    pub fn testimony(&self, index: usize) -> GeneratedFile {
        let mut rng = Rng::new(self.seed, index as u64);
        let target = words_from(&mut rng);
        let places = Places::new(&self.vocab);
        let profile = match rng.below(100) {
            0..55 => Profile::Hu,
            55..85 => Profile::Ru,
            _ => Profile::Mixed,
        };
        let plot = self.plot(&places, &mut rng);
        let segs = dialogue(&plot, profile, target, &mut rng);
        let words: usize = segs
            .iter()
            .flat_map(|s| &s.paragraphs)
            .map(|p| p.split_whitespace().count())
            .sum();
        let header = rng.chance(0.92);
        let (text, path, id, region, header_wave) =
            render(self, &plot, profile, &segs, header, index, &mut rng);
        let (bytes, encoding) = encode(&text, profile, &mut rng);
        GeneratedFile {
            path,
            bytes,
            text,
            id,
            language: match profile {
                Profile::Hu => "hu",
                Profile::Ru => "ru",
                Profile::Mixed => "hu+ru",
            },
            encoding,
            words,
            header,
            region,
            truth: Truth {
                transit_camp: plot.camp.id.clone(),
                places: plot
                    .dests
                    .iter()
                    .filter(|e| e.facet == Facet::Place)
                    .map(|e| e.id.clone())
                    .collect(),
                region: plot.region.id.clone(),
                header_wave,
            },
        }
    }

    fn plot<'v>(&self, places: &Places<'v>, rng: &mut Rng) -> Plot<'v> {
        let hu_lex = hu::Lexicon::get();
        let ru_lex = ru::Lexicon::get();
        let weights: Vec<(usize, u32)> = places
            .regions
            .iter()
            .enumerate()
            .map(|(i, (_, w, _))| (i, *w))
            .collect();
        let ri = *weighted(&weights, rng);
        let (region, _, region_places) = &places.regions[ri];
        let mut dests: Vec<&Entry> = Vec::new();
        if region_places.is_empty() {
            dests.push(region);
        } else {
            for _ in 0..rng.range(1, 3) {
                let d = *rng.pick(region_places);
                if !dests.iter().any(|e| e.id == d.id) {
                    dests.push(d);
                }
            }
        }
        let others = (0..4).map(|_| *rng.pick(&places.all_places)).collect();
        let camp = *weighted(&places.camps, rng);
        let home = rng.below(1000);
        let pick_home = |list: Option<&hu::Ranked<&'static str>>| {
            list.map(|l| l.items[home % l.items.len()].to_string())
                .unwrap_or_default()
        };
        let deport_year = if rng.chance(0.7) { 1944 } else { 1945 };
        Plot {
            female: rng.chance(0.4),
            cyrillic_notes: rng.chance(0.05),
            home_hu: pick_home(hu_lex.words("village")),
            home_ru: pick_home(ru_lex.words("village")),
            camp,
            dests,
            region,
            others,
            birth_year: rng.range(1905, 1930),
            deport_year,
            return_year: deport_year + rng.range(1, 8),
        }
    }
}

/// The interview: questions and answers through the topics until the
/// target number of words is reached.
fn dialogue(plot: &Plot<'_>, profile: Profile, target: usize, rng: &mut Rng) -> Vec<Seg> {
    let mut segs: Vec<Seg> = Vec::new();
    let mut words = 0usize;
    let mut seconds: u32 = rng.range(2, 9) as u32;
    let interviewer_tongue = match profile {
        Profile::Hu => Tongue::Hu,
        _ => Tongue::Ru,
    };
    let mut topic_index = 0usize;
    let mut topic_used = 0usize;
    while words < target {
        let (topic, share) = TOPICS[topic_index.min(TOPICS.len() - 1)];
        let budget = ((target as f64) * share) as usize;
        if topic_used >= budget && topic_index + 1 < TOPICS.len() {
            topic_index += 1;
            topic_used = 0;
            continue;
        }
        let topic = if topic_index + 1 >= TOPICS.len() && topic_used >= budget {
            // Long interviews return to earlier topics.
            TOPICS[rng.below(TOPICS.len())].0
        } else {
            topic
        };
        // The question.
        let q = question(plot, interviewer_tongue, topic, rng);
        let qw = q.split_whitespace().count();
        segs.push(Seg {
            narrator: false,
            paragraphs: vec![q],
            seconds,
        });
        seconds += (qw as u32) / 2 + rng.range(1, 4) as u32;
        words += qw;
        topic_used += qw;
        // The answer: a few sentences, now and then a long monologue.
        let sentences = if rng.chance(0.05) {
            rng.range(20, 60)
        } else {
            rng.range(2, 12)
        };
        let narrator_tongue = match profile {
            Profile::Hu => Tongue::Hu,
            Profile::Ru => Tongue::Ru,
            Profile::Mixed => {
                if rng.chance(0.65) {
                    Tongue::Hu
                } else {
                    Tongue::Ru
                }
            }
        };
        let mut paragraphs = vec![String::new()];
        let mut answer_words = 0;
        let mut used = Vec::new();
        for _ in 0..sentences {
            let tongue = if profile == Profile::Mixed && rng.chance(0.1) {
                match narrator_tongue {
                    Tongue::Hu => Tongue::Ru,
                    Tongue::Ru => Tongue::Hu,
                }
            } else {
                narrator_tongue
            };
            let topic = if rng.chance(0.85) {
                topic
            } else {
                TOPICS[rng.below(TOPICS.len())].0
            };
            let s = narrator_sentence(plot, tongue, topic, rng, &mut used);
            answer_words += s.split_whitespace().count();
            let para = paragraphs.last_mut().expect("one paragraph at least");
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(&s);
            if words + answer_words >= target {
                break;
            }
            if para.len() > 600 && rng.chance(0.15) {
                paragraphs.push(String::new());
            }
        }
        paragraphs.retain(|p| !p.is_empty());
        words += answer_words;
        topic_used += answer_words;
        segs.push(Seg {
            narrator: true,
            paragraphs,
            seconds,
        });
        seconds += (answer_words as u32) * 2 / 5 + rng.range(1, 6) as u32;
    }
    segs
}

fn templates(tongue: Tongue, narrator: bool, topic: &str) -> &'static [&'static str] {
    let table = match (tongue, narrator) {
        (Tongue::Hu, true) => hu::NARRATOR,
        (Tongue::Hu, false) => hu::QUESTIONS,
        (Tongue::Ru, true) => ru::NARRATOR,
        (Tongue::Ru, false) => ru::QUESTIONS,
    };
    table
        .iter()
        .find(|(t, _)| *t == topic)
        .map_or(&[][..], |(_, list)| *list)
}

fn question(plot: &Plot<'_>, tongue: Tongue, topic: &str, rng: &mut Rng) -> String {
    let follow_ups: &[&str] = match tongue {
        Tongue::Hu => &[
            "És aztán?",
            "Mi történt ezután?",
            "Folytassa, kérem.",
            "Erre hogyan emlékszik?",
            "Mondjon erről többet!",
            "Értem. És utána?",
        ],
        Tongue::Ru => &[
            "А что было потом?",
            "Что случилось дальше?",
            "Продолжайте, пожалуйста.",
            "Расскажите об этом подробнее.",
            "Понятно. А потом?",
        ],
    };
    let list = templates(tongue, false, topic);
    let t = if list.is_empty() || rng.chance(0.4) {
        *rng.pick(follow_ups)
    } else {
        *rng.pick(list)
    };
    Filler { plot, rng, tongue }.sentence(t)
}

/// One sentence of the narrator: a topic template not yet used in this
/// answer, or clauses composed with conjunctions.
fn narrator_sentence(
    plot: &Plot<'_>,
    tongue: Tongue,
    topic: &str,
    rng: &mut Rng,
    used: &mut Vec<&'static str>,
) -> String {
    let (clauses, conjunctions) = match tongue {
        Tongue::Hu => (hu::CLAUSES, hu::CONJUNCTIONS),
        Tongue::Ru => (ru::CLAUSES, ru::CONJUNCTIONS),
    };
    let list = templates(tongue, true, topic);
    let fresh: Vec<&'static str> = list.iter().copied().filter(|t| !used.contains(t)).collect();
    let composed: String;
    let t: &str = if fresh.is_empty() || rng.chance(0.5) {
        let n = match rng.below(20) {
            0 => 3,
            1..8 => 2,
            _ => 1,
        };
        let mut c = String::new();
        for i in 0..n {
            if i > 0 {
                let conj: &&str = rng.pick(conjunctions);
                c.push_str(conj);
            }
            let clause: &&str = rng.pick(clauses);
            c.push_str(clause);
        }
        c.push_str(if rng.chance(0.05) { "!" } else { "." });
        composed = c;
        &composed
    } else {
        let t = *rng.pick(&fresh);
        used.push(t);
        t
    };
    let mut s = Filler {
        plot,
        rng: &mut *rng,
        tongue,
    }
    .sentence(t);
    let (fillers, stage) = match tongue {
        Tongue::Hu => (
            hu::Lexicon::get().words("filler"),
            hu::Lexicon::get().words("stage"),
        ),
        Tongue::Ru => (
            ru::Lexicon::get().words("filler"),
            ru::Lexicon::get().words("stage"),
        ),
    };
    // A spoken filler before sentences that start with an ordinary word.
    if !t.starts_with('{')
        && rng.chance(0.08)
        && let Some(f) = fillers
    {
        let w = f.sample(rng);
        let mut chars = s.chars();
        let first: String = chars
            .next()
            .map(|c| c.to_lowercase().collect())
            .unwrap_or_default();
        let mut wc = w.chars();
        let cap: String = wc
            .next()
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default();
        s = format!("{cap}{}, {first}{}", wc.as_str(), chars.as_str());
    }
    if rng.chance(0.02)
        && let Some(st) = stage
    {
        s.push(' ');
        s.push_str(st.sample(rng));
    }
    s
}

fn header_line(out: &mut String, hungarian_keys: bool, en: &str, hu_key: &str, value: &str) {
    out.push_str(if hungarian_keys { hu_key } else { en });
    out.push_str(": ");
    out.push_str(value);
    out.push('\n');
}

fn fmt_time(seconds: u32, fraction: Option<u32>) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    match fraction {
        Some(ms) => format!("[{h:02}:{m:02}:{s:02}.{ms:03}]"),
        None => format!("[{h:02}:{m:02}:{s:02}]"),
    }
}

/// Wraps a paragraph at about `width` characters, as a typed transcript.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width + 1);
    let mut line = 0usize;
    for w in text.split(' ') {
        let n = w.chars().count();
        if line > 0 && line + 1 + n > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(w);
        line += n;
    }
    out
}

fn ascii_fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' | 'ö' | 'ő' => 'o',
            'ú' | 'ü' | 'ű' => 'u',
            'Á' => 'A',
            'É' => 'E',
            'Í' => 'I',
            'Ó' | 'Ö' | 'Ő' => 'O',
            'Ú' | 'Ü' | 'Ű' => 'U',
            c if c.is_ascii_alphanumeric() => c,
            _ => '_',
        })
        .collect()
}

/// The file: header (or not), body, file name and identifier.
fn render(
    generator: &Generator,
    plot: &Plot<'_>,
    profile: Profile,
    segs: &[Seg],
    header: bool,
    index: usize,
    rng: &mut Rng,
) -> (String, PathBuf, String, Option<String>, Option<String>) {
    let hu_lex = hu::Lexicon::get();
    let ru_lex = ru::Lexicon::get();
    let pick = |list: Option<&hu::Ranked<&'static str>>, rng: &mut Rng| {
        list.map(|l| l.sample(rng).to_string()).unwrap_or_default()
    };
    let russian_names = profile == Profile::Ru && rng.chance(0.9);
    let narrator = if russian_names {
        let (s, g, p) = if plot.female {
            ("surname_f", "given_f", "patronymic_f")
        } else {
            ("surname_m", "given_m", "patronymic_m")
        };
        format!(
            "{} {} {}",
            pick(ru_lex.words(s), rng),
            pick(ru_lex.words(g), rng),
            pick(ru_lex.words(p), rng)
        )
    } else {
        let g = if plot.female { "given_f" } else { "given_m" };
        format!(
            "{} {}",
            pick(hu_lex.words("surname"), rng),
            pick(hu_lex.words(g), rng)
        )
    };
    let interviewer = match profile {
        Profile::Hu => format!(
            "{} {}",
            pick(hu_lex.words("surname"), rng),
            pick(hu_lex.words("given_f"), rng)
        ),
        _ => format!(
            "{} {} {}",
            pick(ru_lex.words("surname_f"), rng),
            pick(ru_lex.words("given_f"), rng),
            pick(ru_lex.words("patronymic_f"), rng)
        ),
    };
    let recorded_year = rng.range(1988, 2014);
    let recorded = format!(
        "{recorded_year}-{:02}-{:02}",
        rng.range(1, 12),
        rng.range(1, 28)
    );
    let (q_label, n_label) = match profile {
        Profile::Hu => *rng.pick(&[("K", "N"), ("K", "N"), ("KÉRDEZŐ", "NARRÁTOR"), ("K", "V")]),
        Profile::Ru => *rng.pick(&[("И", "Р"), ("И", "Р"), ("ВОПРОС", "ОТВЕТ")]),
        Profile::Mixed => ("И", "N"),
    };
    let home = if profile == Profile::Ru {
        &plot.home_ru
    } else {
        &plot.home_hu
    };
    let mut out = String::with_capacity(segs.len() * 400);
    let prefix = match profile {
        Profile::Hu => "hu",
        Profile::Ru => "ru",
        Profile::Mixed => "mx",
    };
    let dir = PathBuf::from(format!("box-{:03}", index / 500));
    let mut region = None;
    let mut header_wave = None;
    let (path, id) = if header {
        // Another seed is another collection: its identifiers say so, so
        // that two corpora ingested into one archive stay apart.
        let id = match generator.seed {
            1 => format!("{prefix}-syn-{index:06}"),
            seed => format!("{prefix}-syn{seed}-{index:06}"),
        };
        let hk = profile == Profile::Hu && rng.chance(0.3);
        header_line(&mut out, hk, "id", "azonosító", &id);
        let title = {
            let t = match profile {
                Profile::Hu => *rng.pick(&[
                    "Három napi munkára vittek el",
                    "{NUMAN} voltunk egy vagonban",
                    "Elvittek {DEST:to}",
                    "Évek {DEST:loc}",
                    "{HOME:from} {DEST:to}",
                ]),
                _ => *rng.pick(&[
                    "Сказали — на три дня",
                    "Годы {DEST:in}",
                    "Из {HOME:from} в лагерь",
                    "Маленькая работа",
                ]),
            };
            let tongue = if profile == Profile::Hu {
                Tongue::Hu
            } else {
                Tongue::Ru
            };
            Filler {
                plot,
                rng: &mut *rng,
                tongue,
            }
            .sentence(t)
        };
        header_line(&mut out, hk, "title", "cím", &title);
        header_line(&mut out, hk, "narrator", "elbeszélő", &narrator);
        if rng.chance(0.8) {
            header_line(
                &mut out,
                hk,
                "narrator_birth_year",
                "születési év",
                &plot.birth_year.to_string(),
            );
            header_line(&mut out, hk, "narrator_birthplace", "születési hely", home);
        }
        header_line(&mut out, hk, "interviewer", "kérdező", &interviewer);
        header_line(&mut out, hk, "recorded", "felvétel dátuma", &recorded);
        header_line(&mut out, hk, "recording_place", "felvétel helye", home);
        let lang = match profile {
            Profile::Hu => "hu",
            Profile::Ru => "ru",
            Profile::Mixed => "hu, ru",
        };
        header_line(&mut out, hk, "language", "nyelv", lang);
        let access = match rng.below(20) {
            0 => "sealed",
            1 | 2 => "restricted",
            _ => "public",
        };
        header_line(&mut out, hk, "access", "hozzáférés", access);
        if access != "public" && rng.chance(0.5) {
            let y = rng.range(2020, 2040);
            header_line(&mut out, hk, "embargo", "zárolva", &format!("{y}-01-01"));
        }
        let places = Places::new(&generator.vocab);
        let wave = if rng.chance(0.85) {
            Some(weighted(&places.waves, rng).id.clone())
        } else {
            None
        };
        if let Some(w) = &wave {
            header_line(&mut out, hk, "wave", "hullám", w);
        }
        header_wave = wave.clone();
        if rng.chance(0.9) {
            // The destination place or its region, by id or by a label.
            let e = if rng.chance(0.5) {
                plot.dests[0]
            } else {
                plot.region
            };
            let value = match rng.below(3) {
                0 => e.labels.hu.clone(),
                _ => e.id.clone(),
            };
            region = Some(e.id.clone());
            header_line(&mut out, hk, "region", "régió", &value);
        }
        if rng.chance(0.8) {
            let value = if rng.chance(0.5) {
                plot.camp.labels.hu.clone()
            } else {
                plot.camp.id.clone()
            };
            header_line(&mut out, hk, "transit_camp", "gyűjtőtábor", &value);
        }
        if rng.chance(0.3) {
            let kw = match profile {
                Profile::Hu => "bánya, éhség, hazatérés",
                _ => "шахта, голод, возвращение",
            };
            header_line(&mut out, hk, "keywords", "kulcsszavak", kw);
        }
        if rng.chance(0.4) {
            let box_no = rng.range(1, 400);
            header_line(
                &mut out,
                hk,
                "source",
                "forrás",
                &match profile {
                    Profile::Hu => format!(
                        "Szintetikus gyűjtemény, {box_no}. doboz, {}. kazetta",
                        rng.range(1, 9)
                    ),
                    _ => format!(
                        "Синтетическое собрание, коробка {box_no}, кассета {}",
                        rng.range(1, 9)
                    ),
                },
            );
        }
        if q_label.chars().count() == 1 {
            let (q_role, n_name) = match profile {
                Profile::Hu => ("kérdező", narrator.clone()),
                _ => ("интервьюер", narrator.clone()),
            };
            header_line(
                &mut out,
                hk,
                "speakers",
                "beszélők",
                &format!("{q_label} = {interviewer} ({q_role}); {n_label} = {n_name}"),
            );
        }
        out.push_str("---\n");
        (dir.join(format!("{id}.txt")), id)
    } else {
        let surname = narrator.split(' ').next().unwrap_or("Ismeretlen");
        let given = narrator.split(' ').nth(1).unwrap_or("");
        let name = format!(
            "{}_{}_{recorded_year}_{index:06}.txt",
            ascii_fold(surname),
            ascii_fold(given)
        );
        let id = crate::parse::identifier_from_file_name(&name);
        let title = match profile {
            Profile::Hu => format!("{narrator} visszaemlékezése, {recorded_year}"),
            _ => format!("Воспоминания, {narrator}, {recorded_year}"),
        };
        out.push_str(&title);
        out.push_str("\n\n");
        (dir.join(name), id)
    };
    // Body style.
    let memoir = !header && rng.chance(0.5);
    let timecodes = header && rng.chance(0.75);
    let fractions = timecodes && rng.chance(0.1);
    let width = if rng.chance(0.4) {
        Some(rng.range(64, 80))
    } else {
        None
    };
    for seg in segs {
        if memoir && !seg.narrator {
            continue;
        }
        for (i, para) in seg.paragraphs.iter().enumerate() {
            let mut line = String::new();
            if i == 0 && !memoir {
                if timecodes {
                    let frac = fractions.then(|| rng.below(1000) as u32);
                    line.push_str(&fmt_time(seg.seconds, frac));
                    line.push(' ');
                }
                line.push_str(if seg.narrator { n_label } else { q_label });
                line.push_str(": ");
            }
            line.push_str(para);
            match width {
                Some(w) => out.push_str(&wrap(&line, w)),
                None => out.push_str(&line),
            }
            out.push('\n');
            let last_para = i + 1 == seg.paragraphs.len();
            if !last_para || rng.chance(0.7) || memoir {
                out.push('\n');
            }
        }
    }
    (out, path, id, region, header_wave)
}

/// Chooses an encoding for a file and encodes it; a text the encoding
/// cannot represent stays UTF-8.
fn encode(text: &str, profile: Profile, rng: &mut Rng) -> (Vec<u8>, &'static str) {
    #[derive(Clone, Copy)]
    enum Enc {
        Utf8,
        Utf8Bom,
        Utf16(bool),
        Legacy(&'static Encoding),
    }
    let crlf = rng.chance(0.25);
    let choice = match (profile, rng.below(100)) {
        (_, 0..70) => Enc::Utf8,
        (_, 70..73) => Enc::Utf8Bom,
        (_, 73..77) => Enc::Utf16(true),
        (_, 77..79) => Enc::Utf16(false),
        (Profile::Hu, 79..94) => Enc::Legacy(encoding_rs::WINDOWS_1250),
        (Profile::Hu, _) => Enc::Legacy(encoding_rs::ISO_8859_2),
        (Profile::Ru, 79..91) => Enc::Legacy(encoding_rs::WINDOWS_1251),
        (Profile::Ru, 91..96) => Enc::Legacy(encoding_rs::KOI8_R),
        (Profile::Ru, 96..98) => Enc::Legacy(encoding_rs::IBM866),
        (Profile::Ru, _) => Enc::Legacy(encoding_rs::ISO_8859_5),
        (Profile::Mixed, _) => Enc::Utf8,
    };
    let legacy = matches!(choice, Enc::Legacy(_));
    let text: std::borrow::Cow<'_, str> = if crlf || (legacy && rng.chance(0.7)) {
        text.replace('\n', "\r\n").into()
    } else {
        text.into()
    };
    match choice {
        Enc::Utf8 => (text.as_bytes().to_vec(), "UTF-8"),
        Enc::Utf8Bom => {
            let mut b = vec![0xEF, 0xBB, 0xBF];
            b.extend_from_slice(text.as_bytes());
            (b, "UTF-8")
        }
        Enc::Utf16(le) => {
            let mut b = Vec::with_capacity(text.len() * 2 + 2);
            let bom: u16 = 0xFEFF;
            for unit in std::iter::once(bom).chain(text.encode_utf16()) {
                b.extend_from_slice(&if le {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                });
            }
            (b, if le { "UTF-16LE" } else { "UTF-16BE" })
        }
        Enc::Legacy(enc) => {
            let (bytes, _, unmappable) = enc.encode(&text);
            if unmappable {
                (text.as_bytes().to_vec(), "UTF-8")
            } else {
                (bytes.into_owned(), enc.name())
            }
        }
    }
}

/// Writes testimonies `0..count` of `seed` into `dir` (created if
/// missing; must be empty), calling `progress(done, count)` after each.
pub fn write_corpus(
    seed: u64,
    count: usize,
    dir: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<CorpusSummary, CorpusError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| CorpusError::Io { path, source }
    };
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(io(dir))?;
        if entries.next().is_some() {
            return Err(CorpusError::NotEmpty(dir.to_path_buf()));
        }
    }
    let generator = Generator::new(seed)?;
    let mut summary = CorpusSummary::default();
    for i in 0..count {
        let f = generator.testimony(i);
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&path, &f.bytes).map_err(io(&path))?;
        summary.add(&f);
        progress(i + 1, count);
    }
    Ok(summary)
}

/// Words and names that occur in a generated corpus, for building query
/// mixes (benchmarks, relevance checks).
#[derive(Debug, Clone, PartialEq)]
pub struct QueryWords {
    /// Hungarian noun lemmas, most frequent first.
    pub hu_words: Vec<String>,
    /// Inflected Hungarian forms (`táborban`, `bányába`).
    pub hu_inflected: Vec<String>,
    /// Russian noun lemmas, most frequent first.
    pub ru_words: Vec<String>,
    /// Inflected Russian forms (`лагере`, `шахты`).
    pub ru_inflected: Vec<String>,
    /// Phrases of two to four words that occur verbatim.
    pub phrases: Vec<String>,
    /// Destination places: vocabulary id, Hungarian label, Russian label.
    pub places: Vec<(String, String, String)>,
    /// Region ids, most frequent first.
    pub regions: Vec<String>,
}

/// The [`QueryWords`] of the corpus generator.
pub fn query_words(vocab: &Vocabulary) -> QueryWords {
    let hu_lex = hu::Lexicon::get();
    let ru_lex = ru::Lexicon::get();
    let mut hu_words = Vec::new();
    let mut hu_inflected = Vec::new();
    for cat in ["place", "work", "food", "thing", "body", "people", "idea"] {
        if let Some(n) = hu_lex.nouns(cat) {
            for noun in n.items.iter().take(8) {
                hu_words.push(noun.lemma.clone());
                for case in [hu::Case::Ine, hu::Case::Ill, hu::Case::Ela, hu::Case::PlIne] {
                    hu_inflected.push(noun.form(case));
                }
            }
        }
    }
    let mut ru_words = Vec::new();
    let mut ru_inflected = Vec::new();
    for cat in ["place", "work", "food", "thing", "body", "peoplem", "idea"] {
        if let Some(n) = ru_lex.nouns(cat) {
            for noun in n.items.iter().take(8) {
                ru_words.push(noun.lemma.clone());
                for code in ["prep", "gen", "ins", "pprep"] {
                    if let Some(f) = ru::Form::from_code(code) {
                        ru_inflected.push(noun.form(f));
                    }
                }
            }
        }
    }
    // Literal runs of templates: they occur verbatim in the text.
    let mut phrases = Vec::new();
    for table in [hu::NARRATOR, ru::NARRATOR] {
        for (_, list) in table {
            for t in *list {
                for piece in t.split(['{', '}']).step_by(2) {
                    let words: Vec<&str> = piece
                        .split(|c: char| !c.is_alphanumeric() && c != '-')
                        .filter(|w| !w.is_empty())
                        .collect();
                    if words.len() >= 3 {
                        let n = words.len().min(4);
                        let p = words[..n].join(" ");
                        if !phrases.contains(&p) {
                            phrases.push(p);
                        }
                    }
                }
            }
        }
    }
    let places = Places::new(vocab);
    let mut regions: Vec<(&Entry, u32)> = places.regions.iter().map(|(r, w, _)| (*r, *w)).collect();
    regions.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.id.cmp(&b.0.id)));
    let place_names = vocab
        .facet(Facet::Place)
        .map(|e| (e.id.clone(), e.labels.hu.clone(), e.labels.ru.clone()))
        .collect();
    QueryWords {
        hu_words,
        hu_inflected,
        ru_words,
        ru_inflected,
        phrases,
        places: place_names,
        regions: regions.into_iter().map(|(r, _)| r.id.clone()).collect(),
    }
}

/// A name of a place as a speaker of `language` (`hu` or `ru`) would write
/// it, for tests and query mixes.
pub fn spoken_name(entry: &Entry, language: &str, seed: u64) -> String {
    let mut rng = Rng::new(seed, 0);
    let tongue = if language == "ru" {
        Tongue::Ru
    } else {
        Tongue::Hu
    };
    place_name(entry, tongue, &mut rng)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_bytes() {
        let a = Generator::new(42).unwrap();
        let b = Generator::new(42).unwrap();
        for i in [0, 7, 123] {
            assert_eq!(a.testimony(i), b.testimony(i), "testimony {i}");
        }
        let c = Generator::new(43).unwrap();
        assert_ne!(a.testimony(0).bytes, c.testimony(0).bytes);
        assert_ne!(a.testimony(0).bytes, a.testimony(1).bytes);
    }

    #[test]
    fn lengths_follow_the_distribution() {
        let mut words: Vec<usize> = (0..2000).map(|i| target_words(5, i)).collect();
        words.sort_unstable();
        assert!(words[0] >= WORDS_RANGE.0 && words[1999] <= WORDS_RANGE.1);
        let median = words[1000];
        assert!((7000..9000).contains(&median), "median {median}");
        assert!(words[1990] > 20_000, "a long tail: {}", words[1990]);
        let g = Generator::new(5).unwrap();
        for i in 0..3 {
            let f = g.testimony(i);
            let t = target_words(5, i);
            assert!(f.words >= t && f.words < t + 600, "{} vs {t}", f.words);
        }
    }

    #[test]
    fn files_decode_parse_and_carry_valid_tags() {
        let vocab = Vocabulary::builtin().unwrap();
        let tagger = crate::tag::Tagger::new(&vocab);
        let g = Generator::new(3).unwrap();
        let mut encodings = std::collections::BTreeSet::new();
        let mut languages = std::collections::BTreeSet::new();
        let mut plain = 0;
        for i in 0..60 {
            let f = g.testimony(i);
            let decoded = crate::decode::decode(&f.bytes, None).unwrap();
            assert_eq!(
                decoded.text.replace("\r\n", "\n"),
                f.text,
                "{} ({}) decoded as {}",
                f.path.display(),
                f.encoding,
                decoded.encoding
            );
            let rec = crate::ingest::prepare(
                &f.path,
                f.bytes.clone(),
                &crate::ingest::IngestOptions::default(),
                &vocab,
                &tagger,
            )
            .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(rec.id, f.id);
            assert!(rec.segments.len() > 5, "{}", f.path.display());
            if f.header {
                assert!(f.text.contains("\n---\n"));
            } else {
                plain += 1;
            }
            encodings.insert(f.encoding);
            languages.insert(f.language);
        }
        assert!(encodings.len() >= 4, "{encodings:?}");
        assert_eq!(languages.len(), 3, "{languages:?}");
        assert!(plain > 0);
    }

    #[test]
    fn text_is_inflected_language() {
        let g = Generator::new(9).unwrap();
        let mut hu_text = String::new();
        let mut ru_text = String::new();
        for i in 0..40 {
            let f = g.testimony(i);
            match f.language {
                "hu" => hu_text.push_str(&f.text),
                "ru" => ru_text.push_str(&f.text),
                _ => {}
            }
        }
        for w in ["táborban", "bányában", "kenyeret", "hogy", "voltunk"] {
            assert!(hu_text.contains(w), "{w}");
        }
        for w in ["лагере", "шахте", "хлеба", "что", "нас"] {
            assert!(ru_text.contains(w), "{w}");
        }
        // Many distinct word forms, not a short loop.
        let forms: std::collections::HashSet<&str> = hu_text.split_whitespace().collect();
        assert!(forms.len() > 3000, "{}", forms.len());
        assert!(!hu_text.contains('{') && !ru_text.contains('{'));
    }

    #[test]
    fn write_refuses_a_non_empty_directory() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.txt"), "x").unwrap();
        assert!(matches!(
            write_corpus(1, 1, dir.path(), &mut |_, _| {}),
            Err(CorpusError::NotEmpty(_))
        ));
        let out = dir.path().join("corpus");
        let s = write_corpus(1, 3, &out, &mut |_, _| {}).unwrap();
        assert_eq!(s.files, 3);
        let (files, _) = crate::ingest::collect_files(&[out]).unwrap();
        assert_eq!(files.len(), 3);
    }

    #[test]
    fn query_words_occur() {
        let vocab = Vocabulary::builtin().unwrap();
        let q = query_words(&vocab);
        assert!(q.hu_inflected.contains(&"táborban".to_string()));
        assert!(q.ru_inflected.contains(&"лагере".to_string()));
        assert!(q.phrases.len() > 20);
        assert_eq!(q.regions[0], "donbas");
    }
}
