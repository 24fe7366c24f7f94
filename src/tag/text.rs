//! A testimony as the tagger reads it: words with their folded forms,
//! sentences and clauses, across all segments.

use std::collections::HashMap;
use std::rc::Rc;

use crate::analysis::{fold_word, stem_word, words, xs_key};
use crate::decode::{Script, script_of};
use crate::hash::FxBuildHasher;
use crate::lang::Lang;
use crate::parse::Segment;

use super::lexicon::{FIRST_PERSON, GOODS, KIN, Lex, OBJECTS, TAKING, THIRD_PERSON};

/// One word of the text.
#[derive(Debug, Clone)]
pub(super) struct Token {
    /// Lower-cased, accents kept.
    pub lower: Rc<str>,
    /// Lower-cased and folded (see [`crate::analysis::fold`]).
    pub folded: Rc<str>,
    /// Which distinct word of the testimony this is (the same for every
    /// token with the same text): what depends on the text alone can be
    /// computed once per word.
    pub word: usize,
    /// Index of the segment.
    pub seg: usize,
    /// Byte span in the segment text.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// Index of the sentence (over the whole testimony).
    pub sentence: usize,
    /// Index of the clause (over the whole testimony).
    pub clause: usize,
    /// Starts with a capital letter.
    pub capital: bool,
    /// Written in Cyrillic.
    pub cyrillic: bool,
    /// The cross-script key of `lower` ([`crate::analysis::xs_key`]).
    pub xs: Rc<str>,
    /// The Russian stem of `folded` for a Cyrillic word, else empty.
    pub ru_stem: Rc<str>,
    /// A first-person word (see [`first_person`]).
    pub first: bool,
}

/// What the tagger reads of a word as written, whatever the testimony:
/// its forms depend on the word alone, so a thread makes them once for
/// all testimonies ([`spelling`]) and its tokens share them.
struct Spelling {
    lower: Rc<str>,
    folded: Rc<str>,
    cyrillic: bool,
    xs: Rc<str>,
    ru_stem: Rc<str>,
    first: bool,
}

impl Spelling {
    fn new(text: &str) -> Spelling {
        let lower = text.to_lowercase();
        let folded = fold_word(&lower).replace('ё', "е");
        let cyr = text
            .chars()
            .filter(|&c| script_of(c) == Script::Cyrillic)
            .count();
        let cyrillic = cyr * 2 > text.chars().count();
        let xs = xs_key(&lower);
        let ru_stem = if cyrillic {
            stem_word(&folded, Lang::Ru)
        } else {
            String::new()
        };
        let first =
            FIRST_PERSON.contains(&folded.as_str()) || hungarian_first_person(&lower, cyrillic);
        Spelling {
            lower: lower.into(),
            folded: folded.into(),
            cyrillic,
            xs: xs.into(),
            ru_stem: ru_stem.into(),
            first,
        }
    }
}

/// Distinct words whose [`Spelling`] a thread remembers across
/// testimonies (a few hundred words make up half of any transcript);
/// past it the memo starts over, so memory stays flat.
const SPELLINGS_LIMIT: usize = 50_000;

thread_local! {
    static SPELLINGS: std::cell::RefCell<HashMap<Box<str>, Rc<Spelling>, FxBuildHasher>> =
        std::cell::RefCell::default();
}

/// [`Spelling::new`]`(text)`, remembered per thread.
fn spelling(text: &str) -> Rc<Spelling> {
    if let Some(hit) = SPELLINGS.with(|m| m.borrow().get(text).cloned()) {
        return hit;
    }
    let s = Rc::new(Spelling::new(text));
    SPELLINGS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= SPELLINGS_LIMIT {
            m.clear();
        }
        m.insert(text.into(), Rc::clone(&s));
    });
    s
}

/// A sentence: a token range within one segment.
#[derive(Debug, Clone)]
pub(super) struct Sentence {
    /// Segment index.
    pub seg: usize,
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Ends with a question mark.
    pub question: bool,
}

/// The tokenized testimony.
pub(super) struct Doc<'a> {
    pub segments: &'a [Segment],
    /// How many distinct words (see [`Token::word`]).
    pub words: usize,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Token ranges of clauses.
    pub clauses: Vec<(usize, usize)>,
    /// [`others_flags`], computed on first use.
    others: std::cell::OnceCell<Vec<bool>>,
    /// Per distinct word, which word lists of the wave rules it is in
    /// (see `super::waves`), computed on first use.
    pub word_lists: std::cell::OnceCell<Vec<u64>>,
}

impl<'a> Doc<'a> {
    /// Splits the segments into tokens, sentences and clauses.
    pub fn new(segments: &'a [Segment]) -> Doc<'a> {
        let mut tokens: Vec<Token> = Vec::new();
        let mut sentences = Vec::new();
        let mut clauses = Vec::new();
        let mut known: HashMap<&str, (usize, Rc<Spelling>), FxBuildHasher> = HashMap::default();
        for (si, seg) in segments.iter().enumerate() {
            let text = seg.text.as_str();
            let ws: Vec<_> = words(text).collect();
            if ws.is_empty() {
                continue;
            }
            let mut sent_first = tokens.len();
            let mut clause_first = tokens.len();
            for (i, w) in ws.iter().enumerate() {
                if i > 0 {
                    let gap = &text[ws[i - 1].end..w.start];
                    let starts_upper = w.text.chars().next().is_some_and(char::is_uppercase);
                    let sentence_end = gap.contains(['.', '!', '?', '…'])
                        && (starts_upper
                            || gap.contains(['"', '„', '“', '”', '«', '»', '—', '–', '\n']));
                    let clause_end = sentence_end
                        || gap.contains([
                            ',', ';', ':', '—', '–', '(', ')', '«', '»', '"', '„', '“', '”',
                        ])
                        || gap.contains(" - ");
                    if clause_end {
                        clauses.push((clause_first, tokens.len()));
                        clause_first = tokens.len();
                    }
                    if sentence_end {
                        sentences.push(Sentence {
                            seg: si,
                            first: sent_first,
                            end: tokens.len(),
                            question: gap.contains('?'),
                        });
                        sent_first = tokens.len();
                    }
                }
                // The word's number in this testimony, and its forms (made
                // once per thread, see `spelling`).
                let next_id = known.len();
                let (id, sp) = known
                    .entry(w.text)
                    .or_insert_with(|| (next_id, spelling(w.text)))
                    .clone();
                tokens.push(Token {
                    folded: Rc::clone(&sp.folded),
                    lower: Rc::clone(&sp.lower),
                    word: id,
                    seg: si,
                    start: w.start,
                    end: w.end,
                    sentence: sentences.len(),
                    clause: clauses.len(),
                    capital: w.text.chars().next().is_some_and(char::is_uppercase),
                    cyrillic: sp.cyrillic,
                    xs: Rc::clone(&sp.xs),
                    ru_stem: Rc::clone(&sp.ru_stem),
                    first: sp.first,
                });
            }
            let tail = ws.last().map_or("", |w| &text[w.end..]);
            clauses.push((clause_first, tokens.len()));
            sentences.push(Sentence {
                seg: si,
                first: sent_first,
                end: tokens.len(),
                question: tail.contains('?'),
            });
        }
        Doc {
            segments,
            words: known.len(),
            tokens,
            sentences,
            clauses,
            others: std::cell::OnceCell::new(),
            word_lists: std::cell::OnceCell::new(),
        }
    }

    /// The tokens of a sentence.
    pub fn sentence(&self, s: usize) -> &[Token] {
        let st = &self.sentences[s];
        &self.tokens[st.first..st.end]
    }

    /// The tokens of a clause.
    pub fn clause(&self, c: usize) -> &[Token] {
        let (a, b) = self.clauses[c];
        &self.tokens[a..b]
    }

    /// The text between two tokens of one segment (punctuation and spaces).
    pub fn gap(&self, a: usize, b: usize) -> &str {
        let (ta, tb) = (&self.tokens[a], &self.tokens[b]);
        if ta.seg != tb.seg || ta.end > tb.start {
            return "";
        }
        &self.segments[ta.seg].text[ta.end..tb.start]
    }
}

/// Whether any token's folded form is in `lex`.
pub(super) fn any(tokens: &[Token], lex: &Lex) -> bool {
    tokens.iter().any(|t| lex.has(&t.folded))
}

/// Whether any token's folded form is one of `list`.
pub(super) fn any_of(tokens: &[Token], list: &[&str]) -> bool {
    tokens.iter().any(|t| list.contains(&t.folded.as_ref()))
}

/// Whether the tokens speak of the narrator: a first-person pronoun or
/// possessive, or a Hungarian verb or noun in the first person
/// (`voltunk`, `kerültem`, `mondtuk`, `csoportunkat`).
pub(super) fn first_person(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| t.first)
}

fn hungarian_first_person(w: &str, cyrillic: bool) -> bool {
    if cyrillic || w.chars().count() < 5 || w.starts_with("munk") {
        return false;
    }
    if ["tam", "tem", "tunk", "tünk", "tuk", "tük", "unk", "ünk"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        return true;
    }
    const CASES: &[&str] = &[
        "at", "ot", "et", "ba", "be", "ban", "ben", "ból", "ből", "ra", "re", "ról", "ről", "nak",
        "nek", "hoz", "hez", "kal", "kel", "tól", "től", "on", "en", "ön", "ig", "ért",
        // Typed without accents (`zaszloaljunkbol`, `hazunkrol`).
        "bol", "rol", "tol", "ert",
    ];
    for marker in ["unk", "ünk"] {
        if let Some(p) = w.rfind(marker) {
            let rest = &w[p + marker.len()..];
            if p > 0 && CASES.contains(&rest) {
                return true;
            }
        }
    }
    false
}

/// Whether a sentence is about someone else: it names a relative or
/// friend, or uses a Hungarian verb of taking in the definite conjugation
/// (`vitték`: a third-person object, unless that object is livestock or
/// goods: `vitték a lovakat`), and has no first-person word.
pub(super) fn about_others(tokens: &[Token]) -> bool {
    let other = any(tokens, &KIN)
        || (tokens.iter().any(definite_taking) && !any(tokens, &GOODS) && !any(tokens, &OBJECTS));
    // A relative of ours (`a szomszédunkat`, `apámat`) is no first
    // person of the narrator.
    other && !tokens.iter().any(|t| t.first && !KIN.has(&t.folded))
}

/// For every sentence, whether it is about someone else: [`about_others`],
/// the answer without a first-person word to a question about a relative
/// or a third person (`Ő hová került? — A Donbaszba, Sztálinóba.`), in a
/// first-person narrative a sentence with `őket`, `őt` or a third-person
/// subject pronoun and no first-person word (`Debrecenből hoztak őket`,
/// `Он рассказывал, что его взяли в плен`, and in a German passage `Sie
/// war erst in Marienburg im Lager` after the sister taken),
/// or, in a first-person narrative, a sentence without a first-person
/// word that follows one about someone else in the same segment (the story
/// of the father goes on: `Apámat elvitték. Három évig volt Sztálinóban.`).
/// A narrative is first-person when at least [`FIRST_PERSON_SHARE`] of its
/// statements have a first-person word; in a third-person account (an
/// interviewer's notes, a museum text) the carry-over would lose the
/// protagonist.
pub(super) fn others_flags<'d>(doc: &'d Doc<'_>) -> &'d [bool] {
    doc.others.get_or_init(|| compute_others(doc))
}

fn compute_others(doc: &Doc<'_>) -> Vec<bool> {
    let n = doc.sentences.len();
    let first: Vec<bool> = (0..n).map(|s| first_person(doc.sentence(s))).collect();
    let statements: Vec<usize> = (0..n).filter(|&s| !doc.sentences[s].question).collect();
    let share =
        statements.iter().filter(|&&s| first[s]).count() as f64 / statements.len().max(1) as f64;
    let carry = share >= FIRST_PERSON_SHARE;
    let mut out: Vec<bool> = Vec::with_capacity(n);
    for s in 0..n {
        // In a first-person narrative, `őket`, `őt` without the narrator
        // are others (`Debrecenből hoztak őket`); in a third-person
        // account (a son's notes of his father) they are its protagonist.
        // German `er`, `sie` only in a German passage (`er` is also typed
        // Hungarian `ér`).
        let german = doc.segments[doc.sentences[s].seg].lang == Some(Lang::De);
        let mut others = about_others(doc.sentence(s))
            || (carry
                && !first[s]
                && doc.sentence(s).iter().any(|t| {
                    (them(t) && !battle(doc.clause(t.clause)))
                        || ((HE_SHE_THEY.contains(&t.lower.as_ref())
                            || (german && HE_SHE_DE.contains(&t.lower.as_ref())))
                            && !captor_before(doc, s))
                }));
        // The answer to a question about a relative, without the narrator
        // in it, is about the relative (`Hová került az édesanyja? — A
        // Donyec-medencébe, Sztálinóba.`).
        if !others
            && !first[s]
            && s > 0
            && doc.sentences[s - 1].question
            && doc.sentences[s - 1].seg != doc.sentences[s].seg
            && !first[s - 1]
            && (any(doc.sentence(s - 1), &KIN) || any_of(doc.sentence(s - 1), THIRD_PERSON))
        {
            others = true;
        }
        if carry
            && !others
            && !first[s]
            && s > 0
            && out[s - 1]
            && doc.sentences[s - 1].seg == doc.sentences[s].seg
        {
            others = true;
        }
        out.push(others);
    }
    out
}

/// The Hungarian personal pronoun as an object, `őket`, `őt` (`hoztak
/// őket`, typed `oket`): the people taken are others (`ot` alone, typed,
/// is also `öt`, five).
fn them(t: &Token) -> bool {
    ["őket", "őt"].contains(&t.lower.as_ref()) || t.folded.as_ref() == "oket"
}

/// Verbs of the armies fighting over a place (`a németek visszaverték
/// őket`, `kiszorították őket`): `őket` there is an army, not people
/// taken, and the story of the front is still the narrator's.
const BATTLE: &[&str] = &[
    "visszavert",
    "kivert",
    "kiszorit",
    "visszaszorit",
    "visszanyom",
    "megtamad",
    "visszafoglal",
    "szetvert",
    "bekerit",
];

/// Whether a clause tells the armies fighting ([`BATTLE`]).
fn battle(clause: &[Token]) -> bool {
    clause
        .iter()
        .any(|t| BATTLE.iter().any(|b| t.folded.starts_with(b)))
}

/// The people who hold, question, guard and sentence the narrator
/// (`следователь`, `конвоир`, `a kihallgató tiszt`, `der Vernehmer`): a
/// `he` who is one of them tells the narrator's story, not someone
/// else's (`Следователь кричал … Он смеялся. Потом суд`).
const CAPTOR: &[&str] = &[
    "следовател",
    "конвоир",
    "конвой",
    "охранник",
    "надзирател",
    "начальник",
    "комендант",
    "nyomozo",
    "kihallgato",
    "vallato",
    "parancsnok",
    "vernehmer",
    "wachmann",
    "wachposten",
    "kommandant",
];

/// Whether the nearest person named in the three sentences before `s`, in
/// its segment, is a [`CAPTOR`] (a relative named after it wins).
fn captor_before(doc: &Doc<'_>, s: usize) -> bool {
    let seg = doc.sentences[s].seg;
    for k in (s.saturating_sub(3)..s).rev() {
        if doc.sentences[k].seg != seg {
            return false;
        }
        let toks = doc.sentence(k);
        if any(toks, &KIN) {
            return false;
        }
        if toks
            .iter()
            .any(|t| CAPTOR.iter().any(|c| t.folded.starts_with(c)))
        {
            return true;
        }
    }
    false
}

/// Third-person subject pronouns (`Он рассказывал, что его взяли в
/// плен`, `ő is ott volt`): in a first-person narrative, a sentence with
/// one and no first-person word tells someone else's story.
const HE_SHE_THEY: &[&str] = &["он", "она", "они", "ő", "ők"];
/// The German third-person subject pronouns (`Sie war erst in Marienburg
/// im Lager`: the sister taken the sentence before), read in German
/// passages only.
const HE_SHE_DE: &[&str] = &["er", "sie"];

/// See [`others_flags`].
pub(super) const FIRST_PERSON_SHARE: f64 = 0.3;

/// A Hungarian verb of taking in the definite conjugation (`elvitték`).
pub(super) fn definite_taking(t: &Token) -> bool {
    (t.lower.ends_with("ták") || t.lower.ends_with("ték"))
        && TAKING.iter().any(|s| t.folded.contains(s))
}

/// Whether token `i` stands in a clause about a third person set against
/// the narrator in the same sentence: its clause or the clause before it
/// has a third-person pronoun and no first-person word, while the sentence
/// has one (`нас разделили: его отправили в другой лагерь, в Макеевку`).
pub(super) fn contrasted_third_person(doc: &Doc<'_>, i: usize) -> bool {
    let t = &doc.tokens[i];
    if !first_person(doc.sentence(t.sentence)) {
        return false;
    }
    let first_clause = doc.tokens[doc.sentences[t.sentence].first].clause;
    (first_clause.max(t.clause.saturating_sub(1))..=t.clause).any(|c| {
        let cl = doc.clause(c);
        any_of(cl, THIRD_PERSON) && !first_person(cl)
    })
}

/// Others who were taken: a group named as the object or subject of a
/// clause (`a többieket`, `egy brigádot`, `a betegeket`, `больных`,
/// `остальных`, `die Kranken`), besides the third-person pronouns.
const OTHER_GROUPS: &[&str] = &[
    "brigadot",
    "brigadokat",
    "betegeket",
    "betegek",
    "бригаду",
    "больных",
    "kranken",
    "anderen",
];

/// Contrastive conjunctions that set a clause against the one before.
const CONTRAST: &[&str] = &["de", "viszont", "pedig", "а", "но", "aber", "doch"];

/// Whether token `i` stands in a clause about others that a later clause
/// of its sentence sets the narrator against: the clause names a group of
/// others ([`THIRD_PERSON`], [`OTHER_GROUPS`]; a first-person possessive
/// beside it is the narrator's transport or camp, `a többieket a mi
/// szállítmányunkból`), and a later clause opens with a contrastive
/// conjunction and a first-person word (`…, de én nem voltam köztük`,
/// `…, а нас погрузили`, `…, aber ich blieb`): the others went there, the
/// narrator did not.
pub(super) fn others_but_the_narrator(doc: &Doc<'_>, i: usize) -> bool {
    let t = &doc.tokens[i];
    let cl = doc.clause(t.clause);
    if !(any_of(cl, THIRD_PERSON) || any_of(cl, OTHER_GROUPS)) {
        return false;
    }
    let last = doc
        .sentence(t.sentence)
        .last()
        .map_or(t.clause, |u| u.clause);
    (t.clause + 1..=last).any(|c| {
        let c = doc.clause(c);
        let head = &c[..c.len().min(3)];
        any_of(head, CONTRAST) && head.iter().any(|u| u.first)
    })
}

/// A segment of plain text, for the tagger's tests.
#[cfg(test)]
pub(super) fn seg(text: &str) -> Segment {
    Segment {
        start_ms: None,
        end_ms: None,
        speaker: None,
        text: text.into(),
        lang: None,
        line: 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word's forms come from the thread's memo after its first
    /// testimony, and are the forms the word has on its own.
    #[test]
    fn spellings_are_remembered_as_they_are_made() {
        let segs = [seg(
            "Engem vittek a Sztálinói lágerbe. Нас погрузили в ЁЛКИ вагоны. Wir",
        )];
        let first = Doc::new(&segs);
        let again = Doc::new(&segs);
        assert_eq!(first.tokens.len(), again.tokens.len());
        for (a, b) in first.tokens.iter().zip(&again.tokens) {
            let fresh = Spelling::new(&segs[0].text[a.start..a.end]);
            for t in [a, b] {
                assert_eq!(&*t.lower, &*fresh.lower);
                assert_eq!(&*t.folded, &*fresh.folded);
                assert_eq!(&*t.xs, &*fresh.xs);
                assert_eq!(&*t.ru_stem, &*fresh.ru_stem);
                assert_eq!(t.cyrillic, fresh.cyrillic);
                assert_eq!(t.first, fresh.first);
            }
        }
        assert!(
            again
                .tokens
                .iter()
                .any(|t| t.first && &*t.folded == "engem")
        );
        assert!(
            again
                .tokens
                .iter()
                .any(|t| t.cyrillic && &*t.folded == "елки")
        );
    }

    #[test]
    fn sentences_and_clauses() {
        let segs = [seg(
            "1945. január 13-án vittek el. Sztálinóba, a lágerbe! Ott? Igen: ott.",
        )];
        let d = Doc::new(&segs);
        assert_eq!(d.sentences.len(), 4, "{:?}", d.sentences);
        assert_eq!(d.sentence(0).len(), 6);
        assert!(d.sentences[2].question);
        let t = &d.tokens[6];
        assert_eq!(&segs[0].text[t.start..t.end], "Sztálinóba");
        assert_eq!(&*t.folded, "sztalinoba");
        assert!(t.capital);
        assert_ne!(d.tokens[6].clause, d.tokens[8].clause);
    }

    #[test]
    fn persons() {
        let segs = [seg(
            "A sógoromat Boriszovba vitték. Engem a Donbaszba vittek. Egy csoportunkat átvitték Grúziába.",
        )];
        let d = Doc::new(&segs);
        assert!(about_others(d.sentence(0)));
        assert!(!about_others(d.sentence(1)));
        assert!(
            !about_others(d.sentence(2)),
            "csoportunkat is the narrator's group"
        );
        let ru = [seg(
            "В Сталино нас разделили: его отправили в другой лагерь, в Макеевку.",
        )];
        let d = Doc::new(&ru);
        let last = d.tokens.len() - 1;
        assert!(contrasted_third_person(&d, last));
        assert!(!contrasted_third_person(&d, 1));
        let story = [seg(
            "Apámat negyvenötben elvitték. Három évig volt Sztálinóban. Engem nem vittek el. \
             Én itt maradtam. Mi itthon vártuk.",
        )];
        let d = Doc::new(&story);
        assert_eq!(others_flags(&d), [true, true, false, false, false]);
        // Taking livestock is not taking a person: the story after it is
        // still the narrator's.
        let goods = [seg(
            "A katonák elvitték a teheneket meg a szekeret. Aztán kidobolták, hogy \
             mindenki menjen munkára.",
        )];
        let d = Doc::new(&goods);
        assert_eq!(others_flags(&d), [false, false]);
    }
}
