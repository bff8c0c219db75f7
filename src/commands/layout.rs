//! How entries read on a page: the blocks several commands share (a table of
//! figures, bars, the page of one figure, list, actor, event or source), built from
//! the views alone.

use super::views::{ActorView, EventView, FigureView, ListView, SourceView};
use crate::i18n::{labels as L, Lang, L as Label};
use crate::kb::Kind;
use crate::render::{Bar, Block, Cell, Chart, Doc};

/// A label and a cell, for a `Fields` block.
pub fn field(lang: Lang, label: Label, cell: Cell) -> (String, Cell) {
    (lang.l(label).to_string(), cell)
}

/// The table of figures shared by the commands that show figures: each amount as
/// the memo states it, its hedge with it.
pub fn figure_table(lang: Lang, figs: &[FigureView]) -> Block {
    Block::Table {
        caption: None,
        headers: lang.labels(&[L::ID, L::FIGURE, L::AMOUNT, L::PERIOD, L::SOURCE]),
        rows: figs
            .iter()
            .map(|f| {
                vec![
                    Cell::code(f.id),
                    Cell::plain(f.label),
                    Cell::figure(&f.stated),
                    Cell::plain(f.period.unwrap_or("")),
                    Cell::dim(f.source.cell()),
                ]
            })
            .collect(),
    }
}

/// A chart of figures that share one currency, when there are several to compare:
/// each bar labelled with the amount as the memo states it. When a headline figure
/// is charted with amounts the memo lists under it, series tell them apart: the
/// headline, the amounts listed under it, those listed under it but stated for
/// another place (the €200 billion "en Europe" under the France headline: the memo
/// leaves that open, and so does the chart), and the amounts outside it. Nothing is
/// added up.
pub fn chart(lang: Lang, title: &str, figs: &[&FigureView], print_only: bool) -> Option<Block> {
    let unit = figs.first()?.unit;
    let currency = unit == "EUR" || unit == "USD";
    if !(currency && figs.len() > 1 && figs.iter().all(|f| f.unit == unit)) {
        return None;
    }
    let headline = figs
        .iter()
        .find(|f| f.headline)
        .filter(|h| figs.iter().any(|f| f.under == Some(h.id)));
    let with_scope = |name: &str, s: Option<crate::kb::Scope>| match scope(lang, s) {
        "" => name.to_string(),
        s => format!("{name} ({s})"),
    };
    let series_name = |f: &FigureView| -> Option<String> {
        let h = headline?;
        Some(if f.id == h.id {
            with_scope(lang.l(L::HEADLINE), h.scope)
        } else if f.under == Some(h.id) {
            let elsewhere = f.scope.filter(|s| Some(*s) != h.scope);
            with_scope(lang.l(L::LISTED_UNDER_HEADLINE), elsewhere)
        } else {
            lang.l(L::OUTSIDE_HEADLINE).to_string()
        })
    };
    // The series in the order their first bar comes.
    let mut series: Vec<String> = Vec::new();
    let mut series_of = |f: &FigureView| match series_name(f) {
        None => 0,
        Some(name) => match series.iter().position(|s| *s == name) {
            Some(i) => i,
            None => {
                series.push(name);
                series.len() - 1
            }
        },
    };
    // One thing at several dates (a market in 2023 and by 2027): the dates tell the
    // bars apart, the title names the thing.
    let dated = figs
        .iter()
        .all(|f| f.label == figs[0].label && f.period.is_some());
    let bars: Vec<Bar> = figs
        .iter()
        .map(|f| Bar {
            label: match f.period {
                Some(p) if dated => p.to_string(),
                Some(p) => format!("{} ({p})", f.label),
                None => f.label.to_string(),
            },
            value: f.value,
            shown: f.stated.clone(),
            series: series_of(f),
        })
        .collect();
    let mut sources: Vec<String> = Vec::new();
    for f in figs {
        let s = f.source.cell();
        if !sources.contains(&s) {
            sources.push(s);
        }
    }
    let mut note = lang.l(L::AS_STATED).to_string();
    if headline.is_some() {
        note.push(' ');
        note.push_str(lang.l(L::LISTED_NOT_ADDED));
    }
    note.push(' ');
    note.push_str(&format!(
        "{}{}{}.",
        lang.l(if sources.len() > 1 {
            L::SOURCES
        } else {
            L::SOURCE
        }),
        lang.colon(),
        sources.join(lang.semicolon())
    ));
    let said: Vec<String> = bars
        .iter()
        .map(|b| match series.get(b.series) {
            Some(s) => {
                let mut c = s.chars();
                let first: String = c.next().into_iter().flat_map(char::to_lowercase).collect();
                format!(
                    "{}{}{} — {first}{}",
                    b.label,
                    lang.colon(),
                    b.shown,
                    c.as_str()
                )
            }
            None => format!("{}{}{}", b.label, lang.colon(), b.shown),
        })
        .collect();
    Some(Block::Chart(Chart {
        title: title.to_string(),
        description: format!(
            "{}. {}.",
            said.join(lang.semicolon()),
            note.trim_end_matches('.')
        ),
        series,
        bars,
        note: Some(note),
        print_only,
    }))
}

/// Notes the sources of `figs` as cited by the page.
pub fn cite<'f, 'v: 'f>(doc: &mut Doc, figs: impl IntoIterator<Item = &'f FigureView<'v>>) {
    for f in figs {
        doc.cite(f.source.cell());
    }
}

/// A figure whole, as the memo states it: its stated amount and its period or
/// horizon ("aurait contribué à 12 milliards de dollars de fraude en 2023",
/// "pourrait atteindre 511,3 milliards de dollars d'ici 2027"). A bare date takes its
/// preposition; a phrase stands as it is.
pub fn whole(lang: Lang, f: &FigureView) -> String {
    match f.period {
        None => f.stated.clone(),
        Some(p)
            if p.starts_with(|c: char| c.is_ascii_digit())
                || super::views::MONTHS_EN
                    .iter()
                    .chain(&super::views::MONTHS_FR)
                    .any(|m| p.starts_with(m)) =>
        {
            let prep = match lang {
                Lang::Fr => "en",
                Lang::En => "in",
            };
            format!("{} {prep} {p}", f.stated)
        }
        Some(p) => format!("{} {p}", f.stated),
    }
}

/// A kind's name in the chosen language.
pub fn kind_label(lang: Lang, k: Kind) -> &'static str {
    lang.l(match k {
        Kind::Figure => L::FIGURE_KIND,
        Kind::List => L::LIST_KIND,
        Kind::Actor => L::ACTOR_KIND,
        Kind::Source => L::SOURCE_KIND,
        Kind::Event => L::EVENT_KIND,
        Kind::Topic => L::TOPIC_KIND,
        Kind::Group => L::GROUP_KIND,
        Kind::Section => L::SECTION_KIND,
    })
}

/// The scope of an investment, as a word.
pub fn scope(lang: Lang, s: Option<crate::kb::Scope>) -> &'static str {
    use crate::kb::Scope;
    match s {
        Some(Scope::France) => lang.l(L::FRANCE),
        Some(Scope::Europe) => lang.l(L::EUROPE),
        Some(Scope::World) => lang.l(L::WORLD),
        None => "",
    }
}

/// The memo's own words, under a heading, when the entry quotes them.
fn quote(lang: Lang, doc: &mut Doc, quote: Option<&str>) {
    if let Some(q) = quote {
        doc.push(Block::Subheading(lang.l(L::IN_THE_MEMO).to_string()));
        doc.push(Block::Text(Lang::Fr.quoted(q)));
    }
}

/// The page of one figure: every field.
pub fn figure(lang: Lang, f: &FigureView) -> Doc {
    let mut fields = vec![
        field(lang, L::ID, Cell::code(f.id)),
        field(lang, L::FIGURE, Cell::plain(f.label)),
        field(lang, L::AMOUNT, Cell::figure(&f.stated)),
        field(
            lang,
            L::VALUE,
            Cell::plain(format!("{} {}", lang.number(f.value), lang.unit(f.unit))),
        ),
    ];
    if let Some(p) = f.period {
        fields.push(field(lang, L::PERIOD, Cell::plain(p)));
    }
    fields.push(field(
        lang,
        L::TOPIC,
        Cell::plain(format!("{} ({})", f.topic.name, f.topic.id)),
    ));
    fields.push(field(lang, L::SOURCE, Cell::plain(f.source.cell())));
    fields.push(field(lang, L::SECTION, Cell::dim(f.section.name)));
    if f.scope.is_some() {
        fields.push(field(lang, L::SCOPE, Cell::plain(scope(lang, f.scope))));
    }
    if let Some(u) = f.under {
        fields.push(field(lang, L::UNDER, Cell::code(u)));
    }
    let actors: Vec<&str> = f.actors.iter().map(|a| a.label(lang)).collect();
    if !actors.is_empty() {
        fields.push(field(lang, L::ACTORS, Cell::plain(actors.join(", "))));
    }
    let mut doc = Doc::default();
    doc.push(Block::Heading(f.label.to_string()));
    doc.push(Block::Fields(fields));
    doc.push(Block::Text(f.text.to_string()));
    quote(lang, &mut doc, f.quote);
    cite(&mut doc, [f]);
    doc
}

/// The page of one list: its title, then its items in order.
pub fn list(lang: Lang, view: &ListView) -> Doc {
    let mut doc = Doc::default();
    doc.push(Block::Heading(view.title.to_string()));
    doc.push(Block::Fields(vec![
        field(lang, L::ID, Cell::code(view.id)),
        field(lang, L::SECTION, Cell::dim(view.section.name)),
    ]));
    let details = view.items.iter().any(|i| i.detail.is_some());
    let mut headers = vec!["#".to_string(), lang.l(L::ITEM).to_string()];
    if details {
        headers.push(lang.l(L::DETAIL).to_string());
    }
    doc.push(Block::Table {
        caption: None,
        headers,
        rows: view
            .items
            .iter()
            .map(|i| {
                let mut row = vec![Cell::figure(i.n.to_string()), Cell::plain(i.text)];
                if details {
                    row.push(Cell::plain(i.detail.unwrap_or("")));
                }
                row
            })
            .collect(),
    });
    quote(lang, &mut doc, view.quote);
    doc
}

/// The page of one actor: who it is, where it sits, what it does, its figures.
pub fn actor(lang: Lang, view: &ActorView) -> Doc {
    let mut doc = Doc::default();
    let codes = super::views::both_codes(lang, view.code, view.code_en);
    // A name that is one of its codes (OECD) is said once: `OECD (OCDE)`.
    let name_is_code = [view.code, view.code_en]
        .into_iter()
        .flatten()
        .any(|c| c.eq_ignore_ascii_case(view.name));
    doc.push(Block::Heading(match &codes {
        Some(c) if name_is_code => c.clone(),
        Some(c) => format!("{c} — {}", view.name),
        None => view.name.to_string(),
    }));
    let mut fields = Vec::new();
    if let Some(c) = &codes {
        fields.push(field(lang, L::CODE, Cell::code(c)));
    }
    fields.push(field(lang, L::NAME, Cell::plain(view.name)));
    fields.push(field(lang, L::ID, Cell::code(view.id)));
    fields.push(field(lang, L::GROUP, Cell::plain(view.group.name)));
    if !view.parents.is_empty() {
        let chain: Vec<&str> = view.parents.iter().map(|p| p.label(lang)).collect();
        fields.push(field(lang, L::PARENTS, Cell::plain(chain.join(" → "))));
    }
    if let Some(p) = &view.appears_in {
        fields.push(field(lang, L::APPEARS_IN, Cell::plain(p.label(lang))));
    }
    if let Some(r) = view.role {
        fields.push(field(lang, L::ROLE, Cell::plain(r)));
    }
    for r in view.related.iter() {
        fields.push(field(lang, L::RELATED, Cell::plain(*r)));
    }
    if !view.children.is_empty() {
        let children: Vec<&str> = view.children.iter().map(|c| c.label(lang)).collect();
        fields.push(field(lang, L::CHILDREN, Cell::plain(children.join(", "))));
    }
    fields.push(field(lang, L::SECTION, Cell::dim(view.section.name)));
    if !view.lists.is_empty() {
        let lists: Vec<String> = view
            .lists
            .iter()
            .map(|x| format!("{} ({})", x.name, x.id))
            .collect();
        fields.push(field(
            lang,
            L::LISTS,
            Cell::plain(lists.join(lang.semicolon())),
        ));
    }
    doc.push(Block::Fields(fields));
    if !view.figures.is_empty() {
        doc.push(Block::Subheading(lang.l(L::FIGURES).to_string()));
        doc.push(figure_table(lang, &view.figures));
    }
    quote(lang, &mut doc, view.quote);
    if let (Some(p), Some(of)) = (view.paragraph, &view.appears_in) {
        doc.push(Block::Subheading(format!(
            "{} {}",
            lang.l(L::APPEARS_IN),
            of.label(lang)
        )));
        doc.push(Block::Text(Lang::Fr.quoted(p)));
    }
    cite(&mut doc, &view.figures);
    doc
}

/// The page of an event: facts, description, lists, figures.
pub fn event(lang: Lang, ev: &EventView) -> Doc {
    let mut doc = Doc::default();
    doc.push(Block::Heading(ev.name.to_string()));
    let mut fields = Vec::new();
    if let Some(d) = &ev.dates {
        fields.push(field(lang, L::DATES, Cell::figure(d)));
    }
    fields.push(field(lang, L::PLACE, Cell::plain(ev.place)));
    if let Some(c) = ev.co_chair {
        fields.push(field(lang, L::CO_CHAIR, Cell::plain(c)));
    }
    if let Some(p) = &ev.part_of {
        fields.push(field(lang, L::PART_OF, Cell::plain(p.name)));
    }
    fields.push(field(lang, L::SECTION, Cell::dim(ev.section.name)));
    doc.push(Block::Fields(fields));
    doc.push(Block::Text(ev.description.to_string()));
    for list in ev.lists.iter() {
        doc.push(Block::Subheading(format!("{} ({})", list.title, list.id)));
        doc.push(Block::Numbered(
            list.items.iter().map(|i| i.text.to_string()).collect(),
        ));
    }
    if !ev.figures.is_empty() {
        let heading = ev.topic.map_or(lang.l(L::FIGURES), |t| t.name);
        doc.push(Block::Subheading(heading.to_string()));
        doc.push(figure_table(lang, &ev.figures));
    }
    quote(lang, &mut doc, ev.quote);
    cite(&mut doc, &ev.figures);
    doc
}

/// The page of a source: its name, date and the figures it backs.
pub fn source(lang: Lang, s: &SourceView) -> Doc {
    let mut doc = Doc::default();
    doc.push(Block::Heading(s.name.to_string()));
    let mut fields = vec![field(lang, L::ID, Cell::code(s.id))];
    if let Some(d) = s.date {
        fields.push(field(lang, L::DATE, Cell::plain(d)));
    }
    doc.push(Block::Fields(fields));
    if !s.figures.is_empty() {
        doc.push(Block::Subheading(lang.l(L::FIGURES).to_string()));
        doc.push(figure_table(lang, &s.figures));
    }
    cite(&mut doc, &s.figures);
    doc
}
