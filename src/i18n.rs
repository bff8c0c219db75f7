//! Languages: choosing French or English, and the labels of the interface in both.

use crate::kb::Text;

/// The language of labels and texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    /// The default language from the environment: `AIMEMO_LANG`, then the locale
    /// in GNU gettext's order (`LANGUAGE`, its first entry, then `LC_ALL`,
    /// `LC_MESSAGES`, `LANG`): `fr`, `fr_FR.UTF-8`, `fr_CA` give French, anything
    /// else English.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        let french = |v: &str| v.trim().to_ascii_lowercase().starts_with("fr");
        for name in ["AIMEMO_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(v) = var(name).filter(|v| !v.trim().is_empty()) {
                let first = v.split(':').next().unwrap_or_default();
                return if french(first) { Lang::Fr } else { Lang::En };
            }
        }
        Lang::En
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// This language's side of a knowledge-base text.
    pub fn pick(self, t: &Text) -> &str {
        match self {
            Lang::En => &t.en,
            Lang::Fr => &t.fr,
        }
    }

    /// This language's side of an interface label.
    pub fn l(self, label: L) -> &'static str {
        match self {
            Lang::En => label.0,
            Lang::Fr => label.1,
        }
    }

    /// Interface labels in this language, as owned strings (table headers).
    pub fn labels(self, labels: &[L]) -> Vec<String> {
        labels.iter().map(|l| self.l(*l).to_string()).collect()
    }

    /// A colon as the language writes it: `: `, or ` : ` with a no-break space before
    /// it, so that a line never starts with the colon.
    pub fn colon(self) -> &'static str {
        match self {
            Lang::En => ": ",
            Lang::Fr => "\u{a0}: ",
        }
    }

    /// Between the items of a list in a sentence: `; `, or ` ; ` with a narrow
    /// no-break space before the semicolon, so that a line never starts with it.
    pub fn semicolon(self) -> &'static str {
        match self {
            Lang::En => "; ",
            Lang::Fr => "\u{202f}; ",
        }
    }

    /// An integer written the language's way: `11,000`, or `11 000` with a narrow
    /// no-break space (U+202F), so that no line breaks inside the number.
    pub fn int(self, n: usize) -> String {
        self.grouped(&n.to_string())
    }

    /// A number written the language's way: `109,000,000,000` and `511.3`, or
    /// `109 000 000 000` and `511,3`.
    pub fn number(self, v: f64) -> String {
        let plain = crate::kb::index::plain_number(v);
        let (sign, plain) = match plain.strip_prefix('-') {
            Some(p) => ("-", p),
            None => ("", plain.as_str()),
        };
        let (whole, fraction) = plain.split_once('.').unwrap_or((plain, ""));
        let mut out = format!("{sign}{}", self.grouped(whole));
        if !fraction.is_empty() {
            out.push(match self {
                Lang::En => '.',
                Lang::Fr => ',',
            });
            out.push_str(fraction);
        }
        out
    }

    /// Digits in groups of three: `,` between them in English, a narrow no-break
    /// space in French. Anything but plain digits (`1e21`) is left as it is.
    fn grouped(self, digits: &str) -> String {
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return digits.to_string();
        }
        let sep = match self {
            Lang::En => ',',
            Lang::Fr => '\u{202f}',
        };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// What a figure's unit counts, as a word of this language ("livrables" for
    /// `deliverables`); currencies and symbols stay as they are (`EUR`, `GW`, `cl`).
    pub fn unit(self, code: &str) -> &str {
        let word = match code {
            "percent" => L("percent", "pour cent"),
            "times" => L("times", "fois"),
            "people" => L("people", "personnes"),
            "countries" => L("countries", "pays"),
            "signatories" => L("signatories", "signataires"),
            "governments" => L("governments", "gouvernements"),
            "partners" => L("partners", "partenaires"),
            "companies" => L("companies", "entreprises"),
            "events" => L("events", "événements"),
            "deliverables" => L("deliverables", "livrables"),
            "states" => L("states", "États"),
            "actors" => L("actors", "acteurs"),
            "endorsers" => L("endorsers", "soutiens"),
            _ => return code,
        };
        self.l(word)
    }

    /// `text` in this language's quotation marks: “…” in English, with the marks
    /// inside it made single (‘…’), so that no quotation holds marks like its own;
    /// « … » in French, set in French typography (no-break spaces) whatever the page's
    /// language, as the memo's words are quoted on English pages too.
    pub fn quoted(self, text: &str) -> String {
        match self {
            Lang::En => format!("“{}”", text.replace('“', "‘").replace('”', "’")),
            Lang::Fr => crate::render::typo::french(&format!("« {text} »")).into_owned(),
        }
    }
}

/// An interface label: English, French.
#[derive(Clone, Copy, Debug)]
pub struct L(pub &'static str, pub &'static str);

/// The interface's labels.
pub mod labels {
    use super::L;
    pub const ACTORS: L = L("Actors", "Acteurs");
    pub const ACTORS_MAP: L = L("Map of actors", "Cartographie des acteurs");
    pub const AMOUNT: L = L("Amount", "Montant");
    pub const APPEARS_IN: L = L("In the paragraph of", "Dans le paragraphe de");
    pub const IN_THE_MEMO: L = L("In the memo", "Dans le mémo");
    pub const NOT_STATED: L = L("not stated", "non précisé");
    pub const ONLY_HEADING: L = L(
        "The memo gives only this heading: nothing follows it.",
        "Le mémo ne donne que ce titre : rien ne le suit.",
    );
    pub const PART_OF: L = L("Part of", "Dans le cadre de");
    pub const CHILDREN: L = L("Children", "Rattachés");
    pub const CODE: L = L("Code", "Sigle");
    pub const CO_CHAIR: L = L("Co-chair", "Co-présidence");
    pub const COUNT: L = L("Items", "Éléments");
    pub const DATES: L = L("Dates", "Dates");
    pub const DATE: L = L("Date", "Date");
    pub const DETAIL: L = L("Detail", "Détail");
    pub const FIGURE: L = L("Figure", "Chiffre");
    pub const FIGURES: L = L("Figures", "Chiffres");
    pub const FOR: L = L("What for", "Objet");
    pub const GROUP: L = L("Group", "Groupe");
    pub const HEADLINE: L = L("Headline", "Annonce globale");
    pub const ID: L = L("Id", "Id");
    pub const ITEM: L = L("Item", "Élément");
    pub const KIND: L = L("Kind", "Type");
    pub const LISTS: L = L("Lists", "Listes");
    pub const MATCH: L = L("Match", "Correspondance");
    pub const MEMO: L = L("the memo", "le mémo");
    pub const PARIS_ACTIONS: L = L("The Paris actions for AI", "Les actions de Paris pour l’IA");
    pub const NAME: L = L("Name", "Nom");
    pub const PARENT: L = L("Parent", "Rattachement");
    pub const PARENTS: L = L("Belongs to", "Rattaché à");
    pub const PERIOD: L = L("Period", "Période");
    pub const PLACE: L = L("Place", "Lieu");
    pub const RELATED: L = L("Tied to", "Lié à");
    pub const ROLE: L = L("Role", "Rôle");
    pub const SCOPE: L = L("Scope", "Périmètre");
    pub const SECTION: L = L("Memo section", "Partie du mémo");
    pub const SOURCE: L = L("Source", "Source");
    pub const SOURCES: L = L("Sources", "Sources");
    pub const TEXT: L = L("Text", "Texte");
    pub const TITLE: L = L("Title", "Titre");
    pub const TOPIC: L = L("Topic", "Thème");
    pub const TRY: L = L("Try", "Essayez");
    pub const IN_HEADLINE: L = L("under the headline", "sous l’annonce globale");
    pub const LISTED_UNDER_HEADLINE: L =
        L("Listed under the headline", "Listé sous l’annonce globale");
    pub const OUTSIDE_HEADLINE: L = L("Outside the headline", "Hors de l’annonce globale");
    pub const AS_STATED: L = L(
        "Amounts as the memo states them.",
        "Montants tels que le mémo les énonce.",
    );
    pub const LISTED_NOT_ADDED: L = L(
        "The memo lists these amounts under its headline without saying whether they make it up; no amounts are added up.",
        "Le mémo énumère ces montants sous son annonce globale sans dire s’ils la composent ; aucun montant n’est additionné.",
    );
    pub const PLEDGES: L = L("Pledges", "Engagements");
    pub const KEY_FIGURES: L = L("Key figures", "Chiffres clés");
    pub const MATCHES_FOR: L = L("Matches for", "Résultats pour");
    pub const REFERENCE: L = L("From", "D’après");
    pub const UNDER: L = L("Listed under", "Listé sous");
    pub const VALUE: L = L("Value", "Valeur");
    pub const WHO: L = L("Who", "Qui");
    pub const FRANCE: L = L("France", "France");
    pub const EUROPE: L = L("Europe", "Europe");
    pub const WORLD: L = L("World", "Monde");
    pub const FIGURE_KIND: L = L("figure", "chiffre");
    pub const LIST_KIND: L = L("list", "liste");
    pub const ACTOR_KIND: L = L("actor", "acteur");
    pub const SOURCE_KIND: L = L("source", "source");
    pub const EVENT_KIND: L = L("event", "événement");
    pub const TOPIC_KIND: L = L("topic", "thème");
    pub const GROUP_KIND: L = L("group", "groupe");
    pub const SECTION_KIND: L = L("section", "partie");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fake_env as env;

    #[test]
    fn language_from_environment() {
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "fr_FR.UTF-8")])), Lang::Fr);
        assert_eq!(
            Lang::from_env(env(&[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "C")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("LANG", "de_DE"), ("AIMEMO_LANG", "fr")])),
            Lang::Fr
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_MESSAGES", "fr_CA"), ("LANG", "en_US")])),
            Lang::Fr
        );
        assert_eq!(
            Lang::from_env(env(&[("LANGUAGE", "fr:en"), ("LANG", "en_US.UTF-8")])),
            Lang::Fr,
            "LANGUAGE first, its first entry"
        );
        assert_eq!(
            Lang::from_env(env(&[("LANGUAGE", "en_GB:fr"), ("LANG", "fr_FR")])),
            Lang::En
        );
        assert_eq!(Lang::from_env(env(&[("LANGUAGE", "fr")])), Lang::Fr);
    }

    #[test]
    fn integers_the_language_s_way() {
        assert_eq!(Lang::En.int(11000), "11,000");
        assert_eq!(Lang::Fr.int(11000), "11\u{202f}000");
        assert_eq!(Lang::Fr.int(468), "468");
        assert_eq!(Lang::En.int(1234567), "1,234,567");
        assert_eq!(Lang::En.number(109e9), "109,000,000,000");
        assert_eq!(Lang::Fr.number(4200.0), "4\u{202f}200");
        assert_eq!(Lang::Fr.number(5113.5), "5\u{202f}113,5");
        assert_eq!(Lang::En.number(-1234.25), "-1,234.25");
        assert_eq!(Lang::Fr.number(27.0), "27");
    }

    #[test]
    fn english_quotations_hold_no_marks_like_their_own() {
        assert_eq!(
            Lang::En.quoted("Some 60 deliverables grouped in the “Paris actions for AI”."),
            "“Some 60 deliverables grouped in the ‘Paris actions for AI’.”"
        );
        assert_eq!(
            Lang::Fr.quoted("plus de 5 300 ?"),
            "«\u{a0}plus de 5\u{202f}300\u{202f}?\u{a0}»"
        );
    }
}
