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
    ), // Curation in the browser (issue 12): src/web/curate.rs.
    ("access", "Hozzáférés", "Access"),
    ("add", "Hozzáadás", "Add"),
    ("add_tag", "Címke hozzáadása", "Add a tag"),
    ("all_facets", "Minden szempont", "All facets"),
    ("all_suggestions", "Minden javaslat", "All suggestions"),
    ("audit_broken", "A napló sérült!", "The log is broken!"),
    ("audit_log", "Változásnapló", "Audit log"),
    (
        "audit_matched",
        "{n} bejegyzés felel meg.",
        "{n} {n?entry matches|entries match}.",
    ),
    (
        "audit_matched_newest",
        "{n} bejegyzés felel meg; a legújabb {shown} látható.",
        "{n} {n?entry matches|entries match}; the newest {shown} are shown.",
    ),
    (
        "audit_ok",
        "{n} bejegyzés, a lánc ép. Utolsó hash: {head}",
        "{n} {n?entry|entries}, the chain is intact. Head hash: {head}",
    ),
    (
        "audit_bad",
        "Az első hibás bejegyzés: {seq} ({problem}).",
        "The first bad entry: {seq} ({problem}).",
    ),
    ("audit_verified", "Ellenőrizve.", "Verified."),
    (
        "back_to_queue",
        "Vissza a javaslatokhoz",
        "Back to the review queue",
    ),
    ("back_to_record", "Vissza a rekordhoz", "Back to the record"),
    (
        "bulk_confirm",
        "Mind a(z) {n} elfogadása",
        "Confirm all {n}",
    ),
    ("bulk_n", "{n} javaslat", "{n} {n?suggestion|suggestions}"),
    (
        "bulk_none",
        "Nincs ilyen függő javaslat.",
        "No such suggestion is waiting.",
    ),
    (
        "bulk_of_rule",
        "A(z) {rule} szabály minden javaslata",
        "Every suggestion of rule {rule}",
    ),
    (
        "bulk_of_value",
        "Minden javaslat: {facet} = {value}",
        "Every suggestion of {facet} = {value}",
    ),
    ("bulk_reject", "Mind a(z) {n} elutasítása", "Reject all {n}"),
    (
        "bulk_rule",
        "Ennek a szabálynak minden javaslata",
        "Every suggestion of this rule",
    ),
    (
        "bulk_title",
        "Egyszerre több döntés",
        "Decide several at once",
    ),
    (
        "bulk_value",
        "mind ezzel az értékkel…",
        "all of this value…",
    ),
    ("catalogue_record", "Katalógusrekord", "Catalogue record"),
    ("confidence", "Biztosság", "Confidence"),
    ("confirm", "Elfogad", "Confirm"),
    ("correct", "Javítás", "Correct"),
    (
        "corrected_passages",
        "Javított szakaszok",
        "Corrected passages",
    ),
    ("corrected_text", "Javított szöveg", "Corrected text"),
    ("cur_testimonies", "Visszaemlékezések", "Testimonies"),
    ("curation", "Gondozás", "Curation"),
    ("curator", "Gondozó", "Curator"),
    (
        "decisions_and_changes",
        "Döntések és változások",
        "Decisions and changes",
    ),
    ("done_add", "Címke hozzáadva ({n}).", "Tag added ({n})."),
    ("done_confirm", "Elfogadva: {n}.", "Confirmed: {n}."),
    ("done_reject", "Elutasítva: {n}.", "Rejected: {n}."),
    ("earlier_texts", "korábbi szövegek", "earlier texts"),
    ("embargo", "Zárolás vége", "Embargo until"),
    (
        "err_birth_year",
        "Évszám kell 1850 és 2030 között.",
        "A year between 1850 and 2030, please.",
    ),
    (
        "err_date",
        "Dátum kell ÉÉÉÉ-HH-NN alakban.",
        "A date as YYYY-MM-DD, please.",
    ),
    (
        "err_embargo",
        "A zárolás vége dátum legyen (ÉÉÉÉ-HH-NN), vagy üres.",
        "The embargo must be a date (YYYY-MM-DD) or empty.",
    ),
    (
        "err_fields",
        "Néhány mező hibás; lásd mellettük.",
        "Some fields are not valid; see beside them.",
    ),
    ("err_languages", "Ismeretlen nyelv", "Unknown language"),
    (
        "err_no_base",
        "Az űrlapból hiányzik, melyik változaton készült; töltse be újra az oldalt.",
        "The form does not say which state it was made on; reload the page.",
    ),
    (
        "err_no_passage",
        "Nincs ilyen szakasz.",
        "There is no such passage.",
    ),
    ("err_no_redaction", "Melyik kitakarást?", "Which redaction?"),
    (
        "err_nothing_changed",
        "Egyik mező sem változott.",
        "No field was changed.",
    ),
    (
        "err_recorded",
        "Dátum kell ÉÉÉÉ, ÉÉÉÉ-HH vagy ÉÉÉÉ-HH-NN alakban.",
        "A date as YYYY, YYYY-MM or YYYY-MM-DD, please.",
    ),
    (
        "err_redact_absent",
        "Ez a szöveg nem szerepel a szakaszban.",
        "This text does not occur in the passage.",
    ),
    (
        "err_redact_ambiguous",
        "Ez a szöveg {n}-szor szerepel a szakaszban; jelölje ki a szövegben a megfelelőt, vagy adjon meg hosszabb részletet.",
        "This text occurs {n} times in the passage; select the one you mean in the text, or give a longer piece.",
    ),
    (
        "err_redact_reason",
        "A kitakaráshoz indoklás kell.",
        "A redaction needs a reason.",
    ),
    (
        "err_redact_text",
        "Adja meg a kitakarandó szöveget, vagy jelölje ki a szövegben.",
        "Give the text to redact, or select it in the transcript.",
    ),
    (
        "err_selection_moved",
        "A kijelölt szöveg közben megváltozott; jelölje ki újra.",
        "The selected text has changed since; select it again.",
    ),
    (
        "err_stale",
        "Valaki más módosította ezt a visszaemlékezést, mióta megnyitotta. A változtatását nem mentettük; lent megtalálja, és újra elküldheti.",
        "Someone else changed this testimony since you opened it. Your change was not saved; it is kept below, and you can send it again.",
    ),
    ("err_status", "Ismeretlen állapot.", "Unknown status."),
    (
        "err_text_empty",
        "A javított szöveg nem lehet üres.",
        "The corrected text cannot be empty.",
    ),
    (
        "err_title_empty",
        "A cím nem lehet üres.",
        "The title cannot be empty.",
    ),
    ("err_value_empty", "Adjon meg egy értéket.", "Give a value."),
    ("everyone", "Mindenki", "Everyone"),
    ("evidence", "Bizonyíték", "Evidence"),
    ("facet", "Szempont", "Facet"),
    ("field_notes", "Megjegyzések (belső)", "Notes (internal)"),
    ("field_title", "Cím", "Title"),
    ("file", "Fájl", "File"),
    ("filter", "Szűrés", "Filter"),
    ("from_date", "Ettől", "From"),
    (
        "hint_embargo",
        "ÉÉÉÉ-HH-NN; üresen: nincs zárolás",
        "YYYY-MM-DD; empty: no embargo",
    ),
    (
        "hint_keywords",
        "vesszővel elválasztva",
        "separated by commas",
    ),
    (
        "hint_languages",
        "kódok vesszővel: hu, ru, de",
        "codes with commas: hu, ru, de",
    ),
    (
        "hint_partial_date",
        "ÉÉÉÉ, ÉÉÉÉ-HH vagy ÉÉÉÉ-HH-NN",
        "YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    ("hint_year", "pl. 1927", "e.g. 1927"),
    ("history", "Előzmények", "History"),
    ("lift", "Feloldás", "Lift"),
    ("lifted", "Feloldva", "Lifted"),
    ("merged_here", "Ide olvasztva:", "Merged into this one:"),
    ("merged_into", "Beolvasztva ebbe:", "Merged into"),
    ("no_redactions", "Nincs kitakarás.", "No redactions."),
    ("note", "Megjegyzés", "Note"),
    (
        "only_this",
        "csak ez, a lehetséges címkékkel",
        "only this one, with possible tags",
    ),
    (
        "open_reader",
        "Megnyitás az olvasóban",
        "Open in the reader",
    ),
    (
        "possible",
        "Lehetséges címkék (gyenge jelek, nincsenek tárolva)",
        "Possible tags (weak signals, not stored)",
    ),
    (
        "queue_empty",
        "Nincs elbírálandó javaslat.",
        "Nothing waits for review.",
    ),
    ("reason", "Indoklás", "Reason"),
    ("redact", "Kitakarás", "Redact"),
    (
        "redact_help",
        "Jelölje ki a szöveget az átiratban (a szakasz és a pontos hely kitöltődik), vagy írja be a szakasz számát és a pontos szöveget, amely egyszer fordul elő benne.",
        "Select the text in the transcript (the passage and the exact place are filled in), or type the passage number and the exact text, which must occur once in it.",
    ),
    ("redact_text", "Kitakarandó szöveg", "Text to redact"),
    ("redact_title", "Új kitakarás", "New redaction"),
    ("redacted_text", "Kitakart szöveg", "Redacted text"),
    ("redactions", "Kitakarások", "Redactions"),
    (
        "refused_change",
        "A változtatás nem történt meg:",
        "The change was not made:",
    ),
    (
        "refused_nothing_changed",
        "Semmi sem változott:",
        "Nothing was changed:",
    ),
    ("reject", "Elutasít", "Reject"),
    (
        "review_keys",
        "Billentyűk: j/k következő/előző, c elfogad, r elutasít.",
        "Keys: j/k next/previous, c confirm, r reject.",
    ),
    ("review_queue", "Elbírálandó javaslatok", "Review queue"),
    ("review_this", "Javaslatai", "Its suggestions"),
    ("revisions", "Változatok", "Revisions"),
    ("save_correction", "Javítás mentése", "Save the correction"),
    ("save_record", "Rekord mentése", "Save the record"),
    ("saved_access", "A hozzáférés beállítva.", "Access set."),
    ("saved_correct", "A javítás elmentve.", "Correction saved."),
    ("saved_edit", "A rekord elmentve.", "Record saved."),
    ("saved_redact", "A szöveg kitakarva.", "Text redacted."),
    ("saved_status", "Az állapot beállítva.", "Status set."),
    (
        "saved_unredact",
        "A kitakarás feloldva.",
        "Redaction lifted.",
    ),
    ("set_access", "Hozzáférés beállítása", "Set access"),
    ("set_status", "Állapot beállítása", "Set status"),
    ("shown_n", "{n} látható", "{n} shown"),
    (
        "stale_kept",
        "Az Ön által beírtak megmaradtak az űrlapon; a rejtett változatszám már a mostani, így újraküldéskor a fenti változások helyére kerül.",
        "What you typed is kept in the form; it now carries the current state, so sending it again applies it over the changes above.",
    ),
    ("stale_since", "Azóta ez változott:", "What changed since:"),
    ("status", "Állapot", "Status"),
    ("status_in_review", "ellenőrzés alatt", "in review"),
    ("status_new", "új", "new"),
    ("status_published", "közzétéve", "published"),
    ("status_withdrawn", "visszavonva", "withdrawn"),
    ("access_public", "nyilvános", "public"),
    (
        "access_restricted",
        "korlátozott (kutatók)",
        "restricted (researchers)",
    ),
    (
        "access_sealed",
        "zárt (csak archivisták)",
        "sealed (archivists only)",
    ),
    ("target", "Tárgy", "Target"),
    ("to_date", "Eddig", "To"),
    ("to_review", "Elbírálandó", "To review"),
    ("value", "Érték", "Value"),
    (
        "waiting_n",
        "{n} javaslat vár elbírálásra.",
        "{n} {n?suggestion waits|suggestions wait} for review.",
    ),
    ("what", "Mi", "What"),
    ("when", "Mikor", "When"),
    ("who", "Ki", "Who"),
    ("why", "Miért", "Why"),
    ("cur_link", "Gondozás", "Curate"),
    ("passage_no", "Szakasz", "Passage"),
    ("reader_short", "Olvasó", "Reader"),
    (
        "shown_of_testimonies",
        "{n} látható, {all} visszaemlékezés közül az első {shown}",
        "{n} shown, from the first {shown} of {all} testimonies",
    ),
    (
        "conflict_field",
        "Ezt közben más is módosította; most ez: {now}",
        "Someone else changed this too; it is now: {now}",
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
            // Curation (issue 12).
            include_str!("curate.rs"),
            include_str!("../../templates/web/curate_nav.html"),
            include_str!("../../templates/web/curate_index.html"),
            include_str!("../../templates/web/curate_review.html"),
            include_str!("../../templates/web/curate_bulk.html"),
            include_str!("../../templates/web/curate_record.html"),
            include_str!("../../templates/web/curate_history.html"),
            include_str!("../../templates/web/curate_audit.html"),
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
        let en = Msg { lang: UiLang::En };
        let count =
            |n: &str, p: &str| en.fill("results_count", &[("n", n.into()), ("p", p.into())]);
        assert_eq!(count("1", "1"), "1 testimony, 1 matching passage");
        assert_eq!(count("2", "11"), "2 testimonies, 11 matching passages");
        assert_eq!(
            Msg { lang: UiLang::Hu }.fill("results_count", &[("n", "1".into()), ("p", "3".into())]),
            "1 visszaemlékezés, 3 találó részlet"
        );
        // Seen on the bulk review page: "1 suggestions".
        let one = |key: &str| en.fill(key, &[("n", "1".into()), ("head", "ab12".into())]);
        assert_eq!(one("bulk_n"), "1 suggestion");
        assert_eq!(one("waiting_n"), "1 suggestion waits for review.");
        assert_eq!(one("audit_matched"), "1 entry matches.");
        assert_eq!(
            one("audit_ok"),
            "1 entry, the chain is intact. Head hash: ab12"
        );
        assert_eq!(en.fill("bulk_n", &[("n", "12".into())]), "12 suggestions");
    }
}
