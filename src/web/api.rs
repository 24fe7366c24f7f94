//! JSON under `/api/v1`: `search` (the parameters of the search page; the
//! results as `tanu search --json` gives them) and `testimonies/{id}` (as
//! `tanu show --json`), from the same `Archive` calls and access rules as
//! the pages. Errors are `{"error": …}`; a query error adds its `column`;
//! a hidden testimony answers like a missing one.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::search::{SearchError, TestimonyHit};
use crate::vocab::Facet;

use super::search::{PAGE_SIZE, Params, run};
use super::{ArchiveError, Failure, ROLE, Shared, blocking};

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
pub async fn search(State(state): State<Shared>, Query(p): Query<Params>) -> Response {
    let result = blocking(&state, move |a| {
        Ok(match run(a, &p, true) {
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
pub async fn list(State(state): State<Shared>) -> Response {
    match blocking(&state, |a| Ok(a.list(ROLE)?)).await {
        Ok(list) => Json(list).into_response(),
        Err(f) => error_response(ApiError::Fail(f)),
    }
}

/// `GET /api/v1/facets/{wave|region|transit_camp}`: every value with the
/// number of testimonies the viewer may see (as `tanu waves --json`).
pub async fn facets(State(state): State<Shared>, Path(facet): Path<String>) -> Response {
    let facet = match facet.as_str() {
        "wave" | "waves" => Facet::Wave,
        "region" | "regions" => Facet::Region,
        "transit" | "transit_camp" | "transit_camps" => Facet::TransitCamp,
        _ => return error_response(ApiError::Fail(Failure::NotFound)),
    };
    match blocking(&state, move |a| Ok(a.facet_values(facet, ROLE, false)?)).await {
        Ok(values) => Json(values).into_response(),
        Err(f) => error_response(ApiError::Fail(f)),
    }
}

/// `GET /api/v1/testimonies/{id}`.
pub async fn testimony(State(state): State<Shared>, Path(id): Path<String>) -> Response {
    let result = blocking(&state, move |a| a.show(&id, ROLE)?.ok_or(Failure::NotFound)).await;
    match result {
        Ok(view) => Json(view).into_response(),
        Err(f) => error_response(ApiError::Fail(f)),
    }
}
