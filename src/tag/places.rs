//! Places, regions and transit camps: which named places the narrator was
//! taken to or held in.
//!
//! Every name found by the [`Matcher`](super::matcher::Matcher) is a
//! *mention*. A mention does not count at all when its context says it is
//! not the narrator's stay (the rule name is recorded by
//! [`Tagger::explain`](super::Tagger::explain)):
//!
//! | rule | context | example |
//! |---|---|---|
//! | `other-era` | the segment speaks of another time (see [`super::era`]) | a grandfather in Krasnoyarsk in 1915 |
//! | `objects` | the sentence (or the question it answers) is about paintings, books, collections | art taken to Moscow |
//! | `other-person` | a relative or friend, or a Hungarian verb of taking in the definite conjugation (`vitték`: a third-person object), and no first person | `A sógoromat Boriszovba vitték` |
//! | `other-person` | a third-person clause set against the narrator in one sentence | `нас разделили: его отправили в Макеевку` |
//! | `other-person` | a group of others (`a többieket`, `egy brigádot`, `больных`) in a clause that a later clause of the sentence sets the narrator against with a contrastive conjunction and a first-person word | `Egy brigádot Murmanszkba vittek tovább, de én nem voltam köztük`; `больных отправили в Тамбов, а нас погрузили` |
//! | `other-person` | the answer without a first-person word to a question about a relative | `Hová került az édesanyja? — A Donyec-medencébe, Sztálinóba.` |
//! | `negated` | `nem`, `не`, `nicht` just before, a Hungarian negation right after followed by a first-person verb, or a question answered `Nem.` / `Нет.` | `nem Szibériába vittek, hanem …`; `Vorkután sose voltam`; `Kolimára vittek? — Nem.` |
//! | `route` | passed through: `át`, `keresztül`, `felé` up to two words after (in the clause); `через`, `über`, `durch` before; a border crossing; a train stopping, or a station where the narrators' train stood (`egy állomáson egy napig álltunk`, `на станции простояли сутки`), unless the sentence goes on to a camp there. Not `át` as the particle of handing over (`Záhonyban vettek át`), nor, after a verb, a border town where a camp received the narrator (`Záhonyban léptem át a határt, ott a fogadótáborban…`: `ott` and a camp word); `át` right after the name (`Csapon át`) is always a route | `Munkácson keresztül`, `Kijeven megyünk keresztül`, `через Львов` |
//! | `route` | a port where the narrator was put on a ship straight from the train: the boarding in the name's clause or the next one referring back, no camp or stay in the sentence (see `boarded`) | `В Ванино сразу погрузили на пароход`, `до Ванино, там прямо из вагонов на пароход` |
//! | `locator` | named to locate another place: `mellett`, `környékén`, `под`, `у`, `bei`, a distance, a direction from it | `Makejevka, Sztálinó mellett`, `Voronyezstől délre`, `это у Брашова` |
//! | `guard` | the narrator guards or escorts (`охранять`, `сопровождал`, `őriztük`), in the sentence or the one before it in the segment when this one has no first-person word | `меня поставили охранять лагерь в Сваляве` |
//! | `home` | birth, home or the return home, unless the clause lives in a camp (`barakkokban laktunk`) | `Gyulán születtem`, `Я из Кечкемета`, `приехал в Кечкемет, пришёл домой` |
//! | `rumour` | hearsay or expectation (heard or learned later: `я слышала`, `később megtudtam`), or a name quoted after a verb of saying | `Azt mondták, Szibériába visznek` |
//! | `attribute` | an adjective that does not describe a camp or work site, nor a building (school, gymnasium, barracks, warehouse, cellar) in a sentence that tells a stay or a camp | `egy szegedi fiú` (but `в этой ужгородской школе мы сидели неделю` is `camp`) |
//!
//! The other mentions are weighted by what the sentence says (the sentence
//! with the name, plus the question it answers when it is an elliptic
//! answer such as `Sztálinóba.`, plus the next sentence when that starts
//! with `Ott` / `Там` / `Dort`, or when it is a short apposition that
//! only says what the place was (at most four words besides the articles
//! `a`, `az`, no first person, no taking or work, no other name: `Szegedre
//! vittek. Tudja, a nagy börtön. Ott voltunk hetekig.`, with the `Ott`
//! sentence after it), or when the name, in a case of place (or in
//! its base form after a preposition of place: `В Краматорск.`), opens
//! an answer of at most four words that the next sentence goes on:
//! `Hol kötött ki? — Gorkijban, a Volga mellett. Az autógyárban
//! dolgoztunk.`):
//!
//! | rule | weight | context |
//! |---|---|---|
//! | `camp` | 1.0 | camps and being held: `tábor`, `láger`, `laktanya`, `лагерь`, `пересыльный`, `Lager`, `держали`, sorting (`szétválogattak`), a wire fence (`drótkerítés`, `körbedrótozták`), entraining, a stay of days or weeks (`két hetet töltöttem`, `hetekig voltunk`, `vótunk`, `пробыли`, `сидели неделю`) |
//! | `destination` | 1.0 | work, arrival and transfer: `bánya`, `dolgoztunk`, `vittek`, `шахта`, `привезли`, `gebracht` |
//! | `first-person` | 1.0 / 0.6 | a first-person clause with the name in a case of place (`Három évet Karagandában töltöttem`, `В Сталино нас разделили`; a possessive before a relative is not the narrator: `Meine Schwester war in Stalino`): 1.0 in the story of a narrator who tells of being held ([`super::waves::narrator_held`], or a first-person stay in a camp at a named place, [`held_in_camp`]), else 0.6 |
//! | `locative` | 0.6 | the name in a case of place, not in a first-person clause, in such a story |
//! | `mention` | 0.3 | none of these |
//!
//! The context words are matched as Hungarian and Russian build them (see
//! [`super::lexicon`]): compounds on their last member (`szén|bányában`,
//! `teher|vagonba`, `gyűjtő|láger`), derivations (`fogoly|tábor`,
//! `be|vagoníroz`, `át|vagoníroz`).
//!
//! **Confidence.** Each entry's weight (the sum of its mentions') gives a
//! confidence of 1 − e^(−1.2·weight), at most 0.97: weight 1.0 → 0.70,
//! 0.6 → 0.51, 0.3 → 0.30. At [`super::SUGGEST`] (0.6) or more it is a
//! suggestion, from [`super::HINT`] (0.25) a hint. A transit camp none of
//! whose mentions is in a `camp` context keeps 0.9 of its confidence when
//! the narrator of a captivity story ([`super::waves::narrator_held`]) was
//! taken there (`destination`, `first-person` with a verb of taking:
//! `Foksányba vittek minket`, `нас привезли в Фокшаны`),
//! else only 0.6 and stays a hint: Hungarian camp towns (Debrecen,
//! Cegléd, Gyula) are also hometowns and stations, and only the camp or
//! the deportation makes them a transit camp.
//!
//! **Regions.** A suggested place also suggests the region it lies in
//! (its parent in the vocabulary), with the place's mentions as evidence
//! (rule `in-region:<place>`); the region's weight is its own mentions plus
//! those of its places. Higher regions are not suggested separately: the
//! facet path (`/region/ukraine/donbas/donetsk`) already makes a search for
//! `ukraine` find the testimony.

use std::collections::BTreeMap;

use crate::store::{NewEvidence, NewTag};
use crate::vocab::{Facet, Vocabulary};

use super::era::Era;
use super::lexicon::{
    ANAPHORA, BORDER, BUILDING, CAMP, COMPASS, DESTINATION, DISTANCE, GUARDING, HAND_OVER, HEARSAY,
    HOME, KIN, LOCATOR_AFTER, LOCATOR_BEFORE, NEGATION, OBJECTS, ROUTE_AFTER, ROUTE_BEFORE, SPEECH,
    STOP, TAKEN, TRAIN,
};
use super::matcher::{Form, HU_LOCATIVE, Match, entry_of};
use super::text::{
    Doc, Token, any, any_of, contrasted_third_person, first_person, others_but_the_narrator,
    others_flags,
};

/// Prepositions of place before a name in its base form (`в Сталино`,
/// `на Урал`, `nach Gyula`): a case of place all the same.
const PLACE_PREPOSITIONS: &[&str] = &["в", "во", "на", "in", "im", "nach"];

/// A weighed mention of a name.
#[derive(Debug, Clone)]
pub(super) struct Weighed {
    /// The match.
    pub m: Match,
    /// Its weight (0 when a negative rule applies).
    pub weight: f64,
    /// The rule that decided the weight.
    pub rule: &'static str,
    /// Whether it is in a camp context.
    pub camp: bool,
}

/// Weighs every mention; `narrative` is whether the narrator tells of
/// being held ([`super::waves::narrator_held`]).
pub(super) fn weigh(
    doc: &Doc<'_>,
    eras: &[Era],
    matches: &[Match],
    narrative: bool,
) -> Vec<Weighed> {
    let others = others_flags(doc);
    matches
        .iter()
        .map(|m| {
            let (weight, rule, camp) = weigh_one(doc, eras, others, narrative, m);
            Weighed {
                m: m.clone(),
                weight,
                rule,
                camp,
            }
        })
        .collect()
}

fn weigh_one(
    doc: &Doc<'_>,
    eras: &[Era],
    others: &[bool],
    narrative: bool,
    m: &Match,
) -> (f64, &'static str, bool) {
    let first = &doc.tokens[m.first];
    let last = &doc.tokens[m.last];
    if eras[last.sentence] != Era::Deportation {
        return (0.0, "other-era", false);
    }
    let sentence = doc.sentence(last.sentence);
    let clause = doc.clause(last.clause);
    // A name in a case of place (`Gorkijban`, `в Горьком`), or in its base
    // form after a preposition of place (`В Краматорск, в Донбасс.
    // Работал на заводе`, `В Сталино.`, `nach Gyula`), can be an elliptic
    // answer that the next sentence goes on; and in the story of someone
    // held, it is where the narrator was (below).
    let locative = match &m.form {
        Form::Case(c) => HU_LOCATIVE.contains(&c.as_str()) || first.cyrillic,
        _ => m
            .first
            .checked_sub(1)
            .map(|i| &doc.tokens[i])
            .is_some_and(|t| {
                t.clause == first.clause && PLACE_PREPOSITIONS.contains(&t.folded.as_ref())
            }),
    };
    let context = context(doc, last.sentence, locative);
    if any(&context, &OBJECTS) {
        return (0.0, "objects", false);
    }
    if others[last.sentence]
        || contrasted_third_person(doc, m.first)
        || others_but_the_narrator(doc, m.first)
    {
        return (0.0, "other-person", false);
    }
    if guarded(doc, last.sentence) {
        return (0.0, "guard", false);
    }
    let before = |n: usize| -> Vec<&Token> {
        (m.first.saturating_sub(n)..m.first)
            .map(|i| &doc.tokens[i])
            .filter(|t| t.clause == first.clause)
            .collect()
    };
    let after = |n: usize| -> Vec<&Token> {
        (m.last + 1..(m.last + 1 + n).min(doc.tokens.len()))
            .map(|i| &doc.tokens[i])
            .filter(|t| t.sentence == last.sentence)
            .collect()
    };
    let in_list =
        |ts: &[&Token], list: &[&str]| ts.iter().any(|t| list.contains(&t.folded.as_ref()));
    // Hungarian also puts the place before the negated verb (`Vorkután
    // sose voltam`, `Kolimán nem voltunk`).
    let denied_after = {
        let next = after(2);
        next.len() == 2
            && next.iter().all(|t| t.clause == last.clause)
            && ["nem", "sem", "sose", "sosem", "soha", "sohasem"].contains(&next[0].folded.as_ref())
            && next[1].first
    };
    if in_list(&before(2), NEGATION) || denied_after {
        return (0.0, "negated", false);
    }
    // `Munkácson át`, `Kijeven keresztül mentünk`, `Kijevben megyünk
    // keresztül`: the postposition may follow the verb.
    // `át` after a verb of handing over is its particle, not "through":
    // `Záhonyban vettek át`, `Csapon adtak át minket` (a reception camp).
    let next = after(3);
    let route_after = next
        .iter()
        .take_while(|t| t.clause == last.clause)
        .take(2)
        .enumerate()
        .find(|(k, t)| {
            let particle = t.folded.as_ref() == "at"
                && *k > 0
                && HAND_OVER.contains(&next[*k - 1].folded.as_ref());
            ROUTE_AFTER.contains(&t.folded.as_ref()) && !particle
        })
        .map(|(k, _)| k);
    // A border crossed where a camp received the narrator (`Záhonyban
    // léptem át a határt, ott a fogadótáborban kihallgattak`): `ott` and a
    // camp word in the sentence make the border town a stay.
    // Both after the name, `ott` before the camp word.
    let received_there = {
        let rest: Vec<&Token> = (m.last + 1..doc.tokens.len())
            .map(|i| &doc.tokens[i])
            .take_while(|t| t.sentence == last.sentence)
            .collect();
        let there = rest
            .iter()
            .position(|t| ["ott", "там", "dort"].contains(&t.folded.as_ref()));
        there.is_some_and(|k| rest[k + 1..].iter().take(3).any(|t| CAMP.has(&t.folded)))
    };
    // A verb of passing through (`Munkácson csak átmentünk`,
    // `Kolozsváron áthaladtunk`) in the clause right after the name.
    let passed_through = after(3)
        .iter()
        .take_while(|t| t.clause == last.clause)
        .any(|t| {
            ["atment", "athalad", "atutaz", "atjott", "atvonul"]
                .iter()
                .any(|p| t.folded.starts_with(p))
        });
    // The postposition right after the name (`Csapon át`) is a route
    // whatever follows; after a verb (`Záhonyban léptem át`) it may be
    // the verb's particle.
    if route_after == Some(0)
        || passed_through
        || (route_after.is_some() && !received_there)
        || in_list(&before(3), ROUTE_BEFORE)
        || (any(clause, &BORDER) && !received_there)
        || (any(clause, &TRAIN) && any(clause, &STOP) && !held_after_the_stop(doc, m))
    {
        return (0.0, "route", false);
    }
    // A question answered `Nem.`: `Kolimára vittek? — Nem. Engem …`.
    if doc.sentences[last.sentence].question && denied_by_answer(doc, last.sentence) {
        return (0.0, "negated", false);
    }
    let ablative = matches!(&m.form, Form::Case(s) if s == "tol");
    // A direction from a place locates another (`Voronyezstől délre`).
    let direction = ablative && in_list(&after(1), COMPASS);
    if in_list(&after(2), LOCATOR_AFTER)
        || in_list(&before(2), LOCATOR_BEFORE)
        || direction
        || (ablative && any(clause, &DISTANCE))
        || (in_list(&before(1), &["от"]) && any(clause, &DISTANCE))
    {
        return (0.0, "locator", false);
    }
    // `Я из Кечкемета`: where the narrator is from.
    let origin = in_list(&before(1), &["из"]) && in_list(&before(2), &["я", "мы"]);
    if origin || (any(clause, &HOME) && !lived_in_camp(clause)) {
        return (0.0, "home", false);
    }
    if any(sentence, &HEARSAY) || (any(sentence, &SPEECH) && quoted(doc, m)) {
        return (0.0, "rumour", false);
    }
    if boarded(doc, m) {
        return (0.0, "route", false);
    }
    if m.form == Form::Adjective {
        // `foksányi tábor`, `kopejszki bányában`, `Спасским лагерем`.
        let next = after(2);
        let camp = next.iter().any(|t| CAMP.has(&t.folded));
        if camp || next.iter().any(|t| DESTINATION.has(&t.folded)) {
            return (1.0, if camp { "camp" } else { "destination" }, camp);
        }
        // `a gödöllői gimnázium … a tornateremben aludtunk … Ott
        // válogattak`, `в этой ужгородской школе мы сидели неделю`: a
        // building the narrator was kept in.
        if next.iter().any(|t| BUILDING.has(&t.folded)) && (any(&context, &CAMP) || stay(&context))
        {
            return (1.0, "camp", true);
        }
        return (0.0, "attribute", false);
    }
    let camp = any(&context, &CAMP) || stay(&context);
    if camp {
        return (1.0, "camp", true);
    }
    if any(&context, &DESTINATION) {
        return (1.0, "destination", false);
    }
    // In the story of someone who tells of being held, a place the
    // narrator is in (`Karagandában`, `в Караганде`) is where they were
    // taken.
    match (locative, narrator_in(clause), narrative) {
        (true, true, true) => (1.0, "first-person", false),
        (true, true, false) | (true, false, true) => (0.6, "locative", false),
        _ => (0.3, "mention", false),
    }
}

/// Whether a clause of living says where: in a camp or barracks
/// (`Vlagyimirban barakkokban laktunk a gyár mellett`, `в лагере
/// живут`): a camp word in the inessive, or after `в`, is the captivity,
/// not a home (`a laktanya mellett laktunk` stays a home).
fn lived_in_camp(clause: &[Token]) -> bool {
    clause.iter().enumerate().any(|(k, t)| {
        CAMP.has(&t.folded)
            && (t.folded.ends_with("ban")
                || t.folded.ends_with("ben")
                || (k > 0 && &*clause[k - 1].folded == "в"))
    })
}

/// Whether the sentence goes on, after the train stood at the name, to a
/// camp the narrator was put in there (`Поезд стоял в Рымнику-Сэрат, там
/// нас выгрузили, и ещё неделю мы были в каком-то лагере`): then the
/// station is a stay, not a stop on the way.
fn held_after_the_stop(doc: &Doc<'_>, m: &Match) -> bool {
    let s = doc.tokens[m.last].sentence;
    doc.tokens[m.last + 1..]
        .iter()
        .take_while(|t| t.sentence == s)
        .any(|t| CAMP.has(&t.folded))
}

/// The tokens whose words describe a sentence's place: the sentence, the
/// question an elliptic answer (up to three words) answers, the next
/// sentence when it refers back with `ott`, `там`, `dort`, and, for a name
/// in a case of place (`place_case`), the next sentence of an answer that
/// opens with it in at most four words.
fn context<'a>(doc: &'a Doc<'a>, s: usize, place_case: bool) -> Vec<Token> {
    let mut out: Vec<Token> = doc.sentence(s).to_vec();
    let mut k = s;
    while k > 0 && content_words(doc.sentence(k)) <= 3 && s - k < 3 {
        k -= 1;
        out.extend(doc.sentence(k).iter().cloned());
    }
    // The next sentence when it refers back (`Ott …`), or when this one is
    // an elliptic answer of up to four words with the name in a case of
    // place, opening the answer to a question, that the next one goes on (`Hol kötött ki? — Gorkijban, a
    // Volga mellett. Az autógyárban dolgoztunk.`).
    let elliptic = place_case
        && content_words(doc.sentence(s)) <= 4
        && s > 0
        && doc.sentences[s - 1].question
        && doc.sentences[s - 1].seg != doc.sentences[s].seg;
    if let Some(next) = doc.sentences.get(s + 1).map(|_| doc.sentence(s + 1))
        && (next
            .first()
            .is_some_and(|t| ANAPHORA.contains(&t.folded.as_ref()))
            || (elliptic && doc.sentences[s + 1].seg == doc.sentences[s].seg))
    {
        out.extend(next.iter().cloned());
    } else if let Some(next) = doc.sentences.get(s + 1)
        && next.seg == doc.sentences[s].seg
        && !next.question
        && content_words(doc.sentence(s + 1)) <= 4
        && apposition(doc.sentence(s + 1))
    {
        // A short apposition naming what the place was (`Szegedre
        // vittek, a Csillagba. Tudja, a nagy börtön. Ott voltunk
        // hetekig.`), and the sentence after it when that refers back.
        out.extend(doc.sentence(s + 1).iter().cloned());
        if doc.sentences.get(s + 2).is_some_and(|n| n.seg == next.seg)
            && doc
                .sentence(s + 2)
                .first()
                .is_some_and(|t| ANAPHORA.contains(&t.folded.as_ref()))
        {
            out.extend(doc.sentence(s + 2).iter().cloned());
        }
    }
    out
}

/// A short sentence that only says what a place was (`Tudja, a nagy
/// börtön.`): no first-person word, no word of taking or work
/// (`Cserepovecbe vittek.` is the next step of the journey), no other name
/// (a capitalised word after the first).
fn apposition(tokens: &[Token]) -> bool {
    !first_person(tokens)
        && !any(tokens, &DESTINATION)
        && !any(tokens, &TAKEN)
        && !tokens.iter().skip(1).any(|t| t.capital)
}

/// Possessive determiners: first-person words that, before a relative,
/// make the relative the subject (`Meine Schwester war in Stalino`, `мой
/// брат был в Сталино`).
const POSSESSIVE: &[&str] = &[
    "mein",
    "meine",
    "meinem",
    "meinen",
    "meiner",
    "unser",
    "unsere",
    "unserem",
    "unseren",
    "unserer",
    "мой",
    "моя",
    "мое",
    "мою",
    "моего",
    "моей",
    "моему",
    "мои",
    "моих",
    "наш",
    "наша",
    "наши",
    "нашего",
    "нашей",
    "наших",
];

/// Whether a clause speaks of the narrator: a first-person word, not only
/// a possessive before a relative (`Meine Schwester war in Stalino` is the
/// sister's stay).
fn narrator_in(clause: &[Token]) -> bool {
    let kin = any(clause, &KIN);
    clause
        .iter()
        .any(|t| t.first && !(kin && POSSESSIVE.contains(&t.folded.as_ref())))
}

/// The words of a sentence without the Hungarian articles (`a`, `az`),
/// which a short answer or apposition has besides its words (`Messzire,
/// a Távol-Keletre.`).
fn content_words(tokens: &[Token]) -> usize {
    tokens
        .iter()
        .filter(|t| !["a", "az"].contains(&t.folded.as_ref()))
        .count()
}

/// Whether sentence `s` tells of the narrator guarding or escorting
/// (`нас поставили охранять лагерь в Сваляве`, `Потом я сопровождал
/// эшелоны.`), or goes on such a sentence of the same segment without a
/// first-person word of its own (`Из Свалявы через Львов в Донбасс.`): the
/// camps named are the ones the narrator guarded.
fn guarded(doc: &Doc<'_>, s: usize) -> bool {
    let guard = |k: usize| {
        let toks = doc.sentence(k);
        first_person(toks) && any(toks, &GUARDING)
    };
    guard(s)
        || (s > 0
            && doc.sentences[s - 1].seg == doc.sentences[s].seg
            && !first_person(doc.sentence(s))
            && guard(s - 1))
}

/// Whether the narrator tells of being in a camp at a named place: a
/// mention weighed `camp` in a first-person sentence (`Brăilában a
/// raktárakban tartottak … ott kaptuk a tetveket`, `В Самборе был лагерь,
/// там нас пересчитывали`). Such a narrator was held, though the story
/// has fewer captivity words than [`super::waves::narrator_held`] asks.
pub(super) fn held_in_camp(doc: &Doc<'_>, weighed: &[Weighed]) -> bool {
    weighed.iter().any(|w| {
        w.camp && w.weight > 0.0 && first_person(doc.sentence(doc.tokens[w.m.last].sentence))
    })
}

/// Whether the question `s` is answered with a plain no: the next
/// sentence, in the next segment, is `Nem.`, `Нет.`, `Nein.` or starts
/// with it.
fn denied_by_answer(doc: &Doc<'_>, s: usize) -> bool {
    let Some(next) = doc.sentences.get(s + 1) else {
        return false;
    };
    next.seg != doc.sentences[s].seg
        && doc
            .sentence(s + 1)
            .first()
            .is_some_and(|t| ["nem", "нет", "nein", "dehogy"].contains(&&*t.folded))
}

/// A stay: a duration of days, weeks or months with a verb of being,
/// spending or being kept (`Egy hétig voltunk Baján`, `ott egy hónapot
/// töltöttem`, `пробыл месяц`; the dialect `vótunk`).
fn stay(tokens: &[Token]) -> bool {
    let duration = tokens.iter().any(|t| {
        [
            "napig",
            "hetig",
            "honapig",
            "napot",
            "honapot",
            "napokig",
            "hetekig",
            "honapokig",
        ]
        .iter()
        .any(|e| t.folded.ends_with(e))
            || t.folded.ends_with("hetet")
            || ["недел", "месяц", "дней", "tage", "wochen", "monate"]
                .iter()
                .any(|p| t.folded.starts_with(p))
    });
    let being = any_of(
        tokens,
        &[
            "voltunk",
            "voltam",
            "votunk",
            "votam",
            "maradtunk",
            "maradtam",
            "toltottem",
            "toltottunk",
            "eltoltottem",
            "eltoltottunk",
            "были",
            "жили",
            "провел",
            "провела",
            "провели",
            "пробыл",
            "пробыли",
            // `сидели неделю`, `просидели месяц`: kept.
            "сидели",
            "сидел",
            "сидела",
            "просидели",
            "просидел",
            "просидела",
            "waren",
        ],
    );
    duration && being
}

/// Whether the narrator was put on a ship at the place, straight from
/// the train, with no stay told: the name's clause, or the next clause
/// when it refers back (`там`, `ott`, `dort`), says the boarding (`В
/// Ванино сразу погрузили на пароход`, `до Ванино, там прямо из вагонов на
/// пароход`, `Nahodkában hajóra raktak`, `in Wladiwostok aufs Schiff`),
/// and no camp or stay of days or weeks is told in the sentence. A port
/// is a change from the train to the ship, like a station where the
/// wagons were changed; where the narrator waited in a port's camp
/// (`Vaninóban az átmenő táborban két hónapot vártunk a hajóra`) it is a
/// camp.
fn boarded(doc: &Doc<'_>, m: &Match) -> bool {
    const SHIP_RU: &[&str] = &["пароход", "корабл", "судно", "баржу"];
    const SHIP_HU: &[&str] = &["hajora", "hajoba", "gozosre", "gozosbe", "uszalyra"];
    const SHIP_DE: &[&str] = &["schiff", "dampfer"];
    const CAMP_NOUN: &[&str] = &["лагер", "пересыл", "барак", "tabor", "lager", "barakk"];
    let last = &doc.tokens[m.last];
    let mut toks: Vec<&Token> = doc.clause(last.clause).iter().collect();
    if let Some(next) = (last.clause + 1 < doc.clauses.len()).then(|| doc.clause(last.clause + 1))
        && next
            .first()
            .is_some_and(|t| t.sentence == last.sentence && ANAPHORA.contains(&t.folded.as_ref()))
    {
        toks.extend(next);
    }
    let ship = toks.iter().enumerate().any(|(k, t)| {
        let w: &str = &t.folded;
        let prev = k.checked_sub(1).map(|p| &*toks[p].folded);
        (t.cyrillic && matches!(prev, Some("на" | "в")) && SHIP_RU.iter().any(|p| w.starts_with(p)))
            || SHIP_HU.contains(&w)
            || (matches!(prev, Some("aufs" | "auf" | "ins" | "das" | "ein"))
                && SHIP_DE.iter().any(|p| w.starts_with(p)))
    });
    // Inside compounds too (`gyűjtőtáborban`, `Durchgangslager`).
    let camp = toks
        .iter()
        .any(|t| CAMP_NOUN.iter().any(|c| t.folded.contains(c)));
    ship && !camp && !stay(doc.sentence(last.sentence))
}

/// Whether the name stands after a colon or an opening quote in its
/// sentence (reported speech).
fn quoted(doc: &Doc<'_>, m: &Match) -> bool {
    let s = &doc.sentences[doc.tokens[m.first].sentence];
    (s.first..m.first).any(|i| {
        let g = doc.gap(i, i + 1);
        g.contains([':', '„', '«', '"', '“'])
    })
}

/// The weight and evidence of one entry.
#[derive(Default)]
struct Tally {
    weight: f64,
    camp: bool,
    /// Weight of the mentions saying the narrator was taken there.
    taken: f64,
    evidence: Vec<NewEvidence>,
}

/// Turns weighed mentions into place, region and transit-camp tags.
pub(super) fn suggest(
    doc: &Doc<'_>,
    vocab: &Vocabulary,
    weighed: &[Weighed],
    narrative: bool,
) -> Vec<NewTag> {
    let mut tallies: BTreeMap<usize, Tally> = BTreeMap::new();
    for w in weighed.iter().filter(|w| w.weight > 0.0) {
        let super::matcher::Target::Entry(i) = w.m.target else {
            continue;
        };
        let t = tallies.entry(i).or_default();
        t.weight += w.weight;
        t.camp |= w.camp;
        if matches!(w.rule, "destination" | "first-person")
            && any(doc.sentence(doc.tokens[w.m.last].sentence), &TAKEN)
        {
            t.taken += w.weight;
        }
        t.evidence.push(evidence(doc, &w.m, w.rule));
    }
    let entries = vocab.entries();
    let mut out = Vec::new();
    let mut regions: BTreeMap<usize, Tally> = BTreeMap::new();
    for (&i, t) in &tallies {
        let e = &entries[i];
        match e.facet {
            Facet::Place => {
                out.push(tag(Facet::Place, &e.id, t.weight, t.evidence.clone()));
                if let Some(r) = e
                    .parent
                    .as_deref()
                    .and_then(|p| entries.iter().position(|x| x.id == p))
                {
                    let rt = regions.entry(r).or_default();
                    rt.weight += t.weight;
                    rt.evidence.extend(t.evidence.iter().map(|ev| NewEvidence {
                        rule: format!("in-region:{}", e.id),
                        ..ev.clone()
                    }));
                }
            }
            Facet::Region => {
                let rt = regions.entry(i).or_default();
                rt.weight += t.weight;
                rt.evidence.extend(t.evidence.iter().cloned());
            }
            Facet::TransitCamp => {
                let mut c = tag(Facet::TransitCamp, &e.id, t.weight, t.evidence.clone());
                if !t.camp && narrative && t.taken >= 1.0 {
                    // The narrator was taken to a transit-camp town in a
                    // story of captivity: the camp, with less certainty.
                    c.confidence = (c.confidence * TAKEN_TO * 100.0).round() / 100.0;
                } else if !t.camp {
                    // Named, but never as a camp: a hint at most.
                    c.confidence = (c.confidence * NOT_A_CAMP).min(super::SUGGEST - 0.01);
                    c.confidence = (c.confidence * 100.0).round() / 100.0;
                }
                out.push(c);
            }
            _ => {}
        }
    }
    for (r, t) in regions {
        out.push(tag(Facet::Region, &entries[r].id, t.weight, t.evidence));
    }
    out.retain(|t| t.confidence >= super::HINT);
    out
}

/// How much of its confidence a transit camp keeps when no mention of it
/// is in a camp context.
const NOT_A_CAMP: f64 = 0.6;
/// How much it keeps when the narrator of a captivity story was taken
/// there (`Foksányba vittek minket`) without a camp word.
const TAKEN_TO: f64 = 0.9;

fn tag(facet: Facet, id: &str, weight: f64, evidence: Vec<NewEvidence>) -> NewTag {
    NewTag {
        facet,
        value: id.to_string(),
        source: "suggested",
        confidence: confidence(weight),
        evidence,
    }
}

/// Confidence from the total weight: 1 − e^(−1.2·w), at most 0.97
/// (weight 1 → 0.70, 2 → 0.91).
pub(super) fn confidence(weight: f64) -> f64 {
    let c = 1.0 - (-1.2 * weight).exp();
    (c * 100.0).round().min(97.0) / 100.0
}

/// The evidence row of a match.
pub(super) fn evidence(doc: &Doc<'_>, m: &Match, rule: &str) -> NewEvidence {
    let (a, b) = (&doc.tokens[m.first], &doc.tokens[m.last]);
    let text = &doc.segments[a.seg].text;
    NewEvidence {
        ordinal: Some(a.seg as i64 + 1),
        span: Some((a.start, b.end)),
        matched: text[a.start..b.end].to_string(),
        alias: Some(m.alias.clone()),
        rule: rule.to_string(),
        line: None,
    }
}

/// The vocabulary id of a weighed mention, for explanations.
pub(super) fn entry_id(vocab: &Vocabulary, w: &Weighed) -> Option<(Facet, String)> {
    entry_of(vocab, &w.m).map(|e| (e.facet, e.id.clone()))
}

#[cfg(test)]
mod tests {
    use crate::tag::Tagger;
    use crate::tag::text::seg;
    use crate::vocab::Vocabulary;

    /// The rule deciding each mention of `id` in the text.
    fn rules(text: &str, id: &str) -> Vec<String> {
        let vocab = Vocabulary::builtin().unwrap();
        let segs = [seg(text)];
        Tagger::new(&vocab)
            .explain(&segs)
            .into_iter()
            .filter(|m| m.value == id)
            .map(|m| m.rule)
            .collect()
    }

    #[test]
    fn an_answer_with_a_preposition_of_place_is_elliptic() {
        // `В Краматорск.` answers where to: the base form after `в` is a
        // case of place, and the next sentence says what was done there.
        let vocab = Vocabulary::builtin().unwrap();
        let rule = |answer: &str| -> Vec<String> {
            let segs = [seg("Куда вас привезли?"), seg(answer)];
            Tagger::new(&vocab)
                .explain(&segs)
                .into_iter()
                .filter(|m| m.value == "kramatorsk")
                .map(|m| m.rule)
                .collect()
        };
        assert_eq!(
            rule("В Краматорск, в Донбасс. Работал на заводе, потом в шахте."),
            ["destination"]
        );
        // About the town, not to it: the next sentence is not its context.
        assert_eq!(
            rule("Про Краматорск не знаю. Работал на заводе, потом в шахте."),
            ["mention"]
        );
    }

    #[test]
    fn context_rules() {
        assert_eq!(
            rules("Munkácson keresztül hajtottak.", "mukachevo"),
            ["route"]
        );
        assert_eq!(rules("Через Львов, через Чоп.", "lviv"), ["route"]);
        assert_eq!(
            rules("Makejevka Sztálinó mellett van.", "donetsk"),
            ["locator"]
        );
        assert_eq!(rules("Я родился под Мукачевом.", "mukachevo"), ["locator"]);
        assert_eq!(
            rules("Kazanytól nyolcvan kilométerre volt.", "kazan"),
            ["locator"]
        );
        assert_eq!(rules("Gyulán születtem.", "gyula"), ["home"]);
        assert_eq!(
            rules("Azt mondták, Szibériába visznek.", "siberia"),
            ["rumour"]
        );
        assert_eq!(
            rules("Nem Szibériába vittek minket.", "siberia"),
            ["negated"]
        );
        assert_eq!(
            rules("A sógoromat Boriszovba vitték.", "barysaw"),
            ["other-person"]
        );
        assert_eq!(
            rules("A képeket és a könyveket Moszkvába vitték.", "moscow"),
            ["objects"]
        );
        assert_eq!(rules("Csapnál átértünk a határon.", "chop"), ["route"]);
        // `át` as the particle of handing over: a reception camp.
        assert_ne!(
            rules("Szegeden vettek át minket a magyarok.", "szeged"),
            ["route"]
        );
        assert_eq!(rules("Szegeden át vittek tovább.", "szeged"), ["route"]);
        assert_eq!(rules("Egy szegedi fiú volt.", "szeged"), ["attribute"]);
        assert_eq!(rules("A foksányi tábor nagy volt.", "focsani"), ["camp"]);
        assert_eq!(rules("Baján volt a gyűjtőhely.", "baja"), ["camp"]);
        assert_eq!(
            rules("Február végén értünk Makejevkába.", "makiivka"),
            ["destination"]
        );
        assert_eq!(
            rules("Hová érkeztek? Sztálinóba.", "donetsk"),
            ["destination"]
        );
        assert_eq!(
            rules("Brassóba vittek. Ott raktak vagonba.", "brasov"),
            ["camp"]
        );
        assert_eq!(
            rules("1991-ben Foksányban jártam, a táborban.", "focsani"),
            ["other-era"]
        );
    }
}
