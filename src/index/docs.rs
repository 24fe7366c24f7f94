//! Building Tantivy documents from stored rows.

use tantivy::TantivyDocument;
use tantivy::schema::Facet as TFacet;

use super::{Fields, Result, tokenize};
use crate::analysis::View;
use crate::lang::Lang;
use crate::store::{Store, TestimonyRow};
use crate::vocab::Vocabulary;

/// The documents of one testimony: one per segment, two for a segment with
/// active redactions.
pub(super) fn testimony_docs(
    store: &Store,
    vocab: &Vocabulary,
    f: &Fields,
    t: &TestimonyRow,
) -> Result<Vec<TantivyDocument>> {
    let segments = store.segments(t.num)?;
    let redactions: Vec<_> = store
        .redactions(t.num)?
        .into_iter()
        .filter(|r| r.active)
        .collect();
    let mut confirmed = Vec::new();
    let mut all_tags = Vec::new();
    for (_facet, value, status) in store.tag_values(t.num)? {
        let Some(entry) = vocab.get(&value) else {
            continue;
        };
        let Ok(path) = TFacet::from_text(&vocab.facet_path(entry)) else {
            continue;
        };
        if status == "confirmed" {
            confirmed.push(path.clone());
        }
        all_tags.push(path);
    }
    let embargo = t
        .embargo_until
        .as_deref()
        .and_then(crate::dates::parse_date)
        .map_or(i64::MAX, crate::dates::days_since_epoch);
    let mut out = Vec::with_capacity(segments.len());
    for seg in &segments {
        let lang = Lang::from_code(&seg.lang).unwrap_or(Lang::Other);
        let spans: Vec<(usize, usize)> = redactions
            .iter()
            .filter(|r| r.ordinal == seg.ordinal)
            .map(|r| (r.span.0.max(0) as usize, r.span.1.max(0) as usize))
            .collect();
        let versions: Vec<(&str, String)> = if spans.is_empty() {
            vec![("all", seg.text.clone())]
        } else {
            vec![
                ("archivist", seg.text.clone()),
                ("redacted", crate::access::blank_spans(&seg.text, &spans)),
            ]
        };
        for (audience, text) in versions {
            let mut doc = TantivyDocument::default();
            doc.add_u64(f.tnum, t.num as u64);
            doc.add_u64(f.ordinal, seg.ordinal as u64);
            doc.add_text(f.tid, &t.id);
            doc.add_text(f.lang, lang.code());
            if let Some(sp) = &seg.speaker {
                doc.add_text(f.speaker, sp.to_lowercase());
            }
            doc.add_text(f.audience, audience);
            doc.add_text(f.access, t.access.name());
            doc.add_text(f.status, &t.status);
            doc.add_i64(f.embargo, embargo);
            for p in &confirmed {
                doc.add_facet(f.tags, p.clone());
            }
            for p in &all_tags {
                doc.add_facet(f.tags_suggested, p.clone());
            }
            // The view tokenizers analyse the text (tokenize.rs).
            let value = tokenize::field_text(lang, &text);
            for view in View::ALL {
                doc.add_text(f.view(view), &value);
            }
            out.push(doc);
        }
    }
    Ok(out)
}
