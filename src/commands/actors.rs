//! `aimemo actors` (the map of actors by group, as trees) and `aimemo actor` (one actor).

use serde::Serialize;

use super::views::{ActorView, Viewer};
use super::{miss, Ctx, Output};
use crate::error::{Error, Result};
use crate::i18n::labels as L;
use crate::kb::lookup::{self, ActorMatch};
use crate::kb::Actor;
use crate::render::{columns, Block, Cell, Doc};

#[derive(Serialize)]
struct Node<'a> {
    id: &'a str,
    code: Option<&'a str>,
    name: &'a str,
    role: Option<&'a str>,
    children: Vec<Node<'a>>,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    id: &'a str,
    name: &'a str,
    actors: Vec<Node<'a>>,
}

#[derive(Serialize)]
struct MapJson<'a> {
    lang: &'static str,
    groups: Vec<GroupJson<'a>>,
}

/// The actors of `group` whose parent is elsewhere (or none): the roots of its tree.
fn roots<'a>(v: &Viewer<'a>, group: &str) -> Vec<&'a Actor> {
    v.kb.actors
        .iter()
        .filter(|a| a.group_id == group)
        .filter(|a| {
            a.parent_id
                .as_deref()
                .and_then(|p| v.actor_by_id(p))
                .is_none_or(|p| p.group_id != group)
        })
        .collect()
}

fn node<'a>(v: &Viewer<'a>, a: &'a Actor, depth: usize) -> Node<'a> {
    let children = if depth > 32 {
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
        name: v.lang.pick(&a.name),
        role: a.role.as_ref().map(|r| v.lang.pick(r)),
        children,
    }
}

/// Table rows for a tree, with `├─`/`└─` before each child.
fn tree_rows(n: &Node, prefix: &str, last: bool, root: bool, rows: &mut Vec<Vec<Cell>>) {
    let branch = if root {
        ""
    } else if last {
        "└─ "
    } else {
        "├─ "
    };
    rows.push(vec![
        Cell::code(format!("{prefix}{branch}{}", n.code.unwrap_or("·"))),
        Cell::plain(n.name),
        Cell::plain(n.role.unwrap_or("")),
    ]);
    let child_prefix = if root {
        String::new()
    } else {
        format!("{prefix}{}", if last { "   " } else { "│  " })
    };
    for (i, c) in n.children.iter().enumerate() {
        tree_rows(c, &child_prefix, i + 1 == n.children.len(), false, rows);
    }
}

pub fn map(ctx: &Ctx) -> Result<Output> {
    let kb = ctx.kb();
    let l = ctx.lang;
    let v = Viewer { kb, lang: l };
    let mut doc = Doc::default();
    doc.push(Block::Heading(l.l(L::ACTORS_MAP).to_string()));
    let mut json = MapJson {
        lang: l.code(),
        groups: Vec::new(),
    };
    for g in kb.groups.iter() {
        let nodes: Vec<Node> = roots(&v, &g.id)
            .into_iter()
            .map(|a| node(&v, a, 0))
            .collect();
        if nodes.is_empty() {
            continue;
        }
        let mut rows = Vec::new();
        for n in nodes.iter() {
            tree_rows(n, "", true, true, &mut rows);
        }
        doc.push(Block::Subheading(l.pick(&g.name).to_string()));
        doc.push(Block::Table {
            headers: l.labels(&[L::CODE, L::NAME, L::ROLE]),
            rows,
        });
        json.groups.push(GroupJson {
            id: &g.id,
            name: l.pick(&g.name),
            actors: nodes,
        });
    }
    doc.records = Some((
        columns(&["group", "id", "code", "name", "parent_id", "role"]),
        kb.actors
            .iter()
            .map(|a| {
                vec![
                    a.group_id.to_string(),
                    a.id.to_string(),
                    a.code.as_deref().unwrap_or_default().to_string(),
                    l.pick(&a.name).to_string(),
                    a.parent_id.as_deref().unwrap_or_default().to_string(),
                    a.role.as_ref().map_or("", |r| l.pick(r)).to_string(),
                ]
            })
            .collect(),
    ));
    Ok(Output {
        doc,
        json: ctx.json_of(|| json),
    })
}

#[derive(Serialize)]
struct OneJson<'a> {
    lang: &'static str,
    actor: ActorView<'a>,
}

/// The document for one actor: who it is, where it sits, what it does, its figures.
pub fn doc(v: &Viewer, a: &Actor) -> Doc {
    let l = v.lang;
    let view = v.actor(a);
    let mut doc = Doc::default();
    doc.push(Block::Heading(match a.code.as_deref() {
        Some(c) => format!("{c} — {}", view.name),
        None => view.name.to_string(),
    }));
    let mut fields = Vec::new();
    if let Some(c) = view.code {
        fields.push((l.l(L::CODE).to_string(), Cell::code(c)));
    }
    fields.push((l.l(L::NAME).to_string(), Cell::plain(view.name)));
    fields.push((l.l(L::ID).to_string(), Cell::code(view.id)));
    fields.push((l.l(L::GROUP).to_string(), Cell::plain(view.group.name)));
    if !view.parents.is_empty() {
        let chain: Vec<&str> = v.parents(a).into_iter().map(|p| v.actor_label(p)).collect();
        fields.push((l.l(L::PARENTS).to_string(), Cell::plain(chain.join(" → "))));
    }
    if let Some(r) = view.role {
        fields.push((l.l(L::ROLE).to_string(), Cell::plain(r)));
    }
    for r in view.related.iter() {
        fields.push((l.l(L::RELATED).to_string(), Cell::plain(*r)));
    }
    let children: Vec<&str> = v
        .children(a)
        .into_iter()
        .map(|c| v.actor_label(c))
        .collect();
    if !children.is_empty() {
        fields.push((
            l.l(L::CHILDREN).to_string(),
            Cell::plain(children.join(", ")),
        ));
    }
    fields.push((l.l(L::SECTION).to_string(), Cell::dim(view.section.name)));
    if !view.lists.is_empty() {
        let lists: Vec<String> = view
            .lists
            .iter()
            .map(|x| format!("{} ({})", x.name, x.id))
            .collect();
        fields.push((l.l(L::LISTS).to_string(), Cell::plain(lists.join("; "))));
    }
    doc.push(Block::Fields(fields));
    let figs: Vec<_> =
        v.kb.figures
            .iter()
            .filter(|f| f.actor_ids.contains(&a.id))
            .collect();
    if !figs.is_empty() {
        doc.push(Block::Subheading(l.l(L::FIGURES).to_string()));
        doc.push(super::figures::table(v, &figs));
    }
    doc
}

pub fn one(ctx: &Ctx, query: &str) -> Result<Output> {
    let query = super::not_empty(query, "actor query", "aimemo actor DNUM")?;
    let kb = ctx.kb();
    let v = Viewer { kb, lang: ctx.lang };
    let idx = match lookup::actor(kb, query) {
        ActorMatch::One(i) => i,
        ActorMatch::Many(list) => {
            let names: Vec<String> = list
                .iter()
                .take(8)
                .map(|&i| {
                    let a = &kb.actors[i];
                    format!(
                        "  {:<20} {}",
                        a.code.as_deref().unwrap_or(&a.id),
                        ctx.lang.pick(&a.name)
                    )
                })
                .collect();
            return Err(Error::NotFound(format!(
                "`{}` matches {} actors:\n{}\ngive a code or more words of the name",
                super::shown(query),
                list.len(),
                names.join("\n")
            )));
        }
        ActorMatch::None => {
            let candidates = kb
                .actors
                .iter()
                .flat_map(|a| {
                    [
                        a.code.as_deref(),
                        Some(&*a.id),
                        Some(&*a.name.fr),
                        Some(&*a.name.en),
                    ]
                })
                .flatten();
            return Err(miss(
                format!("no actor matches `{}`", super::shown(query)),
                query,
                candidates,
                "try `aimemo actors` for the map, or `aimemo search WORDS`",
            ));
        }
    };
    let a = &kb.actors[idx];
    let json = || OneJson {
        lang: ctx.lang.code(),
        actor: v.actor(a),
    };
    Ok(Output {
        doc: doc(&v, a),
        json: ctx.json_of(json),
    })
}
