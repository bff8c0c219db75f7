//! `aimemo figures [TOPIC]`: every figure with its qualifier and source, by topic.

use serde::Serialize;

use super::views::{FigureView, Named};
use super::{layout, miss, Ctx, Report};
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::kb::lookup::{self, TopicMatch};
use crate::render::{Block, Doc};

/// The figures of one topic.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct TopicFigures<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub figures: Vec<FigureView<'a>>,
}

/// Every figure, by topic (or one topic's).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Figures<'a> {
    pub lang: Lang,
    /// The topic asked for, if any.
    pub topic: Option<Named<'a>>,
    pub topics: Vec<TopicFigures<'a>>,
}

pub fn run<'a>(ctx: &Ctx<'a>, topic: Option<&str>) -> Result<Figures<'a>> {
    let topic = topic
        .map(|t| {
            super::not_empty(
                t,
                Msg::new("the topic", "le thème"),
                Msg::new("aimemo figures market", "aimemo chiffres marché"),
            )
        })
        .transpose()?;
    let kb = ctx.kb();
    let v = ctx.viewer();
    let l = ctx.lang;
    let chosen = match topic {
        Some(q) => Some(match lookup::topic(kb, q) {
            TopicMatch::One(t) => t,
            TopicMatch::Many(found) => {
                return Err(super::several(
                    q,
                    Msg::new("topics", "thèmes"),
                    found.iter().map(|t| (&*t.id, l.pick(&t.name))),
                    Msg::new(
                        "give its id or more words of its name",
                        "indiquez son identifiant ou davantage de mots de son nom",
                    ),
                ));
            }
            TopicMatch::None => {
                let ids: Vec<&str> = kb.topics.iter().map(|t| &*t.id).collect();
                let (shown, ids_list) = (super::shown(q), ids.join(", "));
                return Err(miss(
                    Msg::new(
                        format!("no topic matches `{shown}`"),
                        format!("aucun thème ne correspond à `{shown}`"),
                    ),
                    q,
                    ids.iter().copied(),
                    Msg::new(
                        format!("topics: {ids_list}"),
                        format!("thèmes : {ids_list}"),
                    ),
                ));
            }
        }),
        None => None,
    };
    let topics = kb
        .topics
        .iter()
        .filter(|t| chosen.is_none_or(|c| c.id == t.id))
        .map(|t| TopicFigures {
            id: &t.id,
            name: l.pick(&t.name),
            figures: v.figures(&v.of_topic(&t.id)),
        })
        .filter(|t| !t.figures.is_empty())
        .collect::<Vec<_>>();
    if topics.is_empty() {
        return Err(match chosen {
            Some(t) => Error::NotFound(Msg::new(
                format!("the topic `{}` has no figures\ntry `aimemo figures` for the topics that have some", t.id),
                format!("le thème `{}` ne contient aucun chiffre\nessayez `aimemo chiffres` pour les thèmes qui en ont", t.id),
            )),
            None => super::nothing(Msg::new("no figures", "aucun chiffre")),
        });
    }
    Ok(Figures {
        lang: l,
        topic: chosen.map(|t| Named {
            id: &t.id,
            name: l.pick(&t.name),
        }),
        topics,
    })
}

impl Report for Figures<'_> {
    type Record<'r>
        = &'r FigureView<'r>
    where
        Self: 'r;

    fn doc(&self) -> Doc {
        let mut doc = Doc::default();
        for t in self.topics.iter() {
            doc.push(Block::Subheading(format!("{} ({})", t.name, t.id)));
            doc.push(layout::figure_table(self.lang, &t.figures));
            let figs: Vec<&FigureView> = t.figures.iter().collect();
            if let Some(b) = layout::chart(self.lang, t.name, &figs, false) {
                doc.push(b);
            }
            layout::cite(&mut doc, &t.figures);
        }
        doc
    }

    fn records(&self) -> Vec<&FigureView<'_>> {
        self.topics.iter().flat_map(|t| &t.figures).collect()
    }
}
