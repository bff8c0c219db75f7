//! `aimemo` alone: what it is, a few key figures, and the commands to try.

use serde::Serialize;

use super::views::FigureView;
use super::{Ctx, Report};
use crate::error::Result;
use crate::i18n::{labels, Lang, L};
use crate::render::{Block, Cell, Doc, Row};

/// The commands to try, as each language names them, with what each shows.
const TRY: &[(L, L)] = &[
    (
        L("aimemo investments", "aimemo investissements"),
        L(
            "the investment pledges and their headline",
            "les annonces d’investissement",
        ),
    ),
    (
        L("aimemo summit", "aimemo sommet"),
        L(
            "the Paris summit: dates, verticals, figures",
            "le sommet de Paris : dates, verticales, chiffres",
        ),
    ),
    (
        L("aimemo figures market", "aimemo chiffres marché"),
        L("figures, by topic", "les chiffres, par thème"),
    ),
    (
        L("aimemo actor DNUM", "aimemo acteur DNUM"),
        L(
            "one actor: role, parents, figures",
            "un acteur : rôle, rattachement, chiffres",
        ),
    ),
    (
        L("aimemo search énergie", "aimemo recherche énergie"),
        L(
            "search both languages, accents optional",
            "recherche dans les deux langues",
        ),
    ),
    (
        L("aimemo brief", "aimemo note"),
        L(
            "a one-screen briefing sheet",
            "une fiche de synthèse d’un écran",
        ),
    ),
    (
        L("aimemo --help", "aimemo --help"),
        L(
            "every command and option",
            "toutes les commandes et options",
        ),
    ),
];

/// The commands to try on a knowledge base of one's own (`--no-builtin`): none
/// names an entry it may not have.
const TRY_ANY: &[(L, L)] = &[
    (
        L("aimemo figures", "aimemo chiffres"),
        L("every figure, by topic", "tous les chiffres, par thème"),
    ),
    (
        L("aimemo actors", "aimemo acteurs"),
        L("the map of actors", "la cartographie des acteurs"),
    ),
    (
        L("aimemo lists", "aimemo listes"),
        L("every list", "toutes les listes"),
    ),
    (
        L("aimemo search WORDS", "aimemo recherche MOTS"),
        L(
            "search both languages, accents optional",
            "recherche dans les deux langues",
        ),
    ),
    (
        L("aimemo --help", "aimemo --help"),
        L(
            "every command and option",
            "toutes les commandes et options",
        ),
    ),
];

/// A command to try; also the overview's CSV record.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Try<'a> {
    pub command: &'a str,
    pub about: &'a str,
}

impl Row for Try<'_> {
    fn columns(&self) -> &'static str {
        "command about"
    }
}

/// What aimemo is, a few key figures, and the commands to try.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Overview<'a> {
    pub lang: Lang,
    pub title: Option<&'a str>,
    pub series: Option<&'a str>,
    pub figures: Vec<FigureView<'a>>,
    pub commands: Vec<Try<'a>>,
    /// The built-in knowledge base is loaded (its blurb and examples are shown).
    #[serde(skip)]
    pub builtin: bool,
}

pub fn run<'a>(ctx: &Ctx<'a>) -> Result<Overview<'a>> {
    let kb = ctx.kb();
    let l = ctx.lang;
    let v = ctx.viewer();
    let memo = kb.memos.first();
    let figs: Vec<_> = super::brief::key_figures(kb).into_iter().take(4).collect();
    Ok(Overview {
        lang: l,
        title: memo.map(|m| l.pick(&m.title)),
        series: memo.map(|m| l.pick(&m.series)),
        figures: v.figures(&figs),
        builtin: ctx.loaded.with_builtin,
        commands: if ctx.loaded.with_builtin {
            TRY
        } else {
            TRY_ANY
        }
        .iter()
        .map(|(command, about)| Try {
            command: l.l(*command),
            about: l.l(*about),
        })
        .collect(),
    })
}

impl Report for Overview<'_> {
    type Record<'r>
        = &'r Try<'r>
    where
        Self: 'r;

    fn doc(&self) -> Doc {
        let l = self.lang;
        let mut doc = Doc::default();
        doc.push(Block::Heading(match (self.title, self.series) {
            (Some(t), Some(s)) => format!("aimemo — {t} ({s})"),
            _ => "aimemo".into(),
        }));
        doc.push(Block::Text(
            match (l, self.builtin) {
                (Lang::En, true) => "The French foreign ministry's memo on artificial intelligence, in your terminal: every figure with its source, every list, every actor.",
                (Lang::Fr, true) => "Le mémo de la DGM sur l’intelligence artificielle dans votre terminal : chaque chiffre avec sa source, chaque liste, chaque acteur.",
                (Lang::En, false) => "Your knowledge base, in your terminal: every figure with its source, every list, every actor.",
                (Lang::Fr, false) => "Votre base de connaissances dans votre terminal : chaque chiffre avec sa source, chaque liste, chaque acteur.",
            }
            .into(),
        ));
        if !self.figures.is_empty() {
            doc.push(Block::Fields(
                self.figures
                    .iter()
                    .map(|f| (f.stated.clone(), Cell::plain(f.label)))
                    .collect(),
            ));
        }
        doc.push(Block::Table {
            caption: None,
            headers: vec![l.l(labels::TRY).to_string(), String::new()],
            rows: self
                .commands
                .iter()
                .map(|t| vec![Cell::code(t.command), Cell::plain(t.about)])
                .collect(),
        });
        super::layout::cite(&mut doc, &self.figures);
        doc
    }

    /// The commands to try.
    fn records(&self) -> Vec<&Try<'_>> {
        self.commands.iter().collect()
    }
}
