//! Deportation waves: under which circumstances the narrator was taken.
//!
//! **Scoring, not gates** (issue 16). Every wave gets points from all its
//! evidence; a wave with [`QUALIFY`] (2) points or more is suggested
//! (confidence 1 − 0.6² = 0.64), one with less is a hint for archivists.
//! The rule names below are the `rule` of the evidence stored with each
//! suggestion, so an archivist sees why.
//!
//! ## Cues: what the wave is called
//!
//! - **cues** (rule `cue`, 1 point each): the wave's aliases and `cues`
//!   from `schema/vocabulary/waves.toml` (`málenkij robot`, `kis munka`,
//!   `német nevű`, `hadifogság`, `katonai törvényszék`, `Barcaföldvár`…),
//!   in every case and spelling ([`super::matcher`]). Each *distinct* cue
//!   counts once however often it recurs; a cue in a clause about a third
//!   person set against the narrator in the sentence (`он рассказывал,
//!   что его взяли в плен …, а потом у нас`) is the other person's;
//! - **weak cues** (rule `weak-cue`, ½ point each): the vocabulary's
//!   `weak_cues`, words that point at a wave but occur outside it too: an
//!   ethnonym (`sváb`, `немцев`, which is also the wartime enemy), a region
//!   or town (`Erdély`, `Kolozsvár`), `partizán`, a sentencing or an
//!   announcement in general (`elítéltek`, `kidobolták`);
//! - **rule cues** (1 point each, not counted again where a vocabulary cue
//!   matched the same words), general rules of the two languages rather
//!   than phrases:
//!   - `few-days` (first wave): "for a few days", the promise of the
//!     roundup: a number from one to five or "a few" before a day form
//!     (`három napra`, `pár napi`, `egy-két napos`, `háromnapos`, `на два
//!     дня`, `на несколько дней`, `на трёхдневную работу`), the day in
//!     the nominative with work or speech (`két-három nap, aztán mehettek
//!     haza`; not `egy nap`, "one day", nor `két nap múlva`), the Russian
//!     approximate order with the noun first (`дня на три`, `недели на
//!     две`), hours with "a few" (`pár órás munkára`, `часа на два`; not
//!     `két órára`, also "at two o'clock"), half a day (`fél napra`), or
//!     weeks and "a short while" (`két hétre`, `на пару недель`, `rövid
//!     időre`, `ненадолго`, `на денёк`, `поработать недельку`, the
//!     nominative `egy-két hét az egész`) with work
//!     in the sentence; "until a few days" and the Russian accusative of
//!     time with work or speech (`három napig kell dolgozni`, `три дня
//!     поработаете и пойдёте домой`; not after `через`, `за`); only in
//!     a sentence with work (chores and repairs included: `krumplit
//!     pucolni`, `мост чинить`), speech, an announcement or belief
//!     (`azt mondták`, `kidobolták`, `a kisbíró a dobbal`, `azt hittük`,
//!     `думали`) or a roundup (work includes chores in the infinitive:
//!     `ládákat átcipelni`, `fát vágni`, `вагоны грузить`), not
//!     `három napra rá` ("three days later")
//!     nor food for two weeks (the Order 7161 call-up); also home in a
//!     few days, said (`három nap múlva hazamehettek`, `через два дня
//!     отпустят`); a promise counts only in a sentence dated within two
//!     months of the first wave's (when dated) and not told of other
//!     captors (`a csendőrök azt mondták, pár napra`: the ghettos of
//!     1944; Romanian gendarmes excepted, who handed people over to the
//!     Soviets);
//!   - `same-day` (first wave): the work done the same day (`délre
//!     végzünk`, `estére itthon lesztek`, `este mehetsz haza`, `к вечеру отпустят домой`; home
//!     by a day of the week too: `szombatra itthon lesztek`, `до
//!     воскресенья отпустят`) with speech or work (a task demanded counts:
//!     `kell` or `надо` with an infinitive, `a lovaikat meg kell patkolni`),
//!     when it also promises home or the sentence is dated
//!     in the first wave's months (a camp wanted its norm by the evening
//!     too);
//!   - `broken-pretext` (first wave): the pretext of the roundup told as
//!     broken, a story rather than a phrase: a call to a task (work or any
//!     infinitive; said, announced, demanded with `kell` or `надо`, or in
//!     a roundup) and, in the same segment or the next two, a negated
//!     sentence naming the task's object again (`kidobolták, hogy
//!     mindenki menjen a vasutat helyrehozni … Nem a vasúthoz vittek`, `a
//!     vasúti töltést kell helyrehozni … nem töltés lesz ebből`, `надо
//!     картошку чистить … Картошку мы не чистили`, `a cukorrépát kell
//!     behordani … Nem répa lett belőle`): the object is a word of the
//!     task's clause, matched in another case (five letters in common) or
//!     as the last member of a compound, never a number (`huszonhárom
//!     nevet kellett összeszedni … huszonegyet, többet nem talált` is a
//!     quota counted, no task left undone); with the promise's date and
//!     captor conditions;
//!   - `german-name` (Order 7161): `német` next to a form of `név`
//!     (`német neve`, `német nevük`, `német hangzású nevűeket`), `немецкая
//!     фамилия`, `фамилии у нас немецкие`, `deutscher Name`; the surname
//!     `Németh` is not German; also in a call that says whom it wants,
//!     though it names a relative (`mindenki, akinek német neve van, vagy
//!     a nagyapja német volt`: anyone's grandfather, not the narrator's
//!     kin); the Transylvanian Saxons (`Sachsen`, `szászok`) are Germans
//!     to every German rule;
//!   - `german-list` (Order 7161): a list or registration (`lista`,
//!     `névsor`, `összeír`, `список`, `записали`, `Liste`) of Germans: the
//!     Germans its object (`a svábokat`, `németnek`, `немцев`, `швабов`)
//!     or a German list (`a német listára`) or a German adjective before a
//!     plural object (`a sváb lányokat`) or the Germans the subject of
//!     what the list asked (`összeírták, kik a németek`, `записали, кто
//!     немец`), or a relative clause that says whom the list took
//!     (`összeírták a fiatalokat, akiknek a családja német`, `записали
//!     всех, у кого отец немец`), not Germans making a list
//!     (`a németek listát írtak rólunk`, a Holocaust story), not in a
//!     sentence naming a German camp; also the Germans as the object of a
//!     roundup that took the narrator too (`a svábokat mind elvitték,
//!     engem is`, `забрали всех немцев, и меня тоже`);
//!   - `german-call` (Order 7161): a summons addressed to Germans (`aki
//!     német, az jelentkezzen`, `annak jelentkezni kell`, `все, у кого
//!     отец немец, должны явиться`), or the food it told them to bring
//!     (`всех немцев … с едой на две недели`; not the Germans as a subject: `a
//!     németek felrobbantották`), or an order announced or read out to
//!     all Germans (`Felolvasták: „Alle Deutschen, Männer von siebzehn…”`,
//!     `зачитали: всех немцев…`), not with
//!     Hungarians called too (`всем венграм и немцам`: the first wave in
//!     Transcarpathia), not in a sentence naming a German camp;
//!   - `taken-as-german` (Order 7161): taken, listed or gathered as a
//!     German, whatever the narrator was (`меня взяли как немку`, `mint
//!     németet vittek el`, `németként írtak össze`), in the narrator's
//!     sentence, the taking in the same clause (`wer sich als Deutscher
//!     bekannt hatte` is a census);
//!   - `german-self` (Order 7161): the narrator says what she or he is, in
//!     the narrator's own clause with a copula (`mi svábok voltunk`, `я
//!     немка`, `мы были немцы`), not a list of nations in a camp;
//!   - `year-list` (Order 7161): a list of people with their years of
//!     birth, read out, posted or held (`felolvasták a névsort, és minden
//!     név után, hogy hányban született`, `a jegyző felolvasta a listát,
//!     évszámokat mondott`, `eine Liste, mit den Jahrgängen`, `список …
//!     и года рождения`): the order called the Germans up by age, so its
//!     lists went name by name with the year that put each one in or out,
//!     while the first wave's roundups took whom they found; the year of
//!     birth in the list's sentence or the one after it in the segment,
//!     the sentence dated December 1944 to February 1945 or undated, no
//!     German camp named.
//!
//! ## The story: what happened to the narrator
//!
//! - **age brackets** (rule `age-brackets`, 2 points, Order 7161): a
//!   segment naming all four ages of the order (men 17–45, women 18–30),
//!   one bracket said of Germans, or the call-up in other words in a
//!   segment dated December 1944 to February 1945: three of the four ages
//!   (`von achtzehn bis dreißig und alle Männer bis fünfundvierzig`), or
//!   the women's lower and the men's upper bound with both sexes named
//!   (`девушек с восемнадцати лет и мужчин до сорока пяти`); a number that
//!   is a year is no age (`Siebzehn … im März fünfundvierzig`: 1945, not
//!   the men's 45);
//! - **soldier** (rule `soldier`, 1 point, `pow`): the narrator served: a
//!   soldier's word (`bevonultam`, `a fronton`, `honvéd`, `tizedes`,
//!   `призвали`, the uniform: `a mundér volt rajtunk`; asked `Mikor
//!   vonult be?`; not a gendarme's or policeman's rank: `csendőr voltam,
//!   őrmester`), a military unit with a first-person possessive (`az
//!   ütegünk`, `a szakaszunkból`, `zászlóaljunkat`, typed without
//!   accents `zaszloaljunkbol`; the singular possessive even with no
//!   other first-person word, `az ütegemből senki sem maradt`: `század`
//!   alone is also "century") or a Russian or German unit in the narrator's clause
//!   (`наш полк`, `мою роту`, `я был в зенитной батарее`), or `katona
//!   voltam`, `был солдатом`, or a unit with the narrator's copula right
//!   after it (`kerékpáros század voltunk`, `egy ütegben szolgáltam`:
//!   beside the copula `század` is no century); always in a clause of the narrator without a
//!   relative (`a bátyám a fronton volt` is the brother), or in a short
//!   apposition right after one (`bújtunk el hárman, honvédek`,
//!   `Főhadnagy voltam, a tüzérségnél`). A rank is the narrator's with a
//!   copula or a first-person possessive (`főhadnagy voltam`, `a
//!   hadnagyunk`, `я был сержантом`), or in such an apposition (`négyen,
//!   tüzérek`), never beside a Soviet word (`egy orosz hadnagy vitt el
//!   minket` is the captor). A call-up in the indefinite conjugation has
//!   the narrator as its dropped object (`negyvennégy nyarán
//!   besoroztak`), and so does a sending to the front (`negyvenkettőben
//!   vittek ki a frontra`, `отправили на фронт`; not the definite
//!   `vitték`, nor with a plural object: `a férfiakat vitték a frontra`);
//! - **surrender** (rule `surrender`, 1 point, `pow`, soldier or not):
//!   falling into captivity or giving up in a clause of the narrator (not
//!   custody pending trial: `vizsgálati fogságban voltam`, `под
//!   следствием`, `Untersuchungshaft`):
//!   `fogságba estünk/kerültem/jutottunk`, `megadtuk magunkat` and with the
//!   particle after the verb `adtuk meg magunkat`, `в плен`, `сдались`;
//!   arms laid down (a weapon word with a verb of laying down or throwing
//!   away: `letettük a fegyvert`, `dobtuk el a puskát`, `сложили оружие`,
//!   `побросали винтовки`, with the verb's particles: `ledobtuk a
//!   derékszíjat`, `belehajítottuk a puskákat`, `Gewehre geworfen`; the
//!   belt and cartridge pouch count as arms), also as an elliptic answer to an order (`…
//!   tegye le a puskát. Letettük.`); the interviewer's question that
//!   takes the captivity as told, in the formal address with no
//!   first-person word (`Hol esett fogságba?`, `Где вы попали в плен?`;
//!   not `Hogy került a szovjetek kezébe?`, asked of civilians too, nor
//!   a question about a relative); hands raised (`feltartott kézzel`,
//!   `felemeltük a kezünket`, `подняли руки`, in one word `kézfeltartva`);
//!   a white flag or cloth (`fehér zászlóval`, `fehér kendővel`, a white
//!   shirt or towel: `fehér alsóinget`, `с белой тряпкой`, `mit einem
//!   weißen Tuch`); fallen into their hands or gone over
//!   (`az oroszok kezére kerültünk`, `az oroszokhoz kerültem`, `попали к
//!   русским`, `átálltunk`); disarmed (`lefegyvereztek minket`, `нас
//!   разоружили`, `entwaffnet`) or the group's weapons taken (`négyen
//!   voltunk, elszedték a puskákat`, `отобрали оружие`), which also makes
//!   the narrator a soldier: only the armed were disarmed;
//! - captures and surrenders count in a clause of the narrator, or in a
//!   clause the next one adds the narrator to (`elfogták az egész
//!   üteget, engem is`), or in a short apposition right after the
//!   narrator's clause, as for the soldier (`mi kijöttünk, feltartott
//!   kézzel`), and a capture in the Hungarian indefinite
//!   conjugation has the narrator as its dropped object (`az amerikaiak
//!   elfogtak`: with Western captors, a Western captivity);
//! - **capture** (rule `capture`, 1 point, `pow`, only with `soldier`):
//!   taken (`elfogtak`, `fogtak el`, `elkaptak`, `взяли`, `поймали`,
//!   `захватили`), encircled (`bekerítettek`, `körbevették`, `окружили`) or the hands
//!   tied (`hátrakötötték a kezünket`, `связали руки`): villages were
//!   surrounded and civilians taken too, so a capture is a prisoner of
//!   war's only when the narrator served, as a soldier or in the labour
//!   service;
//! - a **labour serviceman** (`munkaszolgálat`, `munkaszázad`,
//!   `keretlegény`, in the narrator's sentence, the indefinite `hívtak be
//!   munkaszolgálatra`, or the question put to the narrator) served unarmed: no `soldier` point, though the company
//!   is "ours" (`a századunkat kivitték Ukrajnába`); captured by the
//!   Soviets, he was a prisoner of war all the same;
//! - **prisoner** (rule `prisoner`, 1 point, `pow`, when no capture is
//!   told): the narrator among "the prisoners" (`minket is a foglyok közé`,
//!   `gyűjtötték a foglyokat`, `a Vörös Hadsereg foglya lettem` in a
//!   sentence of the narrator; not the prisoners as the subject of a clause
//!   without the narrator: `ott már voltak foglyok is`, `рядом работали
//!   пленные немцы`), nor prisoners the narrator saw (`ott láttam orosz
//!   foglyokat`), nor prisoners held beside the narrator's people or apart
//!   from them (`a hadifoglyokat külön tartották`, `рядом с нашей зоной
//!   поставили лагерь военнопленных`, `nebenan`: a `pow` cue in such a
//!   clause does not count either); compounds (`fogolytábor`) are camps, where civilians
//!   were held too;
//! - **tribunal** and **article-58** (2 points, `gulag`): a sentence with a
//!   Soviet tribunal (`katonai törvényszék`, `tribunál`, `трибунал`,
//!   `особое совещание`, `trojka`; a court said to be Soviet or military:
//!   `egy szovjet katonai bíróság`, `военный суд`) and a sentencing, or a
//!   legal article numbered 58, in digits, words or as an ordinal or
//!   adjective (`ötvennyolcas cikkely`, `otvennyolcadik paragrafus`,
//!   `статья пятьдесят восьмая`); the corrective-labour camp
//!   (`javítómunkatábor`, `ИТЛ`) is a cue of the vocabulary;
//!   a Soviet or military court whose term in years comes in its segment
//!   or the next rather than with a verb of sentencing (`aztán egy katonai
//!   bíróság, három tiszt egy asztal mögött … „Húsz év.”`) is a tribunal
//!   too; a Hungarian court or the state security (`népbíróság`, `egy
//!   budapesti bíróság`, `megyei bíróság`, `венгерский суд`, `ÁVH`) is not
//!   Soviet, and neither this rule nor `term` counts its sentence; a
//!   term in years read out with a court, a judge or a verdict named
//!   nearby (`bírót sose láttam, egy papírt olvastak fel: tizenöt év`,
//!   `судья сказал: десять лет`) is a sentence (rule `term`);
//!   the tribunal told as a scene, unnamed (rule `tribunal-scene`, 2
//!   points, like a named one): officers or others sitting at a table, or
//!   officers sitting (`három tiszt ült egy asztal mögött`, `egy ezredes
//!   meg két tiszt ült`, `за столом сидели три офицера`), with a term in
//!   years in its segment or the next (`Tíz év, mondta a tolmács`); the
//!   scene also counts as the court a term read out needs;
//! - **guards**: in a sentence where the narrator guards or escorts
//!   prisoners (`мы сопровождали эшелоны с пленными`, `foglyokat
//!   kísértünk`; not `мост охранял`, a soldier's duty) no capture,
//!   surrender or prisoner counts: the narrator was on the captors' side,
//!   as is a narrator who served in the Red Army (`я был рядовым, Третий
//!   Украинский фронт`); and `служил мессу` is a priest's service, no
//!   soldier's; nor does a guard's sentence tell that the narrator was
//!   held ([`narrator_held`]: `нас поставили охранять лагерь в Сваляве`
//!   has a camp word, but the guard's);
//! - **taken-by-the-front** (rule `taken-by-the-front`, ½ point, the story
//!   default, a hint for archivists): a narrator who tells the captivity in the first person
//!   ([`narrator_held`]), no soldier, no labour serviceman, captured by
//!   nobody, whose own story before the first sentence of captivity is
//!   dated in the months the front crossed Hungary (October 1944 to March
//!   1945) and never later, was taken in the civilians' roundups whatever
//!   the words (`1945 januárjában a sarkon két katona megállított`): half a
//!   point for the civilian wave with the most evidence of its own
//!   (Transylvania, Order 7161), else the first wave, only when no wave
//!   has a point of its own. With the narrator held that is a hint (0.40),
//!   listed by `tanu review --all`, never a suggestion: as a full point it
//!   found four waves of the set it was written from but on the next
//!   unseen set it made two wrong suggestions and no right one (a soldier
//!   and a Transylvanian it could not tell);
//! - **term** (rule `term`, 1 point, `gulag`, when no tribunal is named): a
//!   term in years next to a verb of giving or sentencing (`huszonöt évet
//!   kaptam`, `tizenöt évre ítélt`, `дали десять лет`, `tíz év
//!   kényszermunkát kaptam`, `a bíróság tíz évet adott`; not `három év
//!   múlva kaptam`), in a sentence about
//!   no relative, told in Russian or with a Soviet captor or place in the
//!   testimony (Hungarian courts gave years too); also a term read out as
//!   a verdict, in any case (`annyit mondott: tíz év`), with a court,
//!   trial or verdict named in its segment or the question before it (`И
//!   был суд?`), or read out from a paper in its sentence or the one
//!   before by an officer (`egy tiszt felolvasta, hogy a szovjet hatalom
//!   ellensége vagyok, hat év`, `Майор зачитал бумагу. Десять лет.`: the
//!   Special Board sentenced without a court to name; not a paper read
//!   out by no one named), not a time (`tíz év múlva`,
//!   `через десять лет`);
//! - **work-roundup** (rule `work-roundup`, 2 points, first wave): a
//!   roundup "for work" (a chore in the infinitive or as a noun:
//!   `romot takarítani`, `krumpliszedésre`, `на уборку`; not digging
//!   trenches, which the Hungarian army had the leventes do) or under a
//!   pretext (`будто бы на проверку документов`, `állítólag
//!   igazoltatásra`), dated in the first wave's months, the narrator no
//!   soldier, the sentence about no relative or neighbour; announcements
//!   and summons are roundups (`kihirdették`, `behívattak`, `munkára
//!   rendeltek ki`, `вызвали`, `велели явиться`, `погнали`, and the
//!   imperative of a patrol: `gyere, romokat takarítani`; the
//!   subjunctive of a summons: `hogy a férfiak jöjjenek`, `jelentkezzenek`,
//!   `minden férfi menjen`), a certificate as the pretext too (`menjen a
//!   rendőrségre igazolásért`),
//!   and so are calls to `robotra`, `на трудовой фронт`; the work may be
//!   said in the next sentence of the segment (`összeírták a fiatalokat.
//!   Azt mondták, a hidat kell újjáépíteni`), and a chore counts with its
//!   particle (`eltakarítani`, `újjáépíteni`, `rendbe tenni`); a call told
//!   before its date is dated by the first date after it in its segment.
//!   Germans called up for work (`a német
//!   származásúak jelentkezzenek munkára`) give the points to Order 7161
//!   instead, unless Hungarians are called with them;
//! - **civilian** and **gathered** (½ point each, no soldier): the narrator
//!   calls herself a civilian (`minket, civileket`, `soha nem voltunk
//!   katonák`, though a paper said "from captivity"; not one of a mixed
//!   crowd: `katonák és civilek voltunk vegyesen`) or is gathered in a
//!   roundup (`összeszedték a férfiakat, engem is`, `нас собрали`, and the
//!   elliptic `Összeírták a fiatalokat. Engem is.`). Both go to the
//!   civilian wave with a point of its own and more than the first wave
//!   (Transylvania: a roundup in Kolozsvár, Northern Transylvania; Order
//!   7161), else to the first wave, the roundups of civilians; to
//!   Transylvania or Order 7161 also when the roundup is dated in its
//!   months and not in the first wave's (`1944 szeptemberében
//!   Marosvásárhelyen összeszedtek`). A roundup of relatives (`auch meine
//!   zwei Cousinen`) is not the narrator's unless the narrator is its
//!   object too (`engem is`), nor a roundup by the Arrow Cross, gendarmes,
//!   SS or Gestapo (`a nyilasok összeszedtek`), which also keeps a
//!   `work-roundup` from counting;
//! - **taken-in** (rule `taken-in`, 2 points, `transylvania`, no soldier):
//!   where the narrator was taken says the wave: a town of Transylvania
//!   (Kolozsvár, Nagyvárad, Szatmárnémeti, Nagykároly, the Székely towns…,
//!   in Hungarian, Romanian, German and Russian, any case: `Váradra`, `из
//!   Карея`) named up to the narrator's roundup, before the first sentence
//!   of captivity, in the wave's months or undated and not passed through
//!   (`Nagyváradon át mentünk` is the route); or a transit camp of the
//!   narrator that lay in Transylvania (Barcaföldvár, Brassó);
//! - **home** (rule `home`, 1 point): the header's birthplace
//!   ([`super::Narrator`]), for a narrator born before 1932, says where a
//!   civilian most likely lived and was taken when the story does not
//!   name the town (its evidence has no passage; the review shows it as
//!   the birthplace):
//!   - born in Northern Transylvania or Székely Land (its towns in every
//!     language, the Csík and Gyergyó villages): `transylvania`, for a
//!     narrator no soldier, where no town of the taking is named and the
//!     prisoner-of-war wave has no point of its own or the narrator says
//!     he was a civilian (which vetoes it: `я никогда не был солдатом`,
//!     though the camp wrote everyone down as prisoners of war); it
//!     decides against the first wave as `taken-in` does;
//!   - born in a German village of Hungary, Szatmár or the Banat (Hajós,
//!     Pilisvörösvár, Elek, Vallaj, Hatzfeld…): `order-7161`, for a
//!     civilian held (no soldier, labour serviceman, capture or surrender),
//!     no wave but the first with a point of its own, the story before the
//!     captivity dated no later than February 1945 (the 1946 expulsions
//!     are not); a roundup there told as work or a few days was the
//!     call-up, so `order-7161` then wins over the first wave;
//!   - born in Transcarpathia (its towns, districts and Hungarian
//!     villages): `malenkij-robot`, on the same conditions with no wave
//!     having a point of its own, the story dated no later than the
//!     front's months (the men's roundup of November 1944);
//!
//!   the story before the captivity is read up to the first sentence of
//!   captivity and no further than the segment of the narrator's camp;
//! - **date** (rule `date`, ½ point): a roundup, arrest or capture sentence
//!   dated inside the wave's period, for a wave with a point of its own,
//!   or the narrator's own roundup (`gathered`) dated inside it.
//!
//! A sentence without a year of its own is dated by the last sentence of
//! its segment that names one (`Negyvennégy decemberében. Kihirdették,
//! hogy…`), or, when none does, by the interviewer's question the segment
//! answers (`Mi történt 1944 novemberében? — Kidobolták, hogy…`); a month
//! it names without a year takes the year of that date, or the next year
//! when it comes before that date's month (`Negyvennégy októberében
//! bejöttek az oroszok. November elején kidobolták…`: November 1944;
//! `… januárban`: January 1945; a season is not read so: `лет` is also
//! "years"). A month of October to March named before any year of the
//! testimony is the front's (`Novemberben jött a kisbíró`: November 1944):
//! a story that opens without a year opens at the front. A sentence telling the front's arrival (`amikor bejöttek
//! az oroszok`, `когда пришли советские`, `átvonult a front`) is dated to
//! the months the Red Army reached Hungary, October 1944 to March 1945.
//!
//! ## Negation
//!
//! A cue negated by a word just before it or by `не`/`nem` + copula just
//! after it does not count (`hadifogoly sosem voltam`, `в плену никогда не
//! был`); a capture or surrender whose verb is negated (`engem nem fogtak
//! el`, and the negation between the noun and its verb: `fogságba nem
//! estem`, and the colloquial `never`: `fogságba sose kerültem`; not `nem
//! sokkal később fogságba estünk`) is a *denied* capture:
//! with no capture or surrender told, it removes the prisoner-of-war wave
//! (a labour serviceman who walked back, a Soviet guard), and so does a
//! negated prisoner-of-war cue or prisoner word in the narrator's sentence
//! (`fogoly sosem voltam`, `военнопленным я не был`: an interpreter, a
//! guard).
//!
//! A narrator who denies outright being taken (`engem senki nem
//! deportált`, `Engem nem vittek el.`, `Én nem kerültem Oroszországba.`,
//! `никто меня не везёт`: the negation on the verb of taking, with
//! `nobody` or `never` or in a sentence of five words at most, and no
//! `hanem`, `akkor`, `больше`, `sondern` that limits it) and tells no
//! taking of their own after it gets no wave at all: the lists, camps and
//! prisoners of such a story are a sister's, a father's, a neighbour's.
//!
//! ## Whether the narrator was held
//!
//! - **held** (rule `held`, 1 point): the narrator was taken somewhere: the
//!   tagger suggests a place or transit camp of the narrator (its evidence
//!   is shown), or the narrator tells of being held ([`narrator_held`]).
//!   It adds to a wave with at least one point of its own (one clear cue,
//!   a surrender, a soldier, a civilian gathered), so one cue and a camp
//!   make a suggestion while a passing ethnonym does not: a wave with less
//!   gets half of it and stays a hint (0.40) for archivists to review. A
//!   wave whose period lies more than three months from the narrator's
//!   earliest dated roundup, arrest, capture or surrender told before the
//!   first sentence of captivity and before the narrator came home
//!   (`hazajöttem`, `jöttem haza`, `вернулся`) does not get it (the
//!   Swabians expelled to Germany in 1946 or to the Hortobágy in 1951; a
//!   transfer from the camp in 1946 is not the taking, nor a threat of
//!   expulsion after the return: `negyvenkilencben jöttem haza … minket is
//!   majdnem kitelepítettek`, nor the release announced, a call to go
//!   home with no work, days or promise beside it: `в сорок восьмом
//!   объявили: венгры едут домой`, which the camp called as it had called
//!   the taking);
//! - a tribunal's or article 58's sentence with a term in years says the
//!   narrator was held too (`huszonöt évet adott`), where no camp of the
//!   vocabulary is named;
//! - and so does, failing these, the narrator taken away in the first
//!   person by a verb of transport (`Man hat uns nach Gyula gebracht`,
//!   `нас привезли`, `Foksányba kerültem`; not asked, not negated, no
//!   relative in the sentence): a short account tells the captivity in
//!   fewer captivity words than [`narrator_held`] needs;
//! - a narrator who went to the Soviet Union freely or by the state's
//!   ordinary call ([`free_journey`]: assigned after a degree,
//!   `распределение`; recruited or under contract, `оргнабор`,
//!   `завербовался`, `по контракту`, `szerződéssel`; a conscript of the
//!   Soviet Army, `служил в Советской армии`, asked too) and tells no
//!   roundup, capture, surrender or sentence of his own was not held,
//!   whatever camps and barracks the story names (an engineer in Norilsk
//!   among former convicts, a recruit beside a camp): no `held` for any
//!   wave; the Red Army of the war years does not count (Transcarpathians
//!   drafted in 1944 were sent on to the camps);
//! - without it, a wave keeps 0.6 of its confidence and stays a hint
//!   (Transylvanian names or `sváb` in a testimony about politics, a
//!   brother's captivity, a soldier never held).
//!
//! Cues and story rules do not count in segments of another era (see
//! [`super::era`]: a grandfather's 1915 captivity, 1956) nor in sentences
//! about someone else (`a férjem … ő is volt hadifogoly`; taking livestock,
//! `vitték a lovakat`, is not taking a person).
//!
//! ## Decisions between waves
//!
//! - a civilian narrator (`minket, civileket`; `soha nem voltam katona`)
//!   is not a prisoner of war (rule `civilian` vetoes `pow`);
//! - a prisoner of war without both service and a capture or surrender of
//!   the narrator (a cue about a neighbour who "fell into captivity", a
//!   soldier who went home) yields to a civilian wave that qualifies
//!   with a point of its own besides weak cues (a soldier's service
//!   outweighs `Erdélyben` and `partizánok` named in passing);
//! - a narrator sentenced by a Soviet court (`tribunal`, `article-58`,
//!   `tribunal-scene` or `term`) no later than the first sentence of his
//!   captivity, with no capture or surrender of his own and no `pow` cue,
//!   was a convict, not a prisoner of war: `pow` is removed (the prisoners
//!   he was held among and a service years before the arrest are no
//!   evidence of the wave); held before the sentence, a soldier was a
//!   prisoner of war first and keeps both;
//! - a soldier captured in Transylvania is a prisoner of war: `pow` with
//!   the `soldier` rule removes `transylvania`;
//! - a civilian taken in Transylvania (`taken-in`) belongs to that wave,
//!   not to the first wave's roundups: `transylvania` qualifying by it
//!   removes `malenkij-robot` (Order 7161 stays: the Germans of
//!   Transylvania are both);
//! - `malenkij-robot` and `order-7161`: when both qualify, only the one
//!   with more points is kept (both on a tie);
//! - German camps or the Serbian mine of Bor with no Soviet captor
//!   anywhere: no Soviet wave (a Jewish labour serviceman's story); cues
//!   in a sentence naming a German camp never count;
//! - a Western captor (`amerikai fogságba estünk`, `a franciák fogságába
//!   estem`) with no Soviet one: no
//!   `pow`; nor when the narrator's only capture is in a sentence naming
//!   Western captors and no Soviet one (`amerikai hadifogságba kerültem,
//!   nem oroszba`), whose `pow` cues do not count either.
//!
//! Confidence is 1 − 0.6^points, at most 0.97 (1 point → 0.40, 2 → 0.64,
//! 3 → 0.78, 4 → 0.87).

use std::collections::{BTreeMap, HashMap};

use crate::hash::FxBuildHasher;

use crate::store::{NewEvidence, NewTag};
use crate::vocab::{Facet, Vocabulary};

use super::HeaderField;
use super::era::{Era, hungarian_number, numbers, year_at};
use super::lexicon::{
    ARTICLE, CAPTIVITY, CAPTURE, CIVILIAN, DAY_HU, DAY_RU, ENCIRCLED, FEW_HU, FEW_RU, GATHER,
    GERMAN, GERMAN_CAMP, GIVEN, HANDS, KIN, LAY_DOWN, LIST, Lex, MONTH, NAME, NEGATION, PRISONER,
    RAISE, ROUNDUP, SENTENCED, SOLDIER, SOLDIER_NOUN, SOVIET, SPEECH, SURRENDER, THIRD_PERSON,
    TRIBUNAL, UNIT, UNIT_HU, WEAPON, WORK, WORK_CALL, YEAR_TERM,
};
use super::lexicon::{
    COPULA, FOOD, GERMAN_OBJECT, GERMAN_SELF, SHORT_WHILE, SUMMONS, WEEK_RU, WESTERN,
};
use super::lexicon::{
    COURT, HOME_AGAIN, HOUR_HU, HOUR_RU, OTHER_CAPTOR, PRETEXT, PROMISE, RANK, RANK_HU, SAME_DAY,
    SERVED, TAKEN, TAKING, TIE, YEARS_LATER,
};
use super::matcher::{Match, Target, cue_key};
use super::places::evidence;
use super::text::{
    Doc, Token, any, any_of, contrasted_third_person, definite_taking, first_person, others_flags,
};

/// Stable wave ids the rules refer to (ids never change once published).
const MALENKIJ_ROBOT: &str = "malenkij-robot";
const ORDER_7161: &str = "order-7161";
const POW: &str = "pow";
const TRANSYLVANIA: &str = "transylvania";
const GULAG: &str = "gulag";
/// The ages Order 7161 called up: men 17–45, women 18–30.
const ORDER_7161_AGES: [u32; 4] = [17, 45, 18, 30];
/// Points of a weak cue (`weak_cues` in the vocabulary).
const WEAK: f64 = 0.5;
/// Points of the narrator having been held (a place of the narrator, or
/// [`narrator_held`]), for a wave with evidence of its own.
const HELD: f64 = 1.0;
/// Points a wave needs to be suggested: 1 − 0.6² = 0.64 ≥ [`super::SUGGEST`].
const QUALIFY: f64 = 2.0;

#[derive(Default)]
struct Score {
    /// Distinct cues (1 point each) and rule cues (`german-name`…).
    keys: Vec<String>,
    /// Distinct weak cues ([`WEAK`] each).
    weak: Vec<String>,
    /// Points of the story rules.
    points: f64,
    evidence: Vec<NewEvidence>,
    /// `pow`: the narrator served.
    soldier: bool,
    /// `pow`: the narrator tells a capture or surrender.
    captured: bool,
    /// Points for the narrator having been held ([`HELD`], or half of it
    /// for a wave with less than a point of its own).
    held: f64,
}

impl Score {
    /// The wave's own evidence.
    fn own(&self) -> f64 {
        self.keys.len() as f64 + WEAK * self.weak.len() as f64 + self.points
    }

    fn total(&self) -> f64 {
        self.own() + self.held
    }

    /// The wave's own evidence besides weak cues: cues, rule cues and
    /// story points.
    fn strong(&self) -> f64 {
        self.keys.len() as f64 + self.points
    }
}

/// The wave suggestions for a document, given its cue matches.
pub(super) fn suggest(
    doc: &Doc<'_>,
    eras: &[Era],
    vocab: &Vocabulary,
    cues: &[Match],
    // Evidence that the narrator was held: the best place, region or
    // transit camp of the narrator. Without it, the first sentence of
    // [`narrator_held`] when the narrator tells of being held.
    held: Option<NewEvidence>,
    // The narrator's transit camps, with their evidence.
    camps: &[&NewTag],
    // What the header says of the narrator (the birthplace).
    narrator: &super::Narrator<'_>,
) -> Vec<NewTag> {
    // The birthplace and the recording place, when the narrator was old
    // enough to be taken in the roundups of 1944–45.
    let old_enough = !narrator.too_young_in(i64::from(FRONT.1 / 12));
    let home = narrator.birthplace.filter(|_| old_enough);
    let lived = narrator.lives_in.filter(|_| old_enough);
    let entries = vocab.entries();
    let wave_index = |id: &str| {
        entries
            .iter()
            .position(|e| e.id == id && e.facet == Facet::Wave)
    };
    let mut scores: BTreeMap<usize, Score> = BTreeMap::new();
    let others = others_flags(doc);
    // The narrator's first sentence of captivity, and the first of two
    // that make [`narrator_held`].
    let (first_held, narrator_held) = first_captivity(doc, eras);
    let held_from = first_held.unwrap_or(doc.sentences.len());
    let in_scope = |s: usize| -> bool { eras[s] == Era::Deportation && !others[s] };
    // A sentence naming Western captors and no Soviet one.
    let western_sentence = |s: usize| -> bool {
        let toks = doc.sentence(s);
        any_in(doc, toks, &WESTERN) && !any_in(doc, toks, &SOVIET)
    };

    // Token spans of the vocabulary cues, per wave: a rule cue on the same
    // words is the same evidence.
    let mut covered: Vec<(usize, usize, usize)> = Vec::new();
    let mut weak_keys: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut denied_cue: Option<usize> = None;
    let first_wave = wave_index(MALENKIJ_ROBOT);
    for m in cues {
        let Target::Cue(w, key) = &m.target else {
            continue;
        };
        let s = doc.tokens[m.first].sentence;
        let negated_cue = negated(doc, m.first, m.last);
        if negated_cue && entries[*w].id == POW && in_scope(s) && first_person(doc.sentence(s)) {
            // `hadifogoly sosem voltam`: a denied captivity.
            denied_cue.get_or_insert(s);
        }
        // A prisoner of war with an indefinite article is someone the
        // narrator met (`volt velem egy japán hadifogoly`, `один
        // японский военнопленный`).
        let before = m.first.saturating_sub(2)..m.first;
        let someone = entries[*w].id == POW
            && before.clone().all(|i| doc.tokens[i].sentence == s)
            && before.into_iter().any(|i| {
                matches!(
                    &*doc.tokens[i].folded,
                    "egy" | "один" | "ein" | "einen" | "einem"
                )
            });
        // A cue in a clause about a third person set against the
        // narrator (`он рассказывал, что его взяли в плен …, а потом у
        // нас`): the other person's.
        if !in_scope(s)
            || any_in(doc, doc.sentence(s), &GERMAN_CAMP)
            || negated_cue
            || someone
            || (western_sentence(s) && entries[*w].id == POW)
            || contrasted_third_person(doc, m.first)
            || (entries[*w].id == POW && beside_us(doc.clause(doc.tokens[m.first].clause)))
        {
            continue;
        }
        // A call to Hungarians and Germans together (`все мужчины
        // венгерской и немецкой национальности должны явиться`) is the
        // first wave's in Transcarpathia, not Order 7161.
        let w = match &first_wave {
            Some(first)
                if entries[*w].id == ORDER_7161
                    && hungarians(doc.sentence(s))
                    && any_in(doc, doc.sentence(s), &SUMMONS) =>
            {
                first
            }
            _ => w,
        };
        let weak = weak_keys
            .entry(*w)
            .or_insert_with(|| entries[*w].weak_cues.iter().map(|c| cue_key(c)).collect())
            .contains(key);
        let sc = scores.entry(*w).or_default();
        let list = if weak { &mut sc.weak } else { &mut sc.keys };
        if !list.contains(key) {
            list.push(key.clone());
        }
        sc.evidence
            .push(evidence(doc, m, if weak { "weak-cue" } else { "cue" }));
        if !weak {
            covered.push((*w, m.first, m.last));
        }
    }
    // A cue found by a rule of the language (see the module docs).
    let mut rule_cue = |scores: &mut BTreeMap<usize, Score>,
                        w: usize,
                        (first, last): (usize, usize),
                        rule: &'static str| {
        if covered
            .iter()
            .any(|&(cw, a, b)| cw == w && a <= last && first <= b)
        {
            return;
        }
        covered.push((w, first, last));
        let sc = scores.entry(w).or_default();
        if !sc.keys.iter().any(|k| k == rule) {
            sc.keys.push(rule.to_string());
        }
        let m = Match {
            target: Target::Cue(w, rule.into()),
            alias: rule.into(),
            first,
            last,
            form: super::matcher::Form::Base,
        };
        let mut e = evidence(doc, &m, rule);
        e.alias = None;
        sc.evidence.push(e);
    };

    // Age brackets of Order 7161, per segment.
    if let Some(w) = wave_index(ORDER_7161) {
        // Tokens come in segment order: each segment's are one range.
        let mut ranges: Vec<Option<(usize, usize)>> = vec![None; doc.segments.len()];
        for (i, t) in doc.tokens.iter().enumerate() {
            if let Some(r) = ranges.get_mut(t.seg) {
                *r = Some(r.map_or((i, i), |(a, _)| (a, i)));
            }
        }
        // A segment counts when one of its sentences speaks of the
        // deportation years.
        let mut deportation = vec![false; doc.segments.len()];
        for (s, era) in eras.iter().enumerate() {
            if *era == Era::Deportation {
                deportation[doc.sentences[s].seg] = true;
            }
        }
        for (seg, dep) in deportation.iter().enumerate() {
            if !dep {
                continue;
            }
            let Some((a, b)) = ranges[seg] else {
                continue;
            };
            // Not a year (`Im März fünfundvierzig`, `negyvenöt januárjában`):
            // forty-five is an age of the order and a year of the war (see
            // [`year_at`]).
            let nums: Vec<(u32, usize)> = numbers(&doc.tokens[a..=b])
                .into_iter()
                .filter(|&(_, i)| year_at(doc, a + i).is_none())
                .collect();
            let found: Vec<usize> = ORDER_7161_AGES
                .iter()
                .filter_map(|age| nums.iter().find(|(v, _)| v == age).map(|(_, i)| a + i))
                .collect();
            // One bracket of the order (men 17–45 or women 18–30) said of
            // Germans in the segment (`всех немцев от семнадцати до сорока
            // пяти лет`) is the order too.
            let bracket = |x: u32, y: u32| {
                nums.iter().any(|(v, _)| *v == x) && nums.iter().any(|(v, _)| *v == y)
            };
            let one_bracket = (bracket(17, 45) || bracket(18, 30))
                && doc.tokens[a..=b].iter().any(|t| german(doc, t));
            // The call-up of January 1945 in other words: three of the four
            // ages (`von achtzehn bis dreißig und alle Männer bis
            // fünfundvierzig`), or the women's lower and the men's upper
            // bound with both sexes named (`всех девушек с восемнадцати
            // лет и мужчин до сорока пяти`), in a segment dated December
            // 1944 to February 1945.
            let toks = &doc.tokens[a..=b];
            let sexes = bracket(18, 45) && starts_any(toks, WOMEN) && starts_any(toks, MEN);
            let dated = || {
                (0..doc.sentences.len())
                    .filter(|&k| doc.sentences[k].seg == seg)
                    .filter_map(|k| context_date(doc, k))
                    .any(|d| (ym("1944-12")..=ym("1945-02")).contains(&d))
            };
            let call_up = (found.len() >= 3 || sexes) && dated();
            if (found.len() == ORDER_7161_AGES.len() || one_bracket || call_up)
                && let (Some(&lo), Some(&hi)) = (found.iter().min(), found.iter().max())
            {
                let sc = scores.entry(w).or_default();
                sc.points += 2.0;
                let m = Match {
                    target: Target::Cue(w, "ages".into()),
                    alias: "17–45, 18–30".into(),
                    first: lo,
                    last: hi,
                    form: super::matcher::Form::Base,
                };
                sc.evidence.push(evidence(doc, &m, "age-brackets"));
                break;
            }
        }
    }

    // The narrator's statements: soldier or civilian, capture, surrender,
    // prisoner, gathered in a roundup.
    let mut soldier: Option<usize> = None;
    let mut civilian: Option<usize> = None;
    let mut capture: Option<usize> = None;
    let mut surrender: Option<usize> = None;
    let mut prisoner: Option<usize> = None;
    let mut gathered: Option<usize> = None;
    // The narrator denies a capture (`engem nem fogtak el`, `я в плену не
    // был`).
    let mut denied: Option<usize> = None;
    // A capture by Western captors.
    let mut western: Option<usize> = None;
    // The narrator on the captors' side: a guard or escort of prisoners,
    // a Red Army soldier.
    let mut captors_side: Option<usize> = None;
    for s in 0..doc.sentences.len() {
        if !in_scope(s) {
            continue;
        }
        let toks = doc.sentence(s);
        // The interviewer asks where or how the narrator fell into
        // captivity (`Hol esett fogságba?`, `Как вы попали в плен?`,
        // `Wann sind Sie in Gefangenschaft geraten?`): the question takes
        // the surrender as told, in the formal address that has no
        // first-person word. Captivity itself asked, not the hands the
        // narrator fell into (`Hogy került a szovjetek kezébe?` is asked
        // of civilians too); not about a relative or a third person (`Az
        // apja hol esett fogságba?`), not negated.
        if doc.sentences[s].question
            && (starts_any(toks, &["fogsagba", "hadifogsagba", "gefangenschaft"])
                || any_of(toks, &["плен", "плену"]))
            && !any_in(doc, toks, &KIN)
            && !any_of(toks, THIRD_PERSON)
            && !any_of(toks, NEGATION_WORDS)
            && !western_sentence(s)
        {
            surrender.get_or_insert(s);
        }
        // A call-up in the indefinite conjugation has the narrator as its
        // dropped object (`negyvennégy nyarán besoroztak`, `behívtak`).
        if !first_person(toks) {
            let called_up = toks.iter().any(|t| {
                ["besoroztak", "behivtak", "bevonultattak", "besorozott"].contains(&&*t.folded)
            });
            // Or sent to the front, the narrator the dropped object of a
            // verb of sending (`negyvenkettőben vittek ki a frontra`,
            // `отправили на фронт`).
            // The indefinite conjugation only (`vitték`, definite, has an
            // object of its own), and no plural object (`a férfiakat`).
            let sent_to_front = any_of(toks, &["frontra", "фронт"])
                && toks.iter().any(|t| {
                    [
                        "vittek",
                        "kivittek",
                        "vezényeltek",
                        "kivezényeltek",
                        "küldtek",
                        "kiküldtek",
                        "vezenyeltek",
                        "kuldtek",
                        "отправили",
                        "послали",
                    ]
                    .contains(&&*t.lower)
                })
                && !toks.iter().any(|t| {
                    !t.cyrillic && (t.folded.ends_with("kat") || t.folded.ends_with("ket"))
                })
                && !any_of(toks, &["их", "всех", "мужчин"]);
            // A unit with the narrator's possessive is the narrator's
            // though the sentence has no other first-person word (`A
            // századomból alig maradt valaki`).
            let words = word_lists(doc);
            let our_unit = toks
                .iter()
                .any(|t| words.get(t.word).is_some_and(|w| w & UNIT_OF_OURS != 0));
            if (called_up || sent_to_front || our_unit)
                && !any_in(doc, toks, &KIN)
                && !any_of(toks, THIRD_PERSON)
            {
                soldier.get_or_insert(s);
            }
            // A capture in the indefinite conjugation has the narrator as
            // its dropped object (`az amerikaiak elfogtak`; `elfogták`
            // has an object of its own).
            if toks.iter().any(|t| INDEFINITE_CAPTURE.contains(&&*t.lower))
                && !any_in(doc, toks, &KIN)
                && !any_of(toks, THIRD_PERSON)
                && !any_of(toks, NEGATION_WORDS)
            {
                if western_sentence(s) {
                    western.get_or_insert(s);
                } else {
                    capture.get_or_insert(s);
                }
            }
            // Asked when he enlisted (`Mikor vonult be?`): a soldier.
            if doc.sentences[s].question && starts_any(toks, &["bevonult", "vonult"]) {
                soldier.get_or_insert(s);
            }
            continue;
        }
        // The narrator guards or escorts prisoners (`мы сопровождали
        // эшелоны с пленными`, `foglyokat kísértünk`): a Soviet or
        // Hungarian guard, not a prisoner. Prisoners the object: `мост
        // охранял` is a soldier's guard duty.
        if starts_any(toks, GUARDING)
            && starts_any(toks, &["пленн", "fogly", "fogoly", "gefangen", "заключенн"])
        {
            captors_side.get_or_insert(s);
            continue;
        }
        // The narrator served in the Red Army (`я был сержантом, Второй
        // Украинский фронт`, `a Vörös Hadseregben szolgáltam`).
        if red_army(toks) {
            captors_side.get_or_insert(s);
        }
        // Weapons taken from the narrator's group (`hárman voltunk,
        // elvették a fegyvert`, `у нас отобрали оружие`): armed, and
        // given up.
        if any_in(doc, toks, &WEAPON)
            && starts_any(toks, WEAPONS_TAKEN)
            && !any_in(doc, toks, &KIN)
            && !any_of(toks, NEGATION_WORDS)
        {
            surrender.get_or_insert(s);
            soldier.get_or_insert(s);
        }
        let never_soldier = any_of(toks, SOLDIER_NOUN) && any_of(toks, NEGATION);
        // The soldier must be the narrator: a first-person clause without
        // a relative (`A bátyám a fronton volt, róla nem tudtunk`).
        let narrator_clause = |c: usize| {
            let clause = doc.clause(c);
            first_person(clause) && !any_in(doc, clause, &KIN)
        };
        // An apposition of the narrator's clause: a short clause without
        // a first-person word right after one (`bújtunk el hárman,
        // honvédek`, `Főhadnagy voltam, a tüzérségnél`).
        let first_clause = toks.first().map_or(0, |t| t.clause);
        let apposition = |c: usize| {
            let clause = doc.clause(c);
            c > first_clause
                && clause.len() <= 3
                && !any_in(doc, clause, &KIN)
                && !any_of(clause, THIRD_PERSON)
                && narrator_clause(c - 1)
        };
        let was_soldier = toks.iter().any(|t| {
            (in_list(doc, t, &SOLDIER)
                || in_list(doc, t, &UNIT)
                || word_lists(doc)
                    .get(t.word)
                    .is_some_and(|w| w & UNIT_OF_OURS != 0))
                && (narrator_clause(t.clause) || apposition(t.clause))
        }) || soldier_copula(toks)
            || served_with_rank(doc, toks)
            // A rank in apposition: `hárman bújtunk el, tüzérek`; not an
            // attribute (`a huszár laktanyában` is a building).
            || toks.iter().any(|t| {
                word_lists(doc)
                    .get(t.word)
                    .is_some_and(|w| w & RANK_BARE != 0)
                    && apposition(t.clause)
                    && doc.clause(t.clause).last().is_some_and(|l| std::ptr::eq(l, t))
            });
        // Not one of a mixed crowd (`katonák és civilek keverve`).
        let crowd = starts_any(toks, &["katona", "солдат", "военных", "soldat"]);
        if (any_in(doc, toks, &CIVILIAN) && !crowd) || never_soldier {
            civilian.get_or_insert(s);
        } else if was_soldier && !church(toks) && !starts_any(toks, GENDARMES) {
            soldier.get_or_insert(s);
        }
        // Captures and surrenders, in a clause of the narrator.
        let clauses = toks
            .first()
            .zip(toks.last())
            .map_or(0..0, |(a, b)| a.clause..b.clause + 1);
        for c in clauses {
            // Or a clause the next one adds the narrator to (`elfogták az
            // egész századot, engem is`, `взяли всю роту, и меня тоже`).
            let me_too_after = c + 1 < doc.clauses.len()
                && doc.clause(c + 1).first().is_some_and(|t| t.sentence == s)
                && elliptic_me_too(doc.clause(c + 1));
            let added = me_too_after && !any_in(doc, doc.clause(c), &KIN);
            // Or a short apposition of the narrator's clause, as for the
            // soldier (`mi kijöttünk, feltartott kézzel`, `вышли мы,
            // с поднятыми руками`).
            if !narrator_clause(c) && !added && !apposition(c) {
                continue;
            }
            let cl = doc.clause(c);
            // Prisoners the narrator saw (`мы видели колонны пленных`,
            // `láttuk, ahogy hajtják a foglyokat`) were others.
            if starts_any(cl, SEEING) {
                continue;
            }
            // Disarmed: `lefegyvereztek minket`, `нас разоружили`; only
            // the armed are disarmed.
            let disarmed = starts_any(cl, DISARMED);
            let gave_up = disarmed
                // Not custody pending trial (`vizsgálati fogságban voltam`,
                // `под следствием`): an arrest's, not a soldier's.
                || (any_in(doc, cl, &SURRENDER) && !starts_any(cl, PRE_TRIAL))
                || (any_in(doc, cl, &WEAPON) && any_in(doc, cl, &LAY_DOWN))
                || (any_of(cl, HANDS) && any_in(doc, cl, &RAISE))
                // The particle after the verb: `adtuk meg magunkat`.
                || (any_of(cl, &["adtuk", "adtam"]) && any_of(cl, &["magunkat", "magamat", "magam"]))
                // A white flag: `fehér zászlóval`, `с белым флагом`.
                || white_flag(cl)
                // Got to the Russians: `az oroszokhoz kerültünk`, `попали
                // к русским`.
                || (any_of(cl, TO_THE_SOVIETS) && any_of(cl, GOT_TO));
            let taken = any_in(doc, cl, &CAPTURE)
                || any_in(doc, cl, &ENCIRCLED)
                || split_capture(cl)
                // Hands tied: `hátrakötötték a kezünket`, `связали руки`.
                || (any_of(cl, HANDS) && any_in(doc, cl, &TIE));
            // Denied: `engem nem fogtak el`, `в плену не был` (the verb
            // itself negated, not `nem sokkal később fogságba estünk`).
            let (a, _) = doc.clauses[c];
            let verbs = bit(&SURRENDER)
                | bit(&CAPTURE)
                | bit(&ENCIRCLED)
                | bit(&LAY_DOWN)
                | bit(&RAISE)
                | bit(&TIE);
            let words = word_lists(doc);
            let verb_negated = || {
                cl.iter().enumerate().any(|(k, t)| {
                    let verb = words.get(t.word).is_some_and(|w| w & verbs != 0)
                        || ["fogtak", "fogott", "adtuk", "adtam"].contains(&&*t.folded);
                    // Or a negation right after the noun of captivity,
                    // before its verb (`fogságba nem estem`, `в плен не
                    // попал`).
                    let next_negation = cl.get(k + 1).is_some_and(|n| {
                        NEGATION_WORDS.contains(&&*n.folded)
                            && cl
                                .get(k + 2)
                                .is_none_or(|v| !NOT_THE_VERB.contains(&&*v.folded))
                    });
                    verb && (negated(doc, a + k, a + k) || next_negation)
                })
            };
            if (gave_up || taken) && verb_negated() {
                denied.get_or_insert(s);
                continue;
            }
            // Western captors in the sentence and no Soviet one (`amerikai
            // hadifogságba kerültem, nem oroszba`).
            if (gave_up || taken) && western_sentence(s) {
                western.get_or_insert(s);
                continue;
            }
            if gave_up {
                surrender.get_or_insert(s);
            }
            if disarmed && civilian.is_none() {
                soldier.get_or_insert(s);
            }
            if taken {
                capture.get_or_insert(s);
            }
        }
        // An elliptic answer to an order to lay down arms: `… tegye le a
        // puskát. Letettük.`, `Бросайте оружие! Бросили.`
        if toks.len() <= 3
            && any_in(doc, toks, &LAY_DOWN)
            && !any_of(toks, NEGATION_WORDS)
            && s > 0
            && doc.sentences[s - 1].seg == doc.sentences[s].seg
            && any_in(doc, doc.sentence(s - 1), &WEAPON)
        {
            surrender.get_or_insert(s);
        }
        // One of the prisoners (`tartottak bennünket, ott gyűjtötték össze
        // a foglyokat`).
        // Denied: `én sosem voltam fogoly`, `я не был пленным`.
        let st = &doc.sentences[s];
        // Not the prisoners as the subject of a clause without the
        // narrator (`ott már voltak foglyok is`, `рядом работали пленные
        // немцы`: others held beside); as the object they include the
        // narrator (`ott gyűjtötték össze a foglyokat`).
        let prisoner_at: Vec<usize> = (st.first..st.end)
            .filter(|&i| PRISONER.contains(&&*doc.tokens[i].folded))
            .filter(|&i| {
                let t = &doc.tokens[i];
                !["foglyok", "пленные", "gefangene"].contains(&&*t.folded)
                    || first_person(doc.clause(t.clause))
            })
            // Nor prisoners the narrator saw (`ott láttam először orosz
            // foglyokat`), nor those held beside or apart ([`beside_us`]).
            .filter(|&i| {
                let cl = doc.clause(doc.tokens[i].clause);
                !starts_any(cl, SEEING) && !beside_us(cl)
            })
            .collect();
        let prisoner_denied = prisoner_at.iter().any(|&i| negated(doc, i, i));
        if prisoner_denied {
            denied.get_or_insert(s);
        } else if !prisoner_at.is_empty()
            && !any_in(doc, toks, &KIN)
            && !any_of(toks, &["politikai", "политических"])
        {
            prisoner.get_or_insert(s);
        }
        // Gathered, the narrator among them: not `auch meine zwei
        // Cousinen` without the narrator as the object.
        let kin_only = any_in(doc, toks, &KIN) && !any_of(toks, NARRATOR_OBJECT);
        if any_in(doc, toks, &GATHER)
            && !any_of(toks, NEGATION)
            && !kin_only
            && !other_captor(doc, toks)
        {
            gathered.get_or_insert(s);
        } else if elliptic_me_too(toks)
            && s > 0
            && doc.sentences[s - 1].seg == doc.sentences[s].seg
            && any_in(doc, doc.sentence(s - 1), &GATHER)
        {
            // `Összeírták a fiatalokat, mind elvitték. Engem is.`
            gathered.get_or_insert(s);
        }
    }
    // A labour serviceman (`munkaszolgálatos voltam`, or asked `Mikor
    // hívták be munkaszolgálatra?`) served unarmed: no soldier, though his
    // company was his unit (`a századunkat kivitték`); captured by the
    // Soviets he was a prisoner of war all the same.
    let labour = (0..doc.sentences.len()).find(|&s| {
        let toks = doc.sentence(s);
        // A question to the narrator reads as about a third person
        // (`Mikor vitték el munkaszolgálatra?`, formal address).
        let asked = doc.sentences[s].question;
        eras[s] == Era::Deportation
            // Or called up in the indefinite conjugation, the narrator
            // the dropped object (`hívtak be munkaszolgálatra`).
            && (asked || !others[s])
            && !any_in(doc, toks, &KIN)
            && !any_of(toks, THIRD_PERSON)
            && starts_any(toks, LABOUR_SERVICE)
    });
    if labour.is_some() {
        soldier = None;
    }
    if let Some(w) = wave_index(POW) {
        let add = |scores: &mut BTreeMap<usize, Score>, s: usize, rule: &str| {
            let sc = scores.entry(w).or_default();
            sc.points += 1.0;
            sc.evidence.push(sentence_evidence(doc, s, rule));
        };
        if let Some(s) = soldier {
            add(&mut scores, s, "soldier");
            scores.entry(w).or_default().soldier = true;
        }
        // A soldier's capture is the wave said by the story: no cue needed.
        let story = surrender
            .map(|s| (s, "surrender"))
            .or(soldier.or(labour).and(capture).map(|s| (s, "capture")));
        if let Some((s, rule)) = story {
            add(&mut scores, s, rule);
            scores.entry(w).or_default().captured = true;
        } else if let Some(s) = prisoner {
            add(&mut scores, s, "prisoner");
        }
    }

    // A sentence passed by a tribunal or under article 58, with a term in
    // years: the narrator was held, whatever the places say.
    let mut sentenced_to_years: Option<usize> = None;
    // The sentence where the narrator was sentenced by a Soviet court: a
    // tribunal, article 58 or a term in years.
    let mut convicted: Option<usize> = None;
    // A sentence passed by a tribunal, or under article 58: the Gulag.
    if let Some(w) = wave_index(GULAG) {
        let sentenced = (0..doc.sentences.len()).find_map(|s| {
            if !in_scope(s) {
                return None;
            }
            let toks = doc.sentence(s);
            // A Hungarian court or the state security (`egy budapesti
            // bíróság tíz év börtönre ítélte`, `az ÁVH internált`) sent
            // people to Hungarian prisons and camps, not to the Gulag.
            if hungarian_authority(doc, toks) {
                return None;
            }
            // A term in this sentence's segment or the next one.
            let seg = doc.sentences[s].seg;
            let term = || {
                (s..doc.sentences.len())
                    .take_while(|&k| doc.sentences[k].seg <= seg + 1)
                    .any(|k| in_scope(k) && (years_given(doc, doc.sentence(k)) || verdict(doc, k)))
            };
            // A tribunal, or a court that is Soviet or military (`egy szovjet
            // katonai bíróság elítélt`, `военный суд`), sentencing in its
            // sentence or giving a term after it (`aztán egy katonai
            // bíróság, három tiszt egy asztal mögött. … „Húsz év.”`).
            let military_court = any_in(doc, toks, &COURT)
                && (any_in(doc, toks, &SOVIET)
                    || toks
                        .iter()
                        .any(|t| t.folded.starts_with("katonai") || t.folded.starts_with("военн")));
            if (any_in(doc, toks, &TRIBUNAL) || military_court)
                && (any_in(doc, toks, &SENTENCED) || term())
            {
                return Some((s, "tribunal"));
            }
            let article_58 = any_in(doc, toks, &ARTICLE)
                && (numbers(toks).iter().any(|(n, _)| *n == 58) || ordinal_58(toks));
            if article_58 {
                return Some((s, "article-58"));
            }
            // The tribunal told as a scene, unnamed, with a term in its
            // segment or the next one.
            // Soviet, as for a term alone: told in Russian, or a Soviet
            // captor or place of the narrator's (Hungarian courts sat at
            // tables too).
            let soviet = || {
                toks.iter().any(|t| t.cyrillic)
                    || held.is_some()
                    || (0..doc.sentences.len())
                        .any(|k| in_scope(k) && any_in(doc, doc.sentence(k), &SOVIET))
            };
            (tribunal_scene(toks) && term() && soviet()).then_some((s, "tribunal-scene"))
        });
        if let Some((s, rule)) = sentenced {
            let seg = doc.sentences[s].seg;
            let years = (0..doc.sentences.len())
                .filter(|&k| doc.sentences[k].seg == seg && in_scope(k))
                .any(|k| years_given(doc, doc.sentence(k)) || verdict(doc, k))
                || years_in(doc.sentence(s));
            if years {
                sentenced_to_years = Some(s);
            }
            let sc = scores.entry(w).or_default();
            sc.points += 2.0;
            sc.evidence.push(sentence_evidence(doc, s, rule));
            convicted = Some(s);
        } else if let Some(s) = (0..doc.sentences.len())
            .find(|&s| {
                in_scope(s)
                    && (years_given(doc, doc.sentence(s)) || verdict(doc, s))
                    && !hungarian_authority(doc, doc.sentence(s))
            })
            .filter(|&s| {
                // A Soviet court: told in Russian, a Soviet captor named, or
                // a Soviet place of the narrator (Hungarian courts gave
                // years too).
                doc.sentence(s).iter().any(|t| t.cyrillic)
                    || held.is_some()
                    || (0..doc.sentences.len())
                        .any(|k| in_scope(k) && any_in(doc, doc.sentence(k), &SOVIET))
            })
        {
            // A term given in years, the narrator's (`huszonöt évet
            // kaptam`, `дали десять лет`): a sentence, tribunal unnamed.
            let sc = scores.entry(w).or_default();
            sc.points += 1.0;
            sc.evidence.push(sentence_evidence(doc, s, "term"));
            convicted = Some(s);
        }
    }

    if let Some(w) = wave_index(MALENKIJ_ROBOT) {
        // Civilians rounded up "for work" in the months of the first wave:
        // the little work said by the story (`negyvennégy decemberében
        // összeszedték a férfiakat munkára`, `в ноябре сорок четвёртого
        // нас забрали на работу`).
        if let Some((from, to)) = entries[w].period.as_ref()
            && soldier.is_none()
        {
            let (from, to) = (ym(from), ym(to));
            let work_roundup = (0..doc.sentences.len()).find(|&s| {
                let toks = doc.sentence(s);
                in_scope(s)
                    && roundup(doc, toks)
                    // For work, or under a pretext (`на проверку
                    // документов`, `будто бы`, `igazoltatásra`).
                    && [Some(toks), next_in_segment(doc, s)].into_iter().flatten().any(|t| {
                        any_in(doc, t, &WORK_CALL) || any_in(doc, t, &PRETEXT)
                    })
                    // Not the neighbours' (`с нашей улицы` is first person).
                    && !any_in(doc, toks, &KIN)
                    && !other_captor(doc, toks)
                    && context_date(doc, s)
                        .or_else(|| later_date(doc, s))
                        .is_some_and(|d| from <= d && d <= to)
            });
            if let Some(s) = work_roundup {
                // Germans called up for work are Order 7161's (`kidobolták,
                // hogy a német származásúak jelentkezzenek munkára`), not
                // Hungarians and Germans together (`a magyar és német
                // férfiak`), the first wave in Transcarpathia.
                let toks = doc.sentence(s);
                let germans = !hungarians(toks) && german_addressee(doc, toks).is_some();
                let to = match wave_index(ORDER_7161) {
                    Some(o) if germans => o,
                    _ => w,
                };
                let sc = scores.entry(to).or_default();
                sc.points += 2.0;
                sc.evidence.push(sentence_evidence(doc, s, "work-roundup"));
            }
        }
        // "For a few days": the promise of the roundup, made in the first
        // wave's months (give or take two) when the sentence is dated, and
        // not by Hungarian captors (the ghettos of 1944 were promised
        // the same).
        let period = entries[w].period.as_ref().map(|(a, b)| (ym(a), ym(b)));
        let promise_ok = |s: usize| {
            in_scope(s)
                && !other_captor(doc, doc.sentence(s))
                && period.is_none_or(|(from, to)| {
                    context_date(doc, s).is_none_or(|d| from - 2 <= d && d <= to + 2)
                })
        };
        for s in 0..doc.sentences.len() {
            if let Some(span) = few_days(doc, s).filter(|_| promise_ok(s)) {
                rule_cue(&mut scores, w, span, "few-days");
                break;
            }
        }
        // "Home by the evening": the same promise, for the same day.
        for s in 0..doc.sentences.len() {
            if let Some(span) = same_day(doc, s, period).filter(|_| promise_ok(s)) {
                rule_cue(&mut scores, w, span, "same-day");
                break;
            }
        }
        // The pretext broken: the task of the call never done.
        for s in 0..doc.sentences.len() {
            if let Some(span) = broken_pretext(doc, s).filter(|_| promise_ok(s)) {
                rule_cue(&mut scores, w, span, "broken-pretext");
                break;
            }
        }
    }

    // Order 7161: German names and lists of Germans, in any wording.
    if let Some(w) = wave_index(ORDER_7161) {
        // Also in a call that defines whom it wants by a relative
        // (`mindenki, akinek német neve van, vagy a nagyapja német volt`):
        // the relative is anyone's, not the narrator's kin.
        let to_everyone =
            |s: usize| eras[s] == Era::Deportation && any_of(doc.sentence(s), EVERYONE);
        if let Some(span) = (0..doc.sentences.len())
            .filter(|&s| in_scope(s) || to_everyone(s))
            .find_map(|s| german_name(doc, s))
        {
            rule_cue(&mut scores, w, span, "german-name");
        }
        let list = (0..doc.sentences.len())
            .filter(|&s| in_scope(s) && !any_in(doc, doc.sentence(s), &GERMAN_CAMP))
            .find_map(|s| german_list(doc, s));
        if let Some(span) = list {
            rule_cue(&mut scores, w, span, "german-list");
        }
        // A list with every person's year of birth (the order chose by
        // year of birth), in a sentence dated in the order's months or
        // undated.
        let order_months = ym("1944-12")..=ym("1945-02");
        // The list first: dating every sentence of a testimony was a
        // tenth of ingest.
        let year_list = (0..doc.sentences.len())
            .filter(|&s| in_scope(s) && !any_in(doc, doc.sentence(s), &GERMAN_CAMP))
            .find_map(|s| {
                birth_year_list(doc, s)
                    .filter(|_| context_date(doc, s).is_none_or(|d| order_months.contains(&d)))
            });
        if let Some(span) = year_list {
            rule_cue(&mut scores, w, span, "year-list");
        }
        // A summons addressed to Germans (`aki német, az menjen
        // újjáépíteni`, `всем немцам явиться`, `alle Deutschen mussten sich
        // melden`), not in a sentence naming a German camp nor with
        // Hungarians called too (`всем венграм и немцам явиться`: the first
        // wave in Transcarpathia).
        let call = (0..doc.sentences.len())
            .filter(|&s| eras[s] == Era::Deportation && !any_in(doc, doc.sentence(s), &GERMAN_CAMP))
            .find_map(|s| {
                let toks = doc.sentence(s);
                if hungarians(toks) {
                    return None;
                }
                let first = doc.sentences[s].first;
                let g = german_addressee(doc, toks)?;
                // The summons, or the food it told them to bring (`всех
                // немцев … с едой на две недели`), or an announcement read
                // out to all Germans (`Felolvasták: „Alle Deutschen, Männer
                // von siebzehn…”`, `объявили: все немцы…`).
                let all = g > 0 && any_of(&toks[g - 1..g], EVERYONE);
                let c = toks.iter().position(|t| {
                    in_list(doc, t, &SUMMONS)
                        || in_list(doc, t, &FOOD)
                        || (all && ANNOUNCED.iter().any(|a| t.folded.starts_with(a)))
                })?;
                Some((first + g.min(c), first + g.max(c)))
            });
        if let Some(span) = call {
            rule_cue(&mut scores, w, span, "german-call");
        }
        // The narrator says she or he is German (`Én sváb vagyok`, `мы
        // были немцы`, `я немка`).
        let me = (0..doc.sentences.len())
            .filter(|&s| in_scope(s))
            .find_map(|s| {
                let toks = doc.sentence(s);
                if !first_person(toks) || any_in(doc, toks, &KIN) || any_of(toks, NEGATION) {
                    return None;
                }
                // In the narrator's own clause: `украинцы, поляки, немцы, и
                // нас, венгров` lists the others.
                let st = &doc.sentences[s];
                (st.first..st.end).find(|&i| {
                    let t = &doc.tokens[i];
                    let clause = doc.clause(t.clause);
                    // A copula or the pronoun, and no article (`a németek
                    // listát írtak rólunk` is the Germans acting).
                    let article = i > 0 && matches!(&*doc.tokens[i - 1].folded, "a" | "az");
                    GERMAN_SELF.contains(&&*t.folded)
                        && first_person(clause)
                        && any_of(clause, COPULA)
                        && !article
                })
            });
        if let Some(i) = me {
            rule_cue(&mut scores, w, (i, i), "german-self");
        }
        // Taken as a German, whatever the narrator was (`меня взяли как
        // немку`, `mint németet vittek el`, `németként írtak össze`, `als
        // Deutsche verschleppt`): in the narrator's sentence with a
        // roundup, capture or list.
        let taken_as = (0..doc.sentences.len())
            .filter(|&s| in_scope(s))
            .find_map(|s| {
                let toks = doc.sentence(s);
                if !first_person(toks) {
                    return None;
                }
                let first = doc.sentences[s].first;
                toks.iter().enumerate().find_map(|(i, t)| {
                    let essive =
                        t.folded.starts_with("nemetkent") || t.folded.starts_with("svabkent");
                    let as_german = matches!(&*t.folded, "как" | "mint" | "als")
                        && toks.get(i + 1).is_some_and(|n| german(doc, n));
                    if !(essive || as_german) {
                        return None;
                    }
                    // The taking in the same clause (`wer sich … als
                    // Deutscher bekannt hatte` is a census, not a taking).
                    let clause = doc.clause(t.clause);
                    let taken = roundup(doc, clause)
                        || any_in(doc, clause, &CAPTURE)
                        || any_in(doc, clause, &LIST)
                        || any_in(doc, clause, &GATHER);
                    taken.then_some((first + i, first + (i + 1).min(toks.len() - 1)))
                })
            });
        if let Some(span) = taken_as {
            rule_cue(&mut scores, w, span, "taken-as-german");
        }
    }

    // Taken in Transylvania: a Transylvanian town named before the
    // narrator's first sentence of captivity, in the wave's months or
    // undated (`bejöttek az oroszok Váradra. Pár nap múlva az utcán
    // fogták a férfiakat`, `Мы швабы, из Карея`), or a transit camp of
    // the narrator in Transylvania (Barcaföldvár, Brassó). Not for a
    // soldier: prisoners of war went through the same camps.
    let mut taken_in_transylvania = false;
    if let Some(w) = wave_index(TRANSYLVANIA)
        && soldier.is_none()
    {
        // Up to the narrator's taking, before the first sentence of
        // captivity: a town the train passed later (`Nagyváradon át
        // mentünk`) is the route.
        let taking = (0..held_from)
            .find(|&s| {
                in_scope(s)
                    && !doc.sentences[s].question
                    && (roundup(doc, doc.sentence(s))
                        || any_in(doc, doc.sentence(s), &GATHER)
                        || [capture, surrender, gathered].contains(&Some(s)))
            })
            .map_or(held_from, |s| s + 1);
        let period = entries[w].period.as_ref().map(|(a, b)| (ym(a), ym(b)));
        let town = (0..taking.min(held_from))
            .filter(|&s| {
                in_scope(s)
                    && !any_of(doc.sentence(s), THROUGH)
                    && period.is_none_or(|(from, to)| {
                        context_date(doc, s).is_none_or(|d| from <= d && d <= to)
                    })
            })
            .find_map(|s| {
                let st = &doc.sentences[s];
                (st.first..st.end).find(|&i| TRANSYLVANIAN_TOWN.has(&doc.tokens[i].folded))
            });
        let camp = camps
            .iter()
            .find(|t| TRANSYLVANIAN_CAMPS.contains(&t.value.as_str()))
            .and_then(|t| t.evidence.first());
        let found = match (town, camp) {
            (Some(i), _) => {
                let m = Match {
                    target: Target::Cue(w, "taken-in".into()),
                    alias: doc.tokens[i].folded.to_string(),
                    first: i,
                    last: i,
                    form: super::matcher::Form::Base,
                };
                let mut e = evidence(doc, &m, "taken-in");
                e.alias = None;
                Some(e)
            }
            (None, Some(e)) => {
                let mut e = e.clone();
                e.rule = "taken-in".into();
                Some(e)
            }
            (None, None) => None,
        };
        if let Some(e) = found {
            let sc = scores.entry(w).or_default();
            sc.points += 2.0;
            sc.evidence.push(e);
            taken_in_transylvania = true;
        } else if let Some(place) = home.filter(|p| transylvanian_home(p))
            && (civilian.is_some()
                || wave_index(POW)
                    .and_then(|p| scores.get(&p))
                    .is_none_or(|p| p.own() < 1.0))
        {
            // Born in Transylvania: where a civilian narrator who names
            // no town of the taking most likely lived and was taken. One
            // point: with the narrator held it makes a suggestion, alone
            // (a Transylvanian who tells of no captivity) a hint. Not
            // against a prisoner of war's own evidence (`Mikor lett
            // hadifogoly?` to a soldier whose unit the rules missed),
            // unless the narrator says he was a civilian, which vetoes
            // that wave anyway (`я никогда не был солдатом`, though the
            // camp wrote everyone down as a prisoner of war).
            let sc = scores.entry(w).or_default();
            sc.points += 1.0;
            sc.evidence.push(home_evidence(place));
            taken_in_transylvania = true;
        }
    }

    let mut gathered_into: Option<(usize, usize)> = None;
    // A civilian narrator gathered in a roundup, no soldier: evidence for
    // the civilian wave with the most evidence of its own (Transylvania,
    // Order 7161), else the first wave, the roundups of civilians.
    if soldier.is_none()
        && let Some(default) = wave_index(MALENKIJ_ROBOT)
    {
        let own = |w: usize| scores.get(&w).map_or(0.0, Score::own);
        // The roundup's date, when it lies in a wave's months and not in
        // the first wave's (`1944 októberében Szatmárnémetiben
        // összeszedtek`: Transylvania).
        let date = gathered.or(civilian).and_then(|s| context_date(doc, s));
        let in_period = |w: usize| {
            entries[w]
                .period
                .as_ref()
                .is_some_and(|(from, to)| date.is_some_and(|d| ym(from) <= d && d <= ym(to)))
        };
        let w = [TRANSYLVANIA, ORDER_7161]
            .iter()
            .filter_map(|id| wave_index(id))
            .filter(|&w| {
                (own(w) >= 1.0 && own(w) > own(default))
                    || (own(w) > 0.0 && in_period(w) && !in_period(default))
            })
            .max_by(|&a, &b| own(a).total_cmp(&own(b)))
            .unwrap_or(default);
        for (s, rule) in [(civilian, "civilian"), (gathered, "gathered")] {
            if let Some(s) = s {
                let sc = scores.entry(w).or_default();
                sc.points += WEAK;
                sc.evidence.push(sentence_evidence(doc, s, rule));
            }
        }
        gathered_into = gathered.map(|s| (w, s));
    }

    // Taken by the front (the story default): a civilian narrator held in
    // the camps, whose story up to the first sentence of captivity is
    // dated in the months the front crossed Hungary (October 1944 to
    // March 1945) and who was no soldier, no labour serviceman and
    // captured by nobody, was taken in the civilians' roundups, whatever
    // the words: half a point (a hint) for the civilian wave with the most evidence of
    // its own (Transylvania, Order 7161), else the first wave. Only when
    // no wave has a point of its own yet.
    // The narrator must tell the captivity in the first person: a place
    // alone may be a relative's.
    if narrator_held.is_some()
        && soldier.is_none()
        && labour.is_none()
        && capture.is_none()
        && surrender.is_none()
        && scores.values().all(|sc| sc.own() < 1.0)
        && let Some(default) = wave_index(MALENKIJ_ROBOT)
    {
        let dated = (0..held_from)
            .filter(|&s| in_scope(s))
            .find(|&s| {
                context_months(doc, s).is_some_and(|(a, b)| a <= FRONT.1 && FRONT.0 <= b)
                    // The narrator's own story at that date.
                    && (first_person(doc.sentence(s))
                        || next_in_segment(doc, s).is_some_and(first_person))
            })
            // Nothing dated before the captivity, or only after the front.
            .filter(|_| {
                (0..held_from)
                    .filter(|&s| in_scope(s))
                    .filter_map(|s| context_months(doc, s))
                    .all(|(a, _)| a <= FRONT.1)
            });
        if let Some(s) = dated {
            let own = |w: usize| scores.get(&w).map_or(0.0, Score::own);
            let w = [TRANSYLVANIA, ORDER_7161]
                .iter()
                .filter_map(|id| wave_index(id))
                .filter(|&w| own(w) > own(default))
                .max_by(|&a, &b| own(a).total_cmp(&own(b)))
                .unwrap_or(default);
            let sc = scores.entry(w).or_default();
            sc.points += WEAK;
            sc.evidence
                .push(sentence_evidence(doc, s, "taken-by-the-front"));
        }
    }

    // The story before the narrator was held: up to the first sentence of
    // captivity, and no further than the segment of the narrator's camp
    // (a story whose captivity the words miss must not be dated by the
    // homecoming: `Negyvenkilenc nyarán jöttem haza`).
    let held_segment = held.as_ref().and_then(|e| e.ordinal);
    let story_months = || {
        (0..held_from)
            .filter(|&s| in_scope(s))
            .filter(|&s| held_segment.is_none_or(|o| (doc.sentences[s].seg as i64) < o))
            .filter_map(|s| context_months(doc, s))
    };
    let taken_by = |month: i32| story_months().all(|(a, _)| a <= month);
    // The same, with at least one month told.
    let dated_by = |month: i32| {
        let mut months = story_months().peekable();
        months.peek().is_some() && months.all(|(a, _)| a <= month)
    };
    // A civilian held in the camps: no soldier, no labour serviceman,
    // captured by nobody.
    let civilian_held = (narrator_held.is_some() || held.is_some())
        && soldier.is_none()
        && labour.is_none()
        && capture.is_none()
        && surrender.is_none();

    // Born in a German village (Hajós, Pilisvörösvár, Elek, the Swabian
    // villages of Szatmár, the Banat): a civilian held whose story before
    // the captivity is dated no later than the call-up's months was most
    // likely called up as a German in January 1945 (a point for Order
    // 7161, unless a wave other than the first has a point of its own: a
    // roundup told as a few days' work was the call-up there). The
    // expulsions of 1946 are dated after it.
    let mut swabian = false;
    if civilian_held
        && scores
            .iter()
            .all(|(&w, sc)| sc.own() < 1.0 || Some(w) == wave_index(MALENKIJ_ROBOT))
        && taken_by(CALL_UP_END)
        && let Some(place) = home.filter(|p| german_home(p))
        && let Some(w) = wave_index(ORDER_7161)
    {
        let sc = scores.entry(w).or_default();
        sc.points += 1.0;
        sc.evidence.push(home_evidence(place));
        swabian = true;
    }

    // Born in Transcarpathia (or, when the birthplace says nothing,
    // interviewed there): a civilian held whose story before the captivity
    // is dated no later than the front's months was most likely taken in
    // the men's roundup of November 1944 there (a point for the first
    // wave, only when no wave has a point of its own): with the narrator
    // held it makes a suggestion. That roundup (resolution 0036 of 13
    // November) called up the men of German and of Hungarian nationality
    // alike, by age; Order 7161 (16 December) came after it. So for a
    // story with a month told, none later than November 1944, Order
    // 7161's cues (an age bracket, the Germans named beside the narrator)
    // tell the first wave's call and their points go to it, unless the
    // narrator was born in a German village. The Transcarpathians
    // sentenced by tribunals and the soldiers have evidence of their own.
    let seven = wave_index(ORDER_7161);
    let in_0036 = dated_by(ROUNDUP_0036_END) && !home.is_some_and(german_home);
    if civilian_held
        && scores
            .iter()
            .all(|(&w, sc)| sc.own() < 1.0 || (in_0036 && Some(w) == seven))
        && taken_by(FRONT.1)
        && let Some(evidence) = transcarpathian_evidence(home, lived)
        && let Some(w) = wave_index(MALENKIJ_ROBOT)
    {
        let moved = seven.filter(|_| in_0036).and_then(|s| scores.remove(&s));
        let sc = scores.entry(w).or_default();
        sc.points += 1.0;
        sc.evidence.push(evidence);
        if let Some(m) = moved {
            sc.points += m.own();
            sc.evidence.extend(m.evidence);
        }
    }

    // Dated roundups, arrests and captures.
    for (&w, sc) in scores.iter_mut() {
        let Some((from, to)) = entries[w].period.as_ref() else {
            continue;
        };
        let (from, to) = (ym(from), ym(to));
        let in_period = |s: usize| context_date(doc, s).is_some_and(|d| from <= d && d <= to);
        let dated = (0..doc.sentences.len())
            .find(|&s| in_scope(s) && roundup(doc, doc.sentence(s)) && in_period(s));
        // The narrator's own roundup dated in the wave's months counts
        // even for a wave with less than a point of its own (`Amikor
        // bejöttek az oroszok, összeszedték a fiatalokat. Engem is.`).
        let own_roundup = gathered_into
            .filter(|&(gw, gs)| gw == w && in_period(gs))
            .map(|(_, gs)| gs);
        let dated = if sc.own() >= 1.0 { dated } else { own_roundup };
        if let Some(s) = dated {
            sc.points += 0.5;
            sc.evidence.push(sentence_evidence(doc, s, "date"));
        }
    }

    // Whether the narrator was taken somewhere is evidence too.
    // A short account may tell the captivity in fewer words than
    // [`narrator_held`] needs and name its places in no context the place
    // rules weigh (`Man hat uns nach Gyula gebracht, in eine große
    // Kaserne. … bis nach Makejewka`): the narrator taken away in the
    // first person, by a verb of transport (`нас привезли`, `uns
    // gebracht`, `Foksányba kerültem`), not asked, not negated, no
    // relative in the sentence, says the narrator was held too.
    let taken_away = (0..doc.sentences.len()).find(|&s| {
        let toks = doc.sentence(s);
        in_scope(s)
            && !doc.sentences[s].question
            && first_person(toks)
            && any_in(doc, toks, &TAKEN)
            && !any_of(toks, NEGATION_WORDS)
            && !any_in(doc, toks, &KIN)
    });
    // A narrator who went to the Soviet Union of free will or by the
    // state's ordinary call ([`free_journey`]: assigned after a degree,
    // recruited, under contract, a conscript of the Soviet Army) and tells
    // no roundup, capture, surrender or sentence of his own was not
    // deported: the camps and barracks he names are not his captivity.
    let sentenced_any = wave_index(GULAG)
        .and_then(|w| scores.get(&w))
        .is_some_and(|sc| {
            sc.evidence.iter().any(|e| {
                ["tribunal", "article-58", "tribunal-scene", "term"].contains(&e.rule.as_str())
            })
        });
    let went_freely = surrender.is_none()
        && capture.is_none()
        && gathered.is_none()
        && !sentenced_any
        && (0..doc.sentences.len()).any(|s| in_scope(s) && free_journey(doc.sentence(s)));
    let held = held
        .or_else(|| narrator_held.map(|s| sentence_evidence(doc, s, "held")))
        .or_else(|| sentenced_to_years.map(|s| sentence_evidence(doc, s, "held")))
        .or_else(|| taken_away.map(|s| sentence_evidence(doc, s, "held")))
        .filter(|_| !went_freely);
    // The narrator's first dated roundup, arrest or capture: a wave whose
    // period lies more than three months away gets nothing for it (the
    // Swabians deported to the Hortobágy in 1951 are no Order 7161).
    // Only what is told before the narrator's first captivity sentence
    // counts, the earliest date first: a transfer from the camp
    // (`negyvenhat nyarán a láger egy részét Kungurba vitték, engem is`)
    // is not the taking. A sentence without a date of its own takes the
    // last date named before it in its segment.
    // Nor what is told after the narrator came home (`negyvenkilenc
    // novemberében jöttem haza … minket is majdnem kitelepítettek`), nor
    // the release announced ([`release`]: `объявили: венгры едут домой`).
    let home_at = (0..doc.sentences.len())
        .find(|&s| in_scope(s) && came_home(doc.sentence(s)))
        .unwrap_or(doc.sentences.len());
    let taken_at = (0..held_from.min(home_at))
        .filter(|&s| {
            in_scope(s)
                && ((roundup(doc, doc.sentence(s)) && !release(doc, doc.sentence(s)))
                    || [capture, surrender].contains(&Some(s)))
        })
        .filter_map(|s| context_months(doc, s))
        .min();
    if let Some(h) = &held {
        for (&w, sc) in scores.iter_mut() {
            let in_period = entries[w].period.as_ref().is_none_or(|(from, to)| {
                taken_at.is_none_or(|(a, b)| ym(from) - 3 <= b && a <= ym(to) + 3)
            });
            if sc.own() > 0.0 && in_period {
                // A weak cue alone stays a hint for archivists: 1 point.
                sc.held = if sc.own() >= 1.0 { HELD } else { HELD / 2.0 };
                let mut e = h.clone();
                e.rule = "held".into();
                sc.evidence.push(e);
            }
        }
    }

    // Decisions.
    let qualifies = |scores: &BTreeMap<usize, Score>, id: &str| {
        wave_index(id)
            .and_then(|w| scores.get(&w))
            .is_some_and(|s| s.total() >= QUALIFY)
    };
    if civilian.is_some()
        && let Some(w) = wave_index(POW)
    {
        scores.remove(&w);
    }
    // A narrator captured by Western captors and by no Soviet ones is no
    // prisoner of war of this vocabulary's waves.
    if western.is_some()
        && surrender.is_none()
        && capture.is_none()
        && let Some(w) = wave_index(POW)
    {
        scores.remove(&w);
    }
    // A narrator who denies a capture and tells none is no prisoner of war
    // (a labour serviceman who walked back, a Soviet guard).
    if (denied.is_some() || denied_cue.is_some())
        && surrender.is_none()
        && capture.is_none()
        && let Some(w) = wave_index(POW)
    {
        scores.remove(&w);
    }
    // A narrator who says outright that nobody took them (`engem senki nem
    // deportált`, `Engem nem vittek el.`, `Én nem kerültem
    // Oroszországba.`, `никто меня не везёт`) and tells no taking of their
    // own after it belongs to no wave: the camps, lists and prisoners of
    // the story are others'.
    if let Some(d) = (0..doc.sentences.len()).find(|&s| denies_taken(doc, s))
        && !(d + 1..doc.sentences.len()).any(|s| tells_taken(doc, s))
    {
        scores.clear();
    }
    // A guard of prisoners or a Red Army soldier who tells no capture of
    // his own was no prisoner of war.
    if captors_side.is_some()
        && surrender.is_none()
        && capture.is_none()
        && let Some(w) = wave_index(POW)
    {
        scores.remove(&w);
    }
    // A prisoner of war without both service and capture told by the
    // narrator (a soldier never captured, a cue about someone else) yields
    // to a civilian wave: a former soldier rounded up at home, a neighbour
    // who "fell into captivity". Only to a civilian wave with a point of
    // its own besides weak cues: a soldier's service outweighs a region
    // and an accusation named in passing (`Erdélyben`, `partizánok`).
    let civilian_wave = |scores: &BTreeMap<usize, Score>, id: &str| {
        qualifies(scores, id)
            && wave_index(id)
                .and_then(|w| scores.get(&w))
                .is_some_and(|s| s.strong() >= 1.0)
    };
    if let Some(w) = wave_index(POW)
        && scores.get(&w).is_some_and(|s| !(s.soldier && s.captured))
        && [MALENKIJ_ROBOT, ORDER_7161, TRANSYLVANIA]
            .iter()
            .any(|id| civilian_wave(&scores, id))
    {
        scores.remove(&w);
    }
    // A narrator sentenced by a Soviet court before any captivity he
    // tells, who tells no capture or surrender of his own and names no
    // captivity of war, was a convict: the prisoners he was held among
    // (`sok ezer fogoly`) and a service years before the arrest
    // (`negyvenkettőben behívtak`) make no prisoner of war. Held before
    // the sentence (`Bevittek Debrecenbe, a laktanyába … A katonai
    // törvényszék huszonöt évet adott`), he was a prisoner of war first.
    if convicted.is_some_and(|c| first_held.is_none_or(|h| c <= h))
        && let Some(w) = wave_index(POW)
        && scores
            .get(&w)
            .is_some_and(|s| !s.captured && s.keys.is_empty())
    {
        scores.remove(&w);
    }
    // The civilians taken in Transylvania are that wave, not the first
    // wave's roundups in Hungary.
    if taken_in_transylvania
        && qualifies(&scores, TRANSYLVANIA)
        && let Some(w) = wave_index(MALENKIJ_ROBOT)
    {
        scores.remove(&w);
    }
    let pow_soldier = wave_index(POW)
        .and_then(|w| scores.get(&w))
        .is_some_and(|s| s.soldier && s.total() >= QUALIFY);
    if pow_soldier && let Some(w) = wave_index(TRANSYLVANIA) {
        scores.remove(&w);
    }
    if qualifies(&scores, MALENKIJ_ROBOT)
        && qualifies(&scores, ORDER_7161)
        && let (Some(a), Some(b)) = (wave_index(MALENKIJ_ROBOT), wave_index(ORDER_7161))
    {
        let (ta, tb) = (scores[&a].total(), scores[&b].total());
        // In a German village the civilians' roundup of the call-up's
        // months was the call-up of the Germans, whatever it was called
        // (`mindenki, aki dolgozni képes … két hét, egy kis segítés`).
        if swabian || tb > ta {
            scores.remove(&a);
        } else if ta > tb {
            scores.remove(&b);
        }
    }
    // German camps and no Soviet captor: the captivity was not Soviet.
    let in_any = |lex: &Lex| {
        (0..doc.sentences.len()).any(|s| in_scope(s) && any_in(doc, doc.sentence(s), lex))
    };
    if !scores.is_empty() && in_any(&GERMAN_CAMP) && !in_any(&SOVIET) {
        scores.clear();
    }
    // Captivity with a Western captor and no Soviet one (`amerikai
    // fogságba estem`) is no Soviet prisoner-of-war wave.
    if in_any(&WESTERN)
        && !in_any(&SOVIET)
        && let Some(w) = wave_index(POW)
    {
        scores.remove(&w);
    }
    let taken = held.is_some();
    scores
        .into_iter()
        .filter(|(_, s)| s.total() > 0.0)
        .map(|(w, s)| {
            let mut c = confidence(s.total());
            if !taken {
                c = super::demoted(c);
            }
            NewTag {
                facet: Facet::Wave,
                value: entries[w].id.clone(),
                source: "suggested",
                confidence: c,
                evidence: s.evidence,
            }
        })
        .filter(|t| t.confidence >= super::HINT)
        .collect()
}

/// The word lists of the wave rules that are looked up per word: each
/// distinct word of a testimony is looked up once ([`Doc::word_lists`]),
/// a bit per list, in this order (at most 64).
static WORD_LISTS: [&Lex; 35] = [
    &KIN,
    &WORK_CALL,
    &ROUNDUP,
    &SUMMONS,
    &GERMAN_CAMP,
    &SOVIET,
    &WORK,
    &TRIBUNAL,
    &SPEECH,
    &SENTENCED,
    &GATHER,
    &FOOD,
    &CIVILIAN,
    &CAPTIVITY,
    &ARTICLE,
    &WEAPON,
    &SURRENDER,
    &RAISE,
    &LAY_DOWN,
    &ENCIRCLED,
    &CAPTURE,
    &WESTERN,
    &UNIT,
    &SOLDIER,
    &NAME,
    &LIST,
    &GIVEN,
    &GERMAN,
    &MONTH,
    &PROMISE,
    &PRETEXT,
    &COURT,
    &TIE,
    &RANK,
    &OTHER_CAPTOR,
];

/// The bit of [`unit_of_ours`] in [`word_lists`].
const UNIT_OF_OURS: u64 = 1 << 63;
/// The bit of a Hungarian rank ([`RANK_HU`]) in [`word_lists`]: the bare
/// rank (`főhadnagy`) or with a first-person possessive (`hadnagyunk`).
const RANK_BARE: u64 = 1 << 62;
const RANK_OURS: u64 = 1 << 61;

/// The bit of `lex` in [`WORD_LISTS`].
fn bit(lex: &Lex) -> u64 {
    WORD_LISTS
        .iter()
        .position(|l| std::ptr::eq(*l, lex))
        .map_or(0, |i| 1 << i)
}

/// All of [`WORD_LISTS`] in one table: each exact word maps to the bits
/// of the lists that hold it, and one automaton finds every prefix and
/// infix of all the lists in a single pass over the word, so a word costs
/// one hash lookup and one pass rather than a lookup per prefix length and
/// a substring search per infix ([`Lex::has`] list by list gives the same
/// bits).
struct Combined {
    exact: HashMap<&'static str, u64, FxBuildHasher>,
    /// Every distinct prefix and infix of the lists.
    parts: Option<aho_corasick::AhoCorasick>,
    /// For each pattern of `parts`: the bits of the lists that have it as a
    /// prefix (they count only at the word's start) and as an infix.
    part_bits: Vec<(u64, u64)>,
    suffix: Vec<(&'static str, u64)>,
}

impl Combined {
    fn bits(&self, w: &str) -> u64 {
        let mut b = self.exact.get(w).copied().unwrap_or(0);
        if let Some(parts) = &self.parts {
            for m in parts.find_overlapping_iter(w) {
                if let Some(&(prefix, infix)) = self.part_bits.get(m.pattern().as_usize()) {
                    b |= infix;
                    if m.start() == 0 {
                        b |= prefix;
                    }
                }
            }
        }
        for (p, x) in &self.suffix {
            if b & x != *x && w.ends_with(p) {
                b |= x;
            }
        }
        b
    }
}

fn combined() -> &'static Combined {
    static C: std::sync::OnceLock<Combined> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let mut exact: HashMap<&'static str, u64, FxBuildHasher> = HashMap::default();
        let mut parts: BTreeMap<&'static str, (u64, u64)> = BTreeMap::new();
        let mut suffix = Vec::new();
        for (i, lex) in WORD_LISTS.iter().enumerate() {
            let b = 1u64 << i;
            for w in lex.exact {
                *exact.entry(w).or_default() |= b;
            }
            for p in lex.prefix {
                parts.entry(p).or_default().0 |= b;
            }
            for p in lex.infix {
                parts.entry(p).or_default().1 |= b;
            }
            suffix.extend(lex.suffix.iter().map(|p| (*p, b)));
        }
        // The lists are static and small, far below the automaton's
        // limits; `the_combined_table_gives_each_lists_answer` checks the bits.
        let automaton = aho_corasick::AhoCorasick::new(parts.keys()).ok();
        Combined {
            exact,
            parts: automaton,
            part_bits: parts.into_values().collect(),
            suffix,
        }
    })
}

/// The list bits of every distinct word of `doc`.
fn word_lists<'d>(doc: &'d Doc<'_>) -> &'d [u64] {
    doc.word_lists.get_or_init(|| {
        let mut bits = vec![0u64; doc.words];
        let mut done = vec![false; doc.words];
        for t in &doc.tokens {
            if let (Some(b), Some(d)) = (bits.get_mut(t.word), done.get_mut(t.word))
                && !*d
            {
                *d = true;
                *b |= combined().bits(&t.folded);
                if !t.cyrillic && unit_of_ours(&t.folded) {
                    *b |= UNIT_OF_OURS;
                }
                if !t.cyrillic {
                    *b |= rank_hu(&t.folded);
                }
            }
        }
        bits
    })
}

/// Whether token `t` is in `lex` (one of [`WORD_LISTS`]).
fn in_list(doc: &Doc<'_>, t: &Token, lex: &Lex) -> bool {
    let b = bit(lex);
    if b == 0 {
        return lex.has(&t.folded);
    }
    word_lists(doc).get(t.word).is_some_and(|w| w & b != 0)
}

/// Whether any of `toks` is in `lex` (one of [`WORD_LISTS`]).
fn any_in(doc: &Doc<'_>, toks: &[Token], lex: &Lex) -> bool {
    let b = bit(lex);
    if b == 0 {
        return any(toks, lex);
    }
    let words = word_lists(doc);
    toks.iter()
        .any(|t| words.get(t.word).is_some_and(|w| w & b != 0))
}

/// A Hungarian military unit with a first-person possessive
/// (`ütegünk`, `a szakaszunkból`, `zászlóaljunkat`, `századom`), also at
/// the end of a compound (`tüzérezredünk`). `század` alone is also
/// "century", `szakasz` "section": the possessive makes them units.
fn unit_of_ours(w: &str) -> bool {
    UNIT_HU.iter().any(|u| {
        w.match_indices(u).any(|(i, _)| {
            let rest = &w[i + u.len()..];
            ["unk", "om", "em", "am", "um"]
                .iter()
                .any(|p| rest.starts_with(p))
        })
    })
}

/// A Hungarian rank: [`RANK_BARE`] for the rank itself (`főhadnagy`,
/// `tüzér`, the last member of a compound: `tartalékoshadnagy`),
/// [`RANK_OURS`] for a rank with a first-person possessive
/// (`hadnagyunk`, `a századosunkat`).
fn rank_hu(w: &str) -> u64 {
    let mut bits = 0;
    for r in RANK_HU {
        // The rank, its plural (`tüzérek`, `honvédek`) or `-ként`.
        let bare = |x: &str| {
            x.ends_with(r)
                || ["ek", "ok", "ak", "k"]
                    .iter()
                    .any(|p| x.strip_suffix(p).is_some_and(|y| y.ends_with(r)))
        };
        if bare(w) || w.strip_suffix("kent").is_some_and(bare) {
            bits |= RANK_BARE;
        }
        if let Some(i) = w.rfind(r) {
            let rest = &w[i + r.len()..];
            if [
                "unk", "om", "em", "am", "unkat", "omat", "emet", "unknak", "omnak", "emnek",
                "unkkal", "ommal", "emmel", "unktol", "omtol", "emtol",
            ]
            .contains(&rest)
            {
                bits |= RANK_OURS;
            }
        }
    }
    bits
}

/// The narrator served with a rank: a rank with a first-person possessive
/// (`a hadnagyunk`), or a rank and a copula of the narrator in one clause
/// (`főhadnagy voltam`, `tüzérként szolgáltam`, `я был сержантом`, `ich war
/// Gefreiter`), not a captor (`egy orosz hadnagy vitt el minket`).
fn served_with_rank(doc: &Doc<'_>, toks: &[Token]) -> bool {
    let words = word_lists(doc);
    let rank_bits = |t: &Token| words.get(t.word).copied().unwrap_or(0);
    if toks.iter().any(|t| rank_bits(t) & RANK_OURS != 0) && !any_in(doc, toks, &KIN) {
        return true;
    }
    let rank_ru = bit(&RANK);
    toks.iter().enumerate().any(|(i, t)| {
        let rank = rank_bits(t) & (RANK_BARE | rank_ru) != 0;
        // Not an attribute of a building (`a huszár laktanyában voltunk`).
        let building = toks.get(i + 1).is_some_and(|n| {
            ["laktany", "kaszarny", "казарм", "kaserne"]
                .iter()
                .any(|b| n.folded.starts_with(b))
        });
        rank && !building && {
            let clause = doc.clause(t.clause);
            first_person(clause)
                && any_of(clause, SERVED)
                && !any_in(doc, clause, &KIN)
                && !any_in(doc, clause, &SOVIET)
        }
    })
}

/// `katona voltam`, `voltam katona`, `был солдатом`: the soldier's noun
/// and the narrator's copula at most two words apart, not `a műhelyben
/// voltam, amikor bejött két katona`.
fn soldier_copula(toks: &[Token]) -> bool {
    const NOUN: &[&str] = &["katona", "katonakent", "солдатом", "военным"];
    const COPULA_1: &[&str] = &["voltam", "lettem", "был", "служил"];
    // A unit the narrator was or served in (`kerékpáros század voltunk`,
    // `egy ütegben szolgáltam`): with the copula right beside it, `század`
    // is no century.
    const COPULA_UNIT: &[&str] = &["voltam", "voltunk", "szolgaltam", "szolgaltunk"];
    let unit = |w: &str| {
        UNIT_HU.iter().any(|u| {
            w.ends_with(u)
                || ["ban", "ben"]
                    .iter()
                    .any(|c| w.strip_suffix(c).is_some_and(|x| x.ends_with(u)))
        })
    };
    toks.iter().enumerate().any(|(i, t)| {
        let near = |words: &[&str]| {
            (i.saturating_sub(2)..(i + 3).min(toks.len()))
                .any(|k| k != i && words.contains(&&*toks[k].folded))
        };
        (NOUN.contains(&&*t.folded) && near(COPULA_1))
            || (!t.cyrillic
                && unit(&t.folded)
                && toks
                    .get(i + 1)
                    .is_some_and(|n| COPULA_UNIT.contains(&&*n.folded)))
    })
}

/// The narrator as an object (`engem is`, `minket`, `меня`, `нас`,
/// `mich`, `uns`).
const NARRATOR_OBJECT: &[&str] = &["engem", "minket", "bennunket", "меня", "нас", "mich", "uns"];

/// Captors who were not Soviet ([`OTHER_CAPTOR`]), not the Romanian
/// gendarmes who handed Transylvanians over to the Soviets (`a román
/// csendőrök összeszedtek`).
fn other_captor(doc: &Doc<'_>, toks: &[Token]) -> bool {
    any_in(doc, toks, &OTHER_CAPTOR)
        && !toks
            .iter()
            .any(|t| t.folded.starts_with("roman") || t.folded.starts_with("румын"))
}

/// The Soviets as where one got to (`az oroszokhoz`, `к русским`).
const TO_THE_SOVIETS: &[&str] = &[
    "oroszokhoz",
    "szovjetekhez",
    "ruszkikhoz",
    "русским",
    "советским",
    "russen",
];
/// A Hungarian court or the state security in the tokens: the People's
/// Courts (`népbíróság`), the ÁVH/ÁVO (`Államvédelmi Hatóság`), a court
/// named Hungarian or by a Hungarian town (`egy budapesti bíróság`,
/// `венгерский суд`, `ein ungarisches Gericht`).
fn hungarian_authority(doc: &Doc<'_>, toks: &[Token]) -> bool {
    const ADJECTIVE: &[&str] = &[
        "magyar",
        "budapesti",
        "fovarosi",
        "megyei",
        "jarasi",
        "венгерск",
        "ungarisch",
    ];
    starts_any(toks, &["nepbirosag", "allamvedelm"])
        || any_of(toks, &["avh", "avo"])
        || toks.windows(2).any(|w| {
            ADJECTIVE.iter().any(|a| w[0].folded.starts_with(a)) && in_list(doc, &w[1], &COURT)
        })
}

/// Prisoners held beside the narrator's people or apart from them, in the
/// clause of a `pow` cue (`рядом с нашей зоной поставили лагерь
/// военнопленных`, `а военнопленные отдельно, за забором`, `a
/// hadifoglyokat külön tartották`, `nebenan ein Lager für
/// Kriegsgefangene`): others, not the narrator.
fn beside_us(cl: &[Token]) -> bool {
    const BESIDE: &[&str] = &[
        "рядом",
        "отдельно",
        "kulon",
        "szomszedos",
        "tuloldalan",
        "nebenan",
        "getrennt",
    ];
    any_of(cl, BESIDE)
}

/// Custody pending trial: `vizsgálati fogság`, `előzetes letartóztatás`,
/// `под следствием`, `в следственной тюрьме`, `предварительное
/// заключение`, `Untersuchungshaft`.
const PRE_TRIAL: &[&str] = &[
    "vizsgalati",
    "elozetes",
    "следстви",
    "следствен",
    "предварительн",
    "untersuchung",
];

/// Getting somewhere (`kerültünk`, `jutottam`, `попал`, `geriet`).
const GOT_TO: &[&str] = &[
    "kerultem",
    "kerultunk",
    "jutottam",
    "jutottunk",
    "попал",
    "попали",
    "оказался",
    "оказались",
    "geriet",
    "gerieten",
];

/// Women and girls, men (folded prefixes), for the ages of Order 7161.
const WOMEN: &[&str] = &[
    "lany",
    "nok",
    "noket",
    "asszony",
    "девуш",
    "женщин",
    "madchen",
    "frauen",
];
const MEN: &[&str] = &["ferfi", "мужчин", "парн", "manner", "burschen"];

/// A white flag or cloth (`fehér zászlóval`, `fehér kendőt`, `с белым
/// флагом`, `белой тряпкой`, `mit weißer Fahne`, `mit einem weißen Tuch`).
fn white_flag(cl: &[Token]) -> bool {
    const CLOTH_HU: &[&str] = &[
        "zaszlo",
        "kendo",
        "rongy",
        "lepedo",
        "zsebkendo",
        "alsoing",
        "inget",
        "ingem",
        "ingunk",
        "torolkoz",
    ];
    const CLOTH_RU: &[&str] = &["флаг", "тряпк", "тряпиц", "платк", "простын"];
    const CLOTH_DE: &[&str] = &["fahne", "tuch", "lappen", "laken"];
    cl.windows(2).any(|p| {
        let (a, b): (&str, &str) = (&p[0].folded, &p[1].folded);
        (a == "feher" && CLOTH_HU.iter().any(|c| b.starts_with(c)))
            || (a.starts_with("бел") && CLOTH_RU.iter().any(|c| b.starts_with(c)))
            || (a.starts_with("weiss") && CLOTH_DE.iter().any(|c| b.starts_with(c)))
    })
}

/// The number 58 as an ordinal or adjective, the article's usual name:
/// `ötvennyolcas`, `ötvennyolcadik`, `otvennyolcasba` (ASCII), `58-as`,
/// `пятьдесят восьмая`, `58-я`, `achtundfünfzigste`.
fn ordinal_58(toks: &[Token]) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        let w: &str = &t.folded;
        let next = toks.get(i + 1).map(|n| &*n.folded);
        if let Some((58, _, rest)) = hungarian_number(w) {
            return rest.starts_with("as") || rest.starts_with("adik");
        }
        if w == "58" {
            return next.is_some_and(|n| {
                [
                    "as", "es", "adik", "я", "й", "ой", "ую", "ая", "ste", "sten",
                ]
                .contains(&n)
            });
        }
        (w == "пятьдесят" && next.is_some_and(|n| n.starts_with("восьм")))
            || w.starts_with("achtundfunfzigst")
    })
}

/// The narrator as the one taken: object pronouns (`engem`, `меня`,
/// `mich`) and the first person of `kerül` ("ended up").
const ME_TAKEN: &[&str] = &[
    "engem",
    "minket",
    "bennunket",
    "kerultem",
    "kerultunk",
    "меня",
    "нас",
    "mich",
    "uns",
];
/// Verbs of taking away, by their beginnings, in the three languages
/// (the Hungarian ones are [`TAKING`] and `kerül` above).
const TAKEN_RU_DE: &[&str] = &[
    "забра",
    "забир",
    "взял",
    "угна",
    "угон",
    "увез",
    "везет",
    "вывез",
    "депорт",
    "verschlepp",
    "deportiert",
    "mitgenommen",
    "abgeholt",
];
/// Nobody, never: a denial said outright.
const NOBODY: &[&str] = &[
    "senki",
    "soha",
    "sose",
    "sosem",
    "sohasem",
    "никто",
    "никогда",
    "niemand",
    "nie",
];
/// Words that turn a denial into a contrast or a time (`nem vittek el,
/// hanem …`, `akkor még nem`, `не тогда`, `sondern`).
const NOT_A_DENIAL: &[&str] = &[
    "hanem",
    "csak",
    "akkor",
    "meg",
    "tobbe",
    "но",
    "а",
    "тогда",
    "еще",
    "уже",
    "больше",
    "sondern",
    "aber",
    "damals",
    "noch",
    "mehr",
];

/// Whether sentence `s` has the narrator taken away: a first-person
/// object or `kerültem` and a verb of taking.
fn narrator_taking(toks: &[Token]) -> bool {
    toks.iter().any(|t| ME_TAKEN.contains(&t.folded.as_ref())) && toks.iter().any(taking_verb)
}

/// A verb of taking away ([`TAKING`], `kerül`, [`TAKEN_RU_DE`]).
fn taking_verb(t: &Token) -> bool {
    TAKING.iter().any(|v| t.folded.contains(v))
        || t.folded.starts_with("kerult")
        || TAKEN_RU_DE.iter().any(|v| t.folded.starts_with(v))
}

/// Whether sentence `s` denies outright that the narrator was taken: the
/// narrator taken ([`narrator_taking`]), a negation right before the
/// verb of taking, and `nobody` or `never` or a sentence of five words at
/// most, with no contrast or time that limits the denial.
fn denies_taken(doc: &Doc<'_>, s: usize) -> bool {
    let toks = doc.sentence(s);
    // The negation on the verb of taking (`senki nem deportált`, `не
    // забирал`), not on another verb of the sentence (`Нас взяли …
    // никто уже не стрелял`).
    let negated_taking = || {
        (0..toks.len()).any(|i| {
            taking_verb(&toks[i])
                && toks[i.saturating_sub(2)..i]
                    .iter()
                    .any(|t| NEGATION_WORDS.contains(&t.folded.as_ref()))
        })
    };
    // The word lists first: most sentences have no negation.
    !doc.sentences[s].question
        && any_of(toks, NEGATION_WORDS)
        && (any_of(toks, NOBODY) || toks.len() <= 5)
        && !any_of(toks, NOT_A_DENIAL)
        && narrator_taking(toks)
        && negated_taking()
}

/// Whether sentence `s` tells the narrator taken, not negated.
fn tells_taken(doc: &Doc<'_>, s: usize) -> bool {
    let toks = doc.sentence(s);
    !doc.sentences[s].question && narrator_taking(toks) && !any_of(toks, NEGATION_WORDS)
}

/// Negations, `never` included.
const NEGATION_WORDS: &[&str] = &[
    "nem",
    "sem",
    "soha",
    "sohasem",
    "sosem",
    // Colloquial `never` (`fogságba sose kerültem`).
    "sose",
    "sohase",
    "не",
    "ни",
    "никогда",
    "nicht",
    "nie",
    "niemals",
    "kein",
];
/// Words after which a negation is not the verb's (`nem sokkal később`,
/// `nem csak`, `не только`, `не долго`).
const NOT_THE_VERB: &[&str] = &[
    "sokkal",
    "sokara",
    "csak",
    "messze",
    "mindig",
    "tul",
    "только",
    "долго",
    "далеко",
    "всегда",
    "nur",
    "lange",
];

/// Whether the words `first..=last` of a cue are negated: a negation up
/// to two words before them in their clause (`nem voltam hadifogoly`,
/// `soha nem estem fogságba`), or within two words after them before a
/// copula (`в плену не был`, `в плену никогда не был`, `hadifogoly sem
/// voltam`).
fn negated(doc: &Doc<'_>, first: usize, last: usize) -> bool {
    let clause = doc.tokens[first].clause;
    let at = |i: usize| {
        doc.tokens
            .get(i)
            .filter(|t| t.clause == clause)
            .map_or("", |t| &*t.folded)
    };
    let before = (first.saturating_sub(2)..first)
        .any(|i| NEGATION_WORDS.contains(&at(i)) && !NOT_THE_VERB.contains(&at(i + 1)));
    let copula = |w: &str| COPULA.contains(&w) || ["volt", "было", "была"].contains(&w);
    let after = (last + 1..=last + 2)
        .any(|i| NEGATION_WORDS.contains(&at(i)) && (at(i) == "sem" || copula(at(i + 1))));
    before || after
}

/// The month sentence `s` is dated to, or, without a date of its own, the
/// last date named before it in its segment (`Negyvennégy decemberében.
/// Kihirdették, hogy…`), or in the interviewer's question the segment
/// answers (`Mi történt 1944 novemberében? — Kidobolták, hogy…`). A month
/// named without a year takes its year from that date ([`month_in`]).
fn context_date(doc: &Doc<'_>, s: usize) -> Option<i32> {
    if let Some(d) = sentence_date(doc, s) {
        return Some(d);
    }
    if let Some(m) = month_in(doc, s) {
        return context_before(doc, s, sentence_months).map(|base| month_after(base, m));
    }
    context_before(doc, s, sentence_date)
}

/// The months of [`context_date`] (see [`sentence_months`]).
fn context_months(doc: &Doc<'_>, s: usize) -> Option<(i32, i32)> {
    if let Some(d) = sentence_months(doc, s) {
        return Some(d);
    }
    let base = context_before(doc, s, sentence_months)?;
    Some(match month_in(doc, s) {
        Some(m) => {
            let d = month_after(base, m);
            (d, d)
        }
        None => base,
    })
}

/// The date `date` gives the last sentence before `s` in its segment
/// that has one, or, when none does and the segment answers a question
/// (the previous segment ends with one), the last such sentence of the
/// question's segment: an interviewer often names the date the answer
/// tells of.
fn context_before<T>(
    doc: &Doc<'_>,
    s: usize,
    date: impl Fn(&Doc<'_>, usize) -> Option<T>,
) -> Option<T> {
    let seg = doc.sentences[s].seg;
    let start = (0..s)
        .rev()
        .take_while(|&k| doc.sentences[k].seg == seg)
        .last()
        .unwrap_or(s);
    if let Some(d) = (start..s).rev().find_map(|k| date(doc, k)) {
        return Some(d);
    }
    let q = start
        .checked_sub(1)
        .filter(|&q| doc.sentences[q].question)?;
    let qseg = doc.sentences[q].seg;
    (0..=q)
        .rev()
        .take_while(|&k| doc.sentences[k].seg == qseg)
        .find_map(|k| date(doc, k))
}

/// The month (1–12) sentence `s` names when it names no year (`November
/// elején plakátok voltak kint`). Not a season: without a year it is
/// often not a date (`лет` is also "years": `семнадцать лет`).
fn month_in(doc: &Doc<'_>, s: usize) -> Option<i32> {
    doc.sentence(s)
        .iter()
        .filter(|t| named_in(&t.folded, SEASONS).is_none())
        .find_map(|t| month_of(&t.folded))
}

/// Month `m` of the story at or after the months `base`: in the year
/// named, when `base` is a whole year (`1945-ben … januárban`), else the
/// first such month from the start of `base` on (`Negyvennégy
/// októberében … januárban` is January 1945).
fn month_after((from, to): (i32, i32), m: i32) -> i32 {
    let d = from.div_euclid(12) * 12 + m - 1;
    if to - from < 11 && d < from {
        d + 12
    } else {
        d
    }
}

/// The promise of a work done the same day (`délre végzünk`, `estére
/// itthon lesztek`, `к вечеру отпустим домой`) in sentence `s`, with speech
/// or work (a task demanded, too: `meg kell patkolni`): a promise of the roundup when it also promises home, or when
/// the sentence is dated inside `period`, the first wave's months (in a
/// camp, work was wanted by the evening too).
fn same_day(doc: &Doc<'_>, s: usize, period: Option<(i32, i32)>) -> Option<(usize, usize)> {
    let toks = doc.sentence(s);
    let first = doc.sentences[s].first;
    let said = any_in(doc, toks, &SPEECH) || any_in(doc, toks, &PROMISE);
    let work = any_in(doc, toks, &WORK) || any_in(doc, toks, &WORK_CALL) || errand(toks);
    if !(said || work) {
        return None;
    }
    let w = |i: usize| toks.get(i).map_or("", |t| &*t.folded);
    let (i, len) = (0..toks.len()).find_map(|i| {
        SAME_DAY
            .iter()
            .find(|p| p.iter().enumerate().all(|(k, x)| w(i + k) == *x))
            .map(|p| (i, p.len()))
    })?;
    let home = toks
        .iter()
        .any(|t| HOME_AGAIN.iter().any(|h| t.folded.starts_with(h)));
    let dated =
        period.is_some_and(|(from, to)| context_date(doc, s).is_some_and(|d| from <= d && d <= to));
    ((said || work) && (home || dated) && !any_of(toks, NEGATION_WORDS))
        .then_some((first + i, first + i + len - 1))
}

/// The pretext of the roundup broken: sentence `s` calls people to a task
/// (work or any infinitive, said, announced, demanded with `kell` or in a
/// roundup) and
/// a negated sentence after it, in the same segment or the next two, names
/// the task's object again: the task was never done (`kidobolták, hogy
/// mindenki menjen a vasutat helyrehozni … Nem a vasúthoz vittek`, `a
/// cukorrépát kell behordani … Nem répa lett belőle`, `надо картошку
/// чистить … Картошку мы не чистили`). The object is a word of the task's
/// clause (the clause with the work word or the infinitive) other than
/// the work, speech or person words, the same word in another case
/// (five letters in common at the start) or the last member of a
/// compound (`répa` in `cukorrépát`). Returns the object's token in the
/// negated sentence.
fn broken_pretext(doc: &Doc<'_>, s: usize) -> Option<(usize, usize)> {
    let toks = doc.sentence(s);
    let infinitive = |t: &Token| {
        let ending = if t.cyrillic { "ть" } else { "ni" };
        t.folded.chars().count() > 4 && t.folded.ends_with(ending)
    };
    // Any infinitive is the task in a call (`hogy mindenki menjen a hidat
    // kijavítani`).
    let work =
        any_in(doc, toks, &WORK) || any_in(doc, toks, &WORK_CALL) || toks.iter().any(infinitive);
    // A task demanded (`kell` with an infinitive) is a call too.
    let called = any_in(doc, toks, &SPEECH)
        || any_in(doc, toks, &PROMISE)
        || roundup(doc, toks)
        || errand(toks);
    if !(work && called) {
        return None;
    }
    let task_word =
        |t: &Token| in_list(doc, t, &WORK) || in_list(doc, t, &WORK_CALL) || infinitive(t);
    let object = |t: &Token| {
        t.folded.chars().count() >= 4
            && !task_word(t)
            && !in_list(doc, t, &SPEECH)
            && !in_list(doc, t, &PROMISE)
            && !in_list(doc, t, &KIN)
            && !first_person(std::slice::from_ref(t))
            && !count_word(t)
    };
    let objects: Vec<&str> = toks
        .iter()
        .filter(|t| toks.iter().any(|u| u.clause == t.clause && task_word(u)))
        .filter(|t| object(t))
        .map(|t| &*t.folded)
        .collect();
    if objects.is_empty() {
        return None;
    }
    let same = |a: &str, b: &str| {
        let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        let tail = b.chars().count() >= 4
            && a.find(b)
                .is_some_and(|at| at > 0 && a.len() <= at + b.len() + 3);
        common >= 5 || tail
    };
    let seg = doc.sentences[s].seg;
    (s + 1..doc.sentences.len())
        .take_while(|&k| doc.sentences[k].seg <= seg + 2)
        .find_map(|k| {
            let later = doc.sentence(k);
            let negated = later
                .iter()
                .any(|t| NEGATION_WORDS.contains(&&*t.folded) || &*t.folded == "sose");
            if !negated {
                return None;
            }
            let first = doc.sentences[k].first;
            later
                .iter()
                .position(|t| {
                    t.folded.chars().count() >= 4
                        && !task_word(t)
                        && objects.iter().any(|o| same(o, &t.folded))
                })
                .map(|i| (first + i, first + i))
        })
}

/// A number word in any case (`huszonhárom`, `huszonegyet`, `двадцать`,
/// `zwanzig`): a count is no object of a task, and a number told again
/// (`huszonhárom nevet kellett összeszedni … huszonegyet, többet nem
/// talált`) is no task left undone.
fn count_word(t: &Token) -> bool {
    !numbers(std::slice::from_ref(t)).is_empty()
        || (!t.cyrillic
            && hungarian_number(&t.folded).is_some_and(|(_, _, rest)| {
                [
                    "at", "et", "ot", "an", "en", "on", "nak", "nek", "bol", "bal", "vel",
                ]
                .contains(&rest)
            }))
}

/// The narrator's return home: `hazajöttem`, `jöttem haza`, `hazaértünk`,
/// `вернулся`, `heimgekehrt`, in a first-person sentence.
fn came_home(toks: &[Token]) -> bool {
    let one_word = starts_any(
        toks,
        &[
            "hazajott",
            "hazaert",
            "hazakerult",
            "вернулся",
            "вернулась",
            "вернулись",
            "heimgekehrt",
        ],
    );
    let two_words = toks.windows(2).any(|p| {
        p[1].folded.as_ref() == "haza"
            && [
                "jottem",
                "jottunk",
                "ertem",
                "ertunk",
                "kerultem",
                "kerultunk",
            ]
            .contains(&p[0].folded.as_ref())
    });
    first_person(toks) && (one_word || two_words)
}

/// A task demanded: `kell` or `надо`, `нужно` with an infinitive (`a
/// lovaikat meg kell patkolni`, `надо мост починить`), whatever the task.
fn errand(toks: &[Token]) -> bool {
    let must = any_of(
        toks,
        &["kell", "kellett", "надо", "нужно", "mussen", "muss"],
    );
    let infinitive = toks.iter().any(|t| {
        let w: &str = &t.folded;
        let n = w.chars().count();
        let ending = if t.cyrillic { "ть" } else { "ni" };
        n > 4 && w.ends_with(ending)
    });
    must && infinitive
}

/// A term read out as a verdict (`annyit mondott: tíz év`, `— Десять
/// лет.`): a count of years in any case, not a time (`tíz év múlva`,
/// `через десять лет`), with a court, trial or verdict named in its
/// segment or the one before (the interviewer's `И был суд?`).
fn verdict(doc: &Doc<'_>, s: usize) -> bool {
    let toks = doc.sentence(s);
    if any_in(doc, toks, &KIN) {
        return false;
    }
    let term = (1..toks.len()).any(|j| {
        let next = toks.get(j + 1).map_or("", |t| &*t.folded);
        let before = j.checked_sub(2).map_or("", |k| &*toks[k].folded);
        years_at(toks, j)
            && !YEARS_LATER.contains(&next)
            && !["через", "nach", "vor"].contains(&before)
    });
    if !term {
        return false;
    }
    let seg = doc.sentences[s].seg;
    let near = |k: &usize| {
        let g = doc.sentences[*k].seg;
        g == seg || g + 1 == seg
    };
    // Read out from a paper by officers, in its sentence or the one
    // before it in the segment (`egy tiszt felolvasta, hogy a szovjet
    // hatalom ellensége vagyok, hat év`, `Майор зачитал бумагу. Десять
    // лет.`): the Special Board's sentences came without a court to
    // name. A paper read out by no one named is no verdict yet (`Egy
    // papírt olvastak fel: tíz év.`).
    let read_out = |k: usize| {
        let toks = doc.sentence(k);
        starts_any(toks, READ_OUT) && any_of(toks, OFFICERS)
    };
    if read_out(s)
        || s.checked_sub(1)
            .is_some_and(|p| doc.sentences[p].seg == seg && read_out(p))
    {
        return true;
    }
    let before = (0..s).rev().take_while(near);
    let after = (s..doc.sentences.len()).take_while(near);
    before
        .chain(after)
        .any(|k| any_in(doc, doc.sentence(k), &COURT) || tribunal_scene(doc.sentence(k)))
}

/// Officers, of a tribunal told as a scene or reading out a sentence.
const OFFICERS: &[&str] = &[
    "tiszt",
    "tisztek",
    "ezredes",
    "ornagy",
    "офицер",
    "офицера",
    "офицеры",
    "офицеров",
    "полковник",
    "майор",
    "offizier",
    "offiziere",
];

/// Reading out a paper (`felolvasta`, `olvasták fel`, `зачитали`,
/// `огласили`, `vorgelesen`): with a term in years, a verdict.
const READ_OUT: &[&str] = &[
    "felolvas",
    "olvastak",
    "olvasta",
    "olvasott",
    "зачитал",
    "прочитал",
    "огласил",
    "vorgelesen",
    "verlesen",
];

/// The tribunal told as a scene rather than named: officers or others
/// sitting at a table, or officers sitting (`három tiszt ült egy asztal
/// mögött`, `ültek hárman egy asztalnál`, `egy ezredes meg két tiszt ült`,
/// `за столом сидели три офицера`, `drei Offiziere saßen am Tisch`); the
/// sitting is theirs, not the narrator's (`ültünk az asztalnál` is a
/// meal).
fn tribunal_scene(toks: &[Token]) -> bool {
    const SAT: &[&str] = &["ult", "ultek", "сидел", "сидели", "sass", "sassen"];
    let sat = any_of(toks, SAT);
    let table = toks.iter().any(|t| {
        ["asztal", "стол", "tisch"]
            .iter()
            .any(|p| t.folded.starts_with(p))
    });
    sat && (table || any_of(toks, OFFICERS))
}

/// A prison term given to the narrator in years: a number from three to
/// twenty-five before a year word, and a verb of giving or sentencing
/// next to it, in a sentence about no relative (`tíz évet kaptam`, `huszonöt évre ítéltek`,
/// `мне дали двадцать пять лет`, `получил десять лет`).
fn years_given(doc: &Doc<'_>, toks: &[Token]) -> bool {
    // The object is often dropped (`tizenöt évre ítélt`): a sentence about
    // no relative is the narrator's.
    if any_in(doc, toks, &KIN) {
        return false;
    }
    let given = |j: usize| {
        toks.get(j)
            .is_some_and(|t| in_list(doc, t, &SENTENCED) || in_list(doc, t, &GIVEN))
    };
    (0..toks.len()).any(|j| {
        let w: &str = &toks[j].folded;
        // `huszonöt évre` may be written as one word (`huszonötévre`).
        let joined = hungarian_number(w)
            .is_some_and(|(n, _, rest)| (3..=25).contains(&n) && YEAR_TERM.contains(&rest));
        // The nominative too, before the verb (`tíz év kényszermunkát
        // kaptam`), not a time (`három év múlva kaptam levelet`).
        let next = toks.get(j + 1).map_or("", |t| &*t.folded);
        let year = YEAR_TERM.contains(&w) || (w == "ev" && !YEARS_LATER.contains(&next));
        let term = joined || (year && j > 0 && is_count(&toks[j - 1]));
        // The verb next to the term, before or after it (`tíz évet
        // kaptam`, `дали двадцать пять лет`).
        term && (given(j + 1)
            || given(j + 2)
            || (j >= 2 && given(j - 2))
            || (j >= 3 && given(j - 3)))
    })
}

/// A number of years a term can have, in digits or words (`10`, `tíz`,
/// `huszonöt`, `десять`, `двадцать пять`: the last word, `пять`).
fn is_count(t: &Token) -> bool {
    const RU: &[&str] = &[
        "три",
        "пять",
        "шест",
        "сем",
        "восем",
        "девят",
        "десят",
        "пятнадцат",
        "двадцат",
    ];
    let w: &str = &t.folded;
    if let Ok(n) = w.parse::<u32>() {
        return (3..=25).contains(&n);
    }
    if t.cyrillic {
        return RU.iter().any(|p| w.starts_with(p));
    }
    hungarian_number(w).is_some_and(|(n, _, rest)| (3..=25).contains(&n) && rest.is_empty())
}

/// A Hungarian capture with its particle after the verb (`Hol fogtak
/// el?`, `ott fogott el a járőr`).
fn split_capture(toks: &[Token]) -> bool {
    toks.windows(2)
        .any(|p| ["fogtak", "fogott"].contains(&&*p[0].folded) && &*p[1].folded == "el")
}

/// A sentence that only adds the narrator to the one before
/// (`Engem is.`, `Minket is, a húgomat nem.`, `И меня тоже.`).
fn elliptic_me_too(toks: &[Token]) -> bool {
    let w = |i: usize| toks.get(i).map_or("", |t| &*t.folded);
    matches!(
        (w(0), w(1)),
        ("engem" | "minket" | "bennunket", "is")
            | ("и", "меня" | "нас")
            | ("меня" | "нас", "тоже" | "также")
    )
}

/// "For a few days" in sentence `s`, with work or speech in it: a number
/// from one to five or "a few" before a day form (`három napra`, `pár
/// napos munkára`, `háromnapos`, `на два дня`, `на несколько дней`).
fn few_days(doc: &Doc<'_>, s: usize) -> Option<(usize, usize)> {
    let toks = doc.sentence(s);
    let first = doc.sentences[s].first;
    let w = |i: usize| toks.get(i).map_or("", |t| &*t.folded);
    let work = any_in(doc, toks, &WORK) || any_in(doc, toks, &WORK_CALL);
    let said = any_in(doc, toks, &SPEECH) || any_in(doc, toks, &PROMISE);
    if !(work || said || roundup(doc, toks)) {
        return None;
    }
    (0..toks.len()).find_map(|i| {
        let hu = FEW_HU.contains(&w(i))
            && DAY_HU.contains(&w(i + 1))
            && !["ra", "mulva", "utan"].contains(&w(i + 2));
        if hu {
            return Some((first + i, first + i + 1));
        }
        // The nominative with work or speech (`két-három nap, aztán
        // mehettek haza`; `Azt mondták, pár nap az egész.`), not a time
        // (`két nap múlva`, `három nap alatt`) nor `egy nap` ("one day").
        let nominative = FEW_HU.contains(&w(i))
            && w(i) != "egy"
            && w(i + 1) == "nap"
            && !YEARS_LATER.contains(&w(i + 2))
            && (work || said);
        // Up to a few days (`három napig kell dolgozni`), and the Russian
        // accusative of time (`три дня поработаете и пойдёте домой`), with
        // work or speech; not after `через`, `за`, `после` (a time).
        let until = FEW_HU.contains(&w(i)) && w(i) != "egy" && w(i + 1) == "napig";
        let ru_time = FEW_RU.contains(&w(i))
            && DAY_RU.contains(&w(i + 1))
            && !(i > 0 && ["через", "за", "после", "на", "в"].contains(&w(i - 1)));
        if nominative || ((until || ru_time) && (work || said)) {
            return Some((first + i, first + i + 1));
        }
        // Home in a few days, said (`azt mondták, három nap múlva
        // hazamehetünk`, `сказали, через два дня отпустят домой`).
        let home = || {
            toks.iter()
                .any(|t| HOME_AGAIN.iter().any(|h| t.folded.starts_with(h)))
        };
        let home_in_days = (FEW_HU.contains(&w(i))
            && w(i) != "egy"
            && w(i + 1) == "nap"
            && ["mulva", "mulvan"].contains(&w(i + 2)))
            || (w(i) == "через" && FEW_RU.contains(&w(i + 1)) && DAY_RU.contains(&w(i + 2)));
        if home_in_days && said && home() {
            return Some((first + i, first + i + 2));
        }
        let compound = FEW_HU.iter().any(|f| {
            w(i).strip_prefix(f)
                .and_then(|r| r.strip_prefix("nap"))
                .is_some_and(|r| ["i", "os", "osra", "ra"].contains(&r))
        });
        // Russian compound adjectives: `на трёхдневную работу`.
        let compound_ru = ["двухдневн", "трехдневн", "четырехдневн", "пятидневн"]
            .iter()
            .any(|p| w(i).starts_with(p));
        if (compound && !["ra", "mulva", "utan"].contains(&w(i + 1))) || compound_ru {
            return Some((first + i, first + i));
        }
        let ru = w(i) == "на" && FEW_RU.contains(&w(i + 1)) && DAY_RU.contains(&w(i + 2));
        if ru {
            return Some((first + i, first + i + 2));
        }
        // The approximate order, the noun first: `дня на три`, `денька на
        // два` ("about three days").
        let ru_approx = DAY_RU.contains(&w(i)) && w(i + 1) == "на" && FEW_RU.contains(&w(i + 2));
        if ru_approx {
            return Some((first + i, first + i + 2));
        }
        // Hours, in both orders (`pár órára`, `на пару часов`, `часа на
        // два`).
        // Hungarian hours only with "a few" (`két órára` is also "at two").
        let few_hu = ["par", "nehany", "egypar", "egy-ket", "ket-harom", "fel"];
        let hours = (few_hu.contains(&w(i)) && HOUR_HU.contains(&w(i + 1)))
            || (w(i) == "на" && FEW_RU.contains(&w(i + 1)) && HOUR_RU.contains(&w(i + 2)))
            || (HOUR_RU.contains(&w(i)) && w(i + 1) == "на" && FEW_RU.contains(&w(i + 2)));
        if hours && !["mulva", "utan", "mulvan"].contains(&w(i + 2)) {
            return Some((first + i, first + i + 1));
        }
        // Weeks and "a short while" with work in the sentence (`két hétre
        // munkára`, `на работу, ненадолго, на пару недель`); not food for
        // two weeks, which Order 7161 deportees were told to bring.
        // Also in the nominative (`egy-két hét`, `két hét az egész`), not a
        // time (`két hét múlva`).
        let weeks_nominative = FEW_HU.contains(&w(i))
            && w(i) != "egy"
            && w(i + 1) == "het"
            && !YEARS_LATER.contains(&w(i + 2));
        let weeks = (FEW_HU.contains(&w(i)) && (w(i + 1) == "hetre" || weeks_nominative))
            || (w(i) == "на" && FEW_RU.contains(&w(i + 1)) && WEEK_RU.contains(&w(i + 2)))
            || (WEEK_RU.contains(&w(i)) && w(i + 1) == "на" && FEW_RU.contains(&w(i + 2)));
        let short = SHORT_WHILE
            .iter()
            .any(|p| p.iter().enumerate().all(|(k, x)| w(i + k) == *x));
        ((weeks || short) && work && !any_in(doc, toks, &FOOD))
            .then_some((first + i, first + i + 1))
    })
}

/// A list of Germans in sentence `s`: the Germans as its object
/// (`списки немцев`, `a svábokat összeírták`, `németnek írtak be`) or a
/// German list (`a német listára`, `немецкие списки`), not Germans
/// making a list (`a németek listára vettek minket`, in a Holocaust
/// story).
fn german_list(doc: &Doc<'_>, s: usize) -> Option<(usize, usize)> {
    let toks = doc.sentence(s);
    let first = doc.sentences[s].first;
    let l = toks.iter().position(|t| in_list(doc, t, &LIST));
    let g = toks.iter().enumerate().position(|(i, t)| {
        let w: &str = &t.folded;
        // Or a German adjective before a plural object (`a sváb lányokat`,
        // `a német családokat`).
        let before_object = !w.ends_with("ek")
            && !w.ends_with("ok")
            && toks
                .get(i + 1)
                .is_some_and(|n| n.folded.ends_with("kat") || n.folded.ends_with("ket"));
        // Or the list put the narrator among the Germans (`rákerültünk a
        // listára, a svábok közé`, `среди немцев`).
        let among = toks
            .get(i + 1)
            .is_some_and(|n| matches!(&*n.folded, "koze" | "kozott"))
            || (i > 0 && &*toks[i - 1].folded == "среди");
        // Or the Germans the subject of what the list asked (`összeírták,
        // kik a németek`, `записали, кто немец`, `aufgeschrieben, wer
        // Deutscher ist`).
        // Or a relative clause that says whom the list took (`összeírták
        // a fiatalokat, akiknek a családja német`, `записали всех, у кого
        // отец немец`, `alle, deren Eltern deutsch waren`).
        // Also before the list (`Aki a német iskolába járt, az mind
        // fölkerült a listára`).
        let who = l.is_some()
            && toks[i.saturating_sub(4)..i].iter().any(|t| {
                matches!(
                    &*t.folded,
                    "kik"
                        | "ki"
                        | "akik"
                        | "aki"
                        | "akiknek"
                        | "akinek"
                        | "кто"
                        | "кого"
                        | "которых"
                        | "wer"
                        | "deren"
                        | "dessen"
                )
            });
        german(doc, t)
            && (GERMAN_OBJECT.contains(&w)
                || before_object
                || who
                || (among && l.is_some())
                || (Some(i + 1) == l && !w.ends_with("ek") && !w.ends_with("ok")))
    })?;
    if let Some(l) = l {
        return Some((first + g.min(l), first + g.max(l)));
    }
    // The Germans taken, the narrator with them (`a svábokat mind
    // elvitték, engem is`; `забрали всех немцев, и меня тоже`; `mint
    // németet vittek el`).
    let taken = toks.iter().position(|t| {
        in_list(doc, t, &ROUNDUP)
            || in_list(doc, t, &SUMMONS)
            || in_list(doc, t, &GATHER)
            || definite_taking(t)
    })?;
    // The narrator in the sentence, or in an elliptic one right after it
    // (`…забрали всех немцев. Меня тоже.`).
    let me_too = doc
        .sentences
        .get(s + 1)
        .is_some_and(|n| n.seg == doc.sentences[s].seg && elliptic_me_too(doc.sentence(s + 1)));
    ((first_person(toks) || me_too) && !any_of(toks, NEGATION) && !any_in(doc, toks, &KIN))
        .then_some((first + g.min(taken), first + g.max(taken)))
}

/// A list of people with their years of birth: sentence `s` names the
/// year of birth (`születési év`, `évszám`, `hányban született`, `год
/// рождения`, `Jahrgang`), and it or the sentence before it in the segment
/// a list, its reading out or the names (`felolvasták a névsort, és minden
/// név után, hogy hányban született`, `Sie hatten eine Liste, mit den
/// Jahrgängen`, `висел список. Фамилии все немецкие, и года рождения`).
/// Order 7161 called up the Germans by age, and the lists of January 1945
/// were read out or posted name by name with the year of birth that put
/// each one in or out of the brackets; the roundups of the first wave
/// took the men they found, by no list of years. Returns the year word.
fn birth_year_list(doc: &Doc<'_>, s: usize) -> Option<(usize, usize)> {
    let toks = doc.sentence(s);
    let year_word = toks.iter().enumerate().position(|(i, t)| {
        let w: &str = &t.folded;
        let next = toks.get(i + 1).map(|n| &*n.folded);
        let prev = i.checked_sub(1).map(|p| &*toks[p].folded);
        w.starts_with("jahrgang")
            || w.starts_with("evszam")
            || (w == "szuletesi" && next.is_some_and(|n| n.starts_with("ev")))
            || (w.starts_with("szulet")
                && toks[..i]
                    .iter()
                    .any(|p| matches!(&*p.folded, "hanyban" | "mikor")))
            || (w.starts_with("рожден")
                && prev.is_some_and(|p| p.starts_with("год") || p.starts_with("дат")))
    })?;
    let listed = |k: usize| {
        doc.sentence(k).iter().any(|t| {
            in_list(doc, t, &LIST)
                || in_list(doc, t, &NAME)
                || t.folded.starts_with("nevek")
                || ANNOUNCED.iter().any(|a| t.folded.starts_with(a))
        })
    };
    let before = s
        .checked_sub(1)
        .filter(|&p| doc.sentences[p].seg == doc.sentences[s].seg);
    let i = doc.sentences[s].first + year_word;
    (listed(s) || before.is_some_and(listed)).then_some((i, i))
}

/// The first date named after sentence `s` in its segment, for a call
/// told before its date (`Azt mondták, aki német, menjen újjáépíteni. …
/// Január elején összeszedtek minket`).
fn later_date(doc: &Doc<'_>, s: usize) -> Option<i32> {
    let seg = doc.sentences.get(s)?.seg;
    (s + 1..doc.sentences.len())
        .take_while(|&k| doc.sentences[k].seg == seg)
        .find_map(|k| context_date(doc, k))
}

/// The sentence after `s` when it is in the same segment.
fn next_in_segment<'d>(doc: &'d Doc<'_>, s: usize) -> Option<&'d [Token]> {
    let seg = doc.sentences.get(s)?.seg;
    doc.sentences
        .get(s + 1)
        .filter(|n| n.seg == seg)
        .map(|_| doc.sentence(s + 1))
}

/// The Hungarian labour service (`munkaszolgálat`, `munkaszázad`, its
/// guards `keretlegények`).
const LABOUR_SERVICE: &[&str] = &["munkaszolg", "munkaszazad", "keretleg"];

/// The first German named as such in a call, not the Germans as the
/// subject of a clause (`a németek felrobbantották`: an article before the
/// plural noun; `a német származásúak` are the call's).
fn german_addressee(doc: &Doc<'_>, toks: &[Token]) -> Option<usize> {
    toks.iter().enumerate().position(|(i, t)| {
        let subject = i > 0
            && matches!(&*toks[i - 1].folded, "a" | "az")
            && (t.folded.ends_with("ek") || t.folded.ends_with("ok"));
        german(doc, t) && !subject
    })
}

/// Gendarmes and policemen: a rank of theirs (`csendőr voltam, őrmester`)
/// is no soldier's; arrested after the war, they were sentenced, not
/// taken prisoner.
const GENDARMES: &[&str] = &["csendor", "rendor", "жандарм", "полицейск", "gendarm"];

/// A priest's service (`служил мессу`, `misét mondtam`): `служил` is no
/// soldier's there.
fn church(toks: &[Token]) -> bool {
    starts_any(
        toks,
        &[
            "месс",
            "литург",
            "богослуж",
            "mise",
            "messe",
            "gottesdienst",
        ],
    )
}

/// Whether a roundup's words announce the release: going home, with no
/// work, days or promise beside it (`В сорок восьмом объявили: венгры едут
/// домой`, `kihirdették, hogy mehetünk haza`, `es hieß, wir fahren nach
/// Hause`). The camp called its prisoners together to send them home as
/// it had called them to take them; a call that promises home after the
/// work (`три дня поработаете и пойдёте домой`) is the taking.
fn release(doc: &Doc<'_>, toks: &[Token]) -> bool {
    let home = toks.iter().any(|t| {
        let w: &str = &t.folded;
        w == "домой"
            || w == "hause"
            || w.starts_with("heim")
            || (w.starts_with("haza") && !w.starts_with("hazaarul") && !w.starts_with("hazai"))
    });
    // A promise of home after days or work is the pretext of a taking.
    let promise = starts_any(toks, &["iger", "megiger", "обеща", "versproch"])
        || any_of(toks, DAY_HU)
        || any_of(toks, DAY_RU)
        || toks
            .iter()
            .any(|t| t.folded.starts_with("nap") || t.folded.starts_with("tag"));
    home && !promise && !any_in(doc, toks, &WORK) && !any_in(doc, toks, &WORK_CALL)
}

/// Whether `toks` tell a roundup: a verb of [`ROUNDUP`] or a summons.
fn roundup(doc: &Doc<'_>, toks: &[Token]) -> bool {
    any_in(doc, toks, &ROUNDUP) || any_in(doc, toks, &SUMMONS)
}

/// Whether a word of `toks` begins with one of `prefixes` (folded).
fn starts_any(toks: &[Token], prefixes: &[&str]) -> bool {
    toks.iter()
        .any(|t| prefixes.iter().any(|p| t.folded.starts_with(p)))
}

/// A Red Army formation the narrator served in: `Второй Украинский фронт`,
/// `в Красной армии`, `a Vörös Hadseregben`, in a first-person sentence.
fn red_army(toks: &[Token]) -> bool {
    first_person(toks)
        && toks.windows(2).any(|p| {
            let (a, b): (&str, &str) = (&p[0].folded, &p[1].folded);
            (a.starts_with("украинск") && b.starts_with("фронт"))
                || (a.starts_with("белорусск") && b.starts_with("фронт"))
                || (a.starts_with("красн") && b.starts_with("арми"))
                || (a.starts_with("советск") && b.starts_with("арми"))
                || (a == "voros" && b == "hadseregben")
        })
}

/// The narrator went to the Soviet Union freely or by the state's
/// ordinary call, not deported: assigned after a degree (`распределение`),
/// recruited or under contract (`оргнабор`,
/// `завербовался`, `по контракту`, `szerződéssel`, `angeworben`), or a
/// conscript of the Soviet Army, a name it bore from 1946 (`служил в
/// Советской армии`, asked too: `вы служили в Советской армии?`, `a
/// szovjet hadseregben`, `in der Sowjetarmee`); the Red Army of the war
/// years is not in it (Transcarpathians drafted in 1944 were sent on to
/// the camps), nor the Soviet Army named without the narrator's service
/// (`пришла Советская армия`). Cheap: a prefix test on each word.
fn free_journey(toks: &[Token]) -> bool {
    starts_any(
        toks,
        &[
            "распределени",
            "оргнабор",
            "завербова",
            "вербовк",
            "angeworben",
            "sowjetarmee",
        ],
    ) || (starts_any(toks, &["служ", "призва", "szolgal", "gedient", "diente"])
        && toks.windows(2).any(|p| {
            let (a, b): (&str, &str) = (&p[0].folded, &p[1].folded);
            (a.starts_with("советск") && b.starts_with("арми"))
                || (a == "szovjet" && b.starts_with("hadsereg"))
        }))
        || toks.windows(2).any(|p| {
            let (a, b): (&str, &str) = (&p[0].folded, &p[1].folded);
            (a == "по" && b.starts_with("контракт"))
                || (a.starts_with("szerzodes") && b.starts_with("dolgoz"))
                || (a == "szerzodessel")
        })
}

/// Hungarians (or Ruthenians, Ukrainians) named in a call: with them,
/// Germans called up are the first wave, not Order 7161.
fn hungarians(toks: &[Token]) -> bool {
    starts_any(
        toks,
        &[
            "magyar",
            "венгр",
            "венгер",
            "мадьяр",
            "ungar",
            "ruszin",
            "русин",
            "украин",
        ],
    )
}

/// Guarding and escorting prisoners, the narrator on the captors' side.
const GUARDING: &[&str] = &[
    "сопровожд",
    "конво",
    "охраня",
    "karauloz",
    "oriztuk",
    "oriztem",
    "kisertuk",
    "kisertem",
    "bewacht",
];

/// Verbs of taking weapons away (`elvették a fegyvert`, `отобрали
/// оружие`).
const WEAPONS_TAKEN: &[&str] = &["elvett", "elszedt", "отобрал", "забрал", "abgenommen"];

/// A capture in the Hungarian indefinite conjugation (lower case, with
/// accents): the object dropped is the narrator.
const INDEFINITE_CAPTURE: &[&str] = &["elfogtak", "elkaptak", "letartóztattak", "lefogtak"];

/// Verbs of seeing: prisoners seen are others.
const SEEING: &[&str] = &["lattam", "lattuk", "видел", "видал", "sah"];

/// A count of years in the sentence (`huszonöt év`, `двадцать пять
/// лет`), as a court gives them.
fn years_in(toks: &[Token]) -> bool {
    (1..toks.len()).any(|j| years_at(toks, j))
}

/// Whether word `j` (at least 1) is a year word after a count (`tíz év`,
/// `десять лет`).
fn years_at(toks: &[Token], j: usize) -> bool {
    ["ev", "evet", "evre", "лет", "года", "jahre"].contains(&&*toks[j].folded)
        && is_count(&toks[j - 1])
}

/// Passing through a place (`Nagyváradon át`, `через Сигет`).
const THROUGH: &[&str] = &["at", "keresztul", "через", "uber", "durch"];

/// Disarming, of which the narrator is the object: only soldiers (and
/// the armed) were disarmed.
const DISARMED: &[&str] = &["lefegyverez", "разоружил", "обезоружил", "entwaffn"];

/// Words of a call addressed to everyone of a kind (`mindenki, akinek`,
/// `все, у кого`, `alle, die`).
/// Announcing or reading out an order (`kihirdették`, `felolvasták`,
/// `объявили`, `зачитали`, `vorgelesen`).
const ANNOUNCED: &[&str] = &[
    "kihirdet",
    "felolvas",
    "kidobol",
    "объяв",
    "зачита",
    "vorgelesen",
    "verlesen",
    "bekanntgegeben",
];

const EVERYONE: &[&str] = &[
    "mindenki",
    "mindenkinek",
    "mindenkit",
    "akinek",
    "akiknek",
    "все",
    "всем",
    "всех",
    "alle",
    "jeder",
];

/// Transit camps that lay in Transylvania: held there, the narrator was
/// taken in Transylvania.
const TRANSYLVANIAN_CAMPS: &[&str] = &["feldioara", "brasov"];

/// Towns of (mostly Northern) Transylvania and Székely Land where people
/// were taken in 1944–45, in Hungarian, Romanian, German and Russian, as
/// folded word beginnings. Towns that were also transit camps (Brassó,
/// Máramarossziget) are not here: a route through them is not a taking.
static TRANSYLVANIAN_TOWN: Lex = Lex {
    exact: &[
        "varad",
        "varadra",
        "varadon",
        "varadrol",
        "carei",
        "карей",
        "карея",
        "карее",
        "сату",
    ],
    prefix: &[
        "erdely",
        "eszak-erdely",
        "kolozsvar",
        "nagyvarad",
        "szatmar",
        "nagykaroly",
        "nagybany",
        "marosvasarhely",
        "csikszered",
        "sepsiszentgyorgy",
        "szekelyudvarhely",
        "kezdivasarhely",
        "gyergyoszentmiklos",
        "szilagysomlyo",
        "zilah",
        "beszterce",
        "szekelyfold",
        "haromszek",
        "cluj",
        "oradea",
        "zalau",
        "bistrita",
        "odorhei",
        "klausenburg",
        "grosswardein",
        "sathmar",
        "bistritz",
        "siebenburg",
        "клуж",
        "орадя",
        "орадеа",
        "надьварад",
        "сатмар",
        "трансильван",
    ],
    infix: &[],
    suffix: &[],
    compiled: std::sync::OnceLock::new(),
};

/// Whether a birthplace (`narrator_birthplace`, free text such as
/// `Сату-Маре (Сатмарнемети)` or `Csíkszentdomokos`) lies in Northern
/// Transylvania or Székely Land: a town of [`TRANSYLVANIAN_TOWN`], one
/// of the transit-camp towns left out of it (Máramarossziget), or a
/// village of the Székely basins, whose names begin with the basin's
/// (`Csík…`, `Gyergyó…`, `Kászon…`).
fn transylvanian_home(birthplace: &str) -> bool {
    // Prefixes of folded words. The Csík villages by the letter after the
    // basin's name (`Csíkszereda`, `Csíkdánfalva`), so that Csikéria and
    // Csikóstőttős in Hungary stay out.
    const HOME: &[&str] = &[
        "maramarossziget",
        "sighet",
        "vasarhely",
        "csiksz",
        "csikso",
        "csikd",
        "csikk",
        "csikm",
        "csikr",
        "csikt",
        "csikj",
        "csikv",
        "csikp",
        "csikc",
        "csikg",
        "gyergyo",
        "kaszon",
        "udvarhely",
        "szekelyu",
        "szekelyk",
        "sepsi",
        "kezdi",
        "szilagy",
        "szamosujvar",
        "szaszregen",
        "reghin",
        "ermihalyfalv",
        "margitta",
        "nagyszalonta",
        "tasnad",
        "naszod",
        "felsobanya",
        "banffyhunyad",
        "марошвашархей",
        "тыргу-муреш",
        "сфынту-георге",
        "сепшисентдьердь",
        "коложвар",
        "сатмарнемети",
    ];
    any_place_word(birthplace, |w| {
        TRANSYLVANIAN_TOWN.has(w)
            || w.split('-').any(|part| TRANSYLVANIAN_TOWN.has(part))
            || HOME.iter().any(|h| w.starts_with(h))
    })
}

/// The last month of Order 7161's call-up (February 1945), as months
/// since year 0.
const CALL_UP_END: i32 = 1945 * 12 + 1;

/// The last month of the men's roundup in Transcarpathia (resolution 0036
/// of the 4th Ukrainian Front, 13 November 1944): November 1944.
const ROUNDUP_0036_END: i32 = 1944 * 12 + 10;

/// Whether a birthplace is one of the German (Swabian) villages and towns
/// of Hungary whose people were called up under Order 7161, or of the
/// Swabians of Szatmár and the Banat, by its Hungarian, German or Russian
/// name (`Hajós`, `Hajosch`, `Хайош`; `Pilisvörösvár (Werischwar)`).
/// Prefixes of folded words; names of four letters or fewer match whole.
fn german_home(birthplace: &str) -> bool {
    const HOME: &[&str] = &[
        // Bácska in Hungary.
        "hajos",
        "хайош",
        "bacsalmas",
        "almasch",
        "vaskut",
        "gara",
        "csavoly",
        "katymar",
        "nemesnadudvar",
        "csaszartoltes",
        // Around Budapest.
        "budaors",
        "wudersch",
        "будаэрш",
        "solymar",
        "pilisvorosvar",
        "werischwar",
        "pilisszentivan",
        "csobanka",
        "nagykovacsi",
        "budakeszi",
        "zsambek",
        "schambeck",
        "torokbalint",
        "soroksar",
        "dunaharaszti",
        "taksony",
        "urom",
        "perbal",
        // Tolna and Baranya.
        "bonyhad",
        "mucsi",
        "gyonk",
        "hogyesz",
        "tevel",
        "nagymanyok",
        "vemend",
        "mecseknadasd",
        "boly",
        "babarc",
        "palotabozsok",
        "somberek",
        "szederkeny",
        "nagynyarad",
        "himeshaza",
        "lanycsok",
        "feked",
        "zsibrik",
        "szeremle",
        // Békés, the Tokaj hills, Szatmár.
        "elek",
        "almaskamaras",
        "ratka",
        "hercegkut",
        "karolyfalva",
        "vallaj",
        "merk",
        "csanalos",
        "urziceni",
        "kaplony",
        "capleni",
        "nagymajteny",
        "mezopetri",
        "petresti",
        "mezofeny",
        "foieni",
        "szaniszlo",
        // The Banat and Transcarpathia's Germans.
        "banat",
        "банат",
        "hatzfeld",
        "jimbolia",
        "lenauheim",
        "bakowa",
        "lovrin",
        "ловрин",
        "sackelhausen",
        "pausching",
        "павшино",
    ];
    names_a_place(birthplace, HOME)
}

/// The evidence of the rule `home`: the header's birthplace, in no passage.
fn home_evidence(birthplace: &str) -> NewEvidence {
    NewEvidence {
        ordinal: None,
        span: None,
        matched: birthplace.to_string(),
        alias: None,
        rule: HeaderField::Birthplace.rule().into(),
        line: None,
    }
}

/// Where a Transcarpathian was taken from: the birthplace (rule `home`),
/// or, when the birthplace names no home the rules know, the recording
/// place (rule `recorded-in`).
fn transcarpathian_evidence(home: Option<&str>, lived: Option<&str>) -> Option<NewEvidence> {
    if let Some(place) = home.filter(|p| transcarpathian_home(p)) {
        return Some(home_evidence(place));
    }
    if home.is_some_and(|h| german_home(h) || transylvanian_home(h)) {
        return None;
    }
    lived
        .filter(|p| transcarpathian_home(p))
        .map(|place| NewEvidence {
            rule: HeaderField::RecordingPlace.rule().into(),
            ..home_evidence(place)
        })
}

/// Whether a free-text place (`Pilisvörösvár (Werischwar)`, `Мукачевский
/// район`) has a word among `names`: folded, short names (four letters or
/// fewer: `Gát`, `Csap`, `Elek`) whole, longer ones as word beginnings.
fn names_a_place(place: &str, names: &[&str]) -> bool {
    any_place_word(place, |w| {
        names.iter().any(|h| {
            if h.chars().count() <= 4 {
                w == *h
            } else {
                w.starts_with(h)
            }
        })
    })
}

/// Whether a word of a free-text place, folded, passes `test` (words are
/// split at anything but letters, digits and hyphens).
fn any_place_word(place: &str, test: impl Fn(&str) -> bool) -> bool {
    crate::analysis::fold(place)
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| !w.is_empty() && test(w))
}

/// Whether a birthplace lies in Transcarpathia (Kárpátalja), in any of
/// its languages: its towns and districts (`Мукачевский район`), the
/// land's own name, and the larger Hungarian villages of the Ung and
/// Bereg plain and the Tisza valley, where the roundups of November 1944
/// took the men. Names of four letters or fewer match whole words only.
fn transcarpathian_home(birthplace: &str) -> bool {
    // Prefixes of folded words.
    const HOME: &[&str] = &[
        "karpatalj",
        "karpatenukrain",
        "закарпат",
        "подкарпат",
        "ungvar",
        "uzhhorod",
        "uzhgorod",
        "ужгород",
        "munkac",
        "munkatsch",
        "mukachev",
        "мукачев",
        "паланок",
        "beregszas",
        "berehov",
        "берегов",
        "берегсас",
        "nagyszolos",
        "vynohradiv",
        "виноградов",
        "севлюш",
        "huszt",
        "khust",
        "хуст",
        "tecso",
        "tiachiv",
        "тячев",
        "тячів",
        "raho",
        "rakhiv",
        "рахов",
        "рахів",
        "szolyv",
        "svaliav",
        "свалява",
        "perecseny",
        "perechyn",
        "перечин",
        "ilosva",
        "irshava",
        "иршава",
        "nagyberezn",
        "ужанск",
        "береговск",
        "dercen",
        "nagybereg",
        "mezokaszony",
        "kisdobrony",
        "nagydobrony",
        "barkaszo",
        "tiszaujlak",
        "csongor",
        "batyu",
        "mezovari",
        "nagymuzsaly",
        "beregujfalu",
        "salank",
        "nagypalad",
        "visk",
        "aknaszlatina",
        "szurte",
        "сюрте",
        "kisgejoc",
        "nagygejoc",
        "eszeny",
        "nagylucska",
        "gyertyanliget",
        "minaj",
        "минай",
        "gat",
        "гать",
        "чинадиев",
        "порошков",
        "турья",
        "korosmezo",
        "ясиня",
        "yasinia",
        "csap",
        "чоп",
    ];
    names_a_place(birthplace, HOME)
}

/// German as an ethnonym, not the surname `Németh`.
fn german(doc: &Doc<'_>, t: &Token) -> bool {
    in_list(doc, t, &GERMAN) && !t.folded.starts_with("nemeth")
}

/// A German name in sentence `s`: `német neve`, `német hangzású nevűeket`,
/// `немецкая фамилия`, `фамилии были немецкие`, `deutscher Name`.
fn german_name(doc: &Doc<'_>, s: usize) -> Option<(usize, usize)> {
    let toks = doc.sentence(s);
    let first = doc.sentences[s].first;
    (0..toks.len()).find_map(|i| {
        if !german(doc, &toks[i]) {
            return None;
        }
        // Within two words either side (`фамилии у нас немецкие`).
        let lo = i.saturating_sub(3);
        let hi = (i + 3).min(toks.len().saturating_sub(1));
        (lo..=hi)
            .find(|&j| j != i && in_list(doc, &toks[j], &NAME))
            .map(|j| (first + i.min(j), first + i.max(j)))
    })
}

/// Whether the narrator tells of being held: at least two first-person
/// sentences of the deportation era with a captivity word (camp, prisoner,
/// barracks, mine, wagon…). Waves are suggested only for a testimony where
/// the tagger found a place, region or transit camp of the narrator, or
/// that passes this test: Transylvanian place names or `sváb` in a
/// testimony about politics are no deportation. A sentence where the
/// narrator guards or escorts (`нас поставили охранять лагерь`, `a
/// barakkokat őriztük`) is not one of them: the camp words are the
/// guard's, who was on the captors' side.
pub(super) fn narrator_held(doc: &Doc<'_>, eras: &[Era]) -> bool {
    first_captivity(doc, eras).1.is_some()
}

/// The first-person sentences of the deportation era with a captivity
/// word, not guarding (see [`narrator_held`]), in order.
fn captivity_sentences<'d>(doc: &'d Doc<'_>, eras: &'d [Era]) -> impl Iterator<Item = usize> {
    let others = others_flags(doc);
    (0..doc.sentences.len()).filter(move |&s| {
        let toks = doc.sentence(s);
        eras[s] == Era::Deportation
            && !others[s]
            && first_person(toks)
            && any_in(doc, toks, &CAPTIVITY)
            && !starts_any(toks, GUARDING)
    })
}

/// The first of [`captivity_sentences`], and it again when a second
/// follows ([`narrator_held`] holds).
fn first_captivity(doc: &Doc<'_>, eras: &[Era]) -> (Option<usize>, Option<usize>) {
    let mut held = captivity_sentences(doc, eras);
    let first = held.next();
    (first, first.filter(|_| held.next().is_some()))
}

/// 1 − 0.6^points, at most 0.97.
fn confidence(points: f64) -> f64 {
    let c = 1.0 - 0.6f64.powf(points);
    (c * 100.0).round().min(97.0) / 100.0
}

/// `YYYY-MM` as a number `YYYY * 12 + MM - 1`.
fn ym(s: &str) -> i32 {
    let mut it = s.split('-');
    let y: i32 = it.next().and_then(|y| y.parse().ok()).unwrap_or(0);
    let m: i32 = it.next().and_then(|m| m.parse().ok()).unwrap_or(1);
    y * 12 + m - 1
}

/// The months the Red Army reached Hungary and Transcarpathia, October 1944
/// to March 1945, as `YYYY * 12 + MM - 1`.
const FRONT: (i32, i32) = (1944 * 12 + 9, 1945 * 12 + 2);

/// Whether sentence `s`, which names no year, dates itself by the front's
/// arrival (`amikor bejöttek az oroszok`, `когда пришли советские`, `als
/// die Russen kamen`, `átvonult a front`) or the siege of Budapest (`vége
/// volt az ostromnak`, `a pincéből feljöttünk`).
fn front_arrives(doc: &Doc<'_>, s: usize) -> bool {
    const ARRIVE: &[&str] = &[
        "bejottek",
        "bejott",
        "jottek",
        "megjottek",
        "bevonultak",
        "odaertek",
        "megerkeztek",
        "atvonult",
        "atvonultak",
        "atment",
        "atjott",
        "elvonult",
        "пришли",
        "пришла",
        "вошли",
        "вступили",
        "kamen",
        "einmarschiert",
        "einmarschierten",
    ];
    let toks = doc.sentence(s);
    (any_of(toks, ARRIVE)
        && (any_in(doc, toks, &SOVIET) || any_of(toks, &["front", "фронт", "красная", "армия"])))
        // The siege of Budapest, and coming up from the cellar after it
        // (`vége volt az ostromnak`, `a pincéből éppen csak feljöttünk`).
        || starts_any(toks, &["ostrom"])
        || (any_of(toks, &["pincebol", "pincekbol"])
            && starts_any(toks, &["feljott", "kijott", "felj", "kimasz"]))
}

/// The month a sentence is dated to (a year, with its month when named;
/// without a year, the front's arrival: December 1944).
fn sentence_date(doc: &Doc<'_>, s: usize) -> Option<i32> {
    let st = &doc.sentences[s];
    let Some(year) = (st.first..st.end).find_map(|i| year_at(doc, i)) else {
        if let Some(d) = front_month(doc, s) {
            return Some(d);
        }
        return front_arrives(doc, s).then_some(FRONT.0 + 2);
    };
    let month = doc.sentence(s).iter().find_map(|t| month_of(&t.folded));
    Some(match month {
        Some(m) => year * 12 + m - 1,
        // Without a month, the middle of the year.
        None => year * 12 + 5,
    })
}

/// The months a sentence is dated to: its month, or the whole year when
/// it names no month or season.
fn sentence_months(doc: &Doc<'_>, s: usize) -> Option<(i32, i32)> {
    let st = &doc.sentences[s];
    let Some(year) = (st.first..st.end).find_map(|i| year_at(doc, i)) else {
        if let Some(d) = front_month(doc, s) {
            return Some((d, d));
        }
        return front_arrives(doc, s).then_some(FRONT);
    };
    let month = doc.sentence(s).iter().find_map(|t| month_of(&t.folded));
    Some(match month {
        Some(m) => (year * 12 + m - 1, year * 12 + m - 1),
        None => (year * 12, year * 12 + 11),
    })
}

/// A month of the front's months (`Novemberben jött a kisbíró`) named in
/// sentence `s` of a testimony that names no year before it: a story
/// that opens without a year opens at the front, which is what the
/// interview is about; the month is the one of October 1944 to March
/// 1945. Months outside those stay undated.
fn front_month(doc: &Doc<'_>, s: usize) -> Option<i32> {
    let m = month_in(doc, s)?;
    let d = month_after(FRONT, m);
    let year_before = || (0..doc.sentences[s].first).any(|i| year_at(doc, i).is_some());
    ((FRONT.0..=FRONT.1).contains(&d) && !year_before()).then_some(d)
}

/// The months, by the beginnings of their names.
const MONTHS: &[(&[&str], i32)] = &[
    (&["januar", "январ", "janner"], 1),
    (&["februar", "феврал"], 2),
    (&["marc", "март", "marz"], 3),
    (&["april", "апрел"], 4),
    (&["majus", "мая", "май"], 5),
    (&["junius", "июн", "juni"], 6),
    (&["julius", "июл"], 7),
    (&["august", "август"], 8),
    (&["szeptember", "сентябр"], 9),
    (&["oktober", "октябр"], 10),
    (&["november", "ноябр"], 11),
    (&["december", "декабр", "dezember"], 12),
];

/// The seasons, by the beginnings of their names, as their middle month;
/// a winter is the one that begins in the year named (`negyvennégy
/// telén`).
const SEASONS: &[(&[&str], i32)] = &[
    (&["tavasz", "весн", "fruh"], 4),
    (&["nyar", "лет", "sommer"], 7),
    (&["osz", "осен", "herbst"], 10),
    (&["tel", "зим", "winter"], 12),
];

/// Whether a word begins like one of `names`.
fn named_in(folded: &str, names: &[(&[&str], i32)]) -> Option<i32> {
    names
        .iter()
        .find(|(ps, _)| ps.iter().any(|p| folded.starts_with(p)))
        .map(|(_, m)| *m)
}

/// The month (1–12) a word names, a season as its middle month.
fn month_of(folded: &str) -> Option<i32> {
    // A major (`майор`) is no May.
    if !MONTH.has(folded) || folded.starts_with("майор") {
        return None;
    }
    named_in(folded, MONTHS).or_else(|| named_in(folded, SEASONS))
}

/// Evidence pointing at a whole sentence.
fn sentence_evidence(doc: &Doc<'_>, s: usize, rule: &str) -> NewEvidence {
    let st = &doc.sentences[s];
    let m = Match {
        target: Target::Cue(0, String::new()),
        alias: rule.to_string(),
        first: st.first,
        last: st.end.saturating_sub(1).max(st.first),
        form: super::matcher::Form::Base,
    };
    let mut e = evidence(doc, &m, rule);
    e.alias = None;
    e
}

#[cfg(test)]
mod tests {
    /// Months and seasons in the three languages, from one list each; a
    /// major (`майор`, which begins like `май`) is no May, in a dated
    /// sentence or not.
    #[test]
    fn months_and_seasons_are_read_and_a_major_is_no_may() {
        for (word, month) in [
            ("januarjaban", Some(1)),
            ("мая", Some(5)),
            ("dezember", Some(12)),
            ("august", Some(8)),
            ("herbst", Some(10)),
            ("telen", Some(12)),
            ("майор", None),
            ("майора", None),
            ("telep", None),
        ] {
            assert_eq!(super::month_of(word), month, "{word}");
        }
    }

    use crate::parse::Segment;
    use crate::tag::Tagger;
    use crate::tag::text::seg;
    use crate::vocab::Vocabulary;

    fn waves(paragraphs: &[&str]) -> Vec<String> {
        let vocab = Vocabulary::builtin().unwrap();
        let segs: Vec<Segment> = paragraphs.iter().map(|t| seg(t)).collect();
        let mut v: Vec<String> = Tagger::new(&vocab)
            .suggest(&crate::tag::Narrator::default(), &segs)
            .into_iter()
            .filter(|t| t.facet.name() == "wave")
            .map(|t| t.value)
            .collect();
        v.sort();
        v
    }

    const CAMP: &str = "Sztálinóba vittek minket, a lágerben barakkban laktunk, a bányában \
                        dolgoztunk, a norma nagy volt, tetű és vérhas volt.";

    #[test]
    fn the_combined_table_gives_each_lists_answer() {
        // Every word of every list, a longer form and a compound of it,
        // and words of no list.
        let mut words: Vec<String> = vec!["asztal".into(), "хлеб".into(), "a".into()];
        for lex in super::WORD_LISTS {
            for w in lex
                .exact
                .iter()
                .chain(lex.prefix)
                .chain(lex.infix)
                .chain(lex.suffix)
            {
                words.push(w.to_string());
                words.push(format!("{w}ban"));
                words.push(format!("szen{w}"));
            }
        }
        for w in &words {
            let by_list = super::WORD_LISTS
                .iter()
                .enumerate()
                .filter(|(_, l)| l.has(w))
                .fold(0u64, |b, (i, _)| b | 1 << i);
            assert_eq!(super::combined().bits(w), by_list, "{w}");
        }
    }

    #[test]
    fn the_rules_refer_to_real_waves() {
        let vocab = Vocabulary::builtin().unwrap();
        for id in [
            super::MALENKIJ_ROBOT,
            super::ORDER_7161,
            super::POW,
            super::TRANSYLVANIA,
        ] {
            assert!(vocab.get(id).is_some(), "{id}");
        }
    }

    #[test]
    fn age_brackets_make_order_7161() {
        let announce = "Negyvenöt januárjában kidobolták, hogy a férfiak tizenhét évestől \
                        negyvenöt évesig, a nők tizennyolctól harmincig jelentkezzenek.";
        assert_eq!(waves(&[announce, CAMP]), ["order-7161"]);
        let other_ages = "Negyvenöt januárjában kidobolták, hogy a férfiak tizennyolctól \
                          ötvenig jelentkezzenek.";
        assert!(waves(&[other_ages, CAMP]).is_empty());
    }

    #[test]
    fn civilians_are_not_prisoners_of_war() {
        let pow = "Negyvennégyben fogságba estem, hadifogság lett belőle, hadifogoly voltam.";
        assert_eq!(waves(&[pow, CAMP]), ["pow"]);
        let civilian = "Minket, civileket vittek el, pedig soha nem voltam katona.";
        assert!(waves(&[pow, civilian, CAMP]).is_empty());
    }

    #[test]
    fn a_soldier_captured_in_transylvania_is_a_prisoner_of_war() {
        let t = "Negyvennégy októberében Kolozsvárott, Erdélyben voltam, a székely falvakban.";
        let civil = "Minket, civileket vittek el Kolozsvárról.";
        assert_eq!(waves(&[t, civil, CAMP]), ["transylvania"]);
        let soldier = "Negyvennégyben bevonultam, a frontra kerültem. Erdélyben fogságba \
                       estem, hadifogság lett belőle.";
        assert_eq!(waves(&[t, soldier, CAMP]), ["pow"]);
    }

    #[test]
    fn cues_of_others_and_other_eras_do_not_count() {
        let brother = "A bátyámat negyvennégyben elvitték három napi munkára, málenkij robotra.";
        assert!(waves(&[brother, CAMP]).is_empty(), "the brother's wave");
        let wwi = "Nagyapám tizenötben fogságba esett, hadifogság volt, hadifogoly lett.";
        assert!(waves(&[wwi, CAMP]).is_empty(), "First World War");
        let me = "Negyvennégy novemberében engem is vittek, három napi munkára, málenkij robot.";
        assert_eq!(waves(&[me, CAMP]), ["malenkij-robot"]);
    }

    #[test]
    fn no_wave_without_a_deportation() {
        let politics = "Negyvennégy őszén Kolozsváron laktunk, Erdélyben, a székelyek között. \
                        A Maniu-gárdisták Észak-Erdélyben garázdálkodtak.";
        assert!(waves(&[politics]).is_empty());
    }

    #[test]
    fn the_article_named_as_an_ordinal_is_the_gulag() {
        let hu = "Negyvennyolcban elvittek a brigádból. Az ötvennyolcas cikk hatodik pontja \
                  szerint kémkedtem, mondták, és tizenöt év lett belőle.";
        assert_eq!(waves(&[hu, CAMP]), ["gulag"]);
        let ascii = "Otvennyolcadik paragrafus, ezt irtak a papirra, amikor elitelt.";
        assert_eq!(waves(&[ascii, CAMP]), ["gulag"]);
        let ru = "Статья пятьдесят восьмая, пункт десятый, и всё, без адвоката.";
        assert_eq!(waves(&[ru, CAMP]), ["gulag"]);
        // Another number, or 58 without an article: no sentence.
        let other = "Az ötvenhetes cikk szerint büntették a szomszédot, pénzbírsággal.";
        assert!(waves(&[other, CAMP]).is_empty());
        let age = "Ötvennyolcas évjárat vagyok, a lányom most tanul.";
        assert!(waves(&[age, CAMP]).is_empty());
    }

    #[test]
    fn a_thrown_weapon_or_a_white_cloth_is_a_surrender() {
        let soldier = "Negyvennégyben bevonultam a tüzérekhez.";
        let thrown = "A puskáinkat beledobtuk a folyóba, és vártunk.";
        assert_eq!(waves(&[soldier, thrown, CAMP]), ["pow"]);
        let belt = "Ledobtuk a derékszíjat, és kiálltunk az útra.";
        assert_eq!(waves(&[soldier, belt, CAMP]), ["pow"]);
        let cloth = "Мы вышли из леса с белой тряпкой на палке.";
        assert_eq!(waves(&[cloth, CAMP]), ["pow"]);
        let de = "Wir haben die Gewehre in den Graben geworfen.";
        assert_eq!(waves(&[soldier, de, CAMP]), ["pow"]);
        // Throwing something else, or a white cloth on the table.
        let stone = "Ledobtuk a zsákot a szekérről, és mentünk tovább.";
        assert!(waves(&[stone, CAMP]).is_empty());
        let table = "Anyám fehér abroszt terített, ünnep volt.";
        assert!(waves(&[table, CAMP]).is_empty());
    }

    #[test]
    fn sent_to_the_front_the_narrator_served() {
        let sent = "Negyvenháromban vittek ki a frontra, a Kárpátokba.";
        let taken = "Egy hajnalon elfogtak a faluban.";
        assert_eq!(waves(&[sent, taken, CAMP]), ["pow"]);
        // The men of the village were sent, not the narrator.
        let men = "A férfiakat vitték ki a frontra, mi otthon maradtunk.";
        assert!(waves(&[men, CAMP]).is_empty());
        let brother = "A bátyámat küldték a frontra negyvenkettőben.";
        assert!(waves(&[brother, CAMP]).is_empty());
    }

    #[test]
    fn the_call_up_of_january_1945_in_other_words() {
        let ru = "В январе сорок пятого объявили: женщинам с восемнадцати, мужчинам до \
                  сорока пяти явиться в сельсовет.";
        assert_eq!(waves(&[ru, CAMP]), ["order-7161"]);
        let de = "Im Januar fünfundvierzig hieß es, Frauen von achtzehn bis dreißig und \
                  die Männer bis fünfundvierzig kommen mit.";
        assert_eq!(waves(&[de, CAMP]), ["order-7161"]);
        // The same ages in another season are not the order.
        let summer = "Negyvenhét nyarán a nőket tizennyolctól, a férfiakat negyvenötig \
                      hívták aratni.";
        assert!(waves(&[summer, CAMP]).is_empty());
    }

    #[test]
    fn a_chore_and_home_by_a_weekday_are_the_first_wave() {
        let carry = "Negyvennégy decemberében a kapuból hívtak ki, hogy zsákokat kell \
                     cipelni a vasútig, estére végzünk.";
        assert_eq!(waves(&[carry, CAMP]), ["malenkij-robot"]);
        let wood = "Negyvennégy novemberében kihirdették, hogy fát kell vágni a katonáknak, \
                    pár napra.";
        assert_eq!(waves(&[wood, CAMP]), ["malenkij-robot"]);
        let sunday = "Патруль объявил, что надо грузить вагоны на станции, до субботы \
                      отпустят домой.";
        assert_eq!(waves(&[sunday, CAMP]), ["malenkij-robot"]);
        // A weekday without a promise of home, or chores at home.
        let market = "Szombatra mindig kalácsot sütött anyám, és fát kellett vágni.";
        assert!(waves(&[market, CAMP]).is_empty());
    }
}
