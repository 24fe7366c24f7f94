//! AND is testimony-level (every word somewhere in the testimony), and
//! passages are ranked with the question they answer: interviews are told in
//! questions and answers, and the question often names what the answer is
//! about. (Segment ordinals are 1-based.)

use std::path::Path;

use tanu::Archive;
use tanu::ingest::IngestOptions;
use tanu::search::{SearchRequest, SearchResults};

const INTERVIEW: &str = "id: qa\nlanguage: hu\nspeakers: K = Kérdező; N = Narrátor\n---\n\
[00:00:01] K: Milyenek voltak a körülmények Foksányban?\n\
[00:00:05] N: Kitört a vérhas, aztán a tífusz.\n\
[00:00:20] K: Volt orvos a táborban?\n\
[00:00:24] N: Nem volt. Egy felcser jött néha.\n\
[00:00:40] N: Debrecenben aztán elengedtek.\n\
[00:00:50] N: Vérhasban sokan meghaltak útközben.\n\
[00:01:00] N: Később lett egy orvos a lágerben, egy szegedi fogoly, ő mentett meg \
sokakat, amikor már mindenki beteg volt, és a gyógyszert is ő szerezte.\n";

fn archive(dir: &Path) -> Archive {
    let mut a = Archive::init(dir).unwrap();
    a.ingest_bytes(
        Path::new("qa.txt"),
        INTERVIEW.as_bytes().to_vec(),
        &IngestOptions::default(),
        "test",
    )
    .unwrap();
    a.sync_index().unwrap();
    a
}

fn search(a: &Archive, q: &str) -> SearchResults {
    a.search(&SearchRequest::new(q))
        .unwrap_or_else(|e| panic!("{q}: {e}"))
}

fn marked(text: &str, hl: &[(usize, usize)]) -> Vec<String> {
    hl.iter().map(|&(s, e)| text[s..e].to_string()).collect()
}

#[test]
fn and_ranks_an_answer_through_its_question() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive(&dir.path().join("a"));
    let res = search(&a, "Foksány vérhas");
    // Every passage with either word is a match of the testimony…
    assert_eq!(res.total_passages, 3);
    // …and the answer to the question about Foksány comes first, with the
    // question shown above it.
    let p = &res.hits[0].passages[0];
    assert_eq!(p.ordinal, 2);
    assert_eq!(marked(&p.snippet.text, &p.snippet.highlights), ["vérhas"]);
    let q = p.question.as_ref().expect("the question is shown");
    assert_eq!(q.speaker.as_deref(), Some("K"));
    assert_eq!(
        marked(&q.snippet.text, &q.snippet.highlights),
        ["Foksányban"]
    );
}

#[test]
fn and_needs_every_word_somewhere_in_the_testimony() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive(&dir.path().join("a"));
    // Both words in one passage: that passage first.
    let res = search(&a, "orvos táborban");
    assert_eq!(res.hits[0].passages[0].ordinal, 3);
    // A word nowhere at all fails the AND.
    assert_eq!(search(&a, "Foksány malária").total_passages, 0);
    // Words in different passages of one testimony match it; an answer to
    // no question (the same speaker goes on) gets no question shown.
    let res = search(&a, "felcser Debrecen");
    let mut ordinals: Vec<i64> = res.hits[0].passages.iter().map(|p| p.ordinal).collect();
    ordinals.sort();
    assert_eq!(ordinals, [4, 5]);
    assert!(
        res.hits[0]
            .passages
            .iter()
            .all(|p| p.question.is_none() || p.ordinal == 4)
    );
    // One word alone is found where it is, without a question.
    let res = search(&a, "Foksány");
    let ordinals: Vec<i64> = res.hits[0].passages.iter().map(|p| p.ordinal).collect();
    assert_eq!(ordinals, [1]);
    assert!(res.hits[0].passages[0].question.is_none());
}

#[test]
fn not_excludes_testimonies_and_filters_restrict_passages() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive(&dir.path().join("a"));
    // The testimony mentions Foksány, so NOT Foksány excludes all of it.
    assert_eq!(search(&a, "vérhas -Foksány").total_testimonies, 0);
    assert_eq!(search(&a, "vérhas -malária").total_passages, 2);
    assert_eq!(search(&a, "Foksány vérhas lang:hu").total_passages, 3);
    assert_eq!(search(&a, "Foksány vérhas lang:ru").total_passages, 0);
    // `speaker:` and `lang:` restrict every word to those passages: Foksány
    // is only in the interviewer's words.
    assert_eq!(search(&a, "Foksány vérhas speaker:N").total_passages, 0);
    let res = search(&a, "vérhas speaker:N");
    let mut ordinals: Vec<i64> = res.hits[0].passages.iter().map(|p| p.ordinal).collect();
    ordinals.sort();
    assert_eq!(ordinals, [2, 6]);
}

#[test]
fn answers_rank_above_questions() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive(&dir.path().join("a"));
    // The short question scores higher by itself; the account counts more.
    let res = search(&a, "orvos");
    let ordinals: Vec<i64> = res.hits[0].passages.iter().map(|p| p.ordinal).collect();
    assert_eq!(ordinals, [7, 3]);
}
