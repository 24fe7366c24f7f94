//! JSON under `/api/v1`: `search` (the parameters of the search page; the
//! results as `tanu search --json` gives them), `testimonies/{id}` (as
//! `tanu show --json`) and the exports of `tanu export` (`testimonies/{id}/
//! export/{format}`, and `export/{json|csv}` for every testimony the viewer
//! may see), from the same `Archive` calls and access rules as the pages. Errors are `{"error": …}`; a query error adds its `column`;
//! a hidden testimony answers like a missing one.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::export::ExportFormat;
use crate::search::{SearchError, TestimonyHit};
use crate::vocab::Facet;

use super::search::{PAGE_SIZE, Params, run};
use axum::http::HeaderMap;

use super::{ArchiveError, Creds, Failure, Shared, blocking, viewer};

#[derive(Serialize)]
struct SearchBody {
    query: String,
    total_testimonies: usize,
    total_passages: usize,
    page: usize,
    pages: usize,
    per_page: usize,
    hits: Vec<TestimonyHit>,
    facets: Option<Vec<crate::search::FacetCount>>,
}

enum ApiError {
    Query { column: usize, message: String },
    Fail(Failure),
}

fn error_response(e: ApiError) -> Response {
    match e {
        ApiError::Query { column, message } => (
            StatusCode::BAD_REQUEST,
            Json(serde_json::json!({ "error": message, "column": column })),
        )
            .into_response(),
        ApiError::Fail(Failure::NotFound) => (
            StatusCode::NOT_FOUND,
            Json(serde_json::json!({ "error": "not found" })),
        )
            .into_response(),
        ApiError::Fail(Failure::Internal(detail)) => {
            eprintln!("tanu serve: {detail}");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({ "error": "the archive could not answer now" })),
            )
                .into_response()
        }
    }
}

/// `GET /api/v1/search?q=…&region=…&wave=…&transit=…&lang=…&sort=…&page=…`.
pub async fn search(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(p): Query<Params>,
) -> Response {
    let creds = Creds::from_headers(&headers, true);
    let result = blocking(&state, move |a| {
        let role = viewer(a, &creds)?.role;
        Ok(match run(a, &p, true, role) {
            Ok((r, pages)) => Ok(SearchBody {
                query: r.query,
                total_testimonies: r.total_testimonies,
                total_passages: r.total_passages,
                page: p.page(),
                pages,
                per_page: PAGE_SIZE,
                hits: r.hits,
                facets: r.facets,
            }),
            Err(ArchiveError::Search(SearchError::Query(e))) => Err(ApiError::Query {
                column: e.column,
                message: e.message,
            }),
            Err(e) => Err(ApiError::Fail(e.into())),
        })
    })
    .await;
    match result {
        Ok(Ok(body)) => Json(body).into_response(),
        Ok(Err(e)) => error_response(e),
        Err(f) => error_response(ApiError::Fail(f)),
    }
}

/// `GET /api/v1/testimonies`: the testimonies the viewer may see (as
/// `tanu list --json`).
pub async fn list(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let creds = Creds::from_headers(&headers, true);
    match blocking(&state, move |a| Ok(a.list(viewer(a, &creds)?.role)?)).await {
        Ok(list) => Json(list).into_response(),
        Err(f) => error_response(ApiError::Fail(f)),
    }
}

/// `GET /api/v1/facets/{wave|region|transit_camp}`: every value with the
/// number of testimonies the viewer may see (as `tanu waves --json`).
pub async fn facets(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(facet): Path<String>,
) -> Response {
    let creds = Creds::from_headers(&headers, true);
    let facet = match facet.as_str() {
        "wave" | "waves" => Facet::Wave,
        "region" | "regions" => Facet::Region,
        "transit" | "transit_camp" | "transit_camps" => Facet::TransitCamp,
        _ => return error_response(ApiError::Fail(Failure::NotFound)),
    };
    let result = blocking(&state, move |a| {
        Ok(a.facet_values(facet, viewer(a, &creds)?.role, false)?)
    });
    match result.await {
        Ok(values) => Json(values).into_response(),
        Err(f) => error_response(ApiError::Fail(f)),
    }
}

/// `GET /api/v1/testimonies/{id}`.
pub async fn testimony(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let creds = Creds::from_headers(&headers, true);
    let result = blocking(&state, move |a| {
        a.show(&id, viewer(a, &creds)?.role)?
            .ok_or(Failure::NotFound)
    })
    .await;
    match result {
        Ok(view) => Json(view).into_response(),
        Err(f) => error_response(ApiError::Fail(f)),
    }
}

/// Why an export cannot be made, for its answer.
enum ExportFailure {
    Fail(Failure),
    Unknown(String),
    Format(String),
}

fn export_failure(e: ExportFailure) -> Response {
    match e {
        ExportFailure::Fail(f) => error_response(ApiError::Fail(f)),
        ExportFailure::Unknown(format) => (
            StatusCode::NOT_FOUND,
            Json(serde_json::json!({
                "error": format!("unknown export format {format:?} (json, csv, ohms, vtt or dc)")
            })),
        )
            .into_response(),
        ExportFailure::Format(message) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(serde_json::json!({ "error": message })),
        )
            .into_response(),
    }
}

fn export_answer(format: ExportFormat, many: bool, name: &str, body: String) -> Response {
    let media_type = if many && format == ExportFormat::Json {
        "application/x-ndjson"
    } else {
        format.media_type()
    };
    (
        [
            (header::CONTENT_TYPE, media_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// `GET /api/v1/testimonies/{id}/export/{format}`: one testimony as
/// `tanu export ID --format FORMAT` writes it for the viewer's role (a
/// hidden testimony answers like a missing one).
pub async fn export_one(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path((id, format)): Path<(String, String)>,
) -> Response {
    let creds = Creds::from_headers(&headers, true);
    let Some(fmt) = ExportFormat::parse(&format) else {
        return export_failure(ExportFailure::Unknown(format));
    };
    let result = blocking(&state, move |a| {
        let role = viewer(a, &creds)?.role;
        let Some(record) = a.record(&id, role)? else {
            return Ok(Err(ExportFailure::Fail(Failure::NotFound)));
        };
        let name = format!("{}.{}", record.view.testimony.id, fmt.extension());
        Ok(match crate::export::render(fmt, &record, a.vocabulary()) {
            Ok(text) => Ok((name, text)),
            Err(e) => Err(ExportFailure::Format(e.to_string())),
        })
    })
    .await;
    match result {
        Ok(Ok((name, text))) => export_answer(fmt, false, &name, text),
        Ok(Err(e)) => export_failure(e),
        Err(f) => export_failure(ExportFailure::Fail(f)),
    }
}

/// `GET /api/v1/export/{json|csv}`: every testimony the viewer may see,
/// as `tanu export --all` writes it (JSON Lines, `application/x-ndjson`,
/// or one CSV table).
pub async fn export_all(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(format): Path<String>,
) -> Response {
    let creds = Creds::from_headers(&headers, true);
    let Some(fmt) = ExportFormat::parse(&format) else {
        return export_failure(ExportFailure::Unknown(format));
    };
    if !fmt.holds_many() {
        return export_failure(ExportFailure::Format(format!(
            "{format} holds one testimony per file: ask /api/v1/testimonies/{{id}}/export/{format}"
        )));
    }
    let result = blocking(&state, move |a| {
        let role = viewer(a, &creds)?.role;
        let mut records = Vec::new();
        for t in a.list(role)? {
            if let Some(r) = a.record(&t.id, role)? {
                records.push(r);
            }
        }
        Ok(crate::export::render_many(fmt, &records).unwrap_or_default())
    })
    .await;
    match result {
        Ok(text) => export_answer(fmt, true, &format!("tanu-export.{}", fmt.extension()), text),
        Err(f) => export_failure(ExportFailure::Fail(f)),
    }
}
