//! `aimemo summit`: the Paris AI Action Summit: dates, place, co-chair, its lists
//! (the five verticals) and the summit in figures.

use serde::Serialize;

use super::views::{EventView, FigureView};
use super::{layout, Ctx, Report};
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::render::Doc;

/// The summit's id in the built-in knowledge base; other events are shown when it is absent.
pub const SUMMIT: &str = "paris-summit";

/// The summit, with its lists and figures.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Summit<'a> {
    pub lang: Lang,
    pub event: EventView<'a>,
}

pub fn run<'a>(ctx: &Ctx<'a>) -> Result<Summit<'a>> {
    let kb = ctx.kb();
    let ev = kb
        .events
        .iter()
        .find(|e| e.id == SUMMIT)
        .or_else(|| kb.events.first())
        .ok_or_else(|| {
            Error::NotFound(Msg::new(
                "the knowledge base has no event to show\ntry `aimemo lists` or `aimemo figures`",
                "la base ne contient aucun événement\nessayez `aimemo listes` ou `aimemo chiffres`",
            ))
        })?;
    Ok(Summit {
        lang: ctx.lang,
        event: ctx.viewer().event(ev),
    })
}

impl Report for Summit<'_> {
    type Record<'r>
        = &'r FigureView<'r>
    where
        Self: 'r;

    fn doc(&self) -> Doc {
        layout::event(self.lang, &self.event)
    }

    /// The summit in figures.
    fn records(&self) -> Vec<&FigureView<'_>> {
        self.event.figures.iter().collect()
    }
}
