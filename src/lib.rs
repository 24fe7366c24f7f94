/*!
tanu (Hungarian *tanú*, "witness") is an archive for oral-history
testimonies: it ingests transcript files in any encoding and spelling,
keeps the original bytes, stores testimonies in SQLite (the source of truth)
and makes them searchable with Tantivy across inflections, missing accents
and scripts.

The principal type is [`Archive`], a directory holding `tanu.sqlite` and
`index/`. Data flows through one module per stage:

```text
bytes ─ decode ─ repair ─ parse ─ (lang) ─ tag ─ store ─ index ─ search
```

- [`decode`]: bytes → text, detecting the encoding;
- [`repair`]: mojibake, invisible characters, hyphenation, NFC;
- [`parse`]: text → [`parse::Transcript`] (header and segments);
- [`lang`]: per-segment language;
- [`vocab`] and [`tag`]: the gazetteer and suggested tags; [`facets`]: values
  with their testimony counts;
- [`store`]: SQLite, with revisions and a hash-chained audit log;
- [`analysis`], [`index`] and [`search`]: the analysed views, the derived
  index and the query language;
- [`access`]: roles, access levels, embargoes and redaction;
- [`export`]: JSON (backups), CSV, OHMS XML, WebVTT and Dublin Core, built
  through the access layer.

```no_run
use tanu::{Archive, search::SearchRequest};

let mut archive = Archive::open("tanu-archive".as_ref())?;
let results = archive.search(&SearchRequest::new("Sztálinó"))?;
for hit in results.hits {
    println!("{} {}", hit.id, hit.title);
}
# Ok::<(), tanu::ArchiveError>(())
```
*/

#![deny(missing_docs)]

pub mod access;
pub mod accounts;
pub mod analysis;
mod archive;
pub mod batch;
pub mod corpus;
pub mod curate;
pub mod dates;
pub mod decode;
pub mod duplicates;
pub mod export;
pub mod facets;
#[doc(hidden)]
pub mod fuzz;
pub mod hash;
pub mod identity;
pub mod index;
pub mod ingest;
pub mod lang;
pub mod limits;
pub mod parse;
pub mod repair;
pub mod search;
pub mod store;
pub mod suggest;
pub mod tag;
pub mod upload;
pub mod vocab;
pub mod web;

pub use crate::archive::{
    Archive, ArchiveError, DB_FILE, FileReport, INDEX_DIR, IndexStamp, IngestJob, MEDIA_DIR,
    MEDIA_TYPES, MediaFile, TestimonyView,
};
// OAI-PMH harvesting (web: /oai).
pub use crate::archive::{HarvestItem, HarvestPage, HarvestQuery, HarvestSet};
