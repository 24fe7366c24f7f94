//! The map: `/map` draws the gazetteer's regions, places and transit camps as
//! circles over a country outline served by tanu itself
//! (`/static/map-outline.svg`, Natural Earth 1:110m, see
//! `assets/web/README-map.md`), each sized by the number of testimonies
//! the viewer may see ([`Archive::facet_values`], as the facets count) and
//! linking to its filtered search. An inset enlarges the Carpathian Basin,
//! where the transit camps crowd together. Below the map, a table gives
//! the same data. Server-rendered SVG: no script, no tiles.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::Archive;
use crate::access::Role;
use crate::vocab::Facet;

use super::html::query_string;
use super::i18n::{self, Msg, UiLang};
use super::search::facet_label;
use super::{Creds, Failure, Shared, blocking, failure_page, remember_lang, render, viewer};

const OUTLINE: &str = include_str!("../../assets/web/map-outline.svg");
const INSET_OUTLINE: &str = include_str!("../../assets/web/map-inset.svg");

/// The outline's projection: equirectangular, longitudes scaled by
/// cos 55°, [`SCALE`] units per degree of latitude, from [`WEST`] and
/// [`NORTH`]. Must match `assets/web/map-outline.svg`.
const WEST: f64 = 10.0;
const EAST: f64 = 155.0;
const SOUTH: f64 = 36.0;
const NORTH: f64 = 72.0;
const SCALE: f64 = 10.0;
/// cos(55°).
const COS55: f64 = 0.573_576_436_351_046;

/// The inset: west, east, south, north.
const INSET: (f64, f64, f64, f64) = (16.0, 31.0, 44.0, 50.5);

/// The inset's width on screen relative to the main map's (the columns of
/// `figure.map` in style.css).
const INSET_SHARE: f64 = 1.32 / 2.31;

/// The outline's width and height in map units.
pub fn size() -> (f64, f64) {
    ((EAST - WEST) * COS55 * SCALE, (NORTH - SOUTH) * SCALE)
}

/// Map units of a latitude and longitude.
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    ((lon - WEST) * COS55 * SCALE, (NORTH - lat) * SCALE)
}

/// The map page's parameters.
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    /// Interface language.
    #[serde(default)]
    pub hl: String,
}

/// One place or camp on the map.
struct Point {
    label: String,
    kind: &'static str,
    count: usize,
    href: String,
    x: f64,
    y: f64,
    /// Radius on the main map.
    r: f64,
    /// Position and radius in the inset, when it lies there.
    inset: Option<(f64, f64, f64)>,
    on_map: bool,
    /// Whether its name is written on the map (the largest of each map;
    /// the others have it as a tooltip and in the table).
    labelled: bool,
}

/// How many names each map writes.
const LABELS: usize = 14;

#[derive(Template)]
#[template(path = "web/map.html")]
struct MapPage {
    m: Msg,
    switch_href: String,
    who: String,
    curates: bool,
    width: String,
    height: String,
    inset_box: String,
    /// x, y, width, height of the inset in map units.
    inset_rect: (String, String, String, String),
    points: Vec<Point>,
    /// Gazetteer entries with coordinates but no testimony the viewer sees.
    empty: Vec<(String, String)>,
    /// Those of them in the inset.
    empty_inset: Vec<(String, String)>,
}

/// A number for an SVG attribute.
fn n(v: f64) -> String {
    format!("{:.1}", v)
}

/// The radius of a circle for `count` testimonies: its area grows with
/// the count.
fn radius(count: usize) -> f64 {
    3.5 + 3.5 * (count as f64).sqrt()
}

struct Raw {
    label: String,
    kind: &'static str,
    count: usize,
    param: &'static str,
    id: String,
    coords: (f64, f64),
}

/// The regions, places and camps with coordinates, with the number of
/// testimonies `role` may see (a region counts the places below it; the
/// camps' country groups have no coordinates).
fn gather(a: &Archive, role: Role, lang: UiLang) -> Result<Vec<Raw>, crate::ArchiveError> {
    let vocab = a.vocabulary();
    let mut out = Vec::new();
    let values = a.facet_values_of(&[Facet::Region, Facet::TransitCamp], role, false)?;
    for (values, param) in values.into_iter().zip(["region", "transit"]) {
        for v in values {
            let kind = match v.facet.as_str() {
                "region" => "region",
                "place" => "place",
                "transit_camp" => "transit_camp",
                _ => continue,
            };
            let Some(coords) = vocab.get(&v.id).and_then(|e| e.coords) else {
                continue;
            };
            out.push(Raw {
                label: facet_label(&v, lang),
                kind,
                count: v.count,
                param,
                id: v.id,
                coords,
            });
        }
    }
    Ok(out)
}

/// `GET /map`.
pub async fn page(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(p): Query<Params>,
) -> Response {
    let lang = i18n::choose(&headers, Some(&p.hl));
    let m = Msg { lang };
    let creds = Creds::from_headers(&headers, false);
    let result = blocking(&state, move |a| {
        let v = viewer(a, &creds)?;
        Ok((
            gather(a, v.role, lang).map_err(Failure::from)?,
            v.name.unwrap_or_default(),
            v.role == Role::Archivist,
        ))
    })
    .await;
    let resp = match result {
        Ok((raw, who, curates)) => render(&MapPage {
            curates,
            ..build(m, raw, who)
        }),
        Err(f) => failure_page(f, lang),
    };
    remember_lang(resp, Some(&p.hl))
}

fn build(m: Msg, raw: Vec<Raw>, who: String) -> MapPage {
    let (w, h) = size();
    let (iw, ie, is, inn) = INSET;
    let (ix0, iy0) = project(inn, iw);
    let (ix1, iy1) = project(is, ie);
    // The inset is shown beside the main map at [`INSET_SHARE`] of its
    // width: its radii shrink by the zoom so circles keep their size on
    // screen.
    let zoom = w / (ix1 - ix0) * INSET_SHARE;
    let mut points = Vec::new();
    let mut empty = Vec::new();
    let mut empty_inset = Vec::new();
    for r in raw {
        let (lat, lon) = r.coords;
        let (x, y) = project(lat, lon);
        let on_map = (WEST..=EAST).contains(&lon) && (SOUTH..=NORTH).contains(&lat);
        let inside = (iw..=ie).contains(&lon) && (is..=inn).contains(&lat);
        if r.count == 0 {
            if inside {
                empty_inset.push((n(x), n(y)));
            } else if on_map {
                empty.push((n(x), n(y)));
            }
            continue;
        }
        let rad = radius(r.count);
        points.push(Point {
            href: format!("/search{}", query_string(&[(r.param, r.id.as_str())])),
            label: r.label,
            kind: r.kind,
            count: r.count,
            x,
            y,
            r: rad,
            inset: inside.then_some((x, y, rad / zoom)),
            on_map,
            labelled: false,
        });
    }
    // Big circles first, so small ones stay clickable on top.
    points.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    let (mut main, mut inset) = (0, 0);
    for p in &mut points {
        let n = if p.inset.is_some() {
            &mut inset
        } else {
            &mut main
        };
        p.labelled = *n < LABELS;
        *n += 1;
    }
    let lang = m.lang;
    MapPage {
        m,
        who,
        curates: false,
        switch_href: format!("/map?hl={}", lang.other().code()),
        width: n(w),
        height: n(h),
        inset_box: format!("{} {} {} {}", n(ix0), n(iy0), n(ix1 - ix0), n(iy1 - iy0)),
        inset_rect: (n(ix0), n(iy0), n(ix1 - ix0), n(iy1 - iy0)),
        points,
        empty,
        empty_inset,
    }
}

impl Point {
    fn cx(&self) -> String {
        n(self.x)
    }
    fn cy(&self) -> String {
        n(self.y)
    }
    fn radius(&self) -> String {
        n(self.r)
    }
    fn inset_circle(&self) -> Option<(String, String, String)> {
        self.inset.map(|(x, y, r)| (n(x), n(y), format!("{r:.2}")))
    }
}

/// `GET /static/map-outline.svg`: the outline, from the binary.
pub async fn outline() -> Response {
    svg(OUTLINE)
}

/// `GET /static/map-inset.svg`: the inset's outline (Natural Earth 1:50m).
pub async fn inset_outline() -> Response {
    svg(INSET_OUTLINE)
}

fn svg(body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_matches_the_outline() {
        let (w, h) = size();
        assert!(OUTLINE.contains(&format!("viewBox=\"0 0 {w:.1} {h:.1}\"")));
        assert_eq!(project(NORTH, WEST), (0.0, 0.0));
        let (x, y) = project(SOUTH, EAST);
        assert!((x - w).abs() < 1e-9 && (y - h).abs() < 1e-9);
        // Budapest lies left of Moscow and below it.
        let (bx, by) = project(47.5, 19.04);
        let (mx, my) = project(55.75, 37.6);
        assert!(bx < mx && by > my);
    }

    #[test]
    fn circles_grow_with_the_count() {
        assert!(radius(1) < radius(4) && radius(4) < radius(100));
    }
}
