//! Dates as archives write them: full dates, and partial ones (`1991`,
//! `1991-05`) for recordings whose day is unknown.

use time::{Date, Month, OffsetDateTime};

/// Parses a full date `YYYY-MM-DD` (also `YYYY.MM.DD.` as Hungarians write
/// it, and single-digit months/days).
pub fn parse_date(s: &str) -> Option<Date> {
    let parts = split(s)?;
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    Date::from_calendar_date(
        *y,
        Month::try_from(u8::try_from(*m).ok()?).ok()?,
        u8::try_from(*d).ok()?,
    )
    .ok()
}

fn split(s: &str) -> Option<Vec<i32>> {
    let s = s.trim().trim_end_matches('.');
    if s.is_empty() {
        return None;
    }
    s.split(['-', '.', '/'])
        .map(|p| {
            let p = p.trim();
            (!p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
                .then(|| p.parse().ok())?
        })
        .collect()
}

/// Normalizes `YYYY`, `YYYY-MM` or `YYYY-MM-DD` to zero-padded form,
/// validating the parts. Years 1850–2100.
pub fn normalize_partial_date(s: &str) -> Option<String> {
    let parts = split(s)?;
    let year_ok = |y: i32| (1850..=2100).contains(&y);
    match parts.as_slice() {
        [y] if year_ok(*y) => Some(format!("{y:04}")),
        [y, m] if year_ok(*y) && (1..=12).contains(m) => Some(format!("{y:04}-{m:02}")),
        [y, _, _] if year_ok(*y) => parse_date(s).map(|d| d.to_string()),
        _ => None,
    }
}

/// Today's date (UTC).
pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

/// The current time as an RFC 3339 string with seconds, UTC.
pub fn now_rfc3339() -> String {
    rfc3339(OffsetDateTime::now_utc())
}

/// The time `seconds` from now, formatted like [`now_rfc3339`] (so that the
/// two compare as strings).
pub fn rfc3339_in(seconds: i64) -> String {
    rfc3339(OffsetDateTime::now_utc() + time::Duration::seconds(seconds))
}

fn rfc3339(now: OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    )
}

/// Days since 1970-01-01 for a date, for range filters in the index.
pub fn days_since_epoch(d: Date) -> i64 {
    i64::from(d.to_julian_day() - time::macros::date!(1970 - 01 - 01).to_julian_day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2030-01-01").unwrap().to_string(), "2030-01-01");
        assert_eq!(parse_date("1991.05.12.").unwrap().to_string(), "1991-05-12");
        assert!(parse_date("1991-02-30").is_none());
        assert!(parse_date("soon").is_none());
        assert_eq!(normalize_partial_date("1991").as_deref(), Some("1991"));
        assert_eq!(normalize_partial_date("1991-5").as_deref(), Some("1991-05"));
        assert_eq!(normalize_partial_date("1991-13").as_deref(), None);
        assert_eq!(normalize_partial_date("1491"), None);
        assert_eq!(days_since_epoch(parse_date("1970-01-02").unwrap()), 1);
        assert_eq!(now_rfc3339().len(), 20);
    }
}
