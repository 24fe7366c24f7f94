//! Stopwords: function words left out of the stemmed view (they stay in
//! the plain view, so a phrase query with them still matches exactly).

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::lang::Lang;

const HU: &str = "a az egy és is nem de hogy meg el ki be fel le ha mint csak már még van volt lesz lett \
    ez azt ezt az ami aki amely amelyek akik amit akit ahol amikor mikor mert vagy sem itt ott oda ide \
    én te ő mi ti ők engem téged őt minket titeket őket nekem neked neki nekünk nektek nekik \
    velem veled vele velünk veletek velük nálam nála nálunk tőle tőlük rám rá ránk \
    az ez azok ezek annak ennek azon ezen abban ebben arra erre arról erről azzal ezzel \
    után előtt alatt fölött között mellett szerint miatt felé óta \
    igen sőt pedig tehát hiszen bár akkor aztán majd most mindig soha sok kevés nagyon \
    volt voltak voltunk vagyok vagyunk van vannak lenni legyen lehet kell kellett \
    úgy így olyan ilyen mind minden mindent semmi senki valami valaki hol hova honnan mi mit ki kit \
    egyik másik másik más ne no hát na";

const RU: &str = "и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по \
    только ее её мне было вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни \
    быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо \
    ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того \
    потому этого какой совсем ним здесь этом один почти мой тем чтобы нее неё были куда зачем всех \
    никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них \
    какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой \
    им более всегда конечно всю между это эта";

const DE: &str = "aber alle allem allen aller alles als also am an ander andere anderem anderen anderer \
    anderes auch auf aus bei bin bis bist da damit dann das dass daß dein deine dem den der des dessen \
    dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer \
    eines einig einige er es etwas euer für gegen gewesen hab habe haben hat hatte hatten hier hin \
    hinter ich ihm ihn ihnen ihr ihre im in indem ins ist jede jedem jeden jeder jedes jene jetzt kann \
    kein keine können könnte machen man manche mein meine mich mir mit muss musste nach nicht nichts \
    noch nun nur ob oder ohne sehr sein seine selbst sich sie sind so solche soll sollte sondern sonst \
    über um und uns unser unter viel vom von vor war waren warst was weg weil weiter welche wenn werde \
    werden wie wieder will wir wird wirst wo wollen wollte würde würden zu zum zur zwar zwischen";

fn set(lang: Lang) -> &'static HashSet<&'static str> {
    static HU_SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static RU_SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static DE_SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static EMPTY: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let (cell, words) = match lang {
        Lang::Hu => (&HU_SET, HU),
        Lang::Ru => (&RU_SET, RU),
        Lang::De => (&DE_SET, DE),
        Lang::Other => return EMPTY.get_or_init(HashSet::new),
    };
    cell.get_or_init(|| words.split_whitespace().collect())
}

/// Is the lower-cased `word` a stopword in `lang`?
pub fn is_stopword(word: &str, lang: Lang) -> bool {
    set(lang).contains(word)
}
