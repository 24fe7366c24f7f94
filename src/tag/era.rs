//! Years, numbers and the era each segment speaks of.
//!
//! Years are read from digits (`1945`), Hungarian number words
//! (`negyvennégyben`, `negyvenöt januárjában`, `ezerkilencszázhúszban`),
//! Russian ordinals (`в сорок четвёртом году`) and German number words
//! after a month or season or with their century (`im Januar
//! fünfundvierzig`, `im Herbst neunundvierzig`); a count of seasons in the
//! accusative (`tizenkét telet húztam le`) is no year, nor a temperature
//! beside the winter (`Télen mínusz negyven, nyáron szúnyog`, `im Winter
//! vierzig Grad minus`: a Hungarian year stands right before its month,
//! no comma between). Years in a clause about
//! someone's birth (`1926-ban születtem`) do not set the era, nor does the
//! time of the telling: a year from 1970 on in a sentence of telling or
//! recording (`ezt a fiam kérésére mondom magnóra, 1989 tavaszán`,
//! `пишу это в девяносто пятом`), which would otherwise make the whole
//! story that follows "another era".
//!
//! Nor do a person's dates (`Tóth Sándor (Hajdúnánás, 1909-1988)`: two
//! years in digits joined by a dash, thirty or more apart), nor the year
//! a notebook was typed up (`2003-ban gépeltem le`, a sentence of
//! telling). Nor does a year outside the deportation era in a clause
//! opened by a relative pronoun (`visszajöttek a csendőrök, akik
//! negyvenben elmentek`, `жандармы, которые в сороковом ушли`): it dates
//! the people of the main clause, not the time the story has reached.
//! Nor does one in a short answer to a question about birth (`Hol
//! született? — Nagyberegen, huszonhatban.`).
//!
//! A segment's era is:
//! - [`Era::Deportation`] when it names a year 1941–1955 (the waves of the
//!   vocabulary lie between 1941 and 1953, the last returns in 1955);
//! - [`Era::FirstWar`] when it names a year 1914–1920 or the First World
//!   War, and no deportation year;
//! - [`Era::Other`] when it names only other years (1956, 1993);
//! - otherwise the era of the previous segment (a story goes on), and the
//!   deportation era at the start. A segment naming only years between
//!   the wars (1921–1940) is of another era itself but does not carry it
//!   on: it is a background (`Harmincnyolcban az apám feljelentette`),
//!   and the roundup told after it without a year is still the story.
//!
//! Within a segment, a later time told at the end of a passage does not
//! reach back ([`sentence_eras`]): from a sentence naming only years after
//! the deportation era (`Ott is voltam egyszer, 1992-ben, turistaként`) the
//! segment speaks of that time, and the sentences before it, in a segment
//! naming no deportation year, go on the story told so far
//! (`Kujbisevben dolgoztam három és fél évig`). Earlier years (a
//! background, a First World War captivity) set the era of their whole
//! segment.
//!
//! Only deportation-era sentences yield suggestions: a grandfather's
//! captivity in Siberia in 1915 or a visit to Foksány in 1991 is not the
//! narrator's deportation.

use super::lexicon::{HOME, MONTH, TELLING, WWI_PHRASES};
use super::text::{Doc, Token, any};

/// The period a segment speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Era {
    /// 1941–1955.
    Deportation,
    /// 1914–1920.
    FirstWar,
    /// Any other time.
    Other,
}

/// From this year on, a year in a sentence of telling or recording
/// (`ezt 1989 tavaszán mondom magnóra`) is the time of the telling.
const TELLING_FROM: i32 = 1970;

/// The years 1941–1955.
pub(super) const DEPORTATION_YEARS: std::ops::RangeInclusive<i32> = 1941..=1955;
/// The years 1914–1920.
pub(super) const FIRST_WAR_YEARS: std::ops::RangeInclusive<i32> = 1914..=1920;

/// The era of every segment (see the module docs), from the years of
/// each sentence ([`sentence_years`]).
fn segment_eras(doc: &Doc<'_>, years: &[Vec<i32>]) -> Vec<Era> {
    let mut seg_years: Vec<Vec<i32>> = vec![Vec::new(); doc.segments.len()];
    for (st, ys) in doc.sentences.iter().zip(years) {
        seg_years[st.seg].extend_from_slice(ys);
    }
    let mut wwi = vec![false; doc.segments.len()];
    for (i, t) in doc.tokens.iter().enumerate() {
        for phrase in WWI_PHRASES {
            let end = i + phrase.len();
            if end <= doc.tokens.len()
                && doc.tokens[i..end]
                    .iter()
                    .zip(phrase.iter())
                    .all(|(t, p)| &*t.folded == *p && t.seg == doc.tokens[i].seg)
            {
                wwi[t.seg] = true;
            }
        }
    }
    let mut out = Vec::with_capacity(seg_years.len());
    let mut current = Era::Deportation;
    for (ys, w) in seg_years.iter().zip(wwi) {
        match era_of(ys, w) {
            // A background of the years before the war (`Harmincnyolcban
            // az apám feljelentette`) dates its own passage; the story
            // goes on from where it was.
            Some(e) if ys.iter().all(|y| INTERWAR_YEARS.contains(y)) && !w => out.push(e),
            Some(e) => {
                current = e;
                out.push(current);
            }
            None => out.push(current),
        }
    }
    out
}

/// The years between the wars: a background when a story names them.
const INTERWAR_YEARS: std::ops::RangeInclusive<i32> = 1921..=1940;

/// The era named by a set of years (and a mention of the First World
/// War), if any.
fn era_of(ys: &[i32], wwi: bool) -> Option<Era> {
    if ys.iter().any(|y| DEPORTATION_YEARS.contains(y)) {
        Some(Era::Deportation)
    } else if wwi || ys.iter().any(|y| FIRST_WAR_YEARS.contains(y)) {
        Some(Era::FirstWar)
    } else if !ys.is_empty() {
        Some(Era::Other)
    } else {
        None
    }
}

/// Relative pronouns that open a clause describing someone named before
/// it (`a román csendőrök, akik negyvenben elmentek`, `соседи, которые в
/// сороковом уехали`).
const RELATIVE: &[&str] = &[
    "aki",
    "akik",
    "akit",
    "akiket",
    "akinek",
    "akiknek",
    "amely",
    "amelyek",
    "который",
    "которая",
    "которое",
    "которые",
    "которых",
    "которого",
    "которой",
];

/// Whether a clause opens with a relative pronoun: a year in it dates a
/// person or thing of the main clause (a background), not the story's
/// time, so a year outside the deportation era there sets no era (the
/// gendarmes who had left in 1940 do not move the roundup that follows to
/// another time).
fn background(clause: &[Token]) -> bool {
    clause
        .first()
        .is_some_and(|t| RELATIVE.contains(&t.folded.as_ref()))
}

/// Whether sentence `s` is a short answer (six words at most) right after
/// a question about birth or home ([`HOME`]: `Hol született, Lajos
/// bácsi? — Nagyberegen, huszonhatban.`): the answer goes on the
/// question's clause, so its year is a birth, like a year in a clause of
/// birth, and sets no era.
fn birth_answer(doc: &Doc<'_>, s: usize) -> bool {
    s > 0
        && doc.sentences[s - 1].question
        && doc.sentence(s).len() <= 6
        && any(doc.sentence(s - 1), &HOME)
}

/// Whether years name only a time after the deportation era (1956 on).
fn later_only(ys: &[i32]) -> bool {
    !ys.is_empty() && ys.iter().all(|y| y > DEPORTATION_YEARS.end())
}

/// The years that set the era in sentence `s` (see the module docs): not
/// a birth, a person's dates, the time of the telling, nor, outside the
/// deportation era, a background in a relative clause or a short answer
/// about birth.
fn sentence_years(doc: &Doc<'_>, s: usize) -> Vec<i32> {
    let st = &doc.sentences[s];
    // The years first: most sentences name none, and the clause and
    // sentence tests below read every word of them.
    let years: Vec<(usize, i32)> = (st.first..st.end)
        .filter_map(|i| year_at(doc, i).map(|y| (i, y)))
        .collect();
    if years.is_empty() {
        return Vec::new();
    }
    let telling = any(doc.sentence(s), &TELLING);
    let birth = birth_answer(doc, s);
    years
        .into_iter()
        .filter(|&(i, y)| {
            let clause = doc.clause(doc.tokens[i].clause);
            // Not a birth or home, a person's dates, the time of the
            // telling; outside the deportation era, not a background.
            let excluded = any(clause, &HOME)
                || life_span(doc, i)
                || (y >= TELLING_FROM && telling)
                || (!DEPORTATION_YEARS.contains(&y) && (birth || background(clause)));
            !excluded
        })
        .map(|(_, y)| y)
        .collect()
}

/// The era of every sentence: the era of its segment ([`segment_eras`]),
/// except that a later time told at the end of a passage does not reach
/// back: from a sentence naming only years after the deportation era
/// (`Ott is voltam egyszer, 1992-ben, turistaként`) the segment speaks of
/// that time, until a sentence names a deportation year, and the
/// sentences before it in a segment with no deportation year go on the
/// story told so far (`Kujbisevben dolgoztam, három és fél évig`). Years
/// before the deportation era (a background, a First World War captivity)
/// set the era of their whole segment, as before.
pub(super) fn sentence_eras(doc: &Doc<'_>) -> Vec<Era> {
    let years: Vec<Vec<i32>> = (0..doc.sentences.len())
        .map(|s| sentence_years(doc, s))
        .collect();
    let segs = segment_eras(doc, &years);
    let mut out = Vec::with_capacity(doc.sentences.len());
    let mut current = Era::Deportation;
    let mut seg = usize::MAX;
    for s in 0..doc.sentences.len() {
        let st = &doc.sentences[s];
        if st.seg != seg {
            seg = st.seg;
            let all: Vec<i32> = (s..doc.sentences.len())
                .take_while(|&k| doc.sentences[k].seg == seg)
                .flat_map(|k| years[k].iter().copied())
                .collect();
            let before = seg.checked_sub(1).map_or(Era::Deportation, |p| segs[p]);
            current = if later_only(&all) && segs[seg] == Era::Other {
                before
            } else {
                segs[seg]
            };
        }
        if years[s].iter().any(|y| DEPORTATION_YEARS.contains(y)) {
            current = Era::Deportation;
        } else if later_only(&years[s]) {
            current = Era::Other;
        }
        out.push(current);
    }
    out
}

/// Whether the year at token `i` is one end of a life span, two years in
/// digits joined by a dash at least thirty years apart (`Tóth Sándor
/// (Hajdúnánás, 1909-1988)`): a person's dates, not a time the story
/// speaks of.
fn life_span(doc: &Doc<'_>, i: usize) -> bool {
    let year = |k: usize| -> Option<i32> {
        let t = doc.tokens.get(k)?;
        if t.folded.len() == 4 && t.folded.bytes().all(|b| b.is_ascii_digit()) {
            t.folded.parse().ok()
        } else {
            None
        }
    };
    let joined = |a: usize, b: usize| -> bool {
        // The years first: `b` may lie past the last token.
        year(a)
            .zip(year(b))
            .is_some_and(|(x, y)| y - x >= 30 && matches!(doc.gap(a, b).trim(), "-" | "–" | "—"))
    };
    joined(i, i + 1) || i.checked_sub(1).is_some_and(|p| joined(p, i))
}

/// The years named in segment `seg` (birth clauses included).
#[cfg(test)]
pub(super) fn years_in(doc: &Doc<'_>, seg: usize) -> Vec<i32> {
    (0..doc.tokens.len())
        .filter(|&i| doc.tokens[i].seg == seg)
        .filter_map(|i| year_at(doc, i))
        .collect()
}

/// The year token `i` names, if any.
pub(super) fn year_at(doc: &Doc<'_>, i: usize) -> Option<i32> {
    let t = &doc.tokens[i];
    let next = doc.tokens.get(i + 1).filter(|n| n.sentence == t.sentence);
    if t.folded.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = t.folded.parse().ok()?;
        return (t.folded.len() == 4 && (1880..=2030).contains(&y)).then_some(y);
    }
    if t.cyrillic {
        return russian_year(doc, i);
    }
    let prev = i
        .checked_sub(1)
        .map(|k| &doc.tokens[k])
        .filter(|p| p.sentence == t.sentence);
    let year = word_year(doc, i, prev, next)?;
    // A temperature is no year, though winter is named beside it
    // (`Télen mínusz negyven`, `im Winter vierzig Grad minus`). Asked of
    // number words only: `year_at` runs on every word of a testimony.
    let temperature = prev.is_some_and(|p| matches!(&*p.folded, "minusz" | "minus" | "plusz"))
        || next.is_some_and(|n| n.folded.starts_with("fok") || n.folded.starts_with("grad"));
    (!temperature).then_some(year)
}

/// The year a German or Hungarian number word `doc.tokens[i]` names (see
/// [`year_at`]); `prev` and `next` are its neighbours in the sentence.
fn word_year(doc: &Doc<'_>, i: usize, prev: Option<&Token>, next: Option<&Token>) -> Option<i32> {
    let t = &doc.tokens[i];
    // German, the year as a word after its month (`im Januar
    // fünfundvierzig`) or with its century (`neunzehnhundertfünfundvierzig`).
    let (de, century_de) = match t.folded.strip_prefix("neunzehnhundert") {
        Some(r) => (r, true),
        None => (&*t.folded, false),
    };
    if let Some(v) = german_number(de)
        && (39..=56).contains(&v)
        && (century_de || prev.is_some_and(|p| MONTH.has(&p.folded)))
    {
        return Some(1900 + v as i32);
    }
    let (value, century, rest) = hungarian_number(&t.folded)?;
    if value < 10 {
        return None;
    }
    // `negyvenötben` is a year; `tizennyolctól … harmincig` are ages.
    let year_suffix = ["ban", "ben"].contains(&rest);
    // Not a count of seasons in the accusative (`tizenkét telet húztam
    // le`, `három nyarat`), which is no date. The year stands right before
    // its month, no comma between (`negyvenöt januárjában`; not `mínusz
    // negyven, nyáron szúnyog`).
    let before_month = rest.is_empty()
        && next.is_some_and(|n| {
            MONTH.has(&n.folded)
                && !["telet", "nyarat", "tavaszt", "oszt"].contains(&&*n.folded)
                && !doc.gap(i, i + 1).contains([',', ';', '.'])
        });
    // `a kilencvenes években`: the decade.
    let decade = ["as", "es"].contains(&rest) && next.is_some_and(|n| n.folded.starts_with("ev"));
    if century && value < 100 && (rest.is_empty() || year_suffix) {
        return Some(1900 + value as i32);
    }
    if !century && value < 100 && (year_suffix || before_month || decade) {
        return Some(1900 + value as i32);
    }
    None
}

/// Parses a Hungarian number word: value, whether it had the
/// `ezerkilencszáz` (19..) prefix, and the rest of the word.
pub(super) fn hungarian_number(folded: &str) -> Option<(u32, bool, &str)> {
    const TENS: &[(&str, u32, bool)] = &[
        ("kilencven", 90, false),
        ("nyolcvan", 80, false),
        ("hetven", 70, false),
        ("hatvan", 60, false),
        ("otven", 50, false),
        ("negyven", 40, false),
        ("harminc", 30, false),
        ("huszon", 20, true),
        ("husz", 20, false),
        ("tizen", 10, true),
        ("tiz", 10, false),
    ];
    const UNITS: &[(&str, u32)] = &[
        ("ketto", 2),
        ("egy", 1),
        ("ket", 2),
        ("harom", 3),
        ("negy", 4),
        ("nyolc", 8),
        ("kilenc", 9),
        ("hat", 6),
        ("het", 7),
        ("ot", 5),
    ];
    let (century, s) = match folded.strip_prefix("ezerkilencszaz") {
        Some(r) => (true, r),
        None => (false, folded),
    };
    let mut value = 0;
    let mut rest = s;
    let mut needs_unit = false;
    if let Some((t, v, needs)) = TENS.iter().find(|(t, _, _)| s.starts_with(t)) {
        value = *v;
        rest = &s[t.len()..];
        needs_unit = *needs;
    }
    if let Some((u, v)) = UNITS.iter().find(|(u, _)| rest.starts_with(u)) {
        value += v;
        rest = &rest[u.len()..];
    } else if needs_unit || value == 0 {
        return None;
    }
    Some((value, century, rest))
}

fn russian_year(doc: &Doc<'_>, i: usize) -> Option<i32> {
    const TENS: &[(&str, u32)] = &[
        ("двадцать", 20),
        ("тридцать", 30),
        ("сорок", 40),
        ("пятьдесят", 50),
        ("шестьдесят", 60),
        ("семьдесят", 70),
        ("восемьдесят", 80),
        ("девяносто", 90),
    ];
    const ORDINAL_TENS: &[(&str, u32)] = &[
        ("двадцат", 20),
        ("тридцат", 30),
        ("сороков", 40),
        ("пятидесят", 50),
        ("шестидесят", 60),
        ("семидесят", 70),
        ("восьмидесят", 80),
        ("девяност", 90),
        ("десят", 10),
        ("одиннадцат", 11),
        ("двенадцат", 12),
        ("тринадцат", 13),
        ("четырнадцат", 14),
        ("пятнадцат", 15),
        ("шестнадцат", 16),
        ("семнадцат", 17),
        ("восемнадцат", 18),
        ("девятнадцат", 19),
    ];
    let t = &doc.tokens[i];
    let at = |k: usize| doc.tokens.get(k).filter(|x| x.sentence == t.sentence);
    let prev = i.checked_sub(1).and_then(at);
    let w = t.folded.as_ref();
    let after_month = prev.is_some_and(|p| MONTH.has(&p.folded));
    let prep = prev.map(|p| p.folded.as_ref());
    // `в сорок пятом`, `с сорок пятого`: a year even without `году`.
    let by_case = |ordinal: &str| {
        (matches!(prep, Some("в" | "во")) && (ordinal.ends_with("ом") || ordinal.ends_with("ем")))
            || (matches!(prep, Some("с" | "до" | "после" | "от" | "к"))
                && (ordinal.ends_with("ого") || ordinal.ends_with("его")))
    };
    // "сорок четвёртом": a cardinal ten, then an ordinal unit. A year when
    // followed by `году`/`года`, after a month or season, or in the cases
    // above (not `пятьдесят восьмая статья`, article 58).
    if let Some((_, tens)) = TENS.iter().find(|(p, _)| w == *p) {
        let n = at(i + 1)?;
        let unit = russian_ordinal_unit(&n.folded)?;
        let year_word = at(i + 2).is_some_and(|x| x.folded.starts_with("год"));
        return (year_word || after_month || by_case(&n.folded))
            .then_some(1900 + (tens + unit) as i32);
    }
    if let Some((p, v)) = ORDINAL_TENS.iter().find(|(p, _)| w.starts_with(p)) {
        let ending = &w[p.len()..];
        let ordinal = ["ом", "ого", "ый", "ой", "ому", "ым", "ые", "ых"].contains(&ending);
        let year_word = at(i + 1).is_some_and(|x| x.folded.starts_with("год"));
        if ordinal && (year_word || after_month) {
            return Some(1900 + *v as i32);
        }
    }
    None
}

fn russian_ordinal_unit(w: &str) -> Option<u32> {
    const UNITS: &[(&str, u32)] = &[
        ("перв", 1),
        ("втор", 2),
        ("четверт", 4),
        ("пят", 5),
        ("шест", 6),
        ("седьм", 7),
        ("восьм", 8),
        ("девят", 9),
    ];
    const ENDINGS: &[&str] = &["ом", "ого", "ый", "ой", "ому", "ым", "ая", "ую", "ое"];
    if let Some(r) = w.strip_prefix("трет") {
        return ["ьем", "ьего", "ий", "ья", "ье", "ьему"]
            .contains(&r)
            .then_some(3);
    }
    UNITS
        .iter()
        .find(|(p, _)| w.strip_prefix(p).is_some_and(|r| ENDINGS.contains(&r)))
        .map(|(_, v)| *v)
}

/// The numbers (ages, counts) in a run of tokens, with the index of their
/// token: digits and number words in Hungarian (`tizenhét`, `negyvenötig`),
/// Russian (`семнадцати`, `сорока пяти`) and German (`fünfundvierzig`).
pub(super) fn numbers(tokens: &[Token]) -> Vec<(u32, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let w = tokens[i].folded.as_ref();
        if let Ok(n) = w.parse::<u32>() {
            out.push((n, i));
        } else if tokens[i].cyrillic {
            if let Some(v) = russian_cardinal(w) {
                let unit = tokens
                    .get(i + 1)
                    .and_then(|n| russian_cardinal(&n.folded))
                    .filter(|u| *u < 10 && v >= 20 && v % 10 == 0);
                if let Some(u) = unit {
                    out.push((v + u, i));
                    i += 1;
                } else {
                    out.push((v, i));
                }
            }
        } else if let Some(v) = german_number(w) {
            out.push((v, i));
        } else if let Some((v, _, rest)) = hungarian_number(w)
            && [
                "", "tol", "ig", "ra", "evestol", "evesig", "eves", "ev", "evesek",
            ]
            .contains(&rest)
        {
            out.push((v, i));
        }
        i += 1;
    }
    out
}

/// A Russian cardinal word (`восемнадцати`, `пятьдесят`, `восемь`): the
/// units and tens are whole words, so that a count of tens takes its unit
/// (`пятьдесят восемь` is 58, as in `статья пятьдесят восемь`).
fn russian_cardinal(w: &str) -> Option<u32> {
    // Whole words first: `семь` is not the stem of `семнадцать`.
    const EXACT: &[(&str, u32)] = &[
        ("один", 1),
        ("одна", 1),
        ("два", 2),
        ("две", 2),
        ("три", 3),
        ("четыре", 4),
        ("семь", 7),
        ("восемь", 8),
        ("девять", 9),
        ("десять", 10),
        ("шестьдесят", 60),
        ("семьдесят", 70),
        ("восемьдесят", 80),
        ("девяносто", 90),
    ];
    if let Some((_, v)) = EXACT.iter().find(|(x, _)| w == *x) {
        return Some(*v);
    }
    const WORDS: &[(&str, u32)] = &[
        ("семнадцат", 17),
        ("восемнадцат", 18),
        ("шестнадцат", 16),
        ("пятнадцат", 15),
        ("девятнадцат", 19),
        ("двадцат", 20),
        ("тридцат", 30),
        ("сорок", 40),
        ("пятидесят", 50),
        ("пятьдесят", 50),
        ("пят", 5),
        ("шест", 6),
    ];
    let (p, v) = WORDS.iter().find(|(p, _)| w.starts_with(p))?;
    let rest = &w[p.len()..];
    ["", "и", "ь", "а", "ью"].contains(&rest).then_some(*v)
}

fn german_number(w: &str) -> Option<u32> {
    const UNITS: &[(&str, u32)] = &[
        ("ein", 1),
        ("zwei", 2),
        ("drei", 3),
        ("vier", 4),
        ("funf", 5),
        ("sechs", 6),
        ("sieben", 7),
        ("acht", 8),
        ("neun", 9),
    ];
    const TENS: &[(&str, u32)] = &[
        ("zwanzig", 20),
        ("dreissig", 30),
        ("vierzig", 40),
        ("funfzig", 50),
        ("sechzig", 60),
    ];
    const TEENS: &[(&str, u32)] = &[
        ("dreizehn", 13),
        ("vierzehn", 14),
        ("funfzehn", 15),
        ("sechzehn", 16),
        ("siebzehn", 17),
        ("achtzehn", 18),
        ("neunzehn", 19),
    ];
    if let Some((_, v)) = TEENS.iter().chain(TENS).find(|(p, _)| w == *p) {
        return Some(*v);
    }
    let (unit, tens) = w.split_once("und")?;
    let u = UNITS.iter().find(|(p, _)| unit == *p)?.1;
    let t = TENS.iter().find(|(p, _)| tens == *p)?.1;
    Some(t + u)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Segment;
    use crate::tag::text::seg;

    fn doc_years(text: &str) -> Vec<i32> {
        let segs = [seg(text)];
        let d = Doc::new(&segs);
        years_in(&d, 0)
    }

    #[test]
    fn years_in_three_languages() {
        assert_eq!(doc_years("Negyvennégy novemberében kidobolták."), [1944]);
        assert_eq!(doc_years("Tizennyolcban Irkutszkba került."), [1918]);
        assert_eq!(doc_years("Ezerkilencszázhuszonhárom februárjában"), [1923]);
        assert_eq!(
            doc_years("Tizennyolc éves voltam, negyven évig dolgoztam."),
            Vec::<i32>::new()
        );
        assert_eq!(
            doc_years("Арестовали меня в апреле сорок шестого года."),
            [1946]
        );
        assert_eq!(doc_years("в пятнадцатом году попал в плен"), [1915]);
        assert_eq!(doc_years("Im November 1949 kam ich heim."), [1949]);
        assert_eq!(doc_years("a kilencvenes évek elején"), [1990]);
        assert_eq!(doc_years("В девяностые годы приезжали"), [1990]);
        assert_eq!(
            doc_years("Статья пятьдесят восьмая, двадцать пять лет"),
            Vec::<i32>::new()
        );
    }

    #[test]
    fn eras_follow_the_story() {
        let segs: Vec<Segment> = [
            "Nagyapám tizenötben esett fogságba.",
            "Krasznojarszkba vitték.",
            "1944 őszén engem is elvittek.",
            "1991-ben jártam ott újra.",
            "Ezerkilencszáztizenötben születtem.",
        ]
        .iter()
        .map(|t| seg(t))
        .collect();
        let d = Doc::new(&segs);
        let years: Vec<Vec<i32>> = (0..d.sentences.len())
            .map(|s| sentence_years(&d, s))
            .collect();
        assert_eq!(
            segment_eras(&d, &years),
            [
                Era::FirstWar,
                Era::FirstWar,
                Era::Deportation,
                Era::Other,
                Era::Other
            ]
        );
    }

    #[test]
    fn a_count_of_winters_is_no_year() {
        let segs = [seg(
            "A Kolimán tizenkét telet húztam le. Negyvenöt telén vittek el.",
        )];
        let d = Doc::new(&segs);
        let years: Vec<i32> = (0..d.tokens.len()).filter_map(|i| year_at(&d, i)).collect();
        assert_eq!(years, [1945]);
    }

    #[test]
    fn russian_units_complete_their_tens() {
        let segs = [seg(
            "статья пятьдесят восемь, пункт десять, двадцать пять лет",
        )];
        let d = Doc::new(&segs);
        let n: Vec<u32> = numbers(&d.tokens).into_iter().map(|(v, _)| v).collect();
        assert_eq!(n, [58, 10, 25]);
        // A unit alone is no ten's: `семь` is seven, `семнадцать` seventeen.
        let segs = [seg("семь дней, семнадцать лет")];
        let d = Doc::new(&segs);
        let n: Vec<u32> = numbers(&d.tokens).into_iter().map(|(v, _)| v).collect();
        assert_eq!(n, [7, 17]);
    }

    #[test]
    fn age_numbers() {
        let segs = [seg(
            "tizenhét évestől negyvenötig, от 18 до 30, сорока пяти, fünfundvierzig",
        )];
        let d = Doc::new(&segs);
        let n: Vec<u32> = numbers(&d.tokens).into_iter().map(|(v, _)| v).collect();
        for v in [17, 45, 18, 30] {
            assert!(n.contains(&v), "{v} in {n:?}");
        }
    }
}
