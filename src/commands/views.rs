//! The JSON shapes: each entry as scripts see it, in the chosen language.
//!
//! These shapes are a contract (README, "JSON output"): keys are only ever added.

use serde::{Serialize, Serializer};

use crate::i18n::Lang;
use crate::kb::{Actor, Figure, Kb, List, Scope, Text};

/// A number as JSON writes it best: an integer when it is whole.
pub fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

/// A number as plain text for CSV: `109000000000`, `511.3`.
pub fn plain_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[derive(Serialize)]
pub struct Named<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

#[derive(Serialize)]
pub struct SourceRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub date: Option<&'a str>,
}

#[derive(Serialize)]
pub struct ActorRef<'a> {
    pub id: &'a str,
    pub code: Option<&'a str>,
    pub name: &'a str,
}

#[derive(Serialize)]
pub struct FigureView<'a> {
    pub kind: &'static str,
    pub id: &'a str,
    pub topic: Named<'a>,
    pub label: &'a str,
    #[serde(serialize_with = "number")]
    pub value: f64,
    pub unit: &'a str,
    pub magnitude: &'a str,
    pub qualifier: Option<&'a str>,
    pub text: &'a str,
    pub period: Option<&'a str>,
    pub source: SourceRef<'a>,
    pub section: Named<'a>,
    pub actors: Vec<ActorRef<'a>>,
    pub headline: bool,
    pub scope: Option<Scope>,
    pub under: Option<&'a str>,
}

#[derive(Serialize)]
pub struct ItemView<'a> {
    pub n: usize,
    pub text: &'a str,
    pub detail: Option<&'a str>,
    pub refs: &'a [crate::kb::Str],
}

#[derive(Serialize)]
pub struct ListView<'a> {
    pub kind: &'static str,
    pub id: &'a str,
    pub title: &'a str,
    pub section: Named<'a>,
    pub items: Vec<ItemView<'a>>,
}

#[derive(Serialize)]
pub struct ActorView<'a> {
    pub kind: &'static str,
    pub id: &'a str,
    pub code: Option<&'a str>,
    pub name: &'a str,
    pub group: Named<'a>,
    /// From the nearest parent up.
    pub parents: Vec<ActorRef<'a>>,
    pub role: Option<&'a str>,
    pub related: Vec<&'a str>,
    pub children: Vec<ActorRef<'a>>,
    pub section: Named<'a>,
    pub figures: Vec<FigureView<'a>>,
    pub lists: Vec<Named<'a>>,
}

/// Names entries for views, in one language.
pub struct Viewer<'a> {
    pub kb: &'a Kb,
    pub lang: Lang,
}

impl<'a> Viewer<'a> {
    /// An entry named by id among `items`, with its name in this language (the id
    /// itself when there is no such entry).
    fn named<T>(
        &self,
        items: &'a [T],
        id: &'a str,
        fields: fn(&'a T) -> (&'a str, &'a Text),
    ) -> Named<'a> {
        let name = items
            .iter()
            .map(fields)
            .find(|(i, _)| *i == id)
            .map_or(id, |(_, name)| self.lang.pick(name));
        Named { id, name }
    }

    pub fn topic(&self, id: &'a str) -> Named<'a> {
        self.named(&self.kb.topics, id, |t| (&t.id, &t.name))
    }

    pub fn section(&self, id: &'a str) -> Named<'a> {
        self.named(&self.kb.sections, id, |s| (&s.id, &s.title))
    }

    pub fn group(&self, id: &'a str) -> Named<'a> {
        self.named(&self.kb.groups, id, |g| (&g.id, &g.name))
    }

    pub fn source(&self, id: &'a str) -> SourceRef<'a> {
        match self.kb.sources.iter().find(|s| s.id == id) {
            Some(s) => SourceRef {
                id,
                name: self.lang.pick(&s.name),
                date: s.date.as_ref().map(|d| self.lang.pick(d)),
            },
            None => SourceRef {
                id,
                name: id,
                date: None,
            },
        }
    }

    /// A source as a table cell: its name and date.
    pub fn source_cell(&self, id: &'a str) -> String {
        let s = self.source(id);
        match s.date {
            Some(d) => format!("{} ({d})", s.name),
            None => s.name.to_string(),
        }
    }

    pub fn actor_ref(&self, a: &'a Actor) -> ActorRef<'a> {
        ActorRef {
            id: &a.id,
            code: a.code.as_deref(),
            name: self.lang.pick(&a.name),
        }
    }

    pub fn actor_by_id(&self, id: &str) -> Option<&'a Actor> {
        self.kb.actors.iter().find(|a| a.id == id)
    }

    /// An actor as people name it: its code, or its name.
    pub fn actor_label(&self, a: &'a Actor) -> &'a str {
        a.code.as_deref().unwrap_or_else(|| self.lang.pick(&a.name))
    }

    pub fn figure(&self, f: &'a Figure) -> FigureView<'a> {
        let l = self.lang;
        FigureView {
            kind: "figure",
            id: &f.id,
            topic: self.topic(&f.topic_id),
            label: l.pick(&f.label),
            value: f.value,
            unit: &f.unit,
            magnitude: l.pick(&f.magnitude),
            qualifier: f.qualifier.as_ref().map(|q| l.pick(q)),
            text: l.pick(&f.text),
            period: f.period.as_ref().map(|p| l.pick(p)),
            source: self.source(&f.source_id),
            section: self.section(&f.section_id),
            actors: f
                .actor_ids
                .iter()
                .filter_map(|id| self.actor_by_id(id))
                .map(|a| self.actor_ref(a))
                .collect(),
            headline: f.headline,
            scope: f.scope,
            under: f.under_id.as_deref(),
        }
    }

    pub fn list(&self, l: &'a List) -> ListView<'a> {
        ListView {
            kind: "list",
            id: &l.id,
            title: self.lang.pick(&l.title),
            section: self.section(&l.section_id),
            items: l
                .items
                .iter()
                .enumerate()
                .map(|(i, it)| ItemView {
                    n: i + 1,
                    text: self.lang.pick(&it.text),
                    detail: it.detail.as_ref().map(|d| self.lang.pick(d)),
                    refs: &it.ref_ids,
                })
                .collect(),
        }
    }

    /// The chain of parents of an actor, nearest first (stops on a cycle).
    pub fn parents(&self, a: &'a Actor) -> Vec<&'a Actor> {
        let mut out: Vec<&Actor> = Vec::new();
        let mut cur = a;
        while let Some(p) = cur.parent_id.as_deref().and_then(|p| self.actor_by_id(p)) {
            if p.id == a.id || out.iter().any(|x| x.id == p.id) {
                break;
            }
            out.push(p);
            cur = p;
        }
        out
    }

    pub fn children(&self, a: &Actor) -> Vec<&'a Actor> {
        self.kb
            .actors
            .iter()
            .filter(|c| c.parent_id.as_deref() == Some(&*a.id))
            .collect()
    }

    pub fn actor(&self, a: &'a Actor) -> ActorView<'a> {
        let figures = self
            .kb
            .figures
            .iter()
            .filter(|f| f.actor_ids.contains(&a.id))
            .map(|f| self.figure(f))
            .collect();
        let lists = self
            .kb
            .lists
            .iter()
            .filter(|l| l.items.iter().any(|i| i.ref_ids.contains(&a.id)))
            .map(|l| Named {
                id: &l.id,
                name: self.lang.pick(&l.title),
            })
            .collect();
        ActorView {
            kind: "actor",
            id: &a.id,
            code: a.code.as_deref(),
            name: self.lang.pick(&a.name),
            group: self.group(&a.group_id),
            parents: self
                .parents(a)
                .into_iter()
                .map(|p| self.actor_ref(p))
                .collect(),
            role: a.role.as_ref().map(|r| self.lang.pick(r)),
            related: a.related.iter().map(|r| self.lang.pick(r)).collect(),
            children: self
                .children(a)
                .into_iter()
                .map(|c| self.actor_ref(c))
                .collect(),
            section: self.section(&a.section_id),
            figures,
            lists,
        }
    }

    /// The scope of an investment, as a word.
    pub fn scope(&self, s: Option<Scope>) -> &'static str {
        use crate::i18n::labels::{EUROPE, FRANCE, WORLD};
        match s {
            Some(Scope::France) => self.lang.l(FRANCE),
            Some(Scope::Europe) => self.lang.l(EUROPE),
            Some(Scope::World) => self.lang.l(WORLD),
            None => "",
        }
    }

    /// A qualifier and a magnitude together, as the memo states an amount.
    pub fn stated(&self, f: &'a Figure) -> String {
        match &f.qualifier {
            Some(q) => format!("{} {}", self.lang.pick(q), self.lang.pick(&f.magnitude)),
            None => self.lang.pick(&f.magnitude).to_string(),
        }
    }
}
