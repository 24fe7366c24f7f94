//! OAI-PMH 2.0 at `/oai` (GET and POST): the public catalogue for
//! harvesters, as `oai_dc` records.
//!
//! The listing itself (public testimonies, their datestamps and sets,
//! filtered and paged) is [`Archive::harvest`]; this file parses the
//! protocol's arguments, checks them as the protocol says, and writes the
//! XML. Harvesters are always `public`: a hidden testimony is in no list,
//! and `GetRecord` or `ListMetadataFormats` on it answers exactly like an
//! unknown identifier (`idDoesNotExist`).
//!
//! Identifiers are `oai:tanu:{id}`. Resumption tokens are stateless: the
//! verb, the query and the last identifier sent, base64url-encoded; a list
//! is paged by identifier, so testimonies added or removed during a
//! harvest do not shift the pages. The page size is [`PAGE`], or the
//! environment variable `TANU_OAI_PAGE` (for tests).
//! Deleted records: `no` (tanu keeps no tombstones of records that leave
//! the public catalogue).

use std::sync::OnceLock;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::access::{Role, effective_access};
use crate::parse::xml::escape;
use crate::store::{TagRow, TestimonyRow};
use crate::{Archive, HarvestItem, HarvestQuery};

use super::{Failure, Shared, blocking};

/// Records per page of a list.
pub const PAGE: usize = 100;

/// The prefix of every OAI identifier.
const ID_PREFIX: &str = "oai:tanu:";

/// The one metadata format.
const OAI_DC: &str = "oai_dc";

/// The page size: `TANU_OAI_PAGE` when set to a number from 1 to 1000,
/// [`PAGE`] otherwise.
fn page_size() -> usize {
    static SIZE: OnceLock<usize> = OnceLock::new();
    *SIZE.get_or_init(|| {
        std::env::var("TANU_OAI_PAGE")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|n| (1..=1000).contains(n))
            .unwrap_or(PAGE)
    })
}

/// The administrator's e-mail address Identify must give:
/// `TANU_OAI_ADMIN_EMAIL`, or a placeholder on the local host.
fn admin_email() -> String {
    std::env::var("TANU_OAI_ADMIN_EMAIL")
        .ok()
        .filter(|v| v.contains('@') && !v.trim().is_empty())
        .unwrap_or_else(|| "archivist@localhost".to_string())
}

/// A protocol error: its code and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
struct OaiError {
    code: &'static str,
    message: String,
}

fn err(code: &'static str, message: impl Into<String>) -> OaiError {
    OaiError {
        code,
        message: message.into(),
    }
}

/// `GET /oai`.
pub async fn get(
    State(state): State<Shared>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    answer(state, &headers, q.unwrap_or_default()).await
}

/// `POST /oai` (`application/x-www-form-urlencoded`).
pub async fn post(State(state): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim()
                .to_ascii_lowercase()
                .starts_with("application/x-www-form-urlencoded")
        });
    // Anything but a form is a request without arguments (badVerb).
    let text = if form {
        String::from_utf8_lossy(&body).into_owned()
    } else {
        String::new()
    };
    answer(state, &headers, text).await
}

/// The verbs and their arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Request {
    Identify,
    ListMetadataFormats { identifier: Option<String> },
    ListSets,
    List { records: bool, list: ListArgs },
    GetRecord { identifier: String, prefix: String },
}

/// The arguments of ListIdentifiers and ListRecords (from the request or
/// from a resumption token).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct ListArgs {
    prefix: String,
    query: HarvestQuery,
    /// From a resumption token: the last identifier already sent.
    after: Option<String>,
}

/// The request's arguments as the `<request>` element echoes them.
type Echo = Vec<(String, String)>;

async fn answer(state: Shared, headers: &HeaderMap, query: String) -> Response {
    let base = base_url(headers);
    let parsed = parse(&query);
    let (echo, result) = match parsed {
        // Only after badVerb and badArgument does the request element go
        // without attributes; a bad token is echoed with its verb.
        Err(e) => (echo_of(&query), Err(e)),
        Ok((echo, req)) => {
            let base = base.clone();
            let out = blocking(&state, move |a| respond(a, &req, &base))
                .await
                .map_err(|f| match f {
                    Failure::NotFound => "not found".to_string(),
                    Failure::Internal(d) => d,
                });
            match out {
                Ok(r) => (echo, r),
                Err(detail) => {
                    eprintln!("tanu serve: {detail}");
                    return (
                        axum::http::StatusCode::SERVICE_UNAVAILABLE,
                        [(header::RETRY_AFTER, "10")],
                        "The archive is busy; try again.",
                    )
                        .into_response();
                }
            }
        }
    };
    let mut xml = String::with_capacity(4096);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd\">\n",
    );
    xml.push_str(&format!(
        "<responseDate>{}</responseDate>\n",
        crate::dates::now_rfc3339()
    ));
    // After badVerb or badArgument the request element carries no
    // attributes (the protocol's rule).
    let plain = match &result {
        Err(errs) => errs
            .iter()
            .any(|e| e.code == "badVerb" || e.code == "badArgument"),
        Ok(_) => false,
    };
    xml.push_str("<request");
    if !plain {
        for (k, v) in &echo {
            xml.push_str(&format!(" {}=\"{}\"", k, escape(v)));
        }
    }
    xml.push_str(&format!(">{}</request>\n", escape(&format!("{base}/oai"))));
    match result {
        Ok(body) => xml.push_str(&body),
        Err(errs) => {
            for e in errs {
                xml.push_str(&format!(
                    "<error code=\"{}\">{}</error>\n",
                    e.code,
                    escape(&e.message)
                ));
            }
        }
    }
    xml.push_str("</OAI-PMH>\n");
    ([(header::CONTENT_TYPE, "text/xml; charset=utf-8")], xml).into_response()
}

/// The protocol's arguments of a request, as `<request>` echoes them.
fn echo_of(query: &str) -> Echo {
    const ARGS: [&str; 7] = [
        "verb",
        "identifier",
        "metadataPrefix",
        "from",
        "until",
        "set",
        "resumptionToken",
    ];
    serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .unwrap_or_default()
        .into_iter()
        .filter(|(k, _)| ARGS.contains(&k.as_str()))
        .collect()
}

/// The scheme and host the request reached, for the base URL and the
/// readers' links. The host comes from `Host` and is used only if it looks
/// like one.
fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        })
        .unwrap_or("localhost");
    let scheme = if super::auth::behind_tls(headers) {
        "https"
    } else {
        "http"
    };
    format!("{scheme}://{host}")
}

/// Checks the arguments as the protocol says: known verb, the verb's
/// arguments and no others, each once.
fn parse(query: &str) -> Result<(Echo, Request), Vec<OaiError>> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query)
        .map_err(|_| vec![err("badArgument", "the request's arguments cannot be read")])?;
    let mut verbs = pairs.iter().filter(|(k, _)| k == "verb");
    let verb = match (verbs.next(), verbs.next()) {
        (None, _) => return Err(vec![err("badVerb", "no verb given")]),
        (Some(_), Some(_)) => return Err(vec![err("badVerb", "the verb is repeated")]),
        (Some((_, v)), None) => v.clone(),
    };
    let (required, optional, exclusive): (&[&str], &[&str], bool) = match verb.as_str() {
        "Identify" => (&[], &[], false),
        "ListMetadataFormats" => (&[], &["identifier"], false),
        "ListSets" => (&[], &[], true),
        "ListIdentifiers" | "ListRecords" => (&["metadataPrefix"], &["from", "until", "set"], true),
        "GetRecord" => (&["identifier", "metadataPrefix"], &[], false),
        _ => return Err(vec![err("badVerb", "unknown verb")]),
    };
    let args: Vec<&(String, String)> = pairs.iter().filter(|(k, _)| k != "verb").collect();
    let mut seen: Vec<&str> = Vec::new();
    for (k, _) in &args {
        if seen.contains(&k.as_str()) {
            return Err(vec![err("badArgument", format!("{k} is repeated"))]);
        }
        seen.push(k.as_str());
    }
    let get = |name: &str| args.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let echo: Echo = std::iter::once(("verb".to_string(), verb.clone()))
        .chain(args.iter().map(|(k, v)| (k.clone(), v.clone())))
        .collect();
    if exclusive && let Some(token) = get("resumptionToken") {
        if args.len() > 1 {
            return Err(vec![err(
                "badArgument",
                "resumptionToken is an exclusive argument",
            )]);
        }
        return match verb.as_str() {
            "ListSets" => Err(vec![err(
                "badResumptionToken",
                "the set list is complete in one response",
            )]),
            _ => {
                let records = verb == "ListRecords";
                let list = decode_token(&token, records)
                    .ok_or_else(|| vec![err("badResumptionToken", "invalid or expired token")])?;
                Ok((echo, Request::List { records, list }))
            }
        };
    }
    for (k, _) in &args {
        if !required.contains(&k.as_str()) && !optional.contains(&k.as_str()) {
            return Err(vec![err(
                "badArgument",
                format!("{k} is not an argument of {verb}"),
            )]);
        }
    }
    for r in required {
        if get(r).is_none() {
            return Err(vec![err("badArgument", format!("{r} is required"))]);
        }
    }
    // Values the schema constrains are checked before they are echoed.
    if let Some(p) = get("metadataPrefix")
        && !spec_part(&p)
    {
        return Err(vec![err("badArgument", "metadataPrefix is malformed")]);
    }
    if let Some(set) = get("set")
        && !set.split(':').all(spec_part)
    {
        return Err(vec![err("badArgument", "set is not a setSpec")]);
    }
    let req =
        match verb.as_str() {
            "Identify" => Request::Identify,
            "ListMetadataFormats" => Request::ListMetadataFormats {
                identifier: get("identifier"),
            },
            "ListSets" => Request::ListSets,
            "GetRecord" => Request::GetRecord {
                identifier: get("identifier").unwrap_or_default(),
                prefix: get("metadataPrefix").unwrap_or_default(),
            },
            _ => {
                let from = get("from");
                let until = get("until");
                let from_n = match &from {
                    Some(f) => Some(datestamp(f, false).ok_or_else(|| {
                        vec![err("badArgument", "from is not a valid datestamp")]
                    })?),
                    None => None,
                };
                let until_n = match &until {
                    Some(u) => Some(datestamp(u, true).ok_or_else(|| {
                        vec![err("badArgument", "until is not a valid datestamp")]
                    })?),
                    None => None,
                };
                if let (Some(f), Some(u)) = (&from, &until)
                    && f.len() != u.len()
                {
                    return Err(vec![err(
                        "badArgument",
                        "from and until have different granularities",
                    )]);
                }
                if let (Some(f), Some(u)) = (&from_n, &until_n)
                    && f > u
                {
                    return Err(vec![err("badArgument", "from is later than until")]);
                }
                Request::List {
                    records: verb == "ListRecords",
                    list: ListArgs {
                        prefix: get("metadataPrefix").unwrap_or_default(),
                        query: HarvestQuery {
                            set: get("set"),
                            from: from_n,
                            until: until_n,
                        },
                        after: None,
                    },
                }
            }
        };
    Ok((echo, req))
}

/// Whether `s` is a part of a setSpec or a metadataPrefix as the
/// protocol's schema allows (unreserved URI characters).
fn spec_part(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, '-' | '_' | '.' | '!' | '~' | '*' | '\'' | '(' | ')')
        })
}

/// A protocol datestamp (`YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ`) in full
/// granularity; a day alone is its first second, or with `end` its last.
fn datestamp(s: &str, end: bool) -> Option<String> {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|p| p.iter().all(u8::is_ascii_digit));
    if b.len() < 10
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
    {
        return None;
    }
    crate::dates::parse_date(&s[..10])?;
    match b.len() {
        10 => Some(format!(
            "{}T{}Z",
            &s[..10],
            if end { "23:59:59" } else { "00:00:00" }
        )),
        20 => {
            let ok = b[10] == b'T'
                && digits(11..13)
                && b[13] == b':'
                && digits(14..16)
                && b[16] == b':'
                && digits(17..19)
                && b[19] == b'Z'
                && &s[11..13] < "24"
                && &s[14..16] < "60"
                && &s[17..19] < "60";
            ok.then(|| s.to_string())
        }
        _ => None,
    }
}

const TOKEN_VERSION: &str = "t1";
const SEP: char = '\u{1f}';

fn encode_token(records: bool, list: &ListArgs, after: &str) -> String {
    let q = &list.query;
    let raw = [
        TOKEN_VERSION,
        if records { "R" } else { "I" },
        &list.prefix,
        q.set.as_deref().unwrap_or(""),
        q.from.as_deref().unwrap_or(""),
        q.until.as_deref().unwrap_or(""),
        after,
    ]
    .join(&SEP.to_string());
    URL_SAFE_NO_PAD.encode(raw.as_bytes())
}

fn decode_token(token: &str, records: bool) -> Option<ListArgs> {
    let bytes = URL_SAFE_NO_PAD.decode(token.trim().as_bytes()).ok()?;
    let raw = String::from_utf8(bytes).ok()?;
    let parts: Vec<&str> = raw.split(SEP).collect();
    let [version, verb, prefix, set, from, until, after] = parts.as_slice() else {
        return None;
    };
    let valid_stamp = |s: &str| s.is_empty() || (s.len() == 20 && datestamp(s, false).is_some());
    if *version != TOKEN_VERSION
        || *verb != if records { "R" } else { "I" }
        || *prefix != OAI_DC
        || !valid_stamp(from)
        || !valid_stamp(until)
        || after.is_empty()
        || after.len() > 512
        || after.chars().any(char::is_control)
        || (!set.is_empty() && !set.split(':').all(|p| !p.is_empty()))
    {
        return None;
    }
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Some(ListArgs {
        prefix: prefix.to_string(),
        query: HarvestQuery {
            set: opt(set),
            from: opt(from),
            until: opt(until),
        },
        after: Some(after.to_string()),
    })
}

/// The body of a response (everything between `<request>` and the end),
/// or the protocol errors; `Err` when the archive failed.
fn respond(
    a: &Archive,
    req: &Request,
    base: &str,
) -> Result<Result<String, Vec<OaiError>>, Failure> {
    match req {
        Request::Identify => {
            let earliest = a
                .harvest_earliest()?
                .unwrap_or_else(crate::dates::now_rfc3339);
            Ok(Ok(format!(
                "<Identify>\n<repositoryName>tanu</repositoryName>\n\
                 <baseURL>{}</baseURL>\n<protocolVersion>2.0</protocolVersion>\n\
                 <adminEmail>{}</adminEmail>\n<earliestDatestamp>{earliest}</earliestDatestamp>\n\
                 <deletedRecord>no</deletedRecord>\n<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>\n\
                 </Identify>\n",
                escape(&format!("{base}/oai")),
                escape(&admin_email()),
            )))
        }
        Request::ListMetadataFormats { identifier } => {
            if let Some(i) = identifier
                && known(a, i)?.is_none()
            {
                return Ok(Err(no_such_id()));
            }
            Ok(Ok("<ListMetadataFormats>\n<metadataFormat>\n<metadataPrefix>oai_dc</metadataPrefix>\n\
                <schema>http://www.openarchives.org/OAI/2.0/oai_dc.xsd</schema>\n\
                <metadataNamespace>http://www.openarchives.org/OAI/2.0/oai_dc/</metadataNamespace>\n\
                </metadataFormat>\n</ListMetadataFormats>\n"
                .to_string()))
        }
        Request::ListSets => {
            let mut out = String::from("<ListSets>\n");
            for s in a.harvest_sets() {
                let name = if s.name_en.is_empty() || s.name_en == s.name_hu {
                    s.name_hu
                } else {
                    format!("{} / {}", s.name_hu, s.name_en)
                };
                out.push_str(&format!(
                    "<set><setSpec>{}</setSpec><setName>{}</setName></set>\n",
                    escape(&s.spec),
                    escape(&name)
                ));
            }
            out.push_str("</ListSets>\n");
            Ok(Ok(out))
        }
        Request::GetRecord { identifier, prefix } => {
            if prefix != OAI_DC {
                return Ok(Err(cannot_disseminate()));
            }
            let Some(item) = known(a, identifier)? else {
                return Ok(Err(no_such_id()));
            };
            let Some(cat) = a.catalogue(&item.id, Role::Public)? else {
                return Ok(Err(no_such_id()));
            };
            let mut out = String::from("<GetRecord>\n");
            record(&mut out, a, &item, &cat, base);
            out.push_str("</GetRecord>\n");
            Ok(Ok(out))
        }
        Request::List { records, list } => {
            if list.prefix != OAI_DC {
                return Ok(Err(cannot_disseminate()));
            }
            if let Some(s) = &list.query.set
                && !a.is_harvest_set(s)
            {
                return Ok(Err(vec![err("noRecordsMatch", "no such set")]));
            }
            let page = a.harvest(&list.query, list.after.as_deref(), page_size())?;
            if page.items.is_empty() {
                return Ok(Err(if list.after.is_some() {
                    vec![err("badResumptionToken", "the list has no more records")]
                } else {
                    vec![err("noRecordsMatch", "no records match the request")]
                }));
            }
            let verb = if *records {
                "ListRecords"
            } else {
                "ListIdentifiers"
            };
            let mut out = format!("<{verb}>\n");
            for item in &page.items {
                if *records {
                    // A record hidden since the list was read is left out.
                    if let Some(cat) = a.catalogue(&item.id, Role::Public)? {
                        record(&mut out, a, item, &cat, base);
                    }
                } else {
                    header_xml(&mut out, item);
                }
            }
            if page.cursor > 0 || page.more {
                let token = match (page.more, page.items.last()) {
                    (true, Some(last)) => encode_token(*records, list, &last.id),
                    _ => String::new(),
                };
                out.push_str(&format!(
                    "<resumptionToken completeListSize=\"{}\" cursor=\"{}\">{}</resumptionToken>\n",
                    page.total, page.cursor, token
                ));
            }
            out.push_str(&format!("</{verb}>\n"));
            Ok(Ok(out))
        }
    }
}

fn no_such_id() -> Vec<OaiError> {
    vec![err("idDoesNotExist", "no such record")]
}

fn cannot_disseminate() -> Vec<OaiError> {
    vec![err(
        "cannotDisseminateFormat",
        "the only metadata format is oai_dc",
    )]
}

/// The harvest item of an OAI identifier, if the public may see it.
fn known(a: &Archive, identifier: &str) -> Result<Option<HarvestItem>, Failure> {
    match identifier.strip_prefix(ID_PREFIX) {
        Some(id) if !id.is_empty() => Ok(a.harvest_item(id)?),
        _ => Ok(None),
    }
}

fn header_xml(out: &mut String, item: &HarvestItem) {
    out.push_str(&format!(
        "<header>\n<identifier>{}</identifier>\n<datestamp>{}</datestamp>\n",
        escape(&format!("{ID_PREFIX}{}", item.id)),
        escape(&item.datestamp)
    ));
    for s in &item.sets {
        out.push_str(&format!("<setSpec>{}</setSpec>\n", escape(s)));
    }
    out.push_str("</header>\n");
}

/// What [`Archive::catalogue`] gives: all a record's metadata is made of.
type Catalogue = (TestimonyRow, Vec<TagRow>);

/// A record: its header and its `oai_dc` metadata.
fn record(out: &mut String, a: &Archive, item: &HarvestItem, cat: &Catalogue, base: &str) {
    out.push_str("<record>\n");
    header_xml(out, item);
    out.push_str("<metadata>\n");
    dublin_core(out, a, item, cat, base);
    out.push_str("</metadata>\n</record>\n");
}

/// `oai_dc`: title; creator the narrator (a testimony's author) and
/// contributor the interviewer; subject the keywords and the labels of the
/// confirmed wave, region, place and transit-camp tags (Hungarian and
/// English); coverage the recording place and the places named; description
/// the catalogue's abstract; date the recording date; identifier the
/// reader's URL; rights the rights statement and the access level.
fn dublin_core(
    out: &mut String,
    a: &Archive,
    item: &HarvestItem,
    (t, tags): &Catalogue,
    base: &str,
) {
    out.push_str(
        "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd\">\n",
    );
    let mut el = |name: &str, lang: Option<&str>, value: &str| {
        if value.trim().is_empty() {
            return;
        }
        let lang = lang.map_or(String::new(), |l| format!(" xml:lang=\"{l}\""));
        out.push_str(&format!(
            "<dc:{name}{lang}>{}</dc:{name}>\n",
            escape(value.trim())
        ));
    };
    el("title", None, &t.title);
    if let Some(n) = &t.narrator {
        el("creator", None, n);
    }
    if let Some(i) = &t.interviewer {
        el("contributor", None, i);
    }
    for k in &t.keywords {
        el("subject", None, k);
    }
    let vocab = a.vocabulary();
    let confirmed = || tags.iter().filter(|g| g.status == "confirmed");
    for g in confirmed() {
        if let Some(e) = vocab.get(&g.value) {
            el("subject", Some("hu"), &e.labels.hu);
            if e.labels.en != e.labels.hu {
                el("subject", Some("en"), &e.labels.en);
            }
        }
    }
    if let Some(s) = &t.summary {
        el("description", None, s);
    }
    if let Some(d) = &t.recorded {
        el("date", None, d);
    }
    // A recording (served to whoever may see the record) makes it a sound
    // too.
    if item.recording {
        el("type", None, "Sound");
    }
    el("type", None, "Text");
    el("type", None, "oral history interview");
    el("format", None, "text/html");
    el("identifier", None, &format!("{base}/t/{}", t.id));
    if let Some(s) = &t.source {
        el("source", None, s);
    }
    for l in &t.languages {
        el("language", None, l);
    }
    if let Some(p) = &t.recording_place {
        el("coverage", None, p);
    }
    for g in confirmed().filter(|g| g.facet == "place" || g.facet == "transit_camp") {
        if let Some(e) = vocab.get(&g.value) {
            el("coverage", None, &e.labels.hu);
        }
    }
    if let Some(r) = &t.rights {
        el("rights", None, r);
    }
    let access = effective_access(t.access, t.embargo_until.as_deref(), crate::dates::today());
    el("rights", None, &format!("access: {}", access.name()));
    out.push_str("</oai_dc:dc>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datestamps() {
        assert_eq!(
            datestamp("2026-02-28", false).as_deref(),
            Some("2026-02-28T00:00:00Z")
        );
        assert_eq!(
            datestamp("2026-02-28", true).as_deref(),
            Some("2026-02-28T23:59:59Z")
        );
        assert_eq!(
            datestamp("2026-02-28T12:30:00Z", false).as_deref(),
            Some("2026-02-28T12:30:00Z")
        );
        for bad in [
            "2026-02-30",
            "2026-2-28",
            "2026-02-28T12:30Z",
            "2026-02-28T24:00:00Z",
            "2026-02-28 12:30:00",
            "",
            "ő026-02-28",
        ] {
            assert_eq!(datestamp(bad, false), None, "{bad}");
        }
    }

    #[test]
    fn tokens_round_trip_and_refuse_tampering() {
        let list = ListArgs {
            prefix: OAI_DC.into(),
            query: HarvestQuery {
                set: Some("region:donbas".into()),
                from: Some("2026-01-01T00:00:00Z".into()),
                until: None,
            },
            after: None,
        };
        let t = encode_token(true, &list, "kovacs-001");
        let back = decode_token(&t, true).expect("token");
        assert_eq!(back.query, list.query);
        assert_eq!(back.after.as_deref(), Some("kovacs-001"));
        // A ListRecords token is not a ListIdentifiers token.
        assert_eq!(decode_token(&t, false), None);
        assert_eq!(decode_token("not a token", true), None);
        assert_eq!(decode_token(&format!("{t}AA"), true), None);
    }

    #[test]
    fn arguments_are_checked() {
        let code = |q: &str| parse(q).err().map(|e| e[0].code);
        assert_eq!(code(""), Some("badVerb"));
        assert_eq!(code("verb=Frobnicate"), Some("badVerb"));
        assert_eq!(code("verb=Identify&verb=Identify"), Some("badVerb"));
        assert_eq!(code("verb=Identify&x=1"), Some("badArgument"));
        assert_eq!(code("verb=ListRecords"), Some("badArgument"));
        assert_eq!(
            code("verb=ListRecords&metadataPrefix=oai_dc&set=a&set=b"),
            Some("badArgument")
        );
        assert_eq!(
            code(
                "verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01&until=2026-01-01T00:00:00Z"
            ),
            Some("badArgument")
        );
        assert_eq!(
            code("verb=ListRecords&metadataPrefix=oai_dc&from=2026-02-01&until=2026-01-01"),
            Some("badArgument")
        );
        assert_eq!(
            code("verb=ListRecords&resumptionToken=x&metadataPrefix=oai_dc"),
            Some("badArgument")
        );
        assert_eq!(
            code("verb=ListRecords&resumptionToken=x"),
            Some("badResumptionToken")
        );
        assert_eq!(
            code("verb=GetRecord&identifier=oai:tanu:x"),
            Some("badArgument")
        );
        assert_eq!(
            code("verb=ListRecords&metadataPrefix=oai_dc&set=region:%C3%A9"),
            Some("badArgument")
        );
        assert_eq!(
            code("verb=ListRecords&metadataPrefix=oai_dc&set=region::x"),
            Some("badArgument")
        );
        assert_eq!(
            code("verb=ListRecords&metadataPrefix=%3Cx%3E"),
            Some("badArgument")
        );
        assert!(parse("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-01-01").is_ok());
    }
}
