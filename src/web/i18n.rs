//! The interface's messages in Hungarian and English: one table, a row per
//! key with both languages, so no message can exist in only one.

use axum::http::HeaderMap;

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiLang {
    /// Hungarian (the default).
    Hu,
    /// English.
    En,
}

impl UiLang {
    /// `hu` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            UiLang::Hu => "hu",
            UiLang::En => "en",
        }
    }

    /// The language from a code (`hu`, `en`, `en-GB`…).
    pub fn parse(s: &str) -> Option<UiLang> {
        let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "hu" => Some(UiLang::Hu),
            "en" => Some(UiLang::En),
            _ => None,
        }
    }

    /// The other language (for the switch).
    pub fn other(self) -> UiLang {
        match self {
            UiLang::Hu => UiLang::En,
            UiLang::En => UiLang::Hu,
        }
    }
}

/// The cookie that remembers the interface language.
pub const COOKIE: &str = "tanu_lang";

/// Chooses the interface language: the `hl` parameter (which the caller
/// then remembers in the cookie), the cookie, `Accept-Language`, Hungarian.
pub fn choose(headers: &HeaderMap, hl: Option<&str>) -> UiLang {
    if let Some(l) = hl.and_then(UiLang::parse) {
        return l;
    }
    for value in headers.get_all(axum::http::header::COOKIE) {
        let Ok(v) = value.to_str() else { continue };
        for part in v.split(';') {
            if let Some((k, val)) = part.trim().split_once('=')
                && k == COOKIE
                && let Some(l) = UiLang::parse(val)
            {
                return l;
            }
        }
    }
    if let Some(v) = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    {
        // The first of hu/en by quality, then by order.
        let mut best: Option<(f32, UiLang)> = None;
        for item in v.split(',') {
            let mut parts = item.split(';');
            let Some(l) = parts.next().and_then(UiLang::parse) else {
                continue;
            };
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, l));
            }
        }
        if let Some((_, l)) = best {
            return l;
        }
    }
    UiLang::Hu
}

/// Messages of one language, for templates: `{{ m.get("key") }}`.
#[derive(Debug, Clone, Copy)]
pub struct Msg {
    /// The language.
    pub lang: UiLang,
}

impl Msg {
    /// The message `key` (the key itself if unknown; a test keeps every
    /// key used in the templates and the web code in the table).
    pub fn get(&self, key: &str) -> &'static str {
        match MESSAGES.iter().find(|(k, ..)| *k == key) {
            Some((_, hu, en)) => match self.lang {
                UiLang::Hu => hu,
                UiLang::En => en,
            },
            None => "?",
        }
    }

    /// A message with `{n}`-style placeholders filled; `{n?one|other}`
    /// is the form for the count in `n` (English plurals).
    pub fn fill(&self, key: &str, args: &[(&str, String)]) -> String {
        let mut s = self.get(key).to_string();
        for (name, value) in args {
            s = plural(&s, name, value == "1");
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }

    /// The `lang` attribute of the page.
    pub fn code(&self) -> &'static str {
        self.lang.code()
    }
}

/// `s` with each `{name?one|other}` replaced by the form for the count.
fn plural(s: &str, name: &str, one: bool) -> String {
    let open = format!("{{{name}?");
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(&open) {
        out.push_str(&rest[..i]);
        let after = &rest[i + open.len()..];
        let Some(end) = after.find('}') else {
            rest = &rest[i..];
            break;
        };
        let forms = &after[..end];
        let (single, many) = forms.split_once('|').unwrap_or((forms, forms));
        out.push_str(if one { single } else { many });
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// `(key, Hungarian, English)`.
pub const MESSAGES: &[(&str, &str, &str)] = &[
    (
        "site_title",
        "tanu — visszaemlékezések archívuma",
        "tanu — an archive of testimonies",
    ),
    (
        "site_tagline",
        "A Szovjetunióba elhurcolt magyarok visszaemlékezései, 1944–1955",
        "Hungarians deported to Soviet forced labour remember, 1944–1955",
    ),
    ("switch_lang", "English", "Magyar"),
    ("search_label", "Keresés", "Search"),
    (
        "search_placeholder",
        "pl. Foksány vérhas, \"málenkij robot\", region:donbas",
        "e.g. Foksány vérhas, \"málenkij robot\", region:donbas",
    ),
    ("search_button", "Keresés", "Search"),
    ("search_help", "A keresés nyelve", "Query language"),
    (
        "results_count",
        "{n} visszaemlékezés, {p} találó részlet",
        "{n} {n?testimony|testimonies}, {p} matching {p?passage|passages}",
    ),
    (
        "no_results",
        "Nincs találat. Próbáljon kevesebb szót vagy kevesebb szűrőt.",
        "Nothing found. Try fewer words or fewer filters.",
    ),
    (
        "query_error",
        "A keresés hibás a(z) {col}. oszlopnál:",
        "The query is invalid at column {col}:",
    ),
    ("facet_wave", "Elhurcolási hullám", "Deportation wave"),
    (
        "facet_region",
        "Táborvidék és hely",
        "Camp region and place",
    ),
    (
        "facet_transit_camp",
        "Gyűjtő- és átmenő tábor",
        "Transit camp",
    ),
    ("facet_lang", "A részlet nyelve", "Language of the passage"),
    ("filters", "Szűrők", "Filters"),
    ("remove_filter", "szűrő törlése", "remove filter"),
    ("sort_label", "Sorrend", "Sort by"),
    ("sort_relevance", "relevancia", "relevance"),
    ("sort_date", "a felvétel dátuma", "date recorded"),
    ("prev", "← Előző", "← Previous"),
    ("next", "Következő →", "Next →"),
    (
        "page_of",
        "{page}. oldal / {pages}",
        "Page {page} of {pages}",
    ),
    (
        "matching_passages",
        "{n} találó részlet",
        "{n} matching {n?passage|passages}",
    ),
    ("record_hit", "katalógusadat", "catalogue record"),
    ("index_point_hit", "tartalomjegyzék", "table of contents"),
    ("asked", "Kérdés", "Question"),
    (
        "all_testimonies",
        "Minden visszaemlékezés",
        "All testimonies",
    ),
    ("narrator", "Elbeszélő", "Narrator"),
    ("birth_year", "Született", "Born"),
    ("birthplace", "Születési hely", "Birthplace"),
    ("interviewer", "Kérdező", "Interviewer"),
    ("recorded", "Felvétel ideje", "Recorded"),
    ("recording_place", "Felvétel helye", "Recording place"),
    ("languages", "Nyelvek", "Languages"),
    ("keywords", "Kulcsszavak", "Keywords"),
    ("summary", "Összefoglalás", "Abstract"),
    ("rights", "Jogok", "Rights"),
    ("source", "Forrás", "Source"),
    ("identifier", "Azonosító", "Identifier"),
    ("tags", "Címkék", "Tags"),
    ("contents", "Tartalom", "Contents"),
    ("transcript", "Átirat", "Transcript"),
    ("recording", "Hangfelvétel", "Recording"),
    ("permalink", "állandó hivatkozás", "permanent link"),
    ("cite", "hivatkozás", "cite"),
    (
        "cite_title",
        "Hivatkozás erre a részletre",
        "Cite this passage",
    ),
    ("passage", "részlet", "passage"),
    (
        "interview_by",
        "Interjú, kérdező: {who}",
        "Interview by {who}",
    ),
    (
        "back_to_search",
        "← Vissza a találatokhoz",
        "← Back to the results",
    ),
    ("play_from", "lejátszás innen", "play from here"),
    ("print", "Nyomtatás", "Print"),
    (
        "redacted_note",
        "Egyes részeket az archívum kitakart ([…]).",
        "Some passages were redacted by the archive ([…]).",
    ),
    ("not_found_title", "Nem található", "Not found"),
    (
        "not_found_body",
        "Ilyen oldal vagy visszaemlékezés nincs az archívumban.",
        "There is no such page or testimony in the archive.",
    ),
    ("error_title", "Hiba történt", "Something went wrong"),
    (
        "error_body",
        "A kérést most nem sikerült teljesíteni. Próbálja újra később.",
        "The request could not be served now. Please try again later.",
    ),
    ("lang_hu", "magyar", "Hungarian"),
    ("lang_ru", "orosz", "Russian"),
    ("lang_de", "német", "German"),
    ("lang_other", "más nyelv", "other language"),
    ("wave", "hullám", "wave"),
    ("region", "vidék", "region"),
    ("place", "hely", "place"),
    ("transit_camp", "tábor", "transit camp"),
    ("lang", "nyelv", "language"),
    (
        "skip_to_results",
        "Ugrás a találatokhoz",
        "Skip to the results",
    ),
    ("browse", "Böngészés", "Browse"),
    ("login", "Bejelentkezés", "Sign in"),
    ("logout", "Kijelentkezés", "Sign out"),
    ("account_name", "Felhasználónév", "Account name"),
    ("password", "Jelszó", "Password"),
    (
        "login_failed",
        "Hibás név vagy jelszó.",
        "Wrong name or password.",
    ),
    (
        "login_throttled",
        "Túl sok sikertelen próbálkozás; próbálja újra később.",
        "Too many failed attempts; try again later.",
    ),
    (
        "forbidden_title",
        "A kérés nem fogadható el",
        "Request refused",
    ),
    (
        "forbidden_body",
        "Az űrlap lejárt vagy máshonnan érkezett; töltse be újra az oldalt.",
        "The form expired or came from elsewhere; reload the page.",
    ),
    (
        "nothing_tagged",
        "Még egy nyilvános visszaemlékezés sincs így címkézve.",
        "No public testimony is tagged this way yet.",
    ),
    // The map (web: map.rs, templates/web/map.html).
    ("map", "Térkép", "Map"),
    (
        "map_title",
        "Helyek és gyűjtőtáborok térképen",
        "Places and transit camps on a map",
    ),
    (
        "map_help",
        "A körök mérete azt mutatja, hány visszaemlékezés említi a helyet (azok közül, amelyeket Ön láthat). Egy kör a hely visszaemlékezéseinek keresésére visz.",
        "A circle's size shows how many testimonies name the place (of those you may see). A circle leads to a search for the place's testimonies.",
    ),
    (
        "map_inset",
        "Kinagyítva: a Kárpát-medence és a gyűjtőtáborok",
        "Enlarged: the Carpathian Basin and the transit camps",
    ),
    (
        "map_caption",
        "Táborhelyek a Szovjetunióban, jobbra kinagyítva a Kárpát-medence a gyűjtő- és tranzittáborokkal.",
        "Camp sites in the Soviet Union; on the right, the Carpathian Basin enlarged with the transit and collection camps.",
    ),
    (
        "map_table",
        "A térkép adatai táblázatban",
        "The map's data as a table",
    ),
    ("map_name", "Hely", "Place"),
    ("map_kind", "Fajta", "Kind"),
    ("map_count", "Visszaemlékezések", "Testimonies"),
    (
        "map_source",
        "Országhatárok: Natural Earth 1:110m (közkincs).",
        "Country outlines: Natural Earth 1:110m (public domain).",
    ),
    // Browser tests (accessibility): a heading for every page, a skip link
    // that says where it goes.
    (
        "results_heading",
        "Keresési találatok: {q}",
        "Search results: {q}",
    ),
    (
        "skip_to_content",
        "Ugrás a tartalomhoz",
        "Skip to the content",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_translated() {
        let mut seen = std::collections::HashSet::new();
        for (k, hu, en) in MESSAGES {
            assert!(seen.insert(*k), "duplicate key {k}");
            assert!(!hu.trim().is_empty() && !en.trim().is_empty(), "{k}");
            // Placeholders agree between the languages.
            let holes = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}'))
                    .map(|(h, _)| h.split('?').next().unwrap_or(h).to_string())
                    .collect();
                v.sort();
                v.dedup();
                v
            };
            assert_eq!(holes(hu), holes(en), "placeholders of {k}");
        }
    }

    #[test]
    fn every_key_used_exists() {
        let sources = [
            include_str!("../../templates/web/base.html"),
            include_str!("../../templates/web/search.html"),
            include_str!("../../templates/web/reader.html"),
            include_str!("../../templates/web/message.html"),
            include_str!("mod.rs"),
            include_str!("search.rs"),
            include_str!("reader.rs"),
            include_str!("browse.rs"),
            include_str!("auth.rs"),
            include_str!("../../templates/web/login.html"),
            include_str!("../../templates/web/browse.html"),
            include_str!("map.rs"),
            include_str!("../../templates/web/map.html"),
        ];
        let mut used = 0;
        for src in sources {
            for pat in ["m.get(\"", "m.fill(\""] {
                for piece in src.split(pat).skip(1) {
                    let Some((key, _)) = piece.split_once('"') else {
                        continue;
                    };
                    used += 1;
                    assert!(
                        MESSAGES.iter().any(|(k, ..)| *k == key),
                        "message key {key:?} is used but not in the catalogue"
                    );
                }
            }
        }
        assert!(used > 30, "found only {used} message uses");
    }

    #[test]
    fn language_is_chosen_by_param_cookie_then_accept_language() {
        let mut h = HeaderMap::new();
        assert_eq!(choose(&h, None), UiLang::Hu);
        h.insert(
            axum::http::header::ACCEPT_LANGUAGE,
            "de-DE, en;q=0.8, hu;q=0.5".parse().unwrap(),
        );
        assert_eq!(choose(&h, None), UiLang::En);
        h.insert(
            axum::http::header::COOKIE,
            "x=1; tanu_lang=hu".parse().unwrap(),
        );
        assert_eq!(choose(&h, None), UiLang::Hu);
        assert_eq!(choose(&h, Some("en")), UiLang::En);
        assert_eq!(choose(&h, Some("xx")), UiLang::Hu);
        assert_eq!(
            Msg { lang: UiLang::En }
                .fill("page_of", &[("page", "2".into()), ("pages", "3".into())]),
            "Page 2 of 3"
        );
        let en = Msg { lang: UiLang::En };
        let count =
            |n: &str, p: &str| en.fill("results_count", &[("n", n.into()), ("p", p.into())]);
        assert_eq!(count("1", "1"), "1 testimony, 1 matching passage");
        assert_eq!(count("2", "11"), "2 testimonies, 11 matching passages");
        assert_eq!(
            Msg { lang: UiLang::Hu }.fill("results_count", &[("n", "1".into()), ("p", "3".into())]),
            "1 visszaemlékezés, 3 találó részlet"
        );
    }
}
