//! Gazetteer expansion in search: a query naming a place also finds its
//! other names (historical, other script, other language), in any
//! inflection — and ordinary words that look like names do not.

use std::path::Path;

use tanu::Archive;
use tanu::ingest::IngestOptions;
use tanu::search::SearchRequest;

/// One short testimony per (id, language, text).
const TEXTS: &[(&str, &str, &str)] = &[
    (
        "stalino-hu",
        "hu",
        "Aztán Sztálinóba vittek minket, ott a bányában dolgoztunk két évig.",
    ),
    (
        "kasan-de",
        "de",
        "Im Herbst kamen wir nach Kasan an die Wolga.",
    ),
    (
        "frankenstadt-de",
        "de",
        "Aus Frankenstadt kamen viele Mädchen in unser Lager.",
    ),
    (
        "chop-ru",
        "ru",
        "Домой нас везли через Чоп, в открытых вагонах.",
    ),
    (
        "kryvyi-rih-ru",
        "ru",
        "Потом нас отправили в Кривой Рог, на рудники.",
    ),
    (
        "kryvyi-rih-de",
        "de",
        "Danach kamen wir nach Krywyj Rih in die Erzgruben.",
    ),
    (
        "karaganda-ru",
        "ru",
        "Пять лет я работал в Караганде на шахте.",
    ),
    (
        "ordinary-hu",
        "hu",
        "A kazánban főztük a levest, nagy bajban voltunk, a csapat este jött vissza, \
         a rog nevű falu mellett.",
    ),
];

fn archive(dir: &Path) -> Archive {
    let mut a = Archive::init(dir).expect("init");
    for (id, lang, text) in TEXTS {
        let file = format!("id: {id}\nlanguage: {lang}\n---\n{text}\n");
        a.ingest_bytes(
            Path::new(&format!("{id}.txt")),
            file.into_bytes(),
            &IngestOptions::default(),
            "test",
        )
        .unwrap_or_else(|e| panic!("{id}: {e}"));
    }
    a.sync_index().expect("index");
    a
}

fn ids(a: &Archive, q: &str) -> Vec<String> {
    a.search(&SearchRequest::new(q))
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn names_find_their_other_names() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive(&dir.path().join("a"));
    for q in [
        "Donyeck",
        "Donetsk",
        "Донецк",
        "Юзовка",
        "Donyeckben",
        "Донецке",
    ] {
        assert_eq!(ids(&a, q), ["stalino-hu"], "{q}");
    }
    // A name is matched as a name, with its own endings, not stemmed:
    // Kazan does not find kazánban, Baja not bajban, Csapon not csapat.
    assert_eq!(ids(&a, "Kazan"), ["kasan-de"]);
    assert_eq!(ids(&a, "Казань"), ["kasan-de"]);
    assert_eq!(ids(&a, "Baja"), ["frankenstadt-de"]);
    assert_eq!(ids(&a, "Bajáról"), ["frankenstadt-de"]);
    assert_eq!(ids(&a, "Csapon"), ["chop-ru"]);
    // Multi-word names, quoted or not, inflected in the last word.
    for q in ["\"Krivoj Rog\"", "Krivoj Rogba", "Kryvyi Rih", "Кривой Рог"] {
        let mut got = ids(&a, q);
        got.sort();
        assert_eq!(got, ["kryvyi-rih-de", "kryvyi-rih-ru"], "{q}");
    }
    // A misspelt name (fuzzy) still brings the other names, inflected.
    assert_eq!(ids(&a, "Karagnda~"), ["karaganda-ru"]);
}

#[test]
fn expansion_is_highlighted() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive(&dir.path().join("a"));
    let res = a.search(&SearchRequest::new("Donyeck")).unwrap();
    let snippet = &res.hits[0].passages[0].snippet;
    let marked: Vec<&str> = snippet
        .highlights
        .iter()
        .map(|&(s, e)| &snippet.text[s..e])
        .collect();
    assert_eq!(marked, ["Sztálinóba"]);
}

#[test]
fn ordinary_words_are_not_expanded() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive(&dir.path().join("a"));
    // kazán (boiler) is not Kazan; bajban (in trouble) is not Baja; a
    // csapat (team) is not Csap; Rog alone is not Krivoj Rog.
    assert_eq!(ids(&a, "kazán"), ["ordinary-hu"]);
    assert_eq!(ids(&a, "bajban"), ["ordinary-hu"]);
    assert_eq!(ids(&a, "csapat"), ["ordinary-hu"]);
    // (Рог is the Russian word itself, found by the cross-script key.)
    assert!(!ids(&a, "Rog").contains(&"kryvyi-rih-de".to_string()));
    // Fuzzy expansion needs a name of at least five letters.
    assert!(!ids(&a, "Bája~").contains(&"frankenstadt-de".to_string()));
}

#[test]
fn negation_excludes_every_name() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive(&dir.path().join("a"));
    assert_eq!(ids(&a, "bányában"), ["stalino-hu"]);
    assert!(ids(&a, "bányában -Donyeck").is_empty());
    assert!(ids(&a, "bányában NOT Сталино").is_empty());
}
