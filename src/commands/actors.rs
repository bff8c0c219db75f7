//! `aimemo actors` (the map of actors by group, as trees) and `aimemo actor` (one actor).

use serde::Serialize;

use super::views::{both_codes, ActorView, Named, Viewer};
use super::{layout, miss, Ctx, Report};
use crate::error::{Msg, Result};
use crate::i18n::{labels as L, Lang};
use crate::kb::lookup::{self, ActorMatch};
use crate::kb::Actor;
use crate::render::{Block, Cell, Doc, Row};

/// An actor in the map, with the actors under it in the same group.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Node<'a> {
    pub id: &'a str,
    pub code: Option<&'a str>,
    pub code_en: Option<&'a str>,
    pub name: &'a str,
    /// The parent's id, or null (it may stand in another group).
    pub parent: Option<&'a str>,
    pub role: Option<&'a str>,
    pub children: Vec<Node<'a>>,
}

/// A group of actors, as trees.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Group<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub actors: Vec<Node<'a>>,
}

/// The map of actors.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Map<'a> {
    pub lang: Lang,
    pub groups: Vec<Group<'a>>,
}

/// An actor of the map, in its group: one row of CSV or TSV.
#[derive(Serialize)]
pub struct InGroup<'a> {
    pub group: Named<'a>,
    #[serde(flatten)]
    pub actor: &'a Node<'a>,
}

impl Row for InGroup<'_> {
    fn columns(&self) -> &'static str {
        "group_id group=group_name id code code_en name parent role"
    }
}

/// The actors of `group` whose parent is elsewhere (or none): the roots of its tree.
fn roots<'a>(v: &Viewer<'a>, group: &str) -> Vec<&'a Actor> {
    v.kb.actors
        .iter()
        .filter(|a| a.group_id.id == group)
        .filter(|a| {
            a.parent_id
                .as_ref()
                .is_none_or(|p| v.kb.get(p).group_id.id != group)
        })
        .collect()
}

fn node<'a>(v: &Viewer<'a>, a: &'a Actor, depth: usize) -> Node<'a> {
    // Validation refuses deeper chains of parents: this never cuts a valid map, and
    // keeps the recursion bounded whatever.
    let children = if depth >= crate::kb::validate::MAX_DEPTH {
        Vec::new()
    } else {
        v.children(a)
            .into_iter()
            .filter(|c| c.group_id == a.group_id)
            .map(|c| node(v, c, depth + 1))
            .collect()
    };
    Node {
        id: &a.id,
        code: a.code.as_deref(),
        code_en: a.code_en.as_deref(),
        name: v.lang.pick(&a.name),
        parent: a.parent_id.as_deref(),
        role: a.role.as_ref().map(|r| v.lang.pick(r)),
        children,
    }
}

pub fn map<'a>(ctx: &Ctx<'a>) -> Result<Map<'a>> {
    let v = ctx.viewer();
    let groups = ctx
        .kb()
        .groups
        .iter()
        .map(|g| Group {
            id: &g.id,
            name: ctx.lang.pick(&g.name),
            actors: roots(&v, &g.id)
                .into_iter()
                .map(|a| node(&v, a, 0))
                .collect(),
        })
        .filter(|g| !g.actors.is_empty())
        .collect::<Vec<_>>();
    if groups.is_empty() {
        return Err(super::nothing(Msg::new("no actors", "aucun acteur")));
    }
    Ok(Map {
        lang: ctx.lang,
        groups,
    })
}

/// Table rows for a tree, with `├─`/`└─` before each child; an actor without a code
/// shows its id, what `aimemo actor` takes.
fn tree_rows(
    lang: Lang,
    n: &Node,
    prefix: &str,
    last: bool,
    root: bool,
    rows: &mut Vec<Vec<Cell>>,
) {
    let branch = if root {
        ""
    } else if last {
        "└─ "
    } else {
        "├─ "
    };
    rows.push(vec![
        Cell::code(format!(
            "{prefix}{branch}{}",
            both_codes(lang, n.code, n.code_en).unwrap_or_else(|| n.id.to_string())
        )),
        Cell::plain(n.name),
        Cell::plain(n.role.unwrap_or("")),
    ]);
    let child_prefix = if root {
        String::new()
    } else {
        format!("{prefix}{}", if last { "   " } else { "│  " })
    };
    for (i, c) in n.children.iter().enumerate() {
        tree_rows(
            lang,
            c,
            &child_prefix,
            i + 1 == n.children.len(),
            false,
            rows,
        );
    }
}

/// Every node of a tree, parents before children.
fn walk<'n, 'a>(n: &'n Node<'a>, out: &mut Vec<&'n Node<'a>>) {
    out.push(n);
    for c in n.children.iter() {
        walk(c, out);
    }
}

impl Report for Map<'_> {
    type Record<'r>
        = InGroup<'r>
    where
        Self: 'r;

    fn doc(&self) -> Doc {
        let l = self.lang;
        let mut doc = Doc::default();
        doc.push(Block::Heading(l.l(L::ACTORS_MAP).to_string()));
        for g in self.groups.iter() {
            let mut rows = Vec::new();
            for n in g.actors.iter() {
                tree_rows(l, n, "", true, true, &mut rows);
            }
            doc.push(Block::Subheading(g.name.to_string()));
            doc.push(Block::Table {
                caption: None,
                headers: l.labels(&[L::CODE, L::NAME, L::ROLE]),
                rows,
            });
        }
        doc
    }

    fn records(&self) -> Vec<InGroup<'_>> {
        let mut out = Vec::new();
        for g in self.groups.iter() {
            let mut nodes = Vec::new();
            for n in g.actors.iter() {
                walk(n, &mut nodes);
            }
            let group = Named {
                id: g.id,
                name: g.name,
            };
            out.extend(nodes.into_iter().map(|actor| InGroup { group, actor }));
        }
        out
    }
}

/// One actor.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct OneActor<'a> {
    pub lang: Lang,
    pub actor: ActorView<'a>,
}

pub fn one<'a>(ctx: &Ctx<'a>, query: &str) -> Result<OneActor<'a>> {
    let query = super::not_empty(
        query,
        Msg::new("the actor query", "l’acteur cherché"),
        Msg::new("aimemo actor DNUM", "aimemo acteur DNUM"),
    )?;
    let kb = ctx.kb();
    let idx = match lookup::actor(kb, query) {
        ActorMatch::One(i) => i,
        ActorMatch::Many(list) => {
            let l = ctx.lang;
            let found = list.iter().map(|&i| {
                let a = &kb.actors[i];
                (a.code.as_deref().unwrap_or(&a.id), l.pick(&a.name))
            });
            return Err(super::several(
                query,
                Msg::new("actors", "acteurs"),
                found,
                Msg::new(
                    "give a code or more words of the name",
                    "indiquez un sigle ou davantage de mots du nom",
                ),
            ));
        }
        ActorMatch::None => {
            let candidates = kb.actors.iter().flat_map(|a| {
                [
                    a.code.as_deref(),
                    a.code_en.as_deref(),
                    Some(&*a.id),
                    Some(&*a.name.fr),
                    Some(&*a.name.en),
                ]
                .into_iter()
                .flatten()
                .chain(a.aliases.iter().map(|x| &**x))
            });
            let q = super::shown(query);
            return Err(miss(
                Msg::new(
                    format!("no actor matches `{q}`"),
                    format!("aucun acteur ne correspond à `{q}`"),
                ),
                query,
                candidates,
                Msg::new(
                    "try `aimemo actors` for the map, or `aimemo search WORDS`",
                    "essayez `aimemo acteurs` pour la cartographie, ou `aimemo recherche MOTS`",
                ),
            ));
        }
    };
    Ok(OneActor {
        lang: ctx.lang,
        actor: ctx.viewer().actor(&kb.actors[idx]),
    })
}

impl Report for OneActor<'_> {
    type Record<'r>
        = &'r ActorView<'r>
    where
        Self: 'r;

    fn doc(&self) -> Doc {
        layout::actor(self.lang, &self.actor)
    }

    fn records(&self) -> Vec<&ActorView<'_>> {
        vec![&self.actor]
    }
}
