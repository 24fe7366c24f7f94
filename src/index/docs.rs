//! Building Tantivy documents from stored rows.

use tantivy::TantivyDocument;
use tantivy::schema::Facet as TFacet;

use super::{Fields, Result, tokenize};
use crate::analysis::View;
use crate::lang::Lang;
use crate::parse::IndexPoint;
use crate::store::{SegmentRow, Store, TestimonyRow};
use crate::vocab::Vocabulary;

/// The `point` value of a testimony's catalogue-record document.
pub const RECORD_POINT: u64 = u64::MAX;

/// The catalogue record of a testimony as it is indexed and shown: title,
/// narrator and birthplace, interviewer, recording place, the names of the
/// other speakers, keywords and abstract — what a descendant types to find
/// a grandmother's interview (`Szűcs Ilona`). Only fields every role that
/// may see the testimony sees in `tanu show` (never the archivist's notes).
pub fn record_text(t: &TestimonyRow) -> String {
    let mut parts: Vec<String> = vec![t.title.clone()];
    let mut who = t.narrator.clone().unwrap_or_default();
    if let Some(place) = t.narrator_birthplace.as_deref().filter(|p| !p.is_empty()) {
        if who.is_empty() {
            who = place.to_string();
        } else {
            who = format!("{who} ({place})");
        }
    }
    parts.push(who);
    parts.push(t.interviewer.clone().unwrap_or_default());
    parts.push(t.recording_place.clone().unwrap_or_default());
    let named = |n: &str| {
        let n = n.to_lowercase();
        [&t.narrator, &t.interviewer]
            .iter()
            .filter_map(|x| x.as_deref())
            .any(|x| n.contains(&x.to_lowercase()))
    };
    let others: Vec<&str> = t
        .speakers
        .iter()
        .map(|s| s.name.as_str())
        .filter(|n| !n.is_empty() && !named(n))
        .collect();
    parts.push(others.join(", "));
    parts.push(t.keywords.join(", "));
    parts.push(t.summary.clone().unwrap_or_default());
    parts.retain(|p| !p.trim().is_empty());
    parts.join(" · ")
}

/// The documents of one testimony: its catalogue record, one per segment
/// and per index point, two for a segment with active redactions (and for
/// a point quoting one).
pub(super) fn testimony_docs(
    store: &Store,
    vocab: &Vocabulary,
    f: &Fields,
    t: &TestimonyRow,
) -> Result<Vec<TantivyDocument>> {
    if t.merged_into.is_some() {
        return Ok(Vec::new());
    }
    let segments = store.segments(t.num)?;
    let redactions = store.active_redaction_spans(t.num)?;
    let mut shared = Shared {
        f,
        t,
        confirmed: Vec::new(),
        all_tags: Vec::new(),
        embargo: t
            .embargo_until
            .as_deref()
            .and_then(crate::dates::parse_date)
            .map_or(i64::MAX, crate::dates::days_since_epoch),
    };
    for (_facet, value, status) in store.tag_values(t.num)? {
        let Some(entry) = vocab.get(&value) else {
            continue;
        };
        let Ok(path) = TFacet::from_text(&vocab.facet_path(entry)) else {
            continue;
        };
        if status == "confirmed" {
            shared.confirmed.push(path.clone());
        }
        shared.all_tags.push(path);
    }
    let prior = t.languages.first().map(|c| Lang::for_code(c));
    let mut out = Vec::with_capacity(segments.len() + 1);

    // The catalogue record, so that a name or title finds the testimony.
    let record = record_text(t);
    let record_lang = crate::lang::detect(&record, prior);
    out.push(shared.doc(0, RECORD_POINT, record_lang, "all", &record));

    for (i, seg) in segments.iter().enumerate() {
        let question = i
            .checked_sub(1)
            .and_then(|j| segments.get(j))
            .filter(|q| question_before(q, seg));
        let asks = segments
            .get(i + 1)
            .is_some_and(|next| question_before(seg, next));
        let lang = Lang::from_code(&seg.lang).unwrap_or(Lang::Other);
        let spans = crate::access::spans_at(&redactions, seg.ordinal);
        let versions: Vec<(&str, String)> = if spans.is_empty() {
            vec![("all", seg.text.clone())]
        } else {
            vec![
                ("archivist", seg.text.clone()),
                ("redacted", crate::access::blank_spans(&seg.text, &spans)),
            ]
        };
        for (audience, text) in versions {
            let mut doc = shared.doc(seg.ordinal as u64, 0, lang, audience, &text);
            doc.add_u64(f.asks, u64::from(asks));
            if let Some(sp) = &seg.speaker {
                doc.add_text(f.speaker, sp.to_lowercase());
            }
            if let Some(q) = question {
                // Redacted words of the question stay out of every copy an
                // archivist alone may not see.
                let asked_text = if audience == "archivist" {
                    q.text.clone()
                } else {
                    crate::access::blank_spans(
                        &q.text,
                        &crate::access::spans_at(&redactions, q.ordinal),
                    )
                };
                let qlang = Lang::from_code(&q.lang).unwrap_or(Lang::Other);
                let asked = tokenize::field_text(qlang, &asked_text);
                for view in View::ALL {
                    doc.add_text(f.context_view(view), &asked);
                }
            }
            out.push(doc);
        }
    }

    let points = store.index_points(t.num)?;
    if points.is_empty() {
        return Ok(out);
    }
    let phrases = redacted_phrases(&segments, &redactions);
    for (i, point) in points.iter().enumerate() {
        // The segment the point's time falls in (0 when before any).
        let ordinal = segments
            .iter()
            .filter(|s| s.start_ms.is_some_and(|st| st <= point.start_ms as i64))
            .map(|s| s.ordinal)
            .next_back()
            .unwrap_or(0);
        for (audience, text) in point_versions(point, &phrases) {
            let lang = crate::lang::detect(&text, prior);
            out.push(shared.doc(ordinal as u64, i as u64 + 1, lang, audience, &text));
        }
    }
    Ok(out)
}

/// What every document of one testimony carries.
struct Shared<'a> {
    f: &'a Fields,
    t: &'a TestimonyRow,
    /// Facet paths of confirmed (and header) tags.
    confirmed: Vec<TFacet>,
    /// Facet paths of all tags, suggestions included.
    all_tags: Vec<TFacet>,
    /// The embargo date in days since the epoch (`i64::MAX`: none).
    embargo: i64,
}

impl Shared<'_> {
    /// A document of this testimony holding `text` in every view.
    fn doc(
        &self,
        ordinal: u64,
        point: u64,
        lang: Lang,
        audience: &str,
        text: &str,
    ) -> TantivyDocument {
        let (f, t) = (self.f, self.t);
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.tnum, t.num as u64);
        doc.add_u64(f.ordinal, ordinal);
        doc.add_u64(f.point, point);
        doc.add_text(f.tid, &t.id);
        doc.add_text(f.lang, lang.code());
        doc.add_text(f.audience, audience);
        doc.add_text(f.access, t.access.name());
        doc.add_text(f.status, &t.status);
        doc.add_i64(f.embargo, self.embargo);
        for p in &self.confirmed {
            doc.add_facet(f.tags, p.clone());
        }
        for p in &self.all_tags {
            doc.add_facet(f.tags_suggested, p.clone());
        }
        // The view tokenizers analyse the text (tokenize.rs).
        let value = tokenize::field_text(lang, text);
        for view in View::ALL {
            doc.add_text(f.view(view), &value);
        }
        doc
    }
}

/// The passages redactions hide, as phrases to blank in index points.
fn redacted_phrases(segments: &[SegmentRow], spans: &[(i64, (usize, usize))]) -> Vec<String> {
    let texts: Vec<(i64, &str)> = segments
        .iter()
        .map(|s| (s.ordinal, s.text.as_str()))
        .collect();
    crate::access::redacted_phrases(&texts, spans)
}

/// The texts an index point is indexed with: one for everybody, or the
/// full one for archivists and a blanked one for the rest when it quotes a
/// redacted passage.
fn point_versions(point: &IndexPoint, phrases: &[String]) -> Vec<(&'static str, String)> {
    let full = point.texts().join("\n");
    let mut redacted = point.clone();
    crate::access::redact_index_point(&mut redacted, phrases);
    let redacted = redacted.texts().join("\n");
    if redacted == full {
        vec![("all", full)]
    } else {
        vec![("archivist", full), ("redacted", redacted)]
    }
}

/// How many documents the index should hold for the store as it is now.
pub fn expected_docs(store: &Store) -> Result<u64> {
    let mut n = store.expected_index_docs()?;
    for num in store.testimonies_with_redacted_points()? {
        let phrases = redacted_phrases(&store.segments(num)?, &store.active_redaction_spans(num)?);
        for point in store.index_points(num)? {
            n += point_versions(&point, &phrases).len() as u64 - 1;
        }
    }
    Ok(n)
}

/// Is `prev` a question that `seg` answers? An interview is told in
/// questions and answers; the words of a question (`Milyenek voltak a
/// körülmények Foksányban?`) are the context of the answer after it (`Kitört
/// a vérhas`). A question ends with `?` (before closing quotes or
/// brackets) and is spoken by someone other than the answer's speaker.
pub fn question_before(prev: &SegmentRow, seg: &SegmentRow) -> bool {
    let asked = prev
        .text
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '»' | '”' | ')'))
        .ends_with('?');
    let other_speaker = match (&prev.speaker, &seg.speaker) {
        (Some(a), Some(b)) => a.to_lowercase() != b.to_lowercase(),
        _ => false,
    };
    asked && other_speaker && prev.ordinal + 1 == seg.ordinal
}
