//! Hungarian for the synthetic corpus: a lexicon of the deportees' world,
//! noun inflection with vowel harmony, verb forms, numerals, and the
//! sentence templates of a narrator and an interviewer.
//!
//! The morphology is rule-based (linking vowels, final-vowel lengthening,
//! consonant doubling before `-val/-vel`) with per-word overrides for the
//! stems that shorten or lower (`kenyér → kenyeret`, `ház → házat`).

use std::sync::OnceLock;

use super::rng::{Rng, Zipf};

/// The three vowel-harmony classes of Hungarian suffixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Harmony {
    /// `-ban`, `-hoz`, `-on`.
    Back,
    /// `-ben`, `-hez`, `-en`.
    Front,
    /// `-ben`, `-höz`, `-ön`.
    Round,
}

/// The noun forms the templates use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    Nom,
    Acc,
    Pl,
    PlAcc,
    PlIne,
    /// `-ban/-ben` (in).
    Ine,
    /// `-ból/-ből` (out of).
    Ela,
    /// `-ba/-be` (into).
    Ill,
    /// `-on/-en/-ön` (on).
    Sup,
    /// `-ra/-re` (onto).
    Sub,
    /// `-ról/-ről` (off, about).
    Del,
    /// `-nál/-nél` (at).
    Ade,
    /// `-tól/-től` (from a person).
    Abl,
    /// `-hoz/-hez/-höz` (to a person).
    All,
    /// `-nak/-nek`.
    Dat,
    /// `-val/-vel`.
    Ins,
    /// `-ig` (until, for).
    Ter,
}

impl Case {
    pub(crate) fn from_code(code: &str) -> Option<Case> {
        Some(match code {
            "nom" => Case::Nom,
            "acc" => Case::Acc,
            "pl" => Case::Pl,
            "placc" => Case::PlAcc,
            "pline" => Case::PlIne,
            "ine" => Case::Ine,
            "ela" => Case::Ela,
            "ill" => Case::Ill,
            "sup" => Case::Sup,
            "sub" => Case::Sub,
            "del" => Case::Del,
            "ade" => Case::Ade,
            "abl" => Case::Abl,
            "all" => Case::All,
            "dat" => Case::Dat,
            "ins" => Case::Ins,
            "ter" => Case::Ter,
            _ => return None,
        })
    }
}

const BACK: &str = "aáoóuú";
const FRONT_ROUND: &str = "öőüű";
const VOWELS: &str = "aáeéiíoóöőuúüű";

/// The harmony class of a word (or name) from its vowels: the last vowel
/// decides, except that `e é i í` after a back vowel give back harmony
/// for `i í` (`papírban`) and front for `e é` (`lágerben`).
pub(crate) fn harmony_of(word: &str) -> Harmony {
    let lower = word.to_lowercase();
    let vowels: Vec<char> = lower.chars().filter(|c| VOWELS.contains(*c)).collect();
    let Some(&last) = vowels.last() else {
        return Harmony::Front;
    };
    if BACK.contains(last) {
        Harmony::Back
    } else if FRONT_ROUND.contains(last) {
        Harmony::Round
    } else if "ií".contains(last) && vowels.iter().any(|c| BACK.contains(*c)) {
        Harmony::Back
    } else {
        Harmony::Front
    }
}

fn ends_with_vowel(word: &str) -> bool {
    word.chars()
        .last()
        .is_some_and(|c| VOWELS.contains(c.to_lowercase().next().unwrap_or(c)))
}

/// `munka → munká-`, `kefe → kefé-` before a suffix.
fn lengthen(word: &str) -> String {
    let mut s = word.to_string();
    match s.chars().last() {
        Some('a') => {
            s.pop();
            s.push('á');
        }
        Some('e') => {
            s.pop();
            s.push('é');
        }
        _ => {}
    }
    s
}

fn pick3(h: Harmony, back: &'static str, front: &'static str, round: &'static str) -> &'static str {
    match h {
        Harmony::Back => back,
        Harmony::Front => front,
        Harmony::Round => round,
    }
}

fn pick2(h: Harmony, back: &'static str, front: &'static str) -> &'static str {
    if h == Harmony::Back { back } else { front }
}

/// Final consonants after which the accusative `-t` needs no linking vowel.
fn takes_bare_t(word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower.ends_with("ny") || lower.ends_with("ly") {
        return true;
    }
    if lower.ends_with("gy") || lower.ends_with("ty") || lower.ends_with("cs") {
        return false;
    }
    matches!(
        lower.chars().last(),
        Some('l' | 'r' | 'n' | 's' | 'z' | 'j')
    )
}

/// `tábor → táborr-`, `Foksány → Foksánny-`, `barakk → barakk-` before
/// the assimilating `-val/-vel`.
fn double_final(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n >= 2 {
        let last2: String = chars[n - 2..].iter().collect::<String>().to_lowercase();
        if ["cs", "dz", "gy", "ly", "ny", "sz", "ty", "zs"].contains(&last2.as_str()) {
            let mut s: String = chars[..n - 2].iter().collect();
            s.push(chars[n - 2]);
            s.push(chars[n - 2]);
            s.push(chars[n - 1]);
            return s;
        }
        if chars[n - 1] == chars[n - 2] {
            return word.to_string();
        }
    }
    let mut s = word.to_string();
    if let Some(&c) = chars.last() {
        s.push(c);
    }
    s
}

/// A noun with its inflection class.
#[derive(Debug, Clone)]
pub(crate) struct Noun {
    pub(crate) lemma: String,
    harmony: Harmony,
    lowering: bool,
    acc: Option<String>,
    pl: Option<String>,
}

impl Noun {
    /// Parses `lemma[:a|e|ö][+][|acc|pl]`.
    fn parse(spec: &str) -> Noun {
        let mut parts = spec.split('|');
        let head = parts.next().unwrap_or_default();
        let acc = parts.next().map(str::to_string);
        let pl = parts.next().map(str::to_string);
        let lowering = head.ends_with('+');
        let head = head.trim_end_matches('+');
        let (lemma, harmony) = match head.split_once(':') {
            Some((l, "a")) => (l, Harmony::Back),
            Some((l, "e")) => (l, Harmony::Front),
            Some((l, _)) => (l, Harmony::Round),
            None => (head, harmony_of(head)),
        };
        Noun {
            lemma: lemma.to_string(),
            harmony,
            lowering,
            acc,
            pl,
        }
    }

    /// A proper name, inflected by the same rules.
    pub(crate) fn name(name: &str) -> Noun {
        Noun {
            lemma: name.to_string(),
            harmony: harmony_of(name),
            lowering: false,
            acc: None,
            pl: None,
        }
    }

    fn plural(&self) -> String {
        if let Some(p) = &self.pl {
            return p.clone();
        }
        let l = &self.lemma;
        if ends_with_vowel(l) {
            return format!("{}k", lengthen(l));
        }
        let link = if self.lowering {
            pick2(self.harmony, "ak", "ek")
        } else {
            pick3(self.harmony, "ok", "ek", "ök")
        };
        format!("{l}{link}")
    }

    /// The form of this noun in `case`.
    pub(crate) fn form(&self, case: Case) -> String {
        let h = self.harmony;
        let l = &self.lemma;
        let stem = if ends_with_vowel(l) {
            lengthen(l)
        } else {
            l.clone()
        };
        let with = |suffix: &str| format!("{stem}{suffix}");
        match case {
            Case::Nom => l.clone(),
            Case::Acc => {
                if let Some(a) = &self.acc {
                    a.clone()
                } else if ends_with_vowel(l) || (takes_bare_t(l) && !self.lowering) {
                    with("t")
                } else if self.lowering {
                    with(pick2(h, "at", "et"))
                } else {
                    with(pick3(h, "ot", "et", "öt"))
                }
            }
            Case::Pl => self.plural(),
            Case::PlAcc => {
                let p = self.plural();
                let ph = harmony_of(&p);
                format!("{p}{}", pick2(ph, "at", "et"))
            }
            Case::PlIne => {
                let p = self.plural();
                format!("{p}{}", pick2(harmony_of(&p), "ban", "ben"))
            }
            Case::Ine => with(pick2(h, "ban", "ben")),
            Case::Ela => with(pick2(h, "ból", "ből")),
            Case::Ill => with(pick2(h, "ba", "be")),
            Case::Sup => {
                if ends_with_vowel(l) {
                    with("n")
                } else {
                    with(pick3(h, "on", "en", "ön"))
                }
            }
            Case::Sub => with(pick2(h, "ra", "re")),
            Case::Del => with(pick2(h, "ról", "ről")),
            Case::Ade => with(pick2(h, "nál", "nél")),
            Case::Abl => with(pick2(h, "tól", "től")),
            Case::All => with(pick3(h, "hoz", "hez", "höz")),
            Case::Dat => with(pick2(h, "nak", "nek")),
            Case::Ter => with("ig"),
            Case::Ins => {
                if ends_with_vowel(l) {
                    with(pick2(h, "val", "vel"))
                } else {
                    format!("{}{}", double_final(l), pick2(h, "al", "el"))
                }
            }
        }
    }
}

/// How a Hungarian speaker says "in/to/from" a settlement: Hungarian towns
/// mostly take `-on/-ra/-ról` (Szolyván, Szolyvára), foreign ones and
/// names ending in `n`, `ny`, `m`, `i` take `-ban/-ba/-ból`.
pub(crate) fn settlement_cases(name: &str, hungarian: bool) -> [Case; 3] {
    let lower = name.to_lowercase();
    let inessive = !hungarian
        || lower.ends_with('n')
        || lower.ends_with("ny")
        || lower.ends_with('m')
        || lower.ends_with('i')
        || lower.ends_with("ó")
        || lower.ends_with("falu");
    if inessive {
        [Case::Ine, Case::Ill, Case::Ela]
    } else {
        [Case::Sup, Case::Sub, Case::Del]
    }
}

/// A verb as six forms: past 1sg, 3sg, 1pl, 3pl, 3pl definite, infinitive.
#[derive(Debug, Clone)]
pub(crate) struct Verb {
    forms: [String; 6],
}

impl Verb {
    pub(crate) fn form(&self, code: &str) -> &str {
        let i = match code {
            "p1s" => 0,
            "p3s" => 1,
            "p1p" => 2,
            "p3p" => 3,
            "p3d" => 4,
            _ => 5,
        };
        &self.forms[i]
    }
}

/// A list with a Zipf distribution over it (earlier = more common).
#[derive(Debug, Clone)]
pub(crate) struct Ranked<T> {
    pub(crate) items: Vec<T>,
    zipf: Zipf,
}

impl<T> Ranked<T> {
    pub(crate) fn new(items: Vec<T>) -> Ranked<T> {
        let zipf = Zipf::new(items.len());
        Ranked { items, zipf }
    }

    pub(crate) fn sample(&self, rng: &mut Rng) -> &T {
        &self.items[self.zipf.sample(rng)]
    }
}

/// The Hungarian lexicon.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub(crate) nouns: Vec<(&'static str, Ranked<Noun>)>,
    pub(crate) verbs: Vec<(&'static str, Ranked<Verb>)>,
    pub(crate) adjectives: Ranked<&'static str>,
    pub(crate) words: Vec<(&'static str, Ranked<&'static str>)>,
}

impl Lexicon {
    pub(crate) fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon {
            nouns: NOUNS
                .iter()
                .map(|(cat, list)| {
                    (
                        *cat,
                        Ranked::new(list.split_whitespace().map(Noun::parse).collect()),
                    )
                })
                .collect(),
            verbs: VERBS
                .iter()
                .map(|(cat, list)| {
                    let verbs = list
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(|l| {
                            let f: Vec<&str> = l.split_whitespace().collect();
                            let get = |i: usize| f.get(i).copied().unwrap_or(f[0]).to_string();
                            Verb {
                                forms: [get(0), get(1), get(2), get(3), get(4), get(5)],
                            }
                        })
                        .collect();
                    (*cat, Ranked::new(verbs))
                })
                .collect(),
            adjectives: Ranked::new(ADJECTIVES.split_whitespace().collect()),
            words: WORDS
                .iter()
                .map(|(cat, list)| (*cat, Ranked::new(list.split(',').map(str::trim).collect())))
                .collect(),
        })
    }

    pub(crate) fn nouns(&self, cat: &str) -> Option<&Ranked<Noun>> {
        self.nouns.iter().find(|(c, _)| *c == cat).map(|(_, n)| n)
    }

    pub(crate) fn verbs(&self, cat: &str) -> Option<&Ranked<Verb>> {
        self.verbs.iter().find(|(c, _)| *c == cat).map(|(_, v)| v)
    }

    pub(crate) fn words(&self, cat: &str) -> Option<&Ranked<&'static str>> {
        self.words.iter().find(|(c, _)| *c == cat).map(|(_, w)| w)
    }
}

/// `a` or `az` before a word.
pub(crate) fn article(next: &str) -> &'static str {
    let first = next
        .chars()
        .next()
        .map(|c| c.to_lowercase().next().unwrap_or(c));
    if first.is_some_and(|c| VOWELS.contains(c)) {
        "az"
    } else {
        "a"
    }
}

const UNITS: [&str; 10] = [
    "", "egy", "kettő", "három", "négy", "öt", "hat", "hét", "nyolc", "kilenc",
];
const TENS: [&str; 10] = [
    "",
    "tíz",
    "húsz",
    "harminc",
    "negyven",
    "ötven",
    "hatvan",
    "hetven",
    "nyolcvan",
    "kilencven",
];
const TENS_PREFIX: [&str; 10] = [
    "",
    "tizen",
    "huszon",
    "harminc",
    "negyven",
    "ötven",
    "hatvan",
    "hetven",
    "nyolcvan",
    "kilencven",
];

/// A number 1–99 in words (`huszonhárom`).
pub(crate) fn numeral(n: usize) -> String {
    let (t, u) = (n / 10 % 10, n % 10);
    if u == 0 {
        TENS[t].to_string()
    } else {
        format!("{}{}", TENS_PREFIX[t], UNITS[u])
    }
}

/// `két` before a noun instead of `kettő`.
pub(crate) fn numeral_attr(n: usize) -> String {
    let s = numeral(n);
    match s.strip_suffix("kettő") {
        Some(p) => format!("{p}két"),
        None => s,
    }
}

/// A year said the way narrators say it: `negyvenötben`, `1945-ben`,
/// `ezerkilencszáznegyvenötben`.
pub(crate) fn year_in(year: usize, rng: &mut Rng) -> String {
    let short = numeral(year % 100);
    let noun = Noun::name(&short);
    match rng.below(4) {
        0 => {
            let suffix = pick2(harmony_of(&short), "ban", "ben");
            format!("{year}-{suffix}")
        }
        1 => Noun::name(&format!("ezerkilencszáz{short}")).form(Case::Ine),
        _ => noun.form(Case::Ine),
    }
}

/// Month names with the possessive locative (`novemberében`).
pub(crate) const MONTHS_IN: [&str; 12] = [
    "januárjában",
    "februárjában",
    "márciusában",
    "áprilisában",
    "májusában",
    "júniusában",
    "júliusában",
    "augusztusában",
    "szeptemberében",
    "októberében",
    "novemberében",
    "decemberében",
];

/// Nouns by topic, most common first. `+` marks a lowering stem
/// (`házat`), `:a`/`:e`/`:ö` force the harmony, `|acc|pl` give irregular
/// accusative and plural.
const NOUNS: &[(&str, &str)] = &[
    (
        "work",
        "munka bánya szénbánya erdő építkezés kolhoz gyár akna kőbánya
         vasútépítés rakodás favágás téglagyár útépítés aratás romeltakarítás tárna
         fakitermelés krumpliszedés csatornaásás szovhoz kubikolás fűrésztelep",
    ),
    (
        "place",
        "tábor láger barakk vagon állomás kórház falu|falut|falvak udvar konyha zóna:a
         marhavagon szögesdrót templom iskola pince őrtorony|őrtornyot|őrtornyok
         község város ház+ priccs fürdő raktár kapu határ híd vasútállomás kert mező
         hegy szoba istálló fal+ pályaudvar földkunyhó föld:ö|földet|földek
         drótkerítés folyó domb kaszárnya ebédlő sír temető",
    ),
    (
        "food",
        "kenyér|kenyeret|kenyerek leves káposzta kása krumpli víz|vizet|vizek fejadag
         káposztaleves hal zsír cukor|cukrot|cukrok só hús szalonna tea burgonya
         liszt kukorica répa korpa élelem|élelmet|élelmek tej|tejet|tejek pogácsa
         bab borsó dara dohány kávé:a",
    ),
    (
        "people",
        "ember katona őr asszony gyerek férfi orvos fogoly|foglyot|foglyok lány fiú
         sváb német orosz parancsnok tolmács nacsalnyik társ+ bajtárs szomszéd
         brigádvezető kisbíró pap tanító ukrán román halott beteg orvosnő tiszt
         őrmester táborparancsnok zsidó rab|rabot|rabok",
    ),
    (
        "kin",
        "apám+ anyám+ édesanyám+ édesapám+ bátyám+ öcsém+ húgom+ nővérem+ feleségem+
         férjem+ fiam+ lányom+ nagyapám+ nagyanyám+ sógorom+ családom+",
    ),
    (
        "job",
        "földműves bányász asztalos kovács cipész szabó kőműves kereskedő molnár juhász
         kocsis vasutas postás pék hentes gazda napszámos bognár",
    ),
    (
        "thing",
        "ruha cipő csizma kabát pufajka bakancs pokróc lapát csákány talicska fejsze
         fűrész bőrönd tarisznya zsák levél|levelet|levelek fénykép kanál|kanalat|kanalak
         csajka edény vödör|vödröt|vödrök szén|szenet|szenek fa kő|követ|kövek tégla
         sín vas papír igazolvány pénz rubel",
    ),
    (
        "time",
        "nap hét|hetet|hetek hónap év tél|telet|telek nyár|nyarat|nyarak ősz tavasz
         reggel este éjszaka hajnal vasárnap karácsony húsvét",
    ),
    (
        "body",
        "kéz|kezet|kezek láb+ fej|fejet|fejek hát|hátat|hátak szem betegség tífusz
         vérhas láz+ seb fagyás éhség tetű|tetűt|tetvek poloska gyengeség halál+
         vérhasjárvány tüdőgyulladás",
    ),
    (
        "idea",
        "háború élet félelem|félelmet|félelmek remény hír parancs norma műszak lista névsor szabadság
         hazatérés fogság emlék nyelv imádság ítélet kihallgatás vallomás igazság
         kegyelem|kegyelmet|kegyelmek sors",
    ),
];

/// Verbs: past 1sg, 3sg, 1pl, 3pl, 3pl definite, infinitive.
const VERBS: &[(&str, &str)] = &[
    (
        "motion",
        "mentem ment mentünk mentek mentek menni
         jöttem jött jöttünk jöttek jöttek jönni
         érkeztem érkezett érkeztünk érkeztek érkeztek érkezni
         indultam indult indultunk indultak indultak indulni
         utaztam utazott utaztunk utaztak utaztak utazni
         gyalogoltam gyalogolt gyalogoltunk gyalogoltak gyalogoltak gyalogolni
         menekültem menekült menekültünk menekültek menekültek menekülni
         hazajöttem hazajött hazajöttünk hazajöttek hazajöttek hazajönni
         hazaértem hazaért hazaértünk hazaértek hazaértek hazaérni
         elindultam elindult elindultunk elindultak elindultak elindulni
         megérkeztem megérkezett megérkeztünk megérkeztek megérkeztek megérkezni
         szöktem szökött szöktünk szöktek szöktek szökni",
    ),
    (
        "take",
        "vittem vitt vittünk vittek vitték vinni
         elvittem elvitt elvittünk elvittek elvitték elvinni
         hajtottam hajtott hajtottunk hajtottak hajtották hajtani
         szállítottam szállított szállítottunk szállítottak szállították szállítani
         összeszedtem összeszedett összeszedtünk összeszedtek összeszedték összeszedni
         bezártam bezárt bezártunk bezártak bezárták bezárni
         kiengedtem kiengedett kiengedtünk kiengedtek kiengedték kiengedni
         hazaengedtem hazaengedett hazaengedtünk hazaengedtek hazaengedték hazaengedni
         őriztem őrizett őriztünk őriztek őrizték őrizni
         vertem vert vertünk vertek verték verni
         kihallgattam kihallgatott kihallgattunk kihallgattak kihallgatták kihallgatni
         elítéltem elítélt elítéltünk elítéltek elítélték elítélni",
    ),
    (
        "work",
        "dolgoztam dolgozott dolgoztunk dolgoztak dolgoztak dolgozni
         ástam ásott ástunk ástak ásták ásni
         vágtam vágott vágtunk vágtak vágták vágni
         raktam rakott raktunk raktak rakták rakni
         hordtam hordott hordtunk hordtak hordták hordani
         cipeltem cipelt cipeltünk cipeltek cipelték cipelni
         toltam tolt toltunk toltak tolták tolni
         építettem épített építettünk építettek építették építeni
         fejtettem fejtett fejtettünk fejtettek fejtették fejteni
         teljesítettem teljesített teljesítettünk teljesítettek teljesítették teljesíteni
         rakodtam rakodott rakodtunk rakodtak rakodtak rakodni
         takarítottam takarított takarítottunk takarítottak takarították takarítani
         kapáltam kapált kapáltunk kapáltak kapálták kapálni
         fűrészeltem fűrészelt fűrészeltünk fűrészeltek fűrészelték fűrészelni",
    ),
    (
        "live",
        "ettem evett ettünk ettek ették enni
         ittam ivott ittunk ittak itták inni
         főztem főzött főztünk főztek főzték főzni
         kaptam kapott kaptunk kaptak kapták kapni
         loptam lopott loptunk loptak lopták lopni
         éheztem éhezett éheztünk éheztek éheztek éhezni
         fáztam fázott fáztunk fáztak fáztak fázni
         aludtam aludt aludtunk aludtak aludtak aludni
         cseréltem cserélt cseréltünk cseréltek cserélték cserélni
         koldultam koldult koldultunk koldultak koldultak koldulni
         vártam várt vártunk vártak várták várni
         megfagytam megfagyott megfagytunk megfagytak megfagytak megfagyni
         megbetegedtem megbetegedett megbetegedtünk megbetegedtek megbetegedtek megbetegedni
         meghaltam meghalt meghaltunk meghaltak meghaltak meghalni
         temettem temetett temettünk temettek temették temetni
         imádkoztam imádkozott imádkoztunk imádkoztak imádkoztak imádkozni
         sírtam sírt sírtunk sírtak sírtak sírni
         mostam mosott mostunk mostak mosták mosni
         feküdtem feküdt feküdtünk feküdtek feküdtek feküdni",
    ),
    (
        "say",
        "mondtam mondott mondtunk mondtak mondták mondani
         kérdeztem kérdezett kérdeztünk kérdeztek kérdezték kérdezni
         beszéltem beszélt beszéltünk beszéltek beszélték beszélni
         kiabáltam kiabált kiabáltunk kiabáltak kiabálták kiabálni
         hallottam hallott hallottunk hallottak hallották hallani
         láttam látott láttunk láttak látták látni
         tudtam tudott tudtunk tudtak tudták tudni
         gondoltam gondolt gondoltunk gondoltak gondolták gondolni
         hittem hitt hittünk hittek hitték hinni
         féltem félt féltünk féltek féltek félni
         írtam írt írtunk írtak írták írni
         olvastam olvasott olvastunk olvastak olvasták olvasni
         számoltam számolt számoltunk számoltak számolták számolni
         kidoboltam kidobolt kidoboltunk kidoboltak kidobolták kidobolni
         megígértem megígért megígértünk megígértek megígérték megígérni
         elfelejtettem elfelejtett elfelejtettünk elfelejtettek elfelejtették elfelejteni
         emlékeztem emlékezett emlékeztünk emlékeztek emlékeztek emlékezni",
    ),
    (
        "do",
        "maradtam maradt maradtunk maradtak maradtak maradni
         éltem élt éltünk éltek éltek élni
         laktam lakott laktunk laktak laktak lakni
         kerültem került kerültünk kerültek kerültek kerülni
         találtam talált találtunk találtak találták találni
         kerestem keresett kerestünk kerestek keresték keresni
         segítettem segített segítettünk segítettek segítették segíteni
         fizettem fizetett fizettünk fizettek fizették fizetni
         hoztam hozott hoztunk hoztak hozták hozni
         adtam adott adtunk adtak adták adni
         vettem vett vettünk vettek vették venni
         tettem tett tettünk tettek tették tenni
         ültem ült ültünk ültek ültek ülni
         álltam állt álltunk álltak álltak állni",
    ),
];

const ADJECTIVES: &str = "hideg nagy rossz kis nehéz sötét éhes beteg hosszú öreg fiatal
    szegény jó meleg piszkos fáradt kicsi orosz magyar sváb német új régi fagyos nedves
    száraz kemény vékony vastag sovány híg savanyú keserű szürke fekete fehér egész első
    utolsó második harmadik távoli messzi közeli végtelen borzasztó szörnyű rettenetes
    kegyetlen rendes emberséges szigorú mély magas alacsony széles keskeny poros sáros
    jeges havas tiszta gazdag rövid könnyű világos ukrán román";

/// Other word classes, comma-separated.
const WORDS: &[(&str, &str)] = &[
    (
        "adv",
        "aztán, akkor, később, ott, már, még, mindig, soha, néha, egyszer, reggel, este,
         egész nap, minden nap, hajnalban, estig, azonnal, lassan, gyorsan, sokáig,
         alig, végre, megint, rögtön, utána, előtte, közben, mindjárt, nemsokára, hamar",
    ),
    (
        "loan",
        "davaj, bisztro, pajok, kipjatok, nacsalnyik, málenkij robot, szkoro domoj, nyet,
         hleba, pugovka, zapreszcseno, konvoj, barakk, lágernacsalnyik, normá, pajka,
         kása, szibir, komendant, voda",
    ),
    (
        "filler",
        "hát, kérem, tudja, na, szóval, izé, no, persze, igen, bizony, hát kérem,
         mit mondjak, nem is tudom",
    ),
    (
        "stage",
        "(szünet), (sír), (nevet), [érthetetlen], (hosszú szünet), (köhög), (sóhajt)",
    ),
    (
        "given_m",
        "János, József, István, Ferenc, László, Mihály, Sándor, Gyula, Béla, Károly,
         Imre, Lajos, Antal, Gáspár, Géza, Pál, Jenő, Ernő, Dezső, Endre, Miklós,
         Zoltán, Andor, Bertalan, Vince",
    ),
    (
        "given_f",
        "Mária, Erzsébet, Ilona, Anna, Katalin, Margit, Julianna, Teréz,
         Rozália, Magdolna, Irén, Borbála, Gizella, Etelka, Veronika, Ágnes, Jolán",
    ),
    (
        "surname",
        "Kovács, Szabó, Tóth, Nagy, Horváth, Varga, Kiss, Molnár, Németh, Farkas, Balogh,
         Papp, Takács, Juhász, Lakatos, Mészáros, Oláh, Simon, Rácz, Fekete, Szilágyi,
         Török, Fehér, Balázs, Gál, Kardos, Pásztor, Bodnár, Fodor, Halász, Lengyel,
         Vincze, Hegedűs, Csizmadia, Bakos, Antal, Orosz, Szűcs, Pintér, Kerekes,
         Manhertz, Schmidt, Wagner, Hoffmann, Fischer, Weber, Kremer, Huber, Bauer",
    ),
    (
        "village",
        "Nagydobrony, Beregszász, Mezőkaszony, Tiszaújlak, Nagyszőlős, Csongor, Bátyú,
         Gát, Vári, Nagymuzsaly, Badaló, Tiszapéterfalva, Salánk, Técső, Aknaszlatina,
         Nagybereg, Kisdobrony, Szürte, Eszeny, Csap, Kaszony, Dercen, Izsnyéte,
         Pilisvörösvár, Budaörs, Zsámbék, Solymár, Gyula, Elek, Hajós, Mecseknádasd,
         Szerencs, Tarcal, Sátoraljaújhely, Nyírbátor, Mátészalka, Kolozsvár, Szatmárnémeti,
         Nagykároly, Érmihályfalva, Zilah, Debrecen, Sopron",
    ),
];

/// Narrator sentences by topic. Slots: `{N.cat:case}`, `{a N.cat:case}`
/// (with article), `{A N.cat:case}` (with an adjective), `{V.cat.form}`,
/// `{HOME:loc|to|from}`, `{CAMP:…}`, `{DEST:…}`, `{REGION:…}`,
/// `{OTHER:…}`, `{W.cat}`, `{NUM}`, `{YEAR}`, `{MONTH}`, `{PERSON}`,
/// `{AGE}`.
pub(crate) const NARRATOR: &[(&str, &[&str])] = &[
    (
        "home",
        &[
            "{HOME:loc} születtem, {BIRTHYEAR}.",
            "Az apám {N.job:nom} volt, {NUM} hold földünk volt, meg egy kis szőlő.",
            "Öten voltunk testvérek, én voltam a legidősebb.",
            "{HOME:loc} mindenki magyar volt, csak {a N.people:nom} beszélt másképp.",
            "{W.adv} {a N.kin:nom} {a N.work:ine} {V.work.p3s}, én meg {a N.place:ine} maradtam.",
            "Szegények voltunk, de éhen nem haltunk, {a N.food:acc} mindig megtermeltük.",
            "{a N.kin:nom} {N.job:nom} volt, {a N.kin:nom} pedig otthon {V.do.p3s}.",
            "Iskolába {HOME:loc} jártam, hat elemit végeztem.",
            "A háború előtt {W.adv} {V.work.p1p} {a N.place:ine}, az élet rendes volt.",
        ],
    ),
    (
        "roundup",
        &[
            "{YEARN} {MONTH} jöttek be az oroszok.",
            "Kidobolták, hogy minden férfinak jelentkeznie kell három napi munkára.",
            "Azt mondták, hogy csak málenkij robot, három nap, aztán hazamegyünk.",
            "Az oroszok {W.adv} {V.take.p3d} {a N.kin:acc}, engem meg {a N.place:ine} szedtek össze.",
            "Hoztunk magunkkal {a N.food:acc}, {a N.food:acc} meg egy váltás ruhát.",
            "{a N.kin:nom} sírt, de nem lehetett mit tenni, {a N.people:nom} {W.loan} kiabált.",
            "Aki nem ment, azt azzal fenyegették, hogy háborús bűnösnek tekintik.",
            "{YEARN} {MONTH} szedték össze {a N.people:placc} {HOME:loc}.",
            "Puskatussal {V.take.p3p} bennünket, {W.loan}, {W.loan}, ezt hallottuk egész úton.",
            "A listán rajta volt {a N.kin:nom} is, pedig már {AGE} éves volt.",
        ],
    ),
    (
        "transit",
        &[
            "Gyalog hajtottak minket {CAMP:to}, ott {a N.place:acc} szögesdrót vette körül.",
            "{CAMP:loc} {NUM} hétig voltunk, {a A N.place:ine}, a puszta földön.",
            "{CAMP:loc} rengeteg ember volt, {a N.body:nom} ott kezdődött.",
            "{CAMP:from} vittek tovább minket, marhavagonokba raktak bennünket.",
            "{CAMP:loc} naponta vitték ki {a N.people:acc} a temetőbe.",
            "Enni alig adtak {CAMP:loc}, {a A N.food:acc} kaptunk, azt is csak egyszer.",
            "Mikor {CAMP:to} értünk, már tele volt {a N.place:nom} {N.people:ins}.",
        ],
    ),
    (
        "journey",
        &[
            "A vagonban {NUMAN} voltunk, egy lyuk volt a padlón, az volt a vécé.",
            "{NUM} napig utaztunk, {a N.food:acc} alig kaptunk, {N.food:acc} egyáltalán nem.",
            "A vonat {W.adv} megállt, akkor {a N.people:nom} {V.take.p3s} ki {a N.people:acc}.",
            "Útközben többen {V.live.p3p} meg, {a N.place:ine} hagyták őket.",
            "A vagon falán át láttuk, hogy {OTHER:loc} megyünk keresztül.",
            "Hideg volt a vagonban, {a N.thing:acc} {V.do.p1p} magunkra.",
            "Végül {DEST:to} érkeztünk, {YEARN} {MONTH}.",
        ],
    ),
    (
        "camp",
        &[
            "{DEST:loc} {a A N.place:ine} laktunk, {NUMAN} egy szobában.",
            "A tábor {DEST:loc} volt, {REGION:loc}, szögesdróttal körülvéve.",
            "{a N.place:ine} {A N.place:nom} volt, a priccsen aludtunk, {N.thing:nom} nélkül.",
            "Minden reggel {W.adv} számoltak bennünket {a N.place:ine}, akárhány fok hideg volt.",
            "{a N.people:nom} {W.adv} {V.take.p3s} {a N.people:acc}, ha valami nem tetszett neki.",
            "{DEST:loc} volt egy {A N.people:nom}, az emberségesen bánt velünk.",
            "Levelet nem írhattunk haza, {a N.kin:nom} nem is tudta, hol vagyok.",
        ],
    ),
    (
        "work",
        &[
            "{a N.work:ine} {V.work.p1p}, napi {NUM} órát, a norma nagyon magas volt.",
            "{DEST:loc} {a A N.work:ine} dolgoztam, {N.thing:ins} {V.work.p1p} {a N.thing:acc}.",
            "Aki nem teljesítette a normát, annak kevesebb kenyér járt.",
            "{a N.work:ine} {a N.thing:acc} {V.work.p1p} {N.thing:ins}, {W.adv} csak este jöttünk vissza.",
            "Télen {a A N.work:ine} {V.work.p1p}, mínusz {NUM} fokban.",
            "A brigádvezető {W.loan} kiabált, ha lassan {V.work.p1p}.",
            "{a N.work:ine} sokan {V.live.p3p} meg, {a N.body:nom} vitte el őket.",
            "Egyszer {a N.thing:nom} rám esett {a N.work:ine}, azóta fáj {a N.body:nom}.",
            "{NUM} évig {V.work.p1s} {DEST:loc}, {a N.work:ine} és {a N.work:ine}.",
        ],
    ),
    (
        "hunger",
        &[
            "Enni {A N.food:acc} kaptunk, meg {NUM} deka kenyeret.",
            "Az éhség volt a legrosszabb, {a N.food:acc} is {V.live.p1p} volna, ha lett volna.",
            "{a N.food:acc} a konyha mellett {V.live.p1p}, a {N.people:nom} nem látta.",
            "A kenyérért mindent odaadtunk, {a N.thing:acc} is {V.live.p1p} érte.",
            "Volt, hogy {N.food:acc} főztünk csalánból, mert {N.food:nom} nem volt.",
            "{a N.people:ade} {a N.thing:acc} cseréltük el {N.food:sub}.",
        ],
    ),
    (
        "illness",
        &[
            "{a N.body:nom} {W.adv} elterjedt a táborban, sokan {V.live.p3p} meg.",
            "Én is {V.live.p1s} {YEAR}, {NUM} hétig feküdtem {a N.place:ine}.",
            "A halottakat {a N.place:ine} temettük el, jeltelen sírba.",
            "{a N.body:nom} ellen nem volt semmi, csak a tetvek voltak mindenütt.",
            "Az orvosnő {a N.people:nom} volt, ő mentett meg, különben meghaltam volna.",
            "{a N.people:nom} közül {NUM} maradt életben {HOME:from}.",
        ],
    ),
    (
        "return",
        &[
            "{YEAR} engedtek haza, {CAMP:through} jöttünk vissza.",
            "{HOME:to} értem, {a N.kin:nom} nem ismert meg, olyan sovány voltam.",
            "Hazafelé {CAMP:loc} még egy hetet vártunk, aztán Csapnál léptük át a határt.",
            "Itthon {W.adv} nem beszélhettünk róla, {a N.people:nom} is hallgatott.",
            "Papírt kaptunk, hogy {DEST:loc} dolgoztunk, de azt is elvették.",
            "Mire hazaértem, {a N.kin:nom} már nem élt.",
        ],
    ),
    (
        "after",
        &[
            "Sokáig nem mertem beszélni róla, a gyerekeimnek se mondtam el.",
            "A rendszerváltás után {W.adv} mondhattuk el, mi történt velünk.",
            "{DEST:loc} {a N.people:pl} még ma is ott fekszenek, senki nem tudja, hol.",
            "Most már öreg vagyok, de {a N.place:acc} {W.adv} álmomban is látom.",
            "Minden évben elmegyünk {CAMP:to}, az emlékműhöz.",
            "Ezt azért mondom el, hogy {a N.people:pl} is tudják, mi történt {DEST:loc}.",
        ],
    ),
];

/// Clauses for any topic, joined by [`CONJUNCTIONS`] into sentences.
pub(crate) const CLAUSES: &[&str] = &[
    "{W.adv} {V.work.p1p} {a N.work:ine}",
    "{a N.people:pl} {W.adv} {V.take.p3p} {a N.people:placc} {a N.place:ill}",
    "{a N.people:nom} {V.say.p3s}, hogy {a N.kin:nom} {a N.place:ine} van",
    "{a A N.place:ine} {V.live.p1p} {N.time:ter}",
    "{a N.thing:acc} {W.adv} {V.do.p1p} {a N.people:abl}",
    "{a N.kin:nom} {W.adv} {V.say.p3s} {a N.idea:del}",
    "{a N.time:nom} {ADJ} volt",
    "{a N.place:nom} tele volt {N.people:ins}",
    "nem volt se {N.food:nom}, se {N.food:nom}",
    "{NUM} {N.time:ter} {V.work.p1p} {a N.work:ine}",
    "{a N.people:pl} {W.adv} azt kiabálták, hogy {W.loan}",
    "{a N.body:nom} miatt sokan {V.live.p3p}",
    "{HOME:from} {NUMAN} {V.motion.p1p}",
    "{a N.people:nom} {a N.thing:acc} {V.do.p3s} {a N.kin:dat}",
    "{A N.food:acc} {V.live.p1p} {N.time:ter}",
    "{W.adv} {V.say.p1s} {a N.kin:acc} {a N.place:ine}",
    "{W.adv} {DEST:loc} {V.do.p1p}",
    "{a N.people:nom} {V.take.p3s} {a N.people:acc} {a N.place:ill}",
    "{a N.work:ine} {A N.thing:ins} {V.work.p1p}",
    "{a N.thing:acc} {a N.place:ine} {V.do.p1p}",
    "{a N.people:pl} {W.adv} {V.say.p3p} {a N.idea:acc}",
    "{V.motion.p1p} {a N.place:ill}, ahol {a N.people:pl} {V.live.p3p}",
    "{a N.kin:nom} {a N.food:acc} {V.live.p3s} {a N.place:ine}",
    "{W.adv} {a N.body:nom} {V.do.p3s} {a N.place:ine}",
    "{a N.people:ins} {V.say.p1p} {a N.idea:del}",
    "{CAMP:loc} {V.live.p1p} {W.adv}",
    "{a N.place:ela} {V.motion.p1p} {a N.work:ill}",
    "{W.filler} {a N.idea:acc} {W.adv} {V.say.p1s}",
];

/// Joins two clauses.
pub(crate) const CONJUNCTIONS: &[&str] = &[
    ", és ",
    ", de ",
    ", mert ",
    ", aztán ",
    ", közben ",
    ", amikor ",
    ", pedig ",
    "; ",
];

/// Interviewer questions by topic.
pub(crate) const QUESTIONS: &[(&str, &[&str])] = &[
    (
        "home",
        &[
            "Hol született?",
            "Mivel foglalkoztak a szülei?",
            "Hányan voltak testvérek?",
            "Milyen volt az élet {HOME:loc} a háború előtt?",
        ],
    ),
    (
        "roundup",
        &[
            "Mire emlékszik negyvennégy őszéből?",
            "Hogyan vitték el?",
            "Mit mondtak, hová viszik önöket?",
            "Kiket vittek el {HOME:from}?",
        ],
    ),
    (
        "transit",
        &[
            "Milyen volt {CAMP:loc} a tábor?",
            "Meddig voltak {CAMP:loc}?",
            "Mit kaptak enni {CAMP:loc}?",
        ],
    ),
    (
        "journey",
        &[
            "Hogyan utaztak?",
            "Hányan voltak egy vagonban?",
            "Tudták, hová viszik önöket?",
        ],
    ),
    (
        "camp",
        &[
            "Milyen volt a tábor {DEST:loc}?",
            "Hol laktak?",
            "Hogyan bántak önökkel az őrök?",
        ],
    ),
    (
        "work",
        &[
            "Milyen munkát végeztek?",
            "Mekkora volt a norma?",
            "Mit dolgozott {DEST:loc}?",
        ],
    ),
    (
        "hunger",
        &[
            "Mit ettek?",
            "Mennyi kenyeret kaptak?",
            "Hogyan élték túl az éhséget?",
        ],
    ),
    (
        "illness",
        &[
            "Voltak betegségek a táborban?",
            "Hányan haltak meg?",
            "Volt orvos a táborban?",
        ],
    ),
    (
        "return",
        &[
            "Mikor engedték haza?",
            "Hogyan fogadták otthon?",
            "Merre jöttek haza?",
        ],
    ),
    (
        "after",
        &[
            "Beszélt erről később valakinek?",
            "Mit jelent ez önnek ma?",
            "Mit üzenne a fiataloknak?",
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn n(spec: &str) -> Noun {
        Noun::parse(spec)
    }

    #[test]
    fn harmony_and_cases() {
        let tabor = n("tábor");
        assert_eq!(tabor.form(Case::Ine), "táborban");
        assert_eq!(tabor.form(Case::Ins), "táborral");
        assert_eq!(tabor.form(Case::Acc), "tábort");
        assert_eq!(tabor.form(Case::Pl), "táborok");
        assert_eq!(tabor.form(Case::PlIne), "táborokban");
        assert_eq!(tabor.form(Case::PlAcc), "táborokat");
        assert_eq!(tabor.form(Case::Sup), "táboron");
        let munka = n("munka");
        assert_eq!(munka.form(Case::Sub), "munkára");
        assert_eq!(munka.form(Case::Acc), "munkát");
        assert_eq!(munka.form(Case::Pl), "munkák");
        let erdo = n("erdő");
        assert_eq!(erdo.form(Case::Ine), "erdőben");
        assert_eq!(erdo.form(Case::All), "erdőhöz");
        assert_eq!(n("láger").form(Case::Ine), "lágerben");
        assert_eq!(n("papír").form(Case::Ine), "papírban");
        assert_eq!(n("barakk").form(Case::Ins), "barakkal");
        assert_eq!(n("barakk").form(Case::Acc), "barakkot");
        assert_eq!(Noun::name("Foksány").form(Case::Ins), "Foksánnyal");
        assert_eq!(Noun::name("Foksány").form(Case::Ill), "Foksányba");
        assert_eq!(Noun::name("Sztálinó").form(Case::Ine), "Sztálinóban");
        assert_eq!(Noun::name("Szolyva").form(Case::Sub), "Szolyvára");
        assert_eq!(n("ház+").form(Case::Acc), "házat");
        assert_eq!(n("ház+").form(Case::Pl), "házak");
        assert_eq!(
            n("kenyér|kenyeret|kenyerek").form(Case::PlAcc),
            "kenyereket"
        );
        assert_eq!(n("kenyér|kenyeret|kenyerek").form(Case::Ine), "kenyérben");
        assert_eq!(n("föld:ö|földet|földek").form(Case::Sup), "földön");
        assert_eq!(n("apám+").form(Case::Acc), "apámat");
        assert_eq!(n("apám+").form(Case::Ins), "apámmal");
        assert_eq!(n("öcsém+").form(Case::Acc), "öcsémet");
        assert_eq!(n("kolbász").form(Case::Ins), "kolbásszal");
    }

    #[test]
    fn numerals_and_settlements() {
        assert_eq!(numeral(23), "huszonhárom");
        assert_eq!(numeral(45), "negyvenöt");
        assert_eq!(numeral(20), "húsz");
        assert_eq!(numeral(12), "tizenkettő");
        assert_eq!(numeral_attr(2), "két");
        assert_eq!(Noun::name("negyvenöt").form(Case::Ine), "negyvenötben");
        assert_eq!(Noun::name("negyvenhat").form(Case::Ine), "negyvenhatban");
        assert_eq!(settlement_cases("Szolyva", true)[0], Case::Sup);
        assert_eq!(settlement_cases("Nagydobrony", true)[0], Case::Ine);
        assert_eq!(settlement_cases("Sztálinó", false)[0], Case::Ine);
        assert_eq!(article("erdő"), "az");
        assert_eq!(article("tábor"), "a");
    }

    #[test]
    fn lexicon_loads() {
        let lex = Lexicon::get();
        for (cat, verbs) in &lex.verbs {
            for v in &verbs.items {
                assert!(v.forms.iter().all(|f| !f.is_empty()), "{cat}");
                assert!(v.form("inf").ends_with('i'), "{cat}: {:?}", v.forms);
            }
        }
        assert!(lex.nouns.iter().map(|(_, n)| n.items.len()).sum::<usize>() > 200);
    }
}
