//! No panic is reachable from input: arbitrary bytes through decode,
//! repair and parse; arbitrary query strings through parse and search.

mod common;

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Text built from pieces that exercise the parsers: header lines,
/// timecodes (valid and not), labels, mojibake, Cyrillic, controls.
fn transcript_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("id: x-1\n".to_string()),
        Just("title: Próba\n".to_string()),
        Just("language: hu, ru\n".to_string()),
        Just("region: Donbasz\n".to_string()),
        Just("speakers: K = Kérdező; N = Narrátor\n".to_string()),
        Just("---\n".to_string()),
        Just("[00:01:02] ".to_string()),
        Just("[99:99:99] ".to_string()),
        Just("[1:2] ".to_string()),
        Just("K: ".to_string()),
        Just("Ф.И.: ".to_string()),
        Just("hÃ¡borÃº Å‘ ".to_string()),
        Just("РЎС‚Р°Р»РёРЅРѕ ".to_string()),
        Just("depor-\ntaltak ".to_string()),
        Just("\u{00AD}\u{200B}\u{1b}\u{0}".to_string()),
        Just("\n\n".to_string()),
        "[a-zA-Z0-9áéőűÁŐЖжё .,:;\\-\\[\\]\n]{0,40}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(d) = tanu::decode::decode(&bytes, None) {
            prop_assert!(!d.text.is_empty());
            prop_assert!((0.0..=1.0).contains(&d.confidence));
        }
    }

    #[test]
    fn repair_output_is_nfc_and_clean(text in transcript_like()) {
        let (out, _) = tanu::repair::repair(&text);
        prop_assert!(out.nfc().eq(out.chars()));
        prop_assert!(!out.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
        let invisible = out.contains(['\u{00AD}', '\u{200B}']);
        prop_assert!(!invisible, "invisible characters left");
    }

    #[test]
    fn parse_never_panics(text in transcript_like()) {
        let (clean, _) = tanu::repair::repair(&text);
        if let Ok((_, t)) = tanu::parse::parse(&clean, "x.txt") {
            for s in &t.segments {
                prop_assert!(!s.text.is_empty());
                if let (Some(a), Some(b)) = (s.start_ms, s.end_ms) {
                    prop_assert!(a <= b);
                }
            }
        }
    }

    #[test]
    fn query_parse_never_panics(q in "[a-zA-Záő\"()*~:\\- ÉSVAGYNEMORANDT|&2]{0,30}") {
        let _ = tanu::search::query::parse(&q);
    }
}

#[test]
fn random_queries_against_an_archive_never_panic() {
    let t = common::TestArchive::with_fixtures();
    let archive = tanu::Archive::open(&t.dir()).unwrap();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 200,
        ..ProptestConfig::default()
    });
    let strategy =
        "[a-zA-Záéőű\"()*~:\\- ]{0,12}( (AND|OR|NOT) )?[a-zA-ZСталиноФокшаны\"*~ ]{0,12}";
    runner
        .run(&strategy, |q| {
            match archive.search(&tanu::search::SearchRequest::new(q.clone())) {
                Ok(r) => prop_assert!(r.hits.len() <= 10),
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
            Ok(())
        })
        .unwrap();
}
