//! `aimemo` alone: what it is, a few key figures, and the commands to try.

use serde::Serialize;

use super::views::{FigureView, Viewer};
use super::{Ctx, Output};
use crate::error::Result;
use crate::i18n::{labels as L, Lang};
use crate::render::{Block, Cell, Doc};

/// The commands to try, with what each shows (English, French).
const TRY: &[(&str, &str, &str)] = &[
    (
        "aimemo investments",
        "the investment pledges and their headline",
        "les annonces d’investissement",
    ),
    (
        "aimemo summit",
        "the Paris summit: dates, verticals, figures",
        "le sommet de Paris : dates, verticales, chiffres",
    ),
    (
        "aimemo figures market",
        "figures, by topic",
        "les chiffres, par thème",
    ),
    (
        "aimemo actor DNUM",
        "one actor: role, parents, figures",
        "un acteur : rôle, rattachement, chiffres",
    ),
    (
        "aimemo search énergie",
        "search both languages, accents optional",
        "recherche dans les deux langues",
    ),
    (
        "aimemo brief",
        "a one-screen briefing sheet",
        "une fiche de synthèse d’un écran",
    ),
    (
        "aimemo --help",
        "every command and option",
        "toutes les commandes et options",
    ),
];

#[derive(Serialize)]
struct Try<'a> {
    command: &'a str,
    about: &'a str,
}

#[derive(Serialize)]
struct Json<'a> {
    lang: &'static str,
    title: Option<&'a str>,
    series: Option<&'a str>,
    figures: Vec<FigureView<'a>>,
    commands: Vec<Try<'a>>,
}

pub fn run(ctx: &Ctx) -> Result<Output> {
    let kb = ctx.kb();
    let l = ctx.lang;
    let v = Viewer { kb, lang: l };
    let memo = kb.memos.first();
    let figs: Vec<_> = super::brief::key_figures(kb).into_iter().take(4).collect();
    let mut doc = Doc::default();
    doc.push(Block::Heading(match memo {
        Some(m) => format!("aimemo — {} ({})", l.pick(&m.title), l.pick(&m.series)),
        None => "aimemo".into(),
    }));
    doc.push(Block::Text(
        match l {
            Lang::En => "The French foreign ministry's memo on artificial intelligence, in your terminal: every figure with its source, every list, every actor.",
            Lang::Fr => "Le mémo de la DGM sur l’intelligence artificielle dans votre terminal : chaque chiffre avec sa source, chaque liste, chaque acteur.",
        }
        .into(),
    ));
    if !figs.is_empty() {
        doc.push(Block::Fields(
            figs.iter()
                .map(|f| (v.stated(f), Cell::plain(l.pick(&f.label))))
                .collect(),
        ));
    }
    let about = |t: &(&str, &'static str, &'static str)| if l == Lang::Fr { t.2 } else { t.1 };
    doc.push(Block::Table {
        headers: vec![l.l(L::TRY).to_string(), String::new()],
        rows: TRY
            .iter()
            .map(|t| vec![Cell::code(t.0), Cell::plain(about(t))])
            .collect(),
    });
    let json = || Json {
        lang: l.code(),
        title: memo.map(|m| l.pick(&m.title)),
        series: memo.map(|m| l.pick(&m.series)),
        figures: figs.iter().map(|f| v.figure(f)).collect(),
        commands: TRY
            .iter()
            .map(|t| Try {
                command: t.0,
                about: about(t),
            })
            .collect(),
    };
    Ok(Output {
        doc,
        json: ctx.json_of(json),
    })
}
