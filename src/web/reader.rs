//! The reader, `/t/{id}` (`?q=` highlights a search's words, `?p=N` selects
//! passage N and shows its citation; `#pN` is its anchor), and the
//! recording, `/media/{id}`, served with range requests.
//!
//! A testimony the viewer may not see answers exactly like a missing one,
//! here and in `/media`.

use askama::Template;
use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tower::ServiceExt;
use tower_http::services::ServeFile;

use crate::Archive;

use super::html::{escape, marked, path_segment, query_string, timecode};
use super::i18n::{self, Msg, UiLang};
use super::search::{reader_href, vocab_label};
use super::{Creds, Failure, Shared, blocking, failure_page, remember_lang, render, viewer};
use crate::access::Role;

/// The reader's parameters.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Params {
    /// The search the reader was opened from (its words are highlighted).
    #[serde(default)]
    pub q: String,
    /// The selected passage (its ordinal).
    #[serde(default)]
    pub p: String,
    /// A time (`H:MM:SS`, `MM:SS` or seconds): selects the passage being
    /// spoken then, when `p` is not given.
    #[serde(default)]
    pub at: String,
    /// Interface language.
    #[serde(default)]
    pub hl: String,
}

struct Field {
    label: &'static str,
    value: String,
}

struct TagView {
    facet: String,
    label: String,
    href: String,
}

struct TocEntry {
    time: String,
    href: String,
    title: String,
    synopsis: String,
}

struct Segment {
    anchor: String,
    link: String,
    time: String,
    secs: String,
    speaker: String,
    lang: String,
    html: String,
    selected: bool,
}

struct Media {
    src: String,
    mime: &'static str,
    video: bool,
}

#[derive(Template)]
#[template(path = "web/reader.html")]
struct ReaderPage {
    m: Msg,
    switch_href: String,
    title: String,
    fields: Vec<Field>,
    summary: String,
    tags: Vec<TagView>,
    toc: Vec<TocEntry>,
    segments: Vec<Segment>,
    media: Option<Media>,
    cite: String,
    back: String,
    redacted: bool,
    who: String,
    /// An archivist: links to the curation screens (this testimony's).
    curates: bool,
    curate_href: String,
}

/// `GET /t/{id}`.
pub async fn page(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Query(p): Query<Params>,
) -> Response {
    let lang = i18n::choose(&headers, Some(&p.hl));
    let hl = p.hl.clone();
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        })
        .map(str::to_string);
    let creds = Creds::from_headers(&headers, false);
    let result = blocking(&state, move |a| {
        let v = viewer(a, &creds)?;
        let mut page = build(a, &id, &p, lang, host.as_deref(), v.role)?;
        page.who = v.name.unwrap_or_default();
        if v.role == Role::Archivist {
            page.curates = true;
            page.curate_href = format!("/curate/t/{}", path_segment(id.as_str()));
        }
        Ok(page)
    })
    .await;
    let resp = match result {
        Ok(page) => render(&page),
        Err(f) => failure_page(f, lang),
    };
    remember_lang(resp, Some(&hl))
}

fn build(
    a: &Archive,
    id: &str,
    p: &Params,
    lang: UiLang,
    host: Option<&str>,
    role: Role,
) -> Result<ReaderPage, Failure> {
    let m = Msg { lang };
    let Some(view) = a.show(id, role)? else {
        return Err(Failure::NotFound);
    };
    let t = &view.testimony;
    let selected: Option<i64> = p.p.trim().parse().ok().or_else(|| {
        let ms = parse_time(&p.at)?;
        view.segments
            .iter()
            .filter(|s| s.start_ms.is_some_and(|st| st <= ms))
            .map(|s| s.ordinal)
            .next_back()
    });
    let mut fields = Vec::new();
    let mut push = |label: &'static str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            fields.push(Field { label, value });
        }
    };
    push(m.get("narrator"), t.narrator.clone());
    push(
        m.get("birth_year"),
        t.narrator_birth_year.map(|y| y.to_string()),
    );
    push(m.get("birthplace"), t.narrator_birthplace.clone());
    push(m.get("interviewer"), t.interviewer.clone());
    push(m.get("recorded"), t.recorded.clone());
    push(m.get("recording_place"), t.recording_place.clone());
    push(
        m.get("languages"),
        Some(
            t.languages
                .iter()
                .map(|l| lang_name(m, l))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    );
    push(m.get("keywords"), Some(t.keywords.join(", ")));
    push(m.get("rights"), t.rights.clone());
    push(m.get("source"), t.source.clone());
    push(m.get("identifier"), Some(t.id.clone()));

    let tags = view
        .tags
        .iter()
        .map(|tag| {
            let param = match tag.facet.as_str() {
                "wave" => "wave",
                "transit_camp" => "transit",
                _ => "region",
            };
            TagView {
                facet: m
                    .get(match tag.facet.as_str() {
                        "wave" => "wave",
                        "transit_camp" => "transit_camp",
                        "place" => "place",
                        _ => "region",
                    })
                    .to_string(),
                label: vocab_label(a, &tag.value, lang),
                href: format!("/search{}", query_string(&[(param, tag.value.as_str())])),
            }
        })
        .collect();

    // Highlights of the search the reader came from; a query that does not
    // parse highlights nothing.
    let texts: Vec<(&str, &str)> = view
        .segments
        .iter()
        .map(|s| (s.text.as_str(), s.lang.as_str()))
        .collect();
    let marks = if p.q.trim().is_empty() {
        Vec::new()
    } else {
        a.highlight(&p.q, &texts).unwrap_or_default()
    };
    let speakers = &t.speakers;
    let name_of = |label: &Option<String>| -> String {
        let Some(l) = label else {
            return String::new();
        };
        speakers
            .iter()
            .find(|s| s.label.to_lowercase() == l.to_lowercase())
            .map_or_else(|| l.clone(), |s| s.name.clone())
    };
    let mut cite = String::new();
    let segments: Vec<Segment> = view
        .segments
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let sel = selected == Some(s.ordinal);
            let time = s.start_ms.map(timecode).unwrap_or_default();
            let link = reader_href(&t.id, "", Some(s.ordinal));
            if sel {
                cite = citation(m, &view.testimony, s.ordinal, &time, host, &link);
            }
            Segment {
                anchor: format!("p{}", s.ordinal),
                link,
                secs: s
                    .start_ms
                    .map(|ms| format!("{:.3}", ms as f64 / 1000.0))
                    .unwrap_or_default(),
                time,
                speaker: name_of(&s.speaker),
                lang: s.lang.clone(),
                html: match marks.get(i) {
                    Some(mk) if !mk.is_empty() => marked(&s.text, mk),
                    _ => escape(&s.text),
                },
                selected: sel,
            }
        })
        .collect();

    let toc = view
        .index_points
        .iter()
        .map(|ip| {
            // The passage the point's time falls in.
            let ms = i64::try_from(ip.start_ms).unwrap_or(i64::MAX);
            let ordinal = view
                .segments
                .iter()
                .filter(|s| s.start_ms.is_some_and(|st| st <= ms))
                .map(|s| s.ordinal)
                .next_back();
            TocEntry {
                time: timecode(ms),
                href: ordinal.map_or_else(String::new, |o| format!("#p{o}")),
                title: ip.title.clone(),
                synopsis: ip.synopsis.clone().unwrap_or_default(),
            }
        })
        .collect();

    let media = a.media(&t.id, role)?.map(|f| Media {
        src: format!("/media/{}", path_segment(&t.id)),
        mime: f.mime,
        video: f.mime.starts_with("video/"),
    });

    let here = format!(
        "/t/{}{}",
        path_segment(&t.id),
        query_string(&[("q", p.q.as_str()), ("p", p.p.trim()), ("at", p.at.trim())])
    );
    let sep = if here.contains('?') { '&' } else { '?' };
    Ok(ReaderPage {
        m,
        switch_href: format!("{here}{sep}hl={}", lang.other().code()),
        title: t.title.clone(),
        fields,
        summary: t.summary.clone().unwrap_or_default(),
        tags,
        toc,
        segments,
        media,
        cite,
        back: if p.q.trim().is_empty() {
            String::new()
        } else {
            format!("/search{}", query_string(&[("q", p.q.as_str())]))
        },
        redacted: view.redacted,
        who: String::new(),
        curates: false,
        curate_href: String::new(),
    })
}

/// `H:MM:SS`, `MM:SS` or `SS` (fractions ignored) as milliseconds.
fn parse_time(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let mut total: i64 = 0;
    let parts: Vec<&str> = s.split(':').collect();
    if parts.len() > 3 {
        return None;
    }
    for part in parts {
        let whole = part.split('.').next()?;
        let n: i64 = whole.parse().ok().filter(|n| (0..=359_999).contains(n))?;
        total = total.checked_mul(60)?.checked_add(n)?;
    }
    total.checked_mul(1000)
}

fn lang_name(m: Msg, code: &str) -> String {
    match code {
        "hu" | "ru" | "de" => m.get(&format!("lang_{code}")).to_string(),
        other => other.to_string(),
    }
}

/// A citation of one passage: who, what, when, where, the passage and its
/// timecode, and its permanent link.
fn citation(
    m: Msg,
    t: &crate::store::TestimonyRow,
    ordinal: i64,
    time: &str,
    host: Option<&str>,
    link: &str,
) -> String {
    let mut parts = Vec::new();
    if let Some(n) = &t.narrator {
        parts.push(n.clone());
    }
    parts.push(t.title.clone());
    if let Some(i) = &t.interviewer {
        parts.push(m.fill("interview_by", &[("who", i.clone())]));
    }
    if let Some(r) = &t.recorded {
        parts.push(r.clone());
    }
    let mut at = format!("{} {ordinal}", m.get("passage"));
    if !time.is_empty() {
        at.push_str(&format!(", {time}"));
    }
    parts.push(format!("tanu: {}, {at}", t.id));
    let url = match host {
        Some(h) => format!("http://{h}{link}"),
        None => link.to_string(),
    };
    format!("{}. {url}", parts.join(". "))
}

/// `GET /media/{id}`: the recording, with range requests; missing and
/// hidden answer alike (the same 404 page as the reader).
pub async fn media(State(state): State<Shared>, Path(id): Path<String>, req: Request) -> Response {
    let lang = i18n::choose(req.headers(), None);
    let creds = Creds::from_headers(req.headers(), false);
    let found = blocking(&state, move |a| Ok(a.media(&id, viewer(a, &creds)?.role)?)).await;
    match found {
        Ok(Some(file)) => {
            let mime: mime::Mime = file.mime.parse().unwrap_or(mime::APPLICATION_OCTET_STREAM);
            let svc = ServeFile::new_with_mime(&file.path, &mime);
            match svc.oneshot(req).await {
                Ok(resp) => resp.map(Body::new).into_response(),
                Err(e) => failure_page(Failure::Internal(e.to_string()), lang),
            }
        }
        Ok(None) => failure_page(Failure::NotFound, lang),
        Err(f) => failure_page(f, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_time;

    #[test]
    fn times_parse_or_are_refused() {
        assert_eq!(parse_time("1:02:03"), Some(3_723_000));
        assert_eq!(parse_time("02:03"), Some(123_000));
        assert_eq!(parse_time("42.5"), Some(42_000));
        assert_eq!(parse_time(""), None);
        assert_eq!(parse_time("x"), None);
        assert_eq!(parse_time("1:2:3:4"), None);
        assert_eq!(parse_time("-5"), None);
        assert_eq!(parse_time("99999999999999999999"), None);
    }
}
