//! The command line in French: each command's French names, what it does, its
//! arguments and examples, once; the French help built from them on clap's own
//! command (a help template with French headings), and clap's refusals of a
//! command line said in French from their kind and context.
//!
//! The English is the derive's doc comments and attributes in `cli.rs`; this is
//! the other language's side of the same declaration, not a second command.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use super::{help_rows, help_section, term_column, ENVIRONMENT, EXIT_STATUS, TERMS};
use crate::i18n::Lang;

/// A command's French side.
pub struct Fr {
    /// The command's (English) name, as clap knows it.
    pub command: &'static str,
    /// Its French names, accepted whatever the language; the first is the one
    /// French help and usage show. None when the English name is French too.
    pub names: &'static [&'static str],
    /// What it does.
    pub about: &'static str,
    /// Its arguments: id, value name, help.
    pub args: &'static [(&'static str, &'static str, &'static str)],
    /// The text after its help: how it matches, examples.
    pub after: &'static str,
}

impl Fr {
    /// The name French help and usage show.
    pub fn name(&self) -> &'static str {
        self.names.first().copied().unwrap_or(self.command)
    }
}

/// Every command's French side, in the order of `aimemo --help`.
pub const COMMANDS: &[Fr] = &[
    Fr {
        command: "investments",
        names: &["investissements"],
        about: "Les annonces d’investissement : qui, combien, où, pour quoi, et l’annonce globale",
        args: &[],
        after: "Exemples :\n  aimemo investissements\n  aimemo investissements --format csv\n  \
                aimemo investissements --json | jq '.headline.value'",
    },
    Fr {
        command: "summit",
        names: &["sommet"],
        about: "Le sommet pour l’action sur l’IA de Paris : dates, lieu, co-présidence, verticales, chiffres",
        args: &[],
        after: "Exemples :\n  aimemo sommet\n  aimemo sommet --lang en\n  \
                aimemo sommet --json | jq '.event.lists[0].items[].text'",
    },
    Fr {
        command: "figures",
        names: &["chiffres"],
        about: "Chaque chiffre avec sa précision et sa source, par thème",
        args: &[(
            "topic",
            "THÈME",
            "Seulement ce thème (son identifiant, son début, ou des mots de son nom)",
        )],
        after: "Exemples :\n  aimemo chiffres\n  aimemo chiffres marché\n  \
                aimemo chiffres coût environnemental --format markdown",
    },
    Fr {
        command: "actors",
        names: &["acteurs"],
        about: "La cartographie des acteurs par groupe, en arbres de rattachements",
        args: &[],
        after: "Exemples :\n  aimemo acteurs\n  aimemo acteurs --format csv",
    },
    Fr {
        command: "actor",
        names: &["acteur"],
        about: "Un acteur : nom complet, rattachements, rôle, rattachés, chiffres le concernant",
        args: &[(
            "query",
            "SIGLE|NOM",
            "Un sigle (en toute casse), un identifiant, ou des mots du nom (accents facultatifs)",
        )],
        after: "Exemples :\n  aimemo acteur DNUM\n  \
                aimemo acteur nuoi          (un sigle se reconnaît à sa dernière partie)\n  \
                aimemo acteur direction du numerique\n  aimemo acteur numia --json",
    },
    Fr {
        command: "lists",
        names: &["listes"],
        about: "Toutes les énumérations du mémo",
        args: &[],
        after: "Exemples :\n  aimemo listes\n  aimemo listes --json | jq -r '.lists[].id'",
    },
    Fr {
        command: "list",
        names: &["liste"],
        about: "Une énumération, dans l’ordre",
        args: &[(
            "id",
            "ID|MOTS",
            "L’identifiant de la liste (voir `aimemo listes`), son début, ou des mots de son titre",
        )],
        after: "Exemples :\n  aimemo liste summit-verticals\n  aimemo liste verticales\n  \
                aimemo liste paris-actions-axes --lang en",
    },
    Fr {
        command: "sources",
        names: &[],
        about: "Chaque source citée, avec les chiffres qu’elle appuie",
        args: &[],
        after: "Exemples :\n  aimemo sources\n  aimemo sources --format tsv",
    },
    Fr {
        command: "show",
        names: &["fiche"],
        about: "Une entrée quelconque (chiffre, liste, acteur, source…) avec tous ses champs",
        args: &[(
            "id",
            "ID",
            "L’identifiant de l’entrée, ou un sigle ou un autre nom d’un acteur ou d’une source (AIE, OCDE)",
        )],
        after: "Exemples :\n  aimemo fiche jobs-at-risk\n  aimemo fiche deloitte\n  \
                aimemo fiche IEA\n  aimemo fiche dnum --json",
    },
    Fr {
        command: "search",
        names: &["recherche"],
        about: "Chercher dans les chiffres, listes, acteurs et sources, en français et en anglais",
        args: &[
            ("words", "MOTS", "Les mots à chercher (casse et accents ignorés)"),
            (
                "limit",
                "N",
                "Montrer les N premiers résultats, 0 pour tous [par défaut : 10 dans un tableau, tous dans les autres formats]",
            ),
            (
                "kind",
                "TYPE",
                "Seulement les entrées de ce type [valeurs possibles : chiffre, liste, acteur, source, événement, thème, groupe, partie]",
            ),
        ],
        after: "Un mot correspond à un mot entier, à son pluriel ou à une forme proche \
                (webinaire, webinaires), ou au début d’un mot (cyber : cybersécurité) ; un mot \
                qui ne correspond à rien correspond aux graphies proches (Kazakstan). Les nombres \
                correspondent tels qu’on les écrit (511, 109bn, 109 milliards, 400 millions, 1 GW, \
                27 %). Les entrées qui contiennent tous les mots viennent d’abord ; quand aucune ne \
                les contient tous, celles qui en contiennent le plus.\n\n\
                Exemples :\n  aimemo recherche énergie\n  aimemo recherche energie        (accents facultatifs)\n  \
                aimemo recherche 109 milliards\n  aimemo recherche eau énergie\n  \
                aimemo recherche IA --kind chiffre --limit 3\n  \
                aimemo recherche eau --json | jq '.hits[0].entry.value'",
    },
    Fr {
        command: "brief",
        names: &["note", "synthese", "synthèse"],
        about: "Une fiche de synthèse d’un écran : les messages et les chiffres clés",
        args: &[],
        after: "Exemples :\n  aimemo note\n  aimemo note --format markdown > fiche.md\n  \
                aimemo note --format html > fiche.html",
    },
    Fr {
        command: "find",
        names: &["trouver"],
        about: "Un chercheur plein écran : tapez, voyez les meilleures correspondances et un aperçu, Entrée imprime la citation",
        args: &[("words", "MOTS", "Les mots par lesquels la requête commence")],
        after: "Touches : tapez pour chercher ; Haut/Bas, Ctrl-P/Ctrl-N, PgPréc/PgSuiv, Début/Fin choisissent ;\n\
                Entrée imprime la citation, Ctrl-O l’identifiant ; Ctrl-Y copie la citation (OSC 52) ;\n\
                Tab passe du français à l’anglais ; ? ou F1 montre les touches ; Échap ou Ctrl-C quitte.\n\n\
                Code de sortie : 0 choisi, 130 quitté sans choisir, 2 sans terminal.\n\n\
                Exemples :\n  aimemo trouver\n  aimemo trouver dnum\n  aimemo trouver emplois | pbcopy",
    },
    Fr {
        command: "cite",
        names: &["citer"],
        about: "Des citations prêtes à coller : les mots du mémo, sa référence, la source qu’il cite",
        args: &[(
            "words",
            "ID|MOTS",
            "Des identifiants d’entrées, ou des mots dont la meilleure correspondance est citée",
        )],
        after: "Exemples :\n  aimemo citer jobs-at-risk\n  aimemo citer jobs-at-risk --lang en\n  \
                aimemo citer genai-market-2027 --format markdown >> note.md\n  \
                aimemo citer emplois automatisation",
    },
    Fr {
        command: "validate",
        names: &["valider"],
        about: "Vérifier des fichiers de base et lister chaque problème (FICHIER:LIGNE:COLONNE: message)",
        args: &[
            ("files", "FICHIER", "Les fichiers à vérifier"),
            (
                "strict",
                "",
                "Refuser aussi les champs qu’un brouillon laisse à écrire",
            ),
        ],
        after: "Vérifie les FICHIERs avec la base intégrée (ou seuls avec --no-builtin) ; sans \
                FICHIER, vérifie le facts.toml intégré.\n\n\
                Code de retour : 0 valide, 1 invalide, 2 illisible.\n\n\
                Exemples :\n  aimemo valider prochain-memo.toml\n  aimemo valider --no-builtin mon.toml --json",
    },
    Fr {
        command: "draft",
        names: &["brouillon"],
        about: "Rédiger une base de connaissances à partir du texte d’un mémo, pour qu’une personne la relise",
        args: &[
            ("memo", "MEMO.txt", "Le texte brut du mémo"),
            ("output", "FICHIER", "Écrire le brouillon dans FICHIER plutôt que sur la sortie standard"),
            ("against", "BASE", "Comparer le brouillon à une base de connaissances relue (imprimé)"),
        ],
        after: "Lit le texte du mémo (tel que pdftotext l’écrit, ou celui d’une page web) et écrit du TOML \
                au schéma de facts.toml : chiffres avec leur unité, leur précision, leur période et leur \
                source, acteurs avec leurs sigles, listes, parties ; chacun avec les mots mêmes du texte \
                comme citation. Les champs anglais restent vides, à écrire, comme `aimemo valider` les \
                liste. Avec --against, imprime ce que le brouillon a trouvé, manqué, et ajouté par \
                rapport à une base relue.\n\n\
                Exemples :\n  aimemo brouillon prochain-memo.txt -o prochain.toml\n  \
                aimemo valider prochain.toml\n  aimemo --facts prochain.toml chiffres\n  \
                aimemo brouillon memo.txt --against facts.toml",
    },
    Fr {
        command: "completions",
        names: &[],
        about: "Écrire le script de complétion d’un shell (commandes, sigles d’acteurs et identifiants compris)",
        args: &[(
            "shell",
            "SHELL",
            "Le shell [valeurs possibles : bash, elvish, fish, powershell, zsh]",
        )],
        after: "Exemples :\n  aimemo completions bash > ~/.local/share/bash-completion/completions/aimemo\n  \
                aimemo completions zsh > ~/.zfunc/_aimemo\n  \
                aimemo completions fish > ~/.config/fish/completions/aimemo.fish",
    },
    Fr {
        command: "schema",
        names: &[],
        about: "Écrire le schéma JSON de la sortie --json d’une commande (le contrat des scripts)",
        args: &[(
            "command",
            "COMMANDE",
            "La commande, par son nom anglais ou français (overview ou apercu : aimemo sans commande)",
        )],
        after: "Exemples :\n  aimemo schema chiffres > figures.schema.json\n  \
                aimemo chiffres --json | check-jsonschema --schemafile figures.schema.json -",
    },
    Fr {
        command: "man",
        names: &[],
        about: "Écrire la page de manuel (roff)",
        args: &[],
        after: "Exemples :\n  aimemo man --lang fr > aimemo.1 && man ./aimemo.1",
    },
];

/// The common options in French: id, value name, help (possible values said in
/// French too, since clap's list says "possible values").
const GLOBAL: &[(&str, &str, &str)] = &[
    ("json", "", "Écrire un seul document JSON (comme --format json)"),
    (
        "format",
        "FORMAT",
        "Le format de sortie [valeurs possibles : table, json, jsonl, csv, tsv, markdown, text, html]",
    ),
    (
        "color",
        "QUAND",
        "Quand colorer [par défaut : auto] [valeurs possibles : auto, always, never]",
    ),
    (
        "lang",
        "LANGUE",
        "La langue des libellés et des textes [par défaut : AIMEMO_LANG ou la locale, sinon en] [valeurs possibles : en, fr]",
    ),
    (
        "facts",
        "FICHIER",
        "Ajouter un fichier de base de connaissances (répétable ; voir docs/SCHEMA.md)",
    ),
    (
        "no_builtin",
        "",
        "Laisser de côté la base intégrée (avec --facts)",
    ),
    (
        "no_pager",
        "",
        "Écrire directement, même une sortie plus haute que le terminal",
    ),
];

/// What `--format` and `--color` offer, for `--help` (clap lists them in English).
const FORMATS: &str = "Valeurs possibles :\n\
    - table : des tableaux pour le terminal, à sa largeur\n\
    - json : un seul document JSON\n\
    - jsonl : des lignes JSON, un enregistrement par ligne (les colonnes du CSV, typées)\n\
    - csv : des valeurs séparées par des virgules, avec une ligne d’en-tête\n\
    - tsv : des valeurs séparées par des tabulations, avec une ligne d’en-tête\n\
    - markdown : du Markdown, prêt à coller dans une note\n\
    - text : du texte pour courriels et notes : ni cadres ni couleurs, aligné par des espaces\n\
    - html : une page HTML autonome (CSS et graphiques SVG intégrés, rien à télécharger), \
    à ouvrir hors ligne, imprimer ou joindre à un courriel";

const COLORS: &str = "Valeurs possibles :\n\
    - auto : en couleur dans un terminal, sauf si `NO_COLOR` est défini ou `TERM=dumb`\n\
    - always : toujours\n\
    - never : jamais";

const ABOUT: &str = "Le mémo du ministère de l’Europe et des Affaires étrangères sur l’IA \
    (« Les mémos de la DGM »), en base de connaissances en ligne de commande";

const LONG_ABOUT: &str = "Le mémo du ministère de l’Europe et des Affaires étrangères sur \
    l’intelligence artificielle (« Les mémos de la DGM — L’intelligence artificielle : où en \
    sommes-nous ? »), en base de connaissances en ligne de commande : chaque chiffre avec sa \
    précision et sa source, chaque liste, et la cartographie des acteurs, en français et en \
    anglais.\n\nSans commande : un aperçu.";

/// The examples at the end of `aimemo --help`.
const EXAMPLES: &[(&str, &str)] = &[
    (
        "aimemo investissements",
        "les 109 Md€ d’annonces : qui, combien, pour quoi",
    ),
    (
        "aimemo acteur DNUM",
        "un acteur : rôle, rattachement, chiffres",
    ),
    (
        "aimemo recherche énergie",
        "tout sur l’énergie (accents facultatifs)",
    ),
    (
        "aimemo chiffres marché --json",
        "les chiffres du marché, pour les scripts",
    ),
    (
        "aimemo note --format text",
        "la note de synthèse, à coller dans un courriel",
    ),
];

/// What the `help` command does, in French.
const HELP_ABOUT: &str = "Afficher cette aide, ou celle des commandes données";

/// What the `help` command takes, in French.
const HELP_ARG: &str = "Les commandes dont afficher l’aide";

/// The French side of a command, by its English name.
pub fn of(command: &str) -> Option<&'static Fr> {
    COMMANDS.iter().find(|c| c.command == command)
}

/// A command's French names (none for a command whose name is French too).
pub fn names_of(command: &str) -> &'static [&'static str] {
    of(command).map_or(&[], |c| c.names)
}

/// French typography for help: a no-break space before `:` and `;`, so that a
/// wrapped line never starts with one.
fn typo(text: &str) -> String {
    text.replace(" :", "\u{a0}:").replace(" ;", "\u{a0};")
}

/// The help template, with French headings: `Utilisation`, and the sections the
/// command has.
fn template(positionals: bool, commands: Option<&str>) -> String {
    let mut t = String::from("{before-help}{about-with-newline}\nUtilisation\u{a0}: {usage}\n\n");
    if let Some(list) = commands {
        t.push_str(&format!("Commandes\u{a0}:\n{list}\n\n"));
    }
    if positionals {
        t.push_str("Arguments\u{a0}:\n{positionals}\n\n");
    }
    t.push_str("Options\u{a0}:\n{options}{after-help}");
    t
}

/// The help flag, in French.
fn help_arg(long_help_exists: bool) -> Arg {
    let arg = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help);
    if long_help_exists {
        arg.help(typo("Afficher l’aide (le détail avec '--help')"))
            .long_help(typo("Afficher l’aide (le résumé avec '-h')"))
    } else {
        arg.help("Afficher l’aide")
    }
}

/// Dresses the common options (and the arguments `args`) of `cmd` in French.
fn args_fr(mut cmd: Command, args: &[(&str, &'static str, &str)]) -> Command {
    for (id, value, help) in GLOBAL.iter().chain(args) {
        let (value, help) = (*value, typo(help));
        // The long help lists the values with what each does, in place of the
        // short help's bare list.
        let bare = help.split(" [valeurs possibles").next().unwrap_or_default();
        let long = match *id {
            "format" => Some(typo(&format!("{bare}\n\n{FORMATS}"))),
            "color" => Some(typo(&format!("{bare}\n\n{COLORS}"))),
            _ => None,
        };
        cmd = cmd.mut_arg(*id, |a| {
            // Values a refusal lists in French.
            let a = match *id {
                "kind" => a.value_parser(super::kind_parser(Lang::Fr)),
                "command" => a.value_parser(super::schema_parser(Lang::Fr)),
                _ => a,
            };
            let takes_values = a.get_action().takes_values();
            let mut a = a.help(help).hide_possible_values(takes_values);
            if let Some(long) = long {
                a = a.long_help(long);
            }
            if value.is_empty() {
                a
            } else {
                a.value_name(value)
            }
        });
    }
    cmd
}

/// The usage line of a subcommand, with its French name: clap writes the name it
/// knows the command by.
fn usage_of(cmd: &Command, name: &str) -> String {
    let mut usage = format!("aimemo {name} [OPTIONS]");
    for a in cmd.get_positionals() {
        let value = a
            .get_value_names()
            .and_then(|v| v.first())
            .map_or_else(|| a.get_id().to_string(), ToString::to_string);
        let many = matches!(a.get_action(), ArgAction::Append);
        let dots = if many { "..." } else { "" };
        if a.is_required_set() {
            usage.push_str(&format!(" <{value}>{dots}"));
        } else {
            usage.push_str(&format!(" [{value}]{dots}"));
        }
    }
    usage
}

/// A subcommand in French, with the common options: run when clap builds it.
fn subcommand(s: Command) -> Command {
    let s = super::arguments(s);
    let Some(fr) = of(s.get_name()) else {
        return s;
    };
    let s = args_fr(s, fr.args);
    let usage = usage_of(&s, fr.name());
    let positionals = s.get_positionals().next().is_some();
    s.about(typo(fr.about))
        .long_about(None)
        .after_help(typo(fr.after))
        .override_usage(usage)
        .help_template(template(positionals, None))
        .disable_help_flag(true)
        .arg(help_arg(true))
}

/// The whole command in French, its help wrapped to `width`.
pub fn command(cmd: Command, width: usize, help: bool) -> Command {
    let cmd = args_fr(cmd, &[]);
    // The texts only help shows are written only when help is asked.
    let cmd = if help {
        let rows: Vec<(&str, String)> = COMMANDS
            .iter()
            .map(|c| (c.name(), typo(c.about)))
            .chain([("aide", typo(HELP_ABOUT))])
            .collect();
        let rows = || rows.iter().map(|(n, a)| (*n, a.as_str()));
        let list = help_rows(rows(), width, term_column(rows()));
        let examples = typo(&help_section(
            "Exemples ",
            EXAMPLES.iter().copied(),
            width,
            term_column(EXAMPLES.iter().copied()),
        ));
        let exit = typo(&help_section(
            "Code de retour ",
            EXIT_STATUS.iter().map(|(t, m)| (*t, m.1)),
            width,
            TERMS,
        ));
        let env = typo(&help_section(
            "Environnement ",
            ENVIRONMENT.iter().map(|(t, m)| (*t, m.1)),
            width,
            TERMS,
        ));
        cmd.after_help(&examples)
            .after_long_help(format!("{examples}\n\n{exit}\n\n{env}"))
            .help_template(template(false, Some(&list)))
    } else {
        cmd.help_template(template(false, None))
    };
    cmd.about(ABOUT)
        .long_about(typo(LONG_ABOUT))
        .subcommand_value_name("COMMANDE")
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(help_arg(true))
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Afficher la version"),
        )
        .mut_subcommands(|s| s.defer(subcommand))
}

/// clap's `help` command in French: what it does and takes (`aimemo help help`),
/// and what each command it takes does (completions of `aimemo help`). clap adds
/// that command when it builds `cmd`, so `cmd` is built already; clap writes its
/// texts in English only.
pub fn help_command(cmd: Command) -> Command {
    if !cmd.get_subcommands().any(|s| s.get_name() == "help") {
        return cmd;
    }
    cmd.mut_subcommand("help", |h| {
        // Parsing builds it with an argument; completions, with a command for
        // each command instead.
        let takes_names = h.get_arguments().any(|a| a.get_id() == "subcommand");
        let h = if takes_names {
            h.mut_arg("subcommand", |a| a.value_name("COMMANDE").help(HELP_ARG))
        } else {
            h
        };
        h.visible_alias("aide")
            .override_usage("aimemo aide [COMMANDE]...")
            .about(typo(HELP_ABOUT))
            .help_template(
                "{about-with-newline}\nUtilisation\u{a0}: {usage}\n\nArguments\u{a0}:\n{positionals}",
            )
            .mut_subcommands(|s| {
                let about = of(s.get_name()).map_or(HELP_ABOUT, |fr| fr.about);
                s.about(typo(about))
            })
    })
}

/// clap's refusal of a command line, in French: the parts clap's English has
/// (what is wrong, a tip, the usage, where to learn more), from the error's kind
/// and context.
pub fn error_fr(e: &clap::Error) -> String {
    use ContextKind as K;
    let text = |k: K| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let texts = |k: K| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.as_slice(),
        _ => &[],
    };
    let number = |k: K| match e.get(k) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    };
    let given = |n: isize| {
        if n > 1 {
            format!("{n} ont été donnés")
        } else {
            format!("{n} a été donné")
        }
    };
    let arg = text(K::InvalidArg).unwrap_or_default();
    let value = text(K::InvalidValue).unwrap_or_default();
    let mut out = String::from("erreur : ");
    let said = match e.kind() {
        ErrorKind::ArgumentConflict => {
            let mut prior = e.get(K::PriorArg);
            let mut said = if let Some(a) = text(K::InvalidArg) {
                if prior == Some(&ContextValue::String(a.to_string())) {
                    prior = None;
                    format!("l’argument '{a}' ne peut pas être donné plusieurs fois")
                } else {
                    format!("l’argument '{a}' ne peut pas être utilisé avec")
                }
            } else if let Some(s) = text(K::InvalidSubcommand) {
                format!("la commande '{s}' ne peut pas être utilisée avec")
            } else {
                kind_fr(e.kind()).to_string()
            };
            match prior {
                Some(ContextValue::Strings(v)) => {
                    said.push_str(" :");
                    for v in v {
                        said.push_str(&format!("\n  {v}"));
                    }
                }
                Some(ContextValue::String(v)) => said.push_str(&format!(" '{v}'")),
                Some(_) => said.push_str(" un ou plusieurs des autres arguments donnés"),
                None => {}
            }
            Some(said)
        }
        ErrorKind::NoEquals if !arg.is_empty() => Some(format!(
            "un signe égal est nécessaire pour donner une valeur à '{arg}'"
        )),
        ErrorKind::InvalidValue if !arg.is_empty() => {
            let mut said = if value.is_empty() {
                format!("une valeur est requise pour '{arg}', mais aucune n’a été donnée")
            } else {
                format!("valeur invalide '{value}' pour '{arg}'")
            };
            let valid = texts(K::ValidValue);
            if !valid.is_empty() {
                said.push_str(&format!("\n  [valeurs possibles : {}]", valid.join(", ")));
            }
            Some(said)
        }
        ErrorKind::InvalidSubcommand => {
            text(K::InvalidSubcommand).map(|s| format!("commande inconnue '{s}'"))
        }
        ErrorKind::MissingRequiredArgument if !texts(K::InvalidArg).is_empty() => {
            let mut said = String::from("les arguments requis suivants n’ont pas été donnés :");
            for v in texts(K::InvalidArg) {
                said.push_str(&format!("\n  {v}"));
            }
            Some(said)
        }
        ErrorKind::MissingSubcommand => text(K::InvalidSubcommand).map(|s| {
            let mut said = format!("'{s}' demande une commande, mais aucune n’a été donnée");
            let valid = texts(K::ValidSubcommand);
            if !valid.is_empty() {
                said.push_str(&format!("\n  [commandes : {}]", valid.join(", ")));
            }
            said
        }),
        ErrorKind::TooManyValues if !arg.is_empty() => Some(format!(
            "valeur inattendue '{value}' pour '{arg}' : aucune autre n’était attendue"
        )),
        ErrorKind::TooFewValues => match (number(K::MinValues), number(K::ActualNumValues)) {
            (Some(min), Some(n)) => Some(format!(
                "{min} valeurs requises par '{arg}' ; seulement {}",
                given(n)
            )),
            _ => None,
        },
        ErrorKind::ValueValidation if !arg.is_empty() => {
            let mut said = format!("valeur invalide '{value}' pour '{arg}'");
            if let Some(source) = std::error::Error::source(e) {
                said.push_str(&format!(" : {}", reason_fr(&source.to_string())));
            }
            Some(said)
        }
        ErrorKind::WrongNumberOfValues => {
            match (number(K::ExpectedNumValues), number(K::ActualNumValues)) {
                (Some(want), Some(n)) => Some(format!(
                    "{want} valeurs requises pour '{arg}', mais {}",
                    given(n)
                )),
                _ => None,
            }
        }
        ErrorKind::UnknownArgument if !arg.is_empty() => {
            Some(format!("argument inattendu '{arg}'"))
        }
        _ => None,
    };
    out.push_str(&said.unwrap_or_else(|| kind_fr(e.kind()).to_string()));
    let mut tips = Vec::new();
    for (k, one, many) in [
        (
            K::SuggestedSubcommand,
            "une commande proche existe",
            "des commandes proches existent",
        ),
        (
            K::SuggestedArg,
            "un argument proche existe",
            "des arguments proches existent",
        ),
        (
            K::SuggestedValue,
            "une valeur proche existe",
            "des valeurs proches existent",
        ),
    ] {
        let found: Vec<String> = match e.get(k) {
            Some(ContextValue::String(s)) => vec![format!("'{s}'")],
            Some(ContextValue::Strings(v)) => v.iter().map(|s| format!("'{s}'")).collect(),
            _ => continue,
        };
        if !found.is_empty() {
            let what = if found.len() == 1 { one } else { many };
            tips.push(format!("{what} : {}", found.join(", ")));
        }
    }
    if let Some(ContextValue::StyledStrs(said)) = e.get(K::Suggested) {
        tips.extend(said.iter().map(|s| tip_fr(&s.to_string())));
    }
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            out.push_str(&format!("\n  astuce : {tip}"));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(K::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim_start_matches("Usage:").trim_start();
        out.push_str(&format!("\n\nUtilisation : {usage}"));
    }
    out.push_str("\n\nPour en savoir plus, essayez '--help'.\n");
    typo(&out)
}

/// What an error of `kind` is, when its context says no more.
fn kind_fr(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::InvalidValue => "une des valeurs n’est pas valide pour un argument",
        ErrorKind::UnknownArgument => "argument inattendu",
        ErrorKind::InvalidSubcommand => "commande inconnue",
        ErrorKind::NoEquals => "un signe égal est nécessaire pour donner une valeur à un argument",
        ErrorKind::ValueValidation => "valeur invalide pour un des arguments",
        ErrorKind::TooManyValues => "valeur inattendue pour un argument",
        ErrorKind::TooFewValues => "il manque des valeurs à un argument",
        ErrorKind::WrongNumberOfValues => "trop ou trop peu de valeurs pour un argument",
        ErrorKind::ArgumentConflict => {
            "un argument ne peut pas être utilisé avec un ou plusieurs des autres arguments donnés"
        }
        ErrorKind::MissingRequiredArgument => {
            "un ou plusieurs arguments requis n’ont pas été donnés"
        }
        ErrorKind::MissingSubcommand => "une commande est requise, mais aucune n’a été donnée",
        ErrorKind::InvalidUtf8 => "un ou plusieurs arguments ne sont pas de l’UTF-8 valide",
        _ => "erreur de la ligne de commande",
    }
}

/// Why a value was refused, in French: the reasons the standard library gives for
/// a number it cannot read (`--limit x`), else as given.
fn reason_fr(reason: &str) -> String {
    match reason {
        "invalid digit found in string" => "un nombre entier positif est attendu".into(),
        "cannot parse integer from empty string" => "un nombre est attendu".into(),
        "number too large to fit in target type" => "nombre trop grand".into(),
        other => other.to_string(),
    }
}

/// One of clap's tips, in French.
fn tip_fr(tip: &str) -> String {
    if let Some(rest) = tip.strip_prefix("to pass ") {
        if let Some((what, how)) = rest.split_once(" as a value, use ") {
            return format!("pour donner {what} comme valeur, écrivez {how}");
        }
    }
    if let Some(rest) = tip.strip_prefix("subcommand ") {
        if let Some((name, _)) = rest.split_once(" exists; ") {
            return format!(
                "la commande {name} existe ; pour l’utiliser, retirez le '--' qui la précède"
            );
        }
    }
    if let Some(what) = tip.strip_suffix(" exists") {
        return format!("{what} existe");
    }
    tip.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_argument_has_its_french() {
        // As the derive declares it: each subcommand with its own arguments only.
        let mut cmd = <super::super::Cli as clap::CommandFactory>::command();
        cmd.build();
        let mut commands: Vec<&str> = cmd
            .get_subcommands()
            .map(|s| s.get_name())
            .filter(|n| *n != "help")
            .collect();
        let mut french: Vec<&str> = COMMANDS.iter().map(|c| c.command).collect();
        commands.sort_unstable();
        french.sort_unstable();
        assert_eq!(commands, french, "one French side a command");
        for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let fr = of(s.get_name()).expect("listed");
            let mut ids: Vec<&str> = s
                .get_arguments()
                .map(|a| a.get_id().as_str())
                .filter(|id| *id != "help")
                .collect();
            let mut said: Vec<&str> = fr.args.iter().map(|(id, _, _)| *id).collect();
            ids.sort_unstable();
            said.sort_unstable();
            assert_eq!(ids, said, "{}: every argument said in French", s.get_name());
        }
        let mut global: Vec<&str> = cmd
            .get_arguments()
            .map(|a| a.get_id().as_str())
            .filter(|id| !["help", "version"].contains(id))
            .collect();
        let mut said: Vec<&str> = GLOBAL.iter().map(|(id, _, _)| *id).collect();
        global.sort_unstable();
        said.sort_unstable();
        assert_eq!(global, said, "every common option said in French");
    }

    #[test]
    fn clap_tips_in_french() {
        assert_eq!(
            tip_fr("to pass '--x' as a value, use '-- --x'"),
            "pour donner '--x' comme valeur, écrivez '-- --x'"
        );
        assert_eq!(
            tip_fr("'aimemo search --limit' exists"),
            "'aimemo search --limit' existe"
        );
    }
}
