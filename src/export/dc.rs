//! Dublin Core, as an OAI-DC record (`oai_dc:dc`), the form repositories
//! harvest and load.
//!
//! `title`; `creator` the narrator (the interviewee is the author of a
//! testimony) and `contributor` the interviewer; `subject` the keywords and
//! the labels of confirmed wave tags; `coverage` the recording place and
//! the labels of confirmed region, place and transit-camp tags;
//! `description` the summary; `date` the recording date; `type` `Text` and
//! `oral history interview`; `identifier` the tanu id; `source`; `language`
//! the ISO 639-1 codes; `rights` the rights statement and the access level.

use super::ExportRecord;
use crate::parse::xml::escape;
use crate::vocab::Vocabulary;

/// The record as an OAI-DC XML document.
pub fn to_dc(r: &ExportRecord, vocab: &Vocabulary) -> String {
    let v = &r.view;
    let t = &v.testimony;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd\">\n",
    );
    let mut el = |name: &str, value: &str| {
        if !value.trim().is_empty() {
            out.push_str(&format!("  <dc:{name}>{}</dc:{name}>\n", escape(value)));
        }
    };
    el("identifier", &t.id);
    el("title", &t.title);
    if let Some(n) = &t.narrator {
        el("creator", n);
    }
    if let Some(i) = &t.interviewer {
        el("contributor", i);
    }
    for k in &t.keywords {
        el("subject", k);
    }
    let label = |id: &str| {
        vocab
            .get(id)
            .map_or_else(|| id.to_string(), |e| e.labels.hu.clone())
    };
    let confirmed = || v.tags.iter().filter(|g| g.status == "confirmed");
    for g in confirmed().filter(|g| g.facet == "wave") {
        el("subject", &label(&g.value));
    }
    if let Some(s) = &t.summary {
        el("description", s);
    }
    if let Some(d) = &t.recorded {
        el("date", d);
    }
    el("type", "Text");
    el("type", "oral history interview");
    if let Some(s) = &t.source {
        el("source", s);
    }
    for l in &t.languages {
        el("language", l);
    }
    if let Some(p) = &t.recording_place {
        el("coverage", p);
    }
    for g in confirmed().filter(|g| g.facet != "wave") {
        el("coverage", &label(&g.value));
    }
    if let Some(rights) = &t.rights {
        el("rights", rights);
    }
    let mut access = format!("access: {}", t.access.name());
    if let Some(e) = &t.embargo_until {
        access.push_str(&format!(", embargo until {e}"));
    }
    el("rights", &access);
    out.push_str("</oai_dc:dc>\n");
    out
}
