//! One test per failure class of the tagger measured on held-out text
//! (issue 16), each on new text written for it: short stories without
//! many captivity words, compounds and derivations, case forms of names,
//! waves said by the story, and the negatives that must stay untagged.

use crate::parse::Segment;
use crate::tag::text::seg;
use crate::tag::{SUGGEST, Tagger};
use crate::vocab::Vocabulary;

fn tagger() -> &'static Tagger {
    static T: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
    T.get_or_init(|| Tagger::new(&Vocabulary::builtin().unwrap()))
}

/// `facet:value` of every suggestion, sorted.
fn suggested(paragraphs: &[&str]) -> Vec<String> {
    let segs: Vec<Segment> = paragraphs.iter().map(|t| seg(t)).collect();
    let mut v: Vec<String> = tagger()
        .suggest(&segs)
        .into_iter()
        .map(|t| format!("{}:{}", t.facet.name(), t.value))
        .collect();
    v.sort();
    v
}

fn has(got: &[String], want: &[&str]) {
    for w in want {
        assert!(got.iter().any(|g| g == w), "{w} missing from {got:?}");
    }
}

#[test]
fn a_short_story_is_tagged_without_many_captivity_words() {
    // Two captivity-free sentences used to be below the narrative gate.
    let hu = suggested(&[
        "Negyvennégy novemberében a községházára hívtak minket.",
        "Onnan gyalog Gödöllőre hajtottak, Gödöllőn egy hétig voltunk a kastély mögött. \
         Utána Kopejszkbe kerültem, ott szenet fejtettünk.",
    ]);
    has(
        &hu,
        &["transit_camp:godollo", "place:kopeysk", "region:urals"],
    );
    let ru = suggested(&[
        "В январе сорок пятого нас забрали из села. Две недели держали в Фокшанах, \
         потом повезли до Караганды, где я работал на шахте.",
    ]);
    has(
        &ru,
        &[
            "transit_camp:focsani",
            "place:karaganda",
            "region:central-asia",
        ],
    );
}

#[test]
fn a_transit_camp_town_the_narrator_was_taken_to() {
    let got = suggested(&[
        "Negyvenöt januárjában elhurcoltak, a lágerben tetű volt.",
        "Először Jászberénybe vittek minket, aztán tovább Ufába, ott a barakkban laktunk.",
    ]);
    has(&got, &["transit_camp:jaszbereny", "place:ufa"]);
}

#[test]
fn compounds_count_by_their_last_member() {
    // `vasércbányába` (mine), `marhavagonokba` (into the wagons),
    // `gyűjtőlágerben`, `tehervagonba`.
    let got = suggested(&[
        "Negyvenöt januárjában Debrecenben marhavagonokba raktak bennünket.",
        "Makejevkán a vasércbányába osztottak be, a gyűjtőlágerben aludtunk.",
    ]);
    has(
        &got,
        &["transit_camp:debrecen", "place:makiivka", "region:donbas"],
    );
    let got = suggested(&["Negyvennégy decemberében Cegléden tehervagonba tuszkoltak minket."]);
    has(&got, &["transit_camp:cegled"]);
}

#[test]
fn names_in_every_case() {
    // Sublative, then superessive: the place where people were collected.
    let got = suggested(&[
        "Negyvennégy őszén Ceglédre hajtottak bennünket. Cegléden összegyűjtöttek \
         minden férfit a környékről.",
    ]);
    has(&got, &["transit_camp:cegled"]);
    // Russian genitive after a preposition, a three-letter stem.
    let got = suggested(&["В ноябре сорок четвёртого из Чопа нас погрузили в вагоны."]);
    has(&got, &["transit_camp:chop"]);
    // Accentless typing and a misspelling.
    let got =
        suggested(&["1945 februarjaban Makeevkaba vittek minket, a banyaban dolgoztunk ket evig."]);
    has(&got, &["place:makiivka", "region:donbas"]);
}

#[test]
fn waves_said_by_the_story() {
    // A soldier captured in 1945, without `hadifogoly`.
    let got = suggested(&[
        "Negyvennégy őszén bevonultam a tüzérséghez.",
        "Negyvenöt márciusában a Balatonnál elfogtak az oroszok, és Foksányba vittek, \
         a táborban hetekig vártunk.",
    ]);
    has(&got, &["wave:pow", "transit_camp:focsani"]);
    // A tribunal's sentence is the Gulag wave in any wording.
    let got = suggested(&[
        "В сорок шестом году меня арестовали, особое совещание осудило меня на десять лет.",
        "Срок я отбывал в Воркуте, в лагере при шахте.",
    ]);
    has(&got, &["wave:gulag", "place:vorkuta"]);
    let got = suggested(&[
        "Меня судили в сорок седьмом по статье 58, пункт 10.",
        "Потом был лагерь в Инте, мы жили в бараке.",
    ]);
    has(&got, &["wave:gulag"]);
    // Civilians rounded up for work in the first wave's months.
    let got = suggested(&[
        "Negyvennégy decemberében az oroszok a faluban összeszedték a férfiakat munkára, \
         engem is.",
        "Kramatorszkba kerültem, a lágerben tetű volt, a barakkban fáztunk.",
    ]);
    has(&got, &["wave:malenkij-robot", "place:kramatorsk"]);
    // A destination city in the locative is a camp region.
    let got = suggested(&[
        "Negyvenöt tavaszán elhurcoltak, a lágerben tetű és éhség volt.",
        "Három évet Karagandában töltöttem.",
    ]);
    has(&got, &["place:karaganda", "region:central-asia"]);
}

#[test]
fn negatives_stay_untagged_by_their_evidence() {
    let none = |paragraphs: &[&str]| {
        let got = suggested(paragraphs);
        assert!(got.is_empty(), "{got:?} for {paragraphs:?}");
    };
    // The First World War.
    none(&[
        "Nagyapám 1915-ben esett orosz fogságba, Krasznojarszkban volt a hadifogolytáborban \
         1920-ig, a barakkban sokan meghaltak.",
    ]);
    // A Jewish labour serviceman: Bor and Flossenbürg.
    none(&[
        "Negyvennégy tavaszán munkaszolgálatosként vonultam be, Borba vittek a rézbányába, \
         a lágerben tetű volt.",
        "Ősszel gyalog hajtottak tovább, vagonba raktak, végül Flossenbürgben szabadultam fel.",
    ]);
    // Looted paintings.
    none(&[
        "Negyvenöt tavaszán a trófeabrigád a múzeum festményeit ládákba rakta, és \
         Moszkvába meg Leningrádba szállították.",
    ]);
    // 1956.
    none(&[
        "Ötvenhat novemberében a szovjet katonák elfogtak, Ungvárra vittek a börtönbe, \
         két hónapig voltam ott.",
    ]);
}

#[test]
fn weak_evidence_is_a_hint_not_a_suggestion() {
    let segs = [seg("Egyszer Kramatorszkban is jártunk.")];
    assert!(tagger().suggest(&segs).is_empty());
    let hints = tagger().hints(&segs);
    let k = hints
        .iter()
        .find(|t| t.value == "kramatorsk")
        .expect("a hint for Kramatorsk");
    assert!(k.confidence < SUGGEST && k.confidence >= crate::tag::HINT);
    assert!(!k.evidence.is_empty());
}
