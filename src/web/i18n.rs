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

    /// A message with `{n}`-style placeholders filled.
    pub fn fill(&self, key: &str, args: &[(&str, String)]) -> String {
        let mut s = self.get(key).to_string();
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }

    /// The `lang` attribute of the page.
    pub fn code(&self) -> &'static str {
        self.lang.code()
    }
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
        "{n} testimonies, {p} matching passages",
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
        "{n} matching passages",
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
    // Upload, jobs and merge (curation in the browser, issue 12 points 1 and 4).
    ("upload_title", "Feltöltés", "Upload"),
    (
        "upload_intro",
        "Válasszon ki vagy húzzon ide átiratokat vagy egy mappát a metaadat-táblázatával (CSV/TSV). A feltöltés után a betöltés a háttérben fut, úgy, ahogy a `tanu ingest` parancs.",
        "Choose or drag transcripts or a folder with its metadata sheet (CSV/TSV) here. After the upload they are ingested in the background, as `tanu ingest` does.",
    ),
    (
        "upload_drop",
        "Húzza ide a fájlokat vagy a mappát, vagy válassza ki őket:",
        "Drop files or a folder here, or choose them:",
    ),
    ("upload_folder", "Mappa", "A folder"),
    ("upload_options", "Beolvasás", "Reading"),
    ("upload_encoding", "Kódolás", "Encoding"),
    (
        "upload_encoding_detect",
        "felismerés (ajánlott)",
        "detect (recommended)",
    ),
    (
        "upload_replace",
        "Más nevű fájl is felülírhat egy azonos azonosítójú visszaemlékezést (új változatként), mint a `tanu ingest --replace`",
        "A file with another name may replace a testimony with the same identifier (as a new revision), as `tanu ingest --replace`",
    ),
    (
        "upload_bad_encoding",
        "Ismeretlen kódolás: {name}; semmi sem került be.",
        "Unknown encoding {name}; nothing was kept.",
    ),
    ("upload_files", "Fájlok", "Files"),
    (
        "upload_submit",
        "Feltöltés és betöltés",
        "Upload and ingest",
    ),
    (
        "upload_after",
        "Az oldal bezárása nem állítja le a betöltést; a feladatok listáján követhető.",
        "Closing the page does not stop the ingest; follow it in the list of jobs.",
    ),
    (
        "upload_limits",
        "Legfeljebb {total} MiB összesen, fájlonként {file} MiB.",
        "At most {total} MiB in all, {file} MiB per file.",
    ),
    (
        "upload_too_large",
        "A feltöltés nagyobb a megengedett {total} MiB-nál; semmi sem került be. Töltse fel részletekben.",
        "The upload is larger than the limit of {total} MiB; nothing was kept. Upload it in parts.",
    ),
    (
        "upload_file_too_large",
        "{name} nagyobb a fájlonként megengedett {file} MiB-nál; semmi sem került be.",
        "{name} is larger than the limit of {file} MiB per file; nothing was kept.",
    ),
    (
        "upload_bad_name",
        "Elutasított fájlnév, semmi sem került be: {error}",
        "A file name was refused and nothing was kept: {error}",
    ),
    (
        "upload_twice",
        "{name} kétszer szerepel a feltöltésben; semmi sem került be.",
        "{name} was sent twice in one upload; nothing was kept.",
    ),
    (
        "upload_nothing",
        "Nem választott ki fájlt.",
        "No file was chosen.",
    ),
    (
        "upload_not_form",
        "A feltöltés nem érkezett meg épen; próbálja újra.",
        "The upload did not arrive whole; try again.",
    ),
    ("jobs_title", "Betöltési feladatok", "Ingest jobs"),
    (
        "jobs_none",
        "Még nem volt feltöltés.",
        "Nothing was uploaded yet.",
    ),
    ("job_title", "Betöltés", "Ingest job"),
    ("job_number", "Szám", "Number"),
    ("job_when", "Feltöltve", "Uploaded"),
    ("job_by", "Feltöltő", "By"),
    ("job_state", "Állapot", "State"),
    ("job_progress", "Haladás", "Progress"),
    ("job_overall", "Összesen", "Overall"),
    ("job_file", "Fájl", "File"),
    ("job_size", "Bájt", "Bytes"),
    ("job_outcome", "Eredmény", "Outcome"),
    ("job_waiting", "vár", "waiting"),
    ("job_reload", "Frissítés", "Reload"),
    ("job_queued", "sorban áll", "queued"),
    ("job_running", "fut", "running"),
    ("job_done", "kész", "done"),
    ("job_failed", "nem futott le", "failed"),
    (
        "job_interrupted",
        "megszakadt (a szerver leállt; töltse fel újra a hiányzókat)",
        "interrupted (the server stopped; upload the missing files again)",
    ),
    ("outcome_new", "új", "new"),
    ("outcome_updated", "frissítve", "updated"),
    ("outcome_unchanged", "változatlan", "unchanged"),
    ("outcome_moved", "áthelyezve", "moved"),
    ("outcome_failed", "hibás", "failed"),
    ("outcome_sheet", "metaadat-táblázat", "metadata sheet"),
    ("outcome_skipped", "kihagyva", "skipped"),
    ("merge_title", "Ismétlődések", "Duplicates"),
    (
        "merge_intro",
        "Valószínűleg ugyanarról a visszaemlékezésről szóló rekordok: azonos eredeti fájl, azonos cím és elbeszélő, vagy majdnem azonos szöveg (a szóhármasok legalább 80%-a közös).",
        "Records that are probably one testimony: the same original file, the same title and narrator, or nearly the same text (at least 80% of their word triples shared).",
    ),
    (
        "merge_none",
        "Nincs valószínű ismétlődés.",
        "No likely duplicates.",
    ),
    ("merge_first", "Egyik", "One"),
    ("merge_second", "Másik", "Other"),
    ("merge_why", "Miért", "Why"),
    ("merge_similarity", "Szöveg-egyezés", "Text alike"),
    ("merge_compare", "Összevetés", "Compare"),
    ("dup_same_original", "azonos eredeti", "same original"),
    (
        "dup_same_title_narrator",
        "azonos cím és elbeszélő",
        "same title and narrator",
    ),
    (
        "dup_similar_text",
        "majdnem azonos szöveg",
        "nearly the same text",
    ),
    ("merge_differs", "eltér", "differs"),
    ("merge_field", "Mező", "Field"),
    ("merge_opening", "A szöveg eleje", "Opening passages"),
    (
        "merge_opening_note",
        "A kiemelt szavak a másik szövegben nem ezen a helyen állnak.",
        "Highlighted words are not at this place in the other text.",
    ),
    ("merge_do", "Összevonás", "Merge"),
    (
        "merge_keep",
        "Melyik rekord maradjon?",
        "Which record stays?",
    ),
    (
        "merge_reason",
        "Indoklás (a naplóba kerül)",
        "Reason (goes into the audit log)",
    ),
    (
        "merge_explain",
        "A másik rekord címkéi átkerülnek; eredetijei és története megmaradnak, de a keresés csak a megmaradót mutatja (mint a `tanu merge`).",
        "The other record's tags are copied over; its originals and history are kept, but search shows only the one that stays (as `tanu merge` does).",
    ),
    ("merge_button", "Összevonás", "Merge"),
    (
        "merge_choose",
        "Válassza ki, melyik rekord maradjon.",
        "Choose which record stays.",
    ),
    (
        "merge_reason_needed",
        "Az összevonáshoz indoklás kell.",
        "A merge needs a reason.",
    ),
    (
        "merge_done",
        "{drop} összevonva ebbe: {keep}.",
        "{drop} was merged into {keep}.",
    ),
    ("mergef_title", "Cím", "Title"),
    ("mergef_narrator", "Elbeszélő", "Narrator"),
    ("mergef_birth_year", "Születési év", "Born"),
    ("mergef_birthplace", "Születési hely", "Birthplace"),
    ("mergef_interviewer", "Interjúkészítő", "Interviewer"),
    ("mergef_recorded", "Felvétel ideje", "Recorded"),
    (
        "mergef_recording_place",
        "Felvétel helye",
        "Recording place",
    ),
    ("mergef_languages", "Nyelvek", "Languages"),
    ("mergef_keywords", "Kulcsszavak", "Keywords"),
    ("mergef_tags", "Címkék", "Tags"),
    ("mergef_access", "Hozzáférés", "Access"),
    ("mergef_status", "Állapot", "Status"),
    ("mergef_format", "Formátum", "Format"),
    ("mergef_source_path", "Forrásfájl", "Source file"),
    ("mergef_sha256", "Eredeti (SHA-256)", "Original (SHA-256)"),
    ("mergef_revision", "Változat", "Revision"),
    // End of upload, jobs and merge.
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
                    .filter_map(|p| p.split_once('}').map(|(h, _)| h.to_string()))
                    .collect();
                v.sort();
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
            // Upload, jobs and merge.
            include_str!("upload.rs"),
            include_str!("jobs.rs"),
            include_str!("merge.rs"),
            include_str!("../../templates/web/upload.html"),
            include_str!("../../templates/web/jobs.html"),
            include_str!("../../templates/web/job.html"),
            include_str!("../../templates/web/merge.html"),
            include_str!("../../templates/web/merge_pair.html"),
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
    }
}
