//! The Dutch lexicon: phrase tables and word lists, as data.
//!
//! Patterns are written in the normalized spelling (lowercase, "m'n" → `mijn`, "'t" → `het`),
//! with the syntax of [`super::phrases`]. Dutch needs three things English does not:
//! - apology expressions as tables ([`K::ApologyFeeling`], [`K::ApologyAct`],
//!   [`K::ApologyNoun`]): "het spijt ons", "spijt het me" (after a fronted word), "dat
//!   het ons spijt" (verb-final), "onze oprechte excuses", "wij verontschuldigen ons". The
//!   English grammar walk from "sorry" back to its subject does not fit Dutch word order;
//! - both forms of address: formal *u*/*uw* and informal *je*/*jij*/*jouw* in every table that
//!   names the reader;
//! - verb-final clauses: "u had de handleiding moeten lezen", "wij hebben het bedrag
//!   teruggestort". The act that ends the clause is a table of its own ([`K::RemedyAct`],
//!   [`K::FaultAct`], [`K::LimitAct`]), tied to I/we and an auxiliary earlier in the clause by
//!   `verb_final_reach`; short phrases list the few fillers that may stand between.
//!
//! Dutch *excuses* means apologies: it is an apology word here and never in [`K::Excuse`].

use super::{PhraseKind as K, WordLists};

/// Spoken contractions, expanded before matching. "'t" reaches the lexicon as `t` (the
/// apostrophe is its own token).
pub(super) fn contraction(word: &str) -> Option<&'static [&'static str]> {
    Some(match word {
        "m'n" | "mn" => &["mijn"],
        "z'n" => &["zijn"],
        "d'r" => &["haar"],
        "t" => &["het"],
        "da's" => &["dat", "is"],
        "excuus" => &["excuses"],
        "sorrie" | "sory" => &["sorry"],
        _ => return None,
    })
}

pub(super) const WORDS: WordLists = WordLists {
    first_person_subjects: &["ik", "wij", "we"],
    first_person_any: &[
        "ik", "wij", "we", "mij", "me", "ons", "onze", "mijn", "mezelf", "onszelf",
    ],
    be_forms: &["ben", "zijn", "voel", "voelen"],
    intensifiers: &[
        "echt",
        "heel",
        "erg",
        "zeer",
        "ontzettend",
        "enorm",
        "oprecht",
        "oprechte",
        "welgemeende",
        "vreselijk",
        "verschrikkelijk",
        "werkelijk",
        "zo",
        "super",
        "diep",
        "diepste",
        "intens",
        "hartgrondig",
        "uitermate",
        "buitengewoon",
        "bijzonder",
        "oprechtste",
    ],
    sincerity_intensifiers: &[
        "echt",
        "oprecht",
        "oprechte",
        "welgemeende",
        "diep",
        "diepste",
        "werkelijk",
        "hartgrondig",
        "ontzettend",
        "enorm",
        "vreselijk",
        "verschrikkelijk",
        "zeer",
        "erg",
        "heel",
        "oprechtste",
        "intens",
    ],
    skippable: &[
        "ook", "nogmaals", "nog", "al", "gewoon", ",", "en", "dus", "daarom",
    ],
    modals: &[
        "wil", "willen", "zou", "zouden", "moet", "moeten", "graag", "hierbij", "bij", "deze",
    ],
    after_apology: &[
        ",",
        "aan",
        "aanbieden",
        "aangeboden",
        "nogmaals",
        "ook",
        "oprecht",
        "echt",
        "heel",
        "erg",
        "zeer",
        "graag",
        "hierbij",
    ],
    apology_adjectives: &[
        "oprechte",
        "welgemeende",
        "diepste",
        "grote",
        "nederige",
        "hartelijke",
        "uitdrukkelijke",
        "volledige",
        "excuses",
    ],
    reporting_verbs: &[
        "zei",
        "zegt",
        "zeiden",
        "schreef",
        "schrijft",
        "twitterde",
        "meldde",
        "liet",
        "verklaarde",
        "antwoordde",
        "riep",
    ],
    third_person_subjects: &[
        "hij",
        "zij",
        "ze",
        "het",
        "directeur",
        "bedrijf",
        "minister",
        "woordvoerder",
        "ceo",
        "regering",
        "wie",
    ],
    sentence_openers: &[
        "oh", "o", "nou", "en", "maar", "nogmaals", "echt", "zo", "hoi", "hallo", "ok", "oké",
        "oei", "ai", "jeetje", "ach",
    ],
    subject_words: &[
        "wij", "we", "ik", "onze", "ons", "mijn", "de", "het", "een", "er", "die", "dit", "dat",
        "zij", "ze", "iemand", "uw", "je", "twee", "drie", "deze", "niemand", "hij",
    ],
    irregular_past: &[
        "heb",
        "hebben",
        "hadden",
        "had",
        "stuurden",
        "stuurde",
        "maakten",
        "maakte",
        "vergaten",
        "vergat",
        "verstuurden",
        "verstuurde",
        "leverden",
        "leverde",
        "gingen",
        "ging",
        "deden",
        "deed",
        "lieten",
        "liet",
        "zagen",
        "zag",
        "namen",
        "nam",
        "rekenden",
        "rekende",
        "misten",
        "miste",
        "verloren",
        "verloor",
        "boekten",
        "boekte",
        "schreven",
        "schreef",
    ],
    present_auxiliaries: &[
        "is", "zijn", "ben", "heeft", "hebben", "kan", "kunnen", "zal", "zullen", "wordt",
        "worden", "gaan", "ga",
    ],
    commitment_auxiliaries: &[
        "zijn",
        "ben",
        "zal",
        "zullen",
        "ga",
        "gaan",
        "heb",
        "hebben",
        "wil",
        "willen",
        "kan",
        "kunnen",
        "u",
        "je",
        "jou",
        "jullie",
        "het",
        "de",
        "een",
        "uw",
        "jouw",
        "bedrag",
        "geld",
        "vandaag",
        "morgen",
        "direct",
        "meteen",
        "al",
        "inmiddels",
        "graag",
        "nog",
        "ook",
        "hierbij",
        "zojuist",
        "nieuw",
        "nieuwe",
        "volledige",
        "volledig",
        "pakket",
        "bestelling",
        "aankoop",
        "kosten",
        "verzendkosten",
        "exemplaar",
        "product",
        "artikel",
        "dubbele",
        "tweede",
        "betaling",
        "afschrijving",
    ],
    bare_apology_nouns: &["excuses"],
    regular_past_suffixes: &["te", "de", "ten", "den"],
    verb_final_reach: 10,
};

/// Every Dutch phrase table.
pub(super) const TABLES: &[(K, &[&str])] = &[
    (
        // Bare apology words; a bare one is the writer's at the start of a sentence ("Sorry
        // voor …", "Excuses voor …"), the rest comes from the expression tables below.
        K::ApologyWord,
        &["sorry", "excuses"],
    ),
    (
        // "het spijt ons": regret as a feeling (the form `prefer-apologize` looks at).
        K::ApologyFeeling,
        &[
            "het spijt (me|mij|ons) [(echt|heel erg|erg|zeer|ontzettend|enorm|oprecht|vreselijk|verschrikkelijk|heel|werkelijk|zo|ook)]",
            "spijt het (me|mij|ons) [(echt|heel erg|erg|zeer|ontzettend|enorm|oprecht)]",
            "het (me|mij|ons) [(echt|heel erg|erg|zeer|oprecht|ontzettend)] spijt",
            "spijt (me|mij|ons)",
            "(ik|wij|we) (heb|hebben) (er|hier|daar)? [(echt|heel veel|veel|oprecht|enorm|ontzettend)] spijt",
            "(ik|wij|we) (ben|zijn) [(echt|heel|erg|zo|ontzettend)] sorry",
            "(ik|wij|we) (wil|willen) [(graag|nogmaals|hierbij)] sorry zeggen",
            "(ik|wij|we) (zeg|zeggen) [(nogmaals|hierbij)] sorry",
            "(ik|wij|we) (betreur|betreuren) [het] [(ten zeerste|zeer|oprecht|enorm|echt)]",
            "(betreur|betreuren) (ik|wij|we) [het] [(ten zeerste|zeer|oprecht|enorm|echt)]",
        ],
    ),
    (
        // "wij verontschuldigen ons": the act-form.
        K::ApologyAct,
        &[
            "(ik|wij|we) (verontschuldig|verontschuldigen) (me|mij|ons)",
            "(verontschuldig|verontschuldigen) (ik|wij|we) (me|mij|ons)",
            "(ik|wij|we) (wil|willen|zou|zouden) (me|mij|ons) [(graag|hierbij|nogmaals|oprecht)] verontschuldigen",
            "(ik|wij|we) (me|mij|ons) [(graag|hierbij|nogmaals|oprecht)] (verontschuldig|verontschuldigen)",
        ],
    ),
    (
        // "onze (oprechte) excuses", "bieden wij u onze excuses": the noun, with its owner.
        K::ApologyNoun,
        &[
            "(onze|mijn) [(oprechte|welgemeende|diepste|grote|nederige|hartelijke|uitdrukkelijke|volledige|oprechtste)] (excuses|verontschuldigingen)",
            "(bied|bieden) (ik|wij|we) [(u|je|jullie)] [(daarvoor|hiervoor|graag|hierbij|nogmaals)] (onze|mijn) [(oprechte|welgemeende)] excuses",
            "(daar|hier) (hoort|horen) [ook] [(onze|mijn)] excuses",
        ],
    ),
    (
        // What a passing apology is about: the message itself, not a harm.
        K::PassingObject,
        &[
            "voor (de|mijn|het) (late|trage|verlate|vertraagde) (reactie|antwoord|beantwoording)",
            "dat ik (nu pas|pas nu|zo laat|nu|niet eerder) (reageer|antwoord|terugschrijf)",
            "voor de (lange|lengte van deze) (mail|bericht|brief)",
            "voor (het|dit) lange (bericht|verhaal)",
            "voor (de|eventuele|mijn) (typfouten|tikfouten|spelfouten|taalfouten)",
            "als dit een (domme|stomme|rare|simpele|beginners|beginnersvraag|naïeve) (vraag)? is",
            "als dit (de verkeerde plek|niet de juiste plek|het verkeerde forum|niet de goede plek) is",
            "(voor het|dat ik (u|je|jullie)) (storen|stoor)",
            "(om|dat ik) (u|je|jullie) (te )?(storen|stoor|lastigvallen|lastig val)",
            "voor mijn (slechte|gebrekkige|matige) (nederlands|engels)",
            "voor de dubbele (mail|bericht|post)",
            "voor de korte (termijn|aankondiging)",
            "ik (ben|was) (de bijlage|het bijlage) vergeten",
        ],
    ),
    (
        // A condition attached right after an apology (conditional-apology). "als" only
        // before a subject: "als compensatie" means "as compensation".
        K::ConditionAfter,
        &[
            "{(als|indien)} (u|je|jij|jullie|iemand|iets|dit|dat|het|er|de|uw|jouw|onze|ons|wij|we|ik|deze|die|mensen|klanten|zich|men|hierdoor|daardoor|dit)",
            "{(mocht|mochten)} (u|je|jij|jullie|iemand|dit|dat|het|er|de|uw|jouw|deze|mensen|klanten)",
            "{voor zover}",
            "{in het geval} [dat]",
            "{aan (iedereen|eenieder|wie)} (die|zich)? (zich|mogelijk|eventueel|hierdoor|daardoor|gekwetst|beledigd)",
            "{welk} (ongemak|ongerief|leed|overlast) (dan )?ook",
        ],
    ),
    (
        // Regret aimed at the reader's reaction (sorry-you-feel), right after the apology.
        K::ReaderFeeling,
        &[
            "dat (u|je|jij|jullie) (zich|je) [(zo|erg|zeer)] (zo|gekwetst|beledigd|boos|teleurgesteld|gefrustreerd|ongelukkig|gepasseerd|aangevallen|geërgerd|slecht|rot|aangesproken|tekortgedaan) (voelt|voelde|voelen|voelden)",
            "dat (u|je|jij|jullie) (het|dit|dat|de zaak) (zo|anders|zo negatief) (ziet|zag|ervaart|ervaarde|hebt ervaren|heeft ervaren|opvat|opvatte|opvatten)",
            "dat (u|je|jij) (zo|erg|zeer)? (boos|teleurgesteld|ontevreden|gefrustreerd|gekwetst|beledigd|geërgerd|ontstemd|overstuur|niet tevreden) (bent|was|is|bent geweest|bent geraakt|raakte)",
            "(voor|van) (uw|je|jouw) (gevoelens|gekwetste gevoelens|teleurstelling|frustratie|ongenoegen|ontevredenheid|boosheid|ergernis|onvrede)",
            "dat (dit|dat|het) (u|je|jou) (boos|verdrietig|ontevreden|teleurgesteld|van streek) (heeft gemaakt|maakte|maakt)",
            "dat (u|je|jij) (het|dit|dat) (niet leuk|vervelend|niet prettig) (vond|vindt|vonden)",
            "dat (u|je|jij) (dit|het|dat) (zo )?(persoonlijk|verkeerd) (hebt|heeft)? (opgevat|opvat|opvatte)",
        ],
    ),
    (
        K::Cliche,
        &[
            "{(sorry|excuses)} voor (het|dit|het eventuele|eventueel|eventuele|enig|al het|de|alle|de eventuele) (ongemak|ongemakken|ongerief|overlast)",
            "(het|eventueel|eventuele|enig|al het) (ongemak|ongerief|overlast) (dat|wat) (dit|dit mogelijk|dit eventueel|hierdoor|u hierdoor|dit voor u|dit u) (heeft )?(veroorzaakt|veroorzaakte|heeft veroorzaakt|met zich meebracht|oplevert|opleverde)",
            "(wij|we|ik) (nemen|neem|namen) (dit|uw klacht|je klacht|uw klachten|dit soort zaken|deze zaak|uw feedback|uw melding|uw privacy|privacy|dit signaal|uw zorgen) (zeer|heel|uiterst|bijzonder|erg|altijd|ontzettend)? serieus",
            "(uw|de|jouw|je) (tevredenheid|klanttevredenheid) (is|staat|heeft) (bij ons|voor ons)? (onze )?(hoogste|eerste|grootste|absolute)? (prioriteit|voorop)",
            "(bedankt|dank u|dank je|hartelijk dank|dank|alvast bedankt) (wel )?(voor )?(uw|je|jouw) (geduld|begrip|geduld en begrip|begrip en geduld)",
            "(wij|we|ik) (waarderen|waardeer|stellen|stel) (uw|je) (geduld|begrip|klandizie|vertrouwen|loyaliteit) (zeer|enorm)? (op prijs)?",
            "(bedankt|dank|dank u|dank je) voor (uw|je|jouw) (vertrouwen|klandizie|loyaliteit|trouw|voortdurende steun)",
            "uw (privacy|veiligheid|tevredenheid|vertrouwen) (is|staat) (voor ons )?(van het grootste belang|zeer belangrijk|ontzettend belangrijk|belangrijk|voorop|heilig)",
            "(wij|we) doen er alles aan om",
            "(vertrouw|vertrouwen) erop (u|je|jou) (hiermee|hierbij|daarmee) [voldoende] (te hebben )?(geïnformeerd|geholpen|ingelicht)",
            "(wij|we) streven (ernaar|naar) (om )?(de beste|uitstekende|een optimale)",
        ],
    ),
    (
        // Words that make the harm small (minimizing); `{}` marks what a safe fix drops.
        K::Minimizing,
        &[
            "(een|het|dit|dat|de|deze|die) {(klein|kleine|klein beetje|kleine beetje|lichte|geringe|minimale|korte|minieme|piepklein|piepkleine)} (foutje|fout|fouten|probleempje|probleem|vertraging|vertragingen|vergissing|vergissinkje|ongemak|misverstand|storing|storinkje|hapering|haperingen|vertraginkje|oponthoud|slordigheid|slordigheidje)",
            "geen (groot|echt|heel groot) (probleem|punt|drama)",
            "geen (ramp|drama|man overboord|halszaak|punt)",
            "niet (zo|zo'n) (erg|groot probleem|ramp|drama)",
            "(dat|zoiets|het) kan (de beste|iedereen|gebeuren) (overkomen|gebeuren)?",
            "(zulke|zo'n|dit soort) dingen (gebeuren|gebeurt)",
            "zoiets gebeurt (nu eenmaal|wel eens|weleens)?",
            "{(maar|slechts|alleen|pas)} (een paar|een paartje|twee|drie|een|één|enkele) (dagen|dagjes|uur|uurtjes|minuten|minuutjes|dag|dagje|weken|weekje|week)",
            "{(een beetje|een tikje|iets|licht)} (te laat|vertraagd|later)",
            "niets (ernstigs|aan de hand|om (u|je) zorgen over te maken|bijzonders)",
            "het had (veel |nog )?erger (kunnen zijn|gekund)",
            "(het|dit) is (niet|geen) het einde van de wereld",
            "geen kwaad (gedaan|geschied)",
        ],
    ),
    (
        // Hedges that weaken an apology or admission; `{}` marks the hedge.
        K::Hedge,
        &[
            "{misschien}",
            "{wellicht}",
            "{mogelijkerwijs}",
            "{enigszins}",
            "{in zekere (zin|mate)}",
            "{op (de een of andere|enigerlei|een of andere) (manier|wijze)}",
            // Not "zo snel mogelijk": the hedge stands before what it weakens.
            "{mogelijk} (een|de|het|iets|niet|ook|onze|ons|mijn|wat|verkeerd|fout|onjuist|te laat|is|zijn|hebben|heeft)",
            "{het lijkt (erop|alsof|of)}",
            "{(het|dit) zou kunnen} (dat|zijn)",
            "{ik (denk|geloof|vermoed)} dat (wij|we|ik|er|het|dit) (mogelijk|misschien)?",
        ],
    ),
    (
        K::BlamesCustomer,
        &[
            "(u|je|jij) had (beter )?moeten (lezen|opletten|controleren|kijken|bellen|melden|doorgeven|wachten|vragen|weten|zien)",
            "(u|je|jij) had (de|het|uw|je|onze) (handleiding|instructies|voorwaarden|bevestiging|mail|kleine lettertjes|bijsluiter|website) [(beter|eerst|goed)] moeten (lezen|controleren|bekijken|doorlezen|volgen|raadplegen)",
            "(u|je|jij) had beter (moeten )?(opletten|lezen|kijken|controleren)",
            "als (u|je|jij) (de|het|onze|uw|je) (handleiding|instructies|voorwaarden|mail|bevestiging|kleine lettertjes|bijsluiter) (had|zou hebben) (gelezen|gevolgd|gecontroleerd|bekeken)",
            "(uw|je|jouw) eigen (fout|schuld|nalatigheid|vergissing|keuze)",
            "(door|vanwege|te wijten aan) (uw|je|jouw) (eigen )?(fout|schuld|nalatigheid|vergissing|onoplettendheid)",
            "(dat|het|dit) (is|was) (echt |helemaal |volledig )?(uw|je|jouw) (eigen )?(fout|schuld)",
            "(zoals|wat) (duidelijk|uitdrukkelijk|expliciet|nadrukkelijk) (staat|stond|vermeld|aangegeven|beschreven|vermeld staat|aangegeven staat|staat vermeld|staat aangegeven)",
            "(u|je|jij) (bent|was|hebt|heeft) (vergeten|nagelaten) (om )?",
            "(u|je|jij) (hebt|heeft) (de|onze|het) (handleiding|instructies|voorwaarden|mail|bevestiging) niet (gelezen|gevolgd|bekeken)",
            "gebruikersfout",
            "(u|je|jij) (koos er zelf voor|hebt er zelf voor gekozen|heeft er zelf voor gekozen|hebt ervoor gekozen|heeft ervoor gekozen|koos ervoor|besloot zelf|hebt zelf besloten|heeft zelf besloten|hebt zelf|heeft zelf) (om|te)?",
            "(u|je|jij) (hebt|heeft) (zelf )?(het verkeerde|de verkeerde|een verkeerd|een verkeerde|een onjuist|een onjuiste) (adres|maat|formaat|product|artikel|nummer|rekeningnummer|model)",
            "lees (voortaan|de volgende keer|een volgende keer|in het vervolg) (eerst |wel )?(de|het) (handleiding|instructies|voorwaarden|kleine lettertjes)",
            "(u|je|jij) (bent|was) (zelf )?verantwoordelijk voor",
        ],
    ),
    (
        // A cause construction that can pin the harm on someone else (blames-third-party).
        K::CauseMarker,
        &[
            "door",
            "vanwege",
            "als gevolg van",
            "ten gevolge van",
            "veroorzaakt door",
            "de schuld van",
            "te wijten aan",
            "toe te schrijven aan",
            "dankzij",
            "ligt bij",
            "lag bij",
        ],
    ),
    (
        // Other parties that writers blame (seed 004: the hosting company).
        K::ThirdParty,
        &[
            "(onze|ons|de|een|het|uw|hun) (vervoerder|bezorger|koerier|pakketdienst|transporteur|bezorgdienst|postbode|leverancier|toeleverancier|fabrikant|producent|groothandel|distributeur|hostingpartij|hostingbedrijf|hostingprovider|host|webhost|provider|serviceprovider|internetprovider|datacenter|betaalprovider|betaaldienst|betaalpartner|transportbedrijf|vervoersbedrijf|bezorgbedrijf|pakketbezorger|chauffeur|koeriersdienst|verzendpartner|logistieke partner|cloudprovider|softwareleverancier|luchtvaartmaatschappij|boekingsplatform)",
            "(de|een|het) (derde|externe) partij",
            "(postnl|dhl|dpd|gls|ups|budbee|bpost|aws|azure|cloudflare|mollie|adyen|stripe|paypal|fedex)",
        ],
    ),
    (
        // Failure verbs after a party: "onze leverancier heeft niet geleverd".
        K::FailureVerb,
        &[
            "(heeft|hebben|had|hadden) (ons|u|je)? (in de steek gelaten|laten zitten)",
            "(liet|lieten) (ons|u|je) (in de steek|zitten)",
            "(is|was|heeft|hebben|had) (het pakket|uw pakket|uw bestelling|de bestelling|de zending|uw zending|je pakket)? (kwijtgeraakt|verloren|beschadigd|vergeten|niet bezorgd|niet geleverd|te laat geleverd|te laat bezorgd|verkeerd bezorgd|laten liggen|kwijt)",
            "(heeft|hebben|had|hadden) (een )?(storing|fout gemaakt|fout|steken laten vallen|problemen|een probleem|een storing|een fout gemaakt|het laten afweten|het verkeerde geleverd|niet geleverd|niet bezorgd|te laat geleverd)",
            "(was|waren|is|zijn|lag|lagen|ging|gingen) (te laat|traag|down|plat|offline|uit de lucht|failliet|in staking|onbereikbaar|de mist in|onderuit)",
            "(leverde|leverden|bezorgde|bezorgden) (niet|te laat|verkeerd|het verkeerde)",
            "(staakte|staakten|faalde|faalden)",
            "(heeft|hebben) (de|het|uw|je)? (pakket|bestelling|zending|levering)? niet (geleverd|bezorgd|verstuurd|opgehaald)",
        ],
    ),
    (
        K::DeniesFault,
        &[
            "(niet|geenszins|zeker niet|allerminst) (onze|mijn) (schuld|fout)",
            "(wij|we|ik) (zijn|ben|waren|was) niet (verantwoordelijk|aansprakelijk|schuldig|de schuldige|de oorzaak)",
            "(wij|we|ik) (kunnen|kan) niet (verantwoordelijk|aansprakelijk) (worden )?gesteld",
            "(wij|we|ik) (dragen|draag|aanvaarden|aanvaard|nemen|neem) geen (verantwoordelijkheid|aansprakelijkheid|schuld)",
            "(buiten|niet in) (onze|mijn) (macht|invloed|schuld|handen)",
            "(wij|we|ik) (hebben|heb) (er )?niets mee te maken",
            "niets met (ons|mij) te maken",
            "(daar|hier) (konden|kunnen|kon|kan) (wij|we|ik) niets aan (doen|veranderen)",
            "(wij|we|ik) (konden|kunnen|kon|kan) (daar|hier|er) niets aan (doen|veranderen)",
            "(wij|we|ik) (hebben|heb) niets (verkeerd|fout) gedaan",
            "(het|dit|de fout|het probleem) (ligt|lag) niet (bij ons|aan ons|bij mij|aan mij|aan onze kant)",
            "(is|was) niet aan onze kant",
            "(er|het) (is|was) niets mis met (ons|onze|mijn) (product|dienst|systeem|systemen|software|verpakking|werk)",
            "(de|het) (schuld|fout) (ligt|lag) (ergens anders|bij een ander|bij een andere partij|elders)",
        ],
    ),
    (
        // Justifications; never *excuses* (Dutch for apologies).
        K::Excuse,
        &[
            "(door|vanwege|als gevolg van|wegens) (onvoorziene|onverwachte|uitzonderlijke|bijzondere|onvermijdelijke|technische|operationele) (omstandigheden|gebeurtenissen|problemen|oorzaken|redenen|storingen|factoren)",
            "(onvoorziene|onvermijdelijke|uitzonderlijke|overmacht) omstandigheden",
            "overmacht",
            "(door|vanwege|wegens) (de|een|het)? (grote|hoge|enorme|uitzonderlijke|ongekende|toegenomen|extreme) (drukte|vraag|hoeveelheid|aantal|aanloop|aantallen|werkdruk|volume)",
            "(door|vanwege|wegens) de drukte",
            "(wij|we|ik) (zijn|ben) (ook maar|maar|ook) (mensen|een mens|mens)",
            "(het|dit) (was|is) (een|de) (drukke|hectische|gekke|lastige|moeilijke|zware) (periode|tijd|week|maand|dag|weken|feestdagen)",
            "(door|vanwege|wegens) (de|een) (feestdagen|vakantie|vakantieperiode|drukke periode|piek|personeelstekort|personeelsgebrek|ziekte|achterstand|hittegolf|weer|staking|corona)",
            "(wij|we|ik) (zijn|waren|ben|was|hebben het|had het|hadden het) (erg|heel|ontzettend|enorm|zo)? (druk|overbelast|onderbezet)",
            "(wij|we) (zijn|waren) (maar|slechts|ook maar)? een klein (team|bedrijf|bedrijfje|winkeltje)",
            "(fouten|vergissingen) (maken|kunnen) (we|wij)? (allemaal|iedereen)",
            "(niemand|geen mens) is perfect",
            "(het|dit) (was|is) (een|een eenmalig) (incident|eenmalig incident|menselijke fout|begrijpelijke fout)",
            "technische (problemen|storingen|mankementen|moeilijkheden)",
            "(het|dit) (was|is) (gewoon |puur |stom |domme )?(pech|toeval|overmacht)",
            "(een|een eenmalige|een hoge) uitzondering",
        ],
    ),
    (
        K::Defensive,
        &[
            "zoals (wij|we|ik) [(al|eerder|reeds)] [(hebben|heb|hadden|had)] (aangegeven|uitgelegd|gezegd|gemeld|vermeld|geschreven|laten weten)",
            "zoals (ik|wij|we) (al|eerder|reeds) (aangaf|aangaven|zei|zeiden|schreef|schreven|uitlegde|uitlegden)",
            "zoals (eerder|al|reeds|reeds eerder|al eerder) (aangegeven|uitgelegd|gezegd|gemeld|vermeld|gecommuniceerd|besproken)",
            "(volgens|conform|op grond van|krachtens|zoals vermeld in|in lijn met) (onze|de) (algemene )?(voorwaarden|retourvoorwaarden|leveringsvoorwaarden|regels|richtlijnen|procedure|procedures|beleid|huisregels|garantievoorwaarden|annuleringsvoorwaarden)",
            "(onze|de) (algemene )?(voorwaarden|retourvoorwaarden|leveringsvoorwaarden|regels|garantievoorwaarden) (zijn duidelijk|staan|stellen|vermelden|bepalen|laten niet toe|staan niet toe)",
            "met (alle|het grootste) respect",
            "(wij|we|ik) (hebben|heb) (alles|al het mogelijke) gedaan (wat|dat)? (we|wij|ik)? (konden|kon)?",
            "(wij|we|ik) (hebben|heb) (ons|mijn) (best|uiterste best) gedaan",
            "(wij|we|ik) (hebben|heb) (de|onze) (procedure|procedures|werkwijze|regels) (correct|keurig|netjes|precies)? gevolgd",
            "voor de duidelijkheid",
            "(u|je) moet (wel )?begrijpen",
            "(wij|we|ik) (hadden|had) geen (keus|keuze|andere keus)",
            "zo (werkt|gaat) (het|dat) (nu eenmaal|gewoon)",
            "(ik|wij|we) (wil|willen|moet|moeten) (u|je) (er )?(wel )?op wijzen",
            "om eerlijk te zijn",
        ],
    ),
    (
        // What an apology is for, when it names no harm (vague-apology); right after the word.
        K::VagueObject,
        &[
            "voor (het|dit|dat|de|deze|die|alle|al het|al dit) (probleem|problemen|gedoe|ongemak|situatie|kwestie|voorval|incident|verwarring|rommel|ervaring|moeite|misverstand|overlast|frustratie|verstoring|ongerief)",
            "voor (wat|alles wat|al wat) (er )?(is )?(gebeurd|gebeurde|misging|mis is gegaan|is misgegaan|voorgevallen|er gebeurd is)",
            "voor wat er (is )?gebeurd (is)?",
            "(voor|over) (dit|dat|alles|dit alles|dat alles) (.|!)",
            "voor (dit|dat|het) (hele )?(gedoe|voorval|gebeuren|verhaal)",
        ],
    ),
    (
        K::VagueRemedy,
        &[
            "(wij|we|ik) (gaan|ga|zullen|zal) (er|hier|daar) (naar|eens naar|goed naar|serieus naar) kijken",
            "(wij|we|ik) (gaan|ga|zullen|zal) (ernaar|hiernaar|daarnaar|er eens naar|er goed naar|er serieus naar|er nog naar) kijken",
            "(wij|we|ik) (gaan|ga|zullen|zal) (het|dit|dat|de zaak|uw zaak|uw klacht) (onderzoeken|bekijken|uitzoeken|oppakken|nakijken)",
            "(wij|we|ik) (kijken|kijk) (er|hier) (naar|nog naar|verder naar)",
            "(wij|we|ik) (zijn|ben) (er|hier|daar) (mee bezig|naar aan het kijken|aan het kijken)",
            "(wij|we|ik) (zullen|zal|gaan|ga) (ons|mijn) (best|uiterste best) doen",
            "(wij|we|ik) (zullen|zal|gaan|ga|doen|doe) er alles aan",
            "(wij|we|ik) (gaan|ga|zullen|zal) (het )?(beter doen|verbeteren|ons verbeteren|ervan leren|er wat aan doen|er iets aan doen|het oplossen|dit oplossen|het rechtzetten|het goedmaken|het in orde maken)",
            "(wij|we|ik) (nemen|neem) (uw|je) (feedback|opmerkingen|klacht) mee",
            "(wij|we|ik) (komen|kom) (er|hier|daar)? (zo snel mogelijk|spoedig|snel|binnenkort|zsm)? (bij u|bij je|bij jou)? (op terug|terug)",
            "(wij|we|ik) (houden|hou|houd) (u|je) op de hoogte",
            "(er )?(worden|zullen) (maatregelen|stappen|acties) (worden )?(genomen|ondernomen)",
            "(wij|we|ik) (zorgen|zorg|zullen zorgen|zal zorgen) (ervoor )?dat (dit|het) niet (meer|nog eens|opnieuw) (gebeurt|voorkomt)",
        ],
    ),
    (
        K::PressuresForgiveness,
        &[
            "laten we (dit|het|dat|de zaak|dit alles) (achter ons laten|vergeten|laten rusten)",
            "(wij|we|ik) (beschouwen|beschouw) [(hiermee|daarmee)] (de zaak|deze zaak|dit|het|uw klacht|de kwestie) [als] (afgehandeld|gesloten|opgelost|afgesloten)",
            "(beschouwen|beschouw) (wij|we|ik) (de zaak|deze zaak|dit|het|uw klacht|de kwestie) [(hiermee|daarmee)] [als] (afgehandeld|gesloten|opgelost|afgesloten)",
            "(hiermee|daarmee) (is|beschouwen wij|beschouw ik|zien wij) (de zaak|deze zaak|het|uw klacht|dit) (als )?(afgehandeld|gesloten|afgesloten|opgelost)",
            "(vertrouw|vertrouwen|ga ervan uit|gaan ervan uit) [erop] dat (de zaak|uw klacht|het|alles|dit) [(hiermee|daarmee)] [(is|wordt)] (afgehandeld|opgelost|afgesloten)",
            "(vertrouw|vertrouwen|ga ervan uit|gaan ervan uit) [erop] dat (hiermee|daarmee|dit) [(de zaak|uw klacht|alles)] [is] (afgehandeld|opgelost|afgesloten)",
            "(de|deze) (zaak|kwestie|klacht) (is|wordt) (hiermee )?(gesloten|afgesloten|afgehandeld)",
            "zand erover",
            "(ik|wij|we) hopen dat (u|je) (dit|het) (kunt|kan) (vergeten|laten rusten|achter (u|je) laten)",
            "(ik|wij|we) (gaan|ga) ervan uit dat (u|je) (dit|het) (begrijpt|accepteert)",
            "geen verdere (correspondentie|discussie|actie)",
            "einde (verhaal|discussie)",
        ],
    ),
    (
        // Admissions of fault: the responsibility component.
        K::Responsibility,
        &[
            "(wij|we|ik) (hebben|heb|hadden|had) (een|de|deze|die|twee|meerdere|enkele|een grote|een ernstige|een domme|een slordige|een duidelijke|een flinke)? (fout|fouten|vergissing|blunder|blunders|inschattingsfout) (gemaakt|begaan)",
            "(wij|we|ik) (maakten|maakte) (een|de)? (fout|fouten|vergissing|blunder)",
            "(het|dit|dat|de vertraging|de fout|de vergissing|het probleem) (is|was|ligt|lag) (helemaal |volledig |echt )?(onze|mijn) (fout|schuld|vergissing|verantwoordelijkheid)",
            "(onze|mijn) (fout|schuld|vergissing|blunder|verantwoordelijkheid|fout helemaal)",
            "(het|dit|dat|de fout) (ligt|lag) (helemaal |volledig )?(bij ons|bij mij|aan ons|aan mij|aan onze kant)",
            "(wij|we|ik) (nemen|neem|aanvaarden|aanvaard|dragen|draag) (de|volledige|de volledige|alle|onze|mijn)? (verantwoordelijkheid|schuld)",
            "(wij|we|ik) (hebben|heb) (de bal|het) (laten liggen|laten vallen|verkeerd gedaan|verprutst|fout gedaan|verknoeid)",
            "(wij|we|ik) (hebben|heb) (u|je|jou|jullie) (in de steek gelaten|laten zitten|laten wachten|teleurgesteld)",
            "(wij|we|ik) (hadden|had) [(dit|het|dat|u|beter|eerder)] (moeten|kunnen) (controleren|zien|weten|opmerken|melden|doen|voorkomen|nakijken|bellen|laten weten|informeren)",
            "(hadden|had) (uw|de|het) (bestelling|pakket|mail|factuur|adres|aanvraag) [(beter|eerder|goed)] moeten (controleren|nakijken|zien|melden|versturen|opsturen)",
            "(wij|we|ik) (zijn|ben) (vergeten|tekortgeschoten|in gebreke gebleven|nalatig geweest)",
            "(wij|we|ik) (hebben|heb) (verzuimd|nagelaten|vergeten) (om|te)?",
            "(wij|we|ik) (zaten|zat) fout",
            "(aan|bij) (onze|mijn) kant",
            "(een|de) (fout|storing|bug|vergissing|programmeerfout) (in|bij|aan) (onze|ons|mijn) (kant|systeem|systemen|betaalkoppeling|software|code|administratie|magazijn|website|app|planning|webwinkel|facturatie)",
            "daar is geen excuses voor",
            "(wij|we|ik) (hebben|heb) geen excuses",
        ],
    ),
    (
        // A repair of this reader's harm: the remedy component.
        K::Remedy,
        &[
            "(wij|we|ik) (maken|maak|zullen|zal|gaan|ga|willen|wil) (het|dit|dat) (graag )?(goed|weer goed|in orde) (maken)?",
            "hoe (kan|kunnen) (ik|wij|we) (het|dit) (goedmaken|goed maken|rechtzetten|oplossen voor u|oplossen voor je)",
            "wat (kan|kunnen) (ik|wij|we) doen om (het|dit) (goed te maken|recht te zetten)",
            "(ontvangt|krijgt) (binnenkort |vandaag |morgen )?(een|uw|je|het|de) (terugbetaling|vervanging|tegoed|vergoeding|nieuw|nieuwe|gratis|tegoedbon|cadeaubon|korting|geld terug|bedrag terug|vervangend|vervangende|volledige)",
            "(de|uw|je|een) (terugbetaling|vervanging|vergoeding|nieuwe|tegoedbon) (is|wordt|werd) (vandaag |inmiddels |al )?(verwerkt|verstuurd|overgemaakt|teruggestort|bijgeschreven|onderweg)",
            "(is|zijn) (al )?onderweg naar (u|je|jou)",
        ],
    ),
    (
        // A refusal that ends a verb-final clause; a limit only after I/we and an auxiliary
        // earlier in the clause ("wij kunnen geopende artikelen niet terugnemen").
        K::LimitAct,
        &[
            "(niet|geen|nooit) [meer] (terugnemen|terugbetalen|vergoeden|retourneren|omruilen|ruilen|accepteren|aannemen|restitueren|crediteren|terugstorten|leveren|sturen|versturen|toestaan|doen|helpen|annuleren|repareren|vervangen|vergoed|terugbetaald|teruggenomen|geaccepteerd|omgeruild|vervangen)",
        ],
    ),
    (
        // Repair verbs; a remedy only after I/we and a commitment ("wij storten", "ik heb …
        // teruggestort"): see `Analysis::first_person_commitment`.
        K::RemedyAct,
        &[
            "(storten|stort|teruggestort|terugstorten|terugbetalen|terugbetaald|betalen|betaal|vergoeden|vergoed|crediteren|gecrediteerd|sturen|stuur|gestuurd|opsturen|opgestuurd|versturen|verstuur|verstuurd|vervangen|vervang|repareren|gerepareerd|herstellen|hersteld|corrigeren|gecorrigeerd|bellen|bel|gebeld|leveren|geleverd|boeken|geboekt|annuleren|geannuleerd|terugdraaien|teruggedraaid|verrekenen|verrekend|compenseren|gecompenseerd|ruilen|geruild|bezorgen|bezorgd)",
        ],
    ),
    (
        // Our own failure ending a verb-final clause; responsibility only after I/we and an
        // auxiliary earlier in the clause ("wij hebben de brieven niet gecontroleerd").
        K::FaultAct,
        &[
            "(verkeerd|onjuist|fout|dubbel|twee keer|te laat|te vroeg|niet|nooit|slecht|onvoldoende|niet goed|niet op tijd) (berekend|gecontroleerd|verstuurd|geleverd|ingepakt|verwerkt|gelezen|gemeld|doorgegeven|gecommuniceerd|afgeschreven|gefactureerd|bezorgd|beantwoord|opgepakt|getest|uitgevoerd|ingevuld|ingeschat|nagekeken|gerepareerd|geïnstalleerd|opgevolgd|teruggebeld|gebeld|opgelet|gekeken|geregeld|begrepen|uitgelegd|verzonden)",
            "(vergeten|kwijtgeraakt|zoekgeraakt|beschadigd|verloren|vertraagd|gemist|over het hoofd gezien|verprutst|verknoeid|laten liggen|laten vallen|verkeerd begrepen|door elkaar gehaald)",
            "(verkeerde|verkeerd|onjuiste|kapotte|beschadigde|defecte) [(product|artikel|pakket|maat|formaat|bedrag|onderdeel|rekening|adres|kleur|model|exemplaar)] [(hebben|heb)] (gestuurd|verstuurd|geleverd|gerekend|afgeschreven|gefactureerd|ingepakt|opgestuurd|bezorgd|ingevuld|berekend)",
            "(dubbel|twee keer|te veel) [(hebben|heb)] (gerekend|afgeschreven|gefactureerd|in rekening gebracht|geboekt)",
        ],
    ),
    (
        // Changes that stop a repeat; prevention only after I/we and a commitment.
        K::PreventionAct,
        &[
            "(aangepast|ingevoerd|toegevoegd|ingebouwd|veranderd|verbeterd|herzien|geautomatiseerd|getraind|ingesteld|aanpassen|invoeren|toevoegen|inbouwen|veranderen|verbeteren|herzien|automatiseren|trainen|instellen|overgestapt|overstappen|gewisseld|wisselen)",
        ],
    ),
    (
        // The reader's situation or feelings named: the empathy component.
        K::Empathy,
        &[
            "(ik|wij|we) (kan|kunnen) (me|mij|ons) (goed |heel goed |levendig )?voorstellen",
            "(ik|wij|we) (begrijp|begrijpen|snap|snappen) het (helemaal|volkomen|goed|heel goed|echt)",
            "(ik|wij|we) (begrijp|begrijpen|snap|snappen) (goed |heel goed |volkomen |volledig |helemaal )?(hoe|waarom|dat|uw|je|jouw)",
            "(u|je|jij) (rekende|rekenden|had gerekend|hebt gerekend|heeft gerekend) op",
            "(dat|dit|het) (moet|moest|zal) [(erg|heel|zeer|ontzettend|enorm)] (frustrerend|vervelend|teleurstellend|stressvol|lastig|zwaar|naar|ergerlijk|schrikken)",
            "(uw|je|jouw) (frustratie|boosheid|teleurstelling|ergernis|ongerustheid|zorg|onvrede) (is|was) (volkomen |heel |zeer |helemaal )?(begrijpelijk|terecht|gerechtvaardigd)",
            "(u|je|jij) (moest|moesten|hebt moeten|heeft moeten) (wachten|bellen|achter ons aan|mailen|uitleggen)",
            "de (zorgen|stress|frustratie|moeite|tijd|extra moeite|extra werk|onrust) die (dit|dat|het|wij|we) (u|je) [(heeft|hebben|heb)] (bezorgd|gekost|veroorzaakt|bezorgden|kostte)",
            "(dit|dat|het) (heeft|kostte|kost) (u|je) (veel )?(tijd|moeite|geld|een ochtend|een middag|een dag)",
            "(u|je|jij) (verdient|verdiende|verdienden) beter",
            "dat is niet (wat|de service die) (u|je) (mocht|mag) verwachten",
        ],
    ),
    (
        // A plain cause: the explanation component (checked for a concrete subject).
        K::Explanation,
        &[
            "wat er (is )?(gebeurd|gebeurde|misging|mis is gegaan) (is|was)?",
            "de (oorzaak|reden|directe oorzaak|onderliggende oorzaak) (was|is|bleek|lag)",
            "(werd|wordt|is) veroorzaakt door (een|de|onze|mijn|het)",
            "(dit|het|de vertraging|de storing|de fout|het probleem) (kwam|komt) doordat",
            "(wij|we|ik) (ontdekten|ontdekte|vonden|vond|hebben ontdekt|heb ontdekt|hebben gevonden|heb gevonden) dat",
            "(het|dit) bleek (dat|te gaan om)",
        ],
    ),
    (
        // Causal conjunctions that begin an explanation when a concrete subject follows.
        K::CauseConjunction,
        &["doordat", "omdat", "aangezien", "nadat"],
    ),
    (
        // A change so it does not happen again: the prevention component.
        K::Prevention,
        &[
            "om (te voorkomen|ervoor te zorgen) dat (dit|het|zoiets|dat|dezelfde fout) (niet )?(opnieuw|nog eens|weer|nogmaals)? (gebeurt|voorkomt|gebeuren)?",
            "(voortaan|vanaf nu|in het vervolg|in de toekomst|vanaf vandaag|van nu af aan)",
            "(wij|we|ik) (hebben|heb) (hiervan|ervan|daarvan) geleerd",
            "(een|de) (nieuwe|extra|automatische|tweede|aanvullende) (controle|controles|check|stap|test|tests|waarschuwing|procedure|werkwijze|melding|beveiliging)",
            "(zal|zullen|kan) (niet )?(meer|nooit meer|niet nog eens|niet opnieuw) (gebeuren|voorkomen)",
        ],
    ),
    (
        K::Forgiveness,
        &[
            "(wilt|wil|kunt|kun|zou|zoudt) (u|je|jij) (ons|mij|me) (dit )?(alsjeblieft |alstublieft )?vergeven",
            "vergeef (ons|mij|me)",
            "(wilt|wil|kunt|kun|zou|zoudt) (u|je|jij) (het|dit) (ons|mij|me) [(alsjeblieft|alstublieft)] vergeven",
            "(geef|gun|geeft|gunt) (ons|mij|me) (nog )?(een|één) (tweede|nieuwe|laatste)? kans",
            "(ik|wij|we) hopen (dat )?(u|je|jij) (ons|mij|me)? (wilt|wil|kunt|kan) vergeven",
            "(ik|wij|we) hopen (dat )?(u|je|jij) (onze|mijn) excuses (wilt|wil|kunt|kan) aanvaarden",
            "(uw|je|jouw) vertrouwen (terug )?(te )?(winnen|verdienen|herstellen)",
            "(uw|je|jouw) vergeving",
        ],
    ),
    (
        K::Greeting,
        &[
            "(beste|geachte|lieve|hoi|hallo|dag|hey|hi)",
            "goedemorgen",
            "goedemiddag",
            "goedenavond",
        ],
    ),
    (
        K::SignOff,
        &[
            "(met )?(vriendelijke|hartelijke|beste|warme)? (groet|groeten)",
            "(groet|groetjes|groeten|hartelijke groet|vriendelijke groet|mvg|gr|liefs|tot snel|dank) ,",
            "hoogachtend",
        ],
    ),
    (
        // Be + a participle of failure with no agent: passive-evasion ("er zijn fouten gemaakt").
        K::PassiveFailure,
        &[
            "(er )?(zijn|is|werden|werd) (helaas )?(fouten|een fout|vergissingen|een vergissing|enkele fouten) (gemaakt|begaan)",
            "(zijn|is|werden|werd) er (helaas )?(fouten|een fout|vergissingen|een vergissing|enkele fouten) (gemaakt|begaan)",
            "(is|was|werd|zijn|waren|werden) (helaas |per ongeluk |abusievelijk |ten onrechte |onterecht )?(vertraagd|kwijtgeraakt|vergeten|over het hoofd gezien|beschadigd|verkeerd verwerkt|verkeerd bezorgd|niet verwerkt|niet verstuurd|niet geleverd|niet bezorgd|te laat verstuurd|te laat geleverd|dubbel afgeschreven|twee keer afgeschreven|geannuleerd|verwijderd|gelekt|uitgelekt|gemist|niet beantwoord|niet opgepakt|blijven liggen)",
        ],
    ),
    (
        // A failure that "just happened": passive-evasion ("er is iets misgegaan").
        K::FailureEvent,
        &[
            "er (is|was) (iets|het een en ander|wat) (misgegaan|mis gegaan|fout gegaan|foutgegaan|misgelopen|mis)",
            "(het|alles|iets|er) (is|ging|liep|was) (helaas )?(mis|fout|misgegaan|foutgegaan|misgelopen)",
            "er (is|was|zijn|waren) (helaas )?(een|enkele|wat|technische|onverwachte)? (fout|fouten|storing|storingen|probleem|problemen|vertraging|vertragingen|misverstand|vergissing) (opgetreden|ontstaan|geweest)",
            "er (trad|traden|ontstond|ontstonden) (een|enkele)? (fout|fouten|storing|storingen|probleem|problemen|vertraging)",
            "(uw|je|de) (bestelling|pakket|aanvraag|mail|retour|melding) (is )?(tussen wal en schip|zoek) (geraakt|geraakt is)?",
        ],
    ),
    (
        K::VagueTime,
        &[
            "(zo snel mogelijk|zsm|z.s.m|zo spoedig mogelijk|zo vlug mogelijk|zo gauw mogelijk)",
            "(binnenkort|spoedig|op korte termijn|te zijner tijd|op termijn|in de nabije toekomst|later|snel|zodra het kan|zodra mogelijk)",
            "hopelijk (snel|binnenkort|deze week)",
        ],
    ),
    (
        K::ConcreteTime,
        &[
            "(op|voor|uiterlijk|vóór|tot|volgende|deze|komende|aanstaande) (maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|week|ochtend|middag|avond)",
            "(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)",
            "(vandaag|vanavond|morgen|vanmiddag|vanochtend|overmorgen|binnen het uur)",
            "binnen (24|48|72|een|één|twee|drie|vier|vijf|1|2|3|4|5|7|10|14) (uur|dag|dagen|werkdag|werkdagen|minuten|weken)",
            "(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)",
        ],
    ),
    (
        // What an apology's *maar* turns to when it limits, refuses or shifts cause (seed 004:
        // avoid *maar*): our inability or refusal, our policy, the reader's fault, another cause.
        K::Limitation,
        &[
            "(wij|we|ik) (kunnen|kan|konden|kon) (helaas )?(geen|niet|niets|u niet|u geen|je niet|je geen|dit niet|dat niet|het niet|hier niets|daar niets)",
            "(kunnen|kan|konden|kon) (wij|we|ik) (helaas )?(geen|niet|niets|u niet|u geen|je niet|je geen|dit niet|dat niet|het niet)",
            "(wij|we|ik) (zijn|ben) (helaas )?niet in staat",
            "(wij|we|ik) (zullen|zal|gaan|ga) (u|je)? (helaas )?(geen|niet)",
            "(wij|we|ik) (moeten|moet) (u|je)? (helaas )?(vragen|weigeren|afwijzen|wijzen op|erop wijzen|in rekening brengen)",
            "(moeten|moet) (wij|we|ik) (u|je)? (helaas )?(vragen|weigeren|afwijzen|erop wijzen|in rekening brengen)",
            "(zullen|zal) (wij|we|ik) (u|je)? (helaas )?(geen|niet)",
            "(niet mogelijk|onmogelijk|niet toegestaan|uitgesloten|niet vergoed|geen recht|niet terugbetaald|niet retour)",
            "(onze|de) (algemene )?(voorwaarden|regels|retourvoorwaarden|richtlijnen|huisregels|beleid|garantievoorwaarden|retourtermijn|bedenktijd)",
            "(ons|het) beleid",
            "(u|je|jij) (hebt|heeft|had|hadden) (niet|zelf|nooit)",
            "(u|je|jij) (bent|was) (zelf|vergeten|te laat)",
            "(door|vanwege|als gevolg van|wegens|te wijten aan|de schuld van)",
            "(het|dit|dat) (is|was) niet (onze|mijn) (schuld|fout|beslissing|verantwoordelijkheid)",
            "(geen|niet) (terugbetaling|retour|restitutie|compensatie|vergoeding|uitzondering)",
            "(daar|hier) (kunnen|kan|konden|kon) (wij|we|ik) niets aan (doen|veranderen)",
        ],
    ),
];
