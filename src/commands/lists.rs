//! `aimemo lists` (every enumeration) and `aimemo list ID` (one, in order).

use serde::Serialize;

use super::views::{ItemView, ListView, Named};
use super::{layout, miss, Ctx, Report};
use crate::error::{Msg, Result};
use crate::i18n::{labels as L, Lang};
use crate::kb::lookup::{self, ListMatch};
use crate::render::{Block, Cell, Doc, Row};

/// One list, as `lists` sums it up; also its CSV record.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Summary<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub section: Named<'a>,
    pub count: usize,
}

/// Every list of the knowledge base.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Lists<'a> {
    pub lang: Lang,
    pub lists: Vec<Summary<'a>>,
}

impl Row for Summary<'_> {
    fn columns(&self) -> &'static str {
        "id title count section_id section=section_name"
    }
}

pub fn all<'a>(ctx: &Ctx<'a>) -> Result<Lists<'a>> {
    let l = ctx.lang;
    let v = ctx.viewer();
    if ctx.kb().lists.is_empty() {
        return Err(super::nothing(Msg::new("no lists", "aucune liste")));
    }
    Ok(Lists {
        lang: l,
        lists: ctx
            .kb()
            .lists
            .iter()
            .map(|x| Summary {
                id: &x.id,
                title: l.pick(&x.title),
                section: v.section(&x.section_id),
                count: x.items.len(),
            })
            .collect(),
    })
}

impl Report for Lists<'_> {
    type Record<'r>
        = &'r Summary<'r>
    where
        Self: 'r;

    fn doc(&self) -> Doc {
        let l = self.lang;
        let mut doc = Doc::default();
        doc.push(Block::Heading(l.l(L::LISTS).to_string()));
        doc.push(Block::Table {
            caption: None,
            headers: l.labels(&[L::ID, L::TITLE, L::COUNT, L::SECTION]),
            rows: self
                .lists
                .iter()
                .map(|s| {
                    vec![
                        Cell::code(s.id),
                        Cell::plain(s.title),
                        Cell::figure(l.int(s.count)),
                        Cell::dim(s.section.name),
                    ]
                })
                .collect(),
        });
        doc
    }

    fn records(&self) -> Vec<&Summary<'_>> {
        self.lists.iter().collect()
    }
}

/// One list, in order.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct OneList<'a> {
    pub lang: Lang,
    pub list: ListView<'a>,
}

/// An item of a list, in its list: one row of CSV or TSV.
#[derive(Serialize)]
pub struct InList<'a> {
    pub list_id: &'a str,
    #[serde(flatten)]
    pub item: &'a ItemView<'a>,
}

impl Row for InList<'_> {
    fn columns(&self) -> &'static str {
        "list_id n text detail refs"
    }
}

pub fn one<'a>(ctx: &Ctx<'a>, id: &str) -> Result<OneList<'a>> {
    let id = super::not_empty(
        id,
        Msg::new("the list id", "l’identifiant de liste"),
        Msg::new(
            "aimemo list summit-verticals",
            "aimemo liste summit-verticals",
        ),
    )?;
    let kb = ctx.kb();
    let l = ctx.lang;
    let list = match lookup::list(kb, id) {
        ListMatch::One(list) => list,
        ListMatch::Many(found) => {
            return Err(super::several(
                id,
                Msg::new("lists", "listes"),
                found.iter().map(|x| (&*x.id, l.pick(&x.title))),
                Msg::new(
                    "give its id or more words of its title",
                    "indiquez son identifiant ou davantage de mots de son titre",
                ),
            ));
        }
        ListMatch::None => {
            let shown = super::shown(id);
            return Err(miss(
                Msg::new(
                    format!("no list matches `{shown}`"),
                    format!("aucune liste ne correspond à `{shown}`"),
                ),
                id,
                kb.lists.iter().map(|x| &*x.id),
                Msg::new(
                    "try `aimemo lists` for their ids",
                    "essayez `aimemo listes` pour leurs identifiants",
                ),
            ));
        }
    };
    Ok(OneList {
        lang: ctx.lang,
        list: ctx.viewer().list(list),
    })
}

impl Report for OneList<'_> {
    type Record<'r>
        = InList<'r>
    where
        Self: 'r;

    fn doc(&self) -> Doc {
        layout::list(self.lang, &self.list)
    }

    fn records(&self) -> Vec<InList<'_>> {
        let list_id = self.list.id;
        self.list
            .items
            .iter()
            .map(|item| InList { list_id, item })
            .collect()
    }
}
