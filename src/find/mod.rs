//! `aimemo find [WORDS…]`: a full-screen finder on the terminal. A query line, the
//! ranked entries (the same search as `aimemo search`, re-ranked on every key), a
//! preview of the selected entry; Enter prints its citation as `aimemo cite` does.
//!
//! [`Finder`] is the state and what keys do to it, knowing nothing of terminals;
//! [`screen`] draws it into a grid of cells (tested as text), and writes that grid
//! as escape sequences; [`tty`] owns the terminal and restores it on every way out.
//! It draws with plain escape sequences: ratatui (asked for by issue 23) was measured
//! to take the release binary over its 2.5 MB bound (2,366,792 → 2,510,760 bytes for
//! a bare list and paragraph), and crossterm's `events` feature would add mio and
//! signal-hook, so raw mode, input and resizes go through `libc` (already a dependency).

pub mod keys;
pub mod screen;
mod tty;

use crate::commands::{cite, Ctx, Run};
use crate::error::{Error, Msg, Outcome, Result};
use crate::i18n::Lang;
use crate::kb::index::{SearchIndex, Side};
use crate::kb::passage;
use crate::kb::search::{Found, Hit};
use crate::kb::{EntryRef, Kind, Loaded};
pub use keys::Key;
pub use screen::Grid;

/// How the finder ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Enter: cite this entry (by id), in this language.
    Cite(String, Lang),
    /// Ctrl-O: print its id.
    Id(String),
    /// Esc, Ctrl-C: nothing.
    Cancel,
}

/// What a key asks of the terminal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Stay,
    /// Ctrl-Y: copy this text to the clipboard (OSC 52), and stay.
    Copy(String),
    Done(Choice),
}

/// One entry of the list, and its hit when a query found it (for its passage).
#[derive(Clone, Copy, Debug)]
pub struct Row {
    pub entry: EntryRef,
    pub hit: Option<Hit>,
}

/// The finder's state: the query, the ranked entries, the selection.
pub struct Finder<'a> {
    pub loaded: &'a Loaded,
    index: SearchIndex,
    pub lang: Lang,
    query: Vec<char>,
    cursor: usize,
    pub found: Found,
    pub rows: Vec<Row>,
    /// The entries listed for an empty query: the headline figures first.
    everything: Vec<Row>,
    pub selected: usize,
    pub top: usize,
    /// Rows the list shows (set by each frame), for PgUp/PgDn.
    page: usize,
    pub help: bool,
    /// A line for the status bar (copied, nothing to cite…), until the next key.
    pub message: Option<String>,
}

impl<'a> Finder<'a> {
    /// A finder over `loaded`, its query `words`: the index is built once, so that
    /// a key re-ranks without rebuilding it.
    pub fn new(loaded: &'a Loaded, lang: Lang, words: &str) -> Finder<'a> {
        let kb = &loaded.kb;
        let mut everything: Vec<Row> = kb
            .ids()
            .map(|(_, e)| Row {
                entry: e,
                hit: None,
            })
            .collect();
        // Headline figures, then other figures, then the rest, each in the base's order.
        let rank = |r: &Row| match r.entry.kind {
            Kind::Figure if kb.figures[r.entry.idx].headline => 0,
            Kind::Figure => 1,
            _ => 2,
        };
        everything.sort_by_key(rank);
        let mut f = Finder {
            loaded,
            index: SearchIndex::build(kb),
            lang,
            query: words.chars().collect(),
            cursor: 0,
            found: Found::default(),
            rows: Vec::new(),
            everything,
            selected: 0,
            top: 0,
            page: 10,
            help: false,
            message: None,
        };
        f.cursor = f.query.len();
        f.rerank();
        f
    }

    /// The query as typed.
    pub fn query(&self) -> String {
        self.query.iter().collect()
    }

    /// Where the cursor is in the query, in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// A context for the commands' views, in the finder's language.
    pub fn ctx(&self) -> Ctx<'a> {
        Ctx {
            loaded: self.loaded,
            lang: self.lang,
        }
    }

    /// The selected entry.
    pub fn current(&self) -> Option<EntryRef> {
        self.rows.get(self.selected).map(|r| r.entry)
    }

    /// Searches the query as `aimemo search` does (the same `search` and `select`),
    /// and selects the best match.
    fn rerank(&mut self) {
        let q = self.query();
        if q.trim().is_empty() {
            self.found = Found::default();
            self.rows = self.everything.clone();
        } else {
            self.found = crate::kb::search::search(&self.index, &q);
            let (hits, _) = self.found.select(&self.loaded.kb, None);
            self.rows = hits
                .into_iter()
                .map(|h| Row {
                    entry: h.entry,
                    hit: Some(h),
                })
                .collect();
        }
        self.selected = 0;
        self.top = 0;
    }

    /// The passage of row `i` that matched the query, with its matched words.
    pub fn passage(&self, i: usize) -> Option<passage::Passage> {
        let row = self.rows.get(i)?;
        let hit = row.hit.as_ref()?;
        let side = match self.lang {
            Lang::En => Side::En,
            Lang::Fr => Side::Fr,
        };
        passage::passage(
            &self.loaded.kb,
            row.entry,
            &self.found.query,
            side,
            self.found.fields_of(hit),
        )
    }

    /// The matched words in `text` (character ranges).
    pub fn marks(&self, text: &str) -> Vec<(usize, usize)> {
        if self.found.query.terms.is_empty() {
            return Vec::new();
        }
        passage::spans(text, &self.found.query)
    }

    /// The citation's text of the selected entry (as `aimemo cite` builds it), or
    /// why there is none.
    pub fn citation(&self) -> std::result::Result<String, String> {
        let Some(e) = self.current() else {
            return Err(self.say("nothing to cite", "rien à citer"));
        };
        let id = self.loaded.kb.id_of(e).to_string();
        match cite::run(&self.ctx(), std::slice::from_ref(&id)) {
            Ok(c) => Ok(c
                .citations
                .first()
                .map(|c| c.text.clone())
                .unwrap_or_default()),
            Err(e) => Err(e
                .message(self.lang)
                .lines()
                .next()
                .unwrap_or_default()
                .to_string()),
        }
    }

    fn say(&self, en: &str, fr: &str) -> String {
        Msg::new(en, fr).pick(self.lang).to_string()
    }

    /// What `key` does.
    pub fn key(&mut self, key: Key) -> Step {
        self.message = None;
        if self.help {
            self.help = false;
            if matches!(key, Key::Char('?') | Key::F1 | Key::Esc) {
                return Step::Stay;
            }
        }
        let n = self.rows.len();
        let last = n.saturating_sub(1);
        let edited = match key {
            Key::Char('?') | Key::F1 => {
                self.help = true;
                false
            }
            Key::Char(c) => {
                self.query.insert(self.cursor, c);
                self.cursor += 1;
                true
            }
            Key::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                self.query.remove(self.cursor);
                true
            }
            Key::Delete if self.cursor < self.query.len() => {
                self.query.remove(self.cursor);
                true
            }
            Key::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            Key::Right => {
                self.cursor = (self.cursor + 1).min(self.query.len());
                false
            }
            Key::Ctrl('a') => {
                self.cursor = 0;
                false
            }
            Key::Ctrl('e') => {
                self.cursor = self.query.len();
                false
            }
            Key::Ctrl('u') => {
                self.query.drain(..self.cursor);
                self.cursor = 0;
                true
            }
            Key::Ctrl('w') => {
                let mut start = self.cursor;
                while start > 0 && self.query[start - 1] == ' ' {
                    start -= 1;
                }
                while start > 0 && self.query[start - 1] != ' ' {
                    start -= 1;
                }
                self.query.drain(start..self.cursor);
                self.cursor = start;
                true
            }
            Key::Up | Key::Ctrl('p') => {
                self.selected = self.selected.saturating_sub(1);
                false
            }
            Key::Down | Key::Ctrl('n') => {
                self.selected = (self.selected + 1).min(last);
                false
            }
            Key::PageUp => {
                self.selected = self.selected.saturating_sub(self.page.max(1));
                false
            }
            Key::PageDown => {
                self.selected = (self.selected + self.page.max(1)).min(last);
                false
            }
            Key::Home => {
                self.selected = 0;
                false
            }
            Key::End => {
                self.selected = last;
                false
            }
            Key::Tab => {
                self.lang = match self.lang {
                    Lang::En => Lang::Fr,
                    Lang::Fr => Lang::En,
                };
                false
            }
            Key::Esc | Key::Ctrl('c') | Key::Ctrl('g') => return Step::Done(Choice::Cancel),
            Key::Enter => {
                let id = self.current().map(|e| self.loaded.kb.id_of(e).to_string());
                return match (self.citation(), id) {
                    (Ok(_), Some(id)) => Step::Done(Choice::Cite(id, self.lang)),
                    (Err(why), _) => {
                        self.message = Some(format!(
                            "{why} — {}",
                            self.say("Ctrl-O prints its id", "Ctrl-O imprime son identifiant")
                        ));
                        Step::Stay
                    }
                    (Ok(_), None) => Step::Stay,
                };
            }
            Key::Ctrl('o') => {
                return match self.current() {
                    Some(e) => Step::Done(Choice::Id(self.loaded.kb.id_of(e).to_string())),
                    None => Step::Stay,
                };
            }
            Key::Ctrl('y') => {
                return match self.citation() {
                    Ok(text) => {
                        self.message = Some(self.say(
                            "citation copied to the clipboard (OSC 52)",
                            "citation copiée dans le presse-papiers (OSC 52)",
                        ));
                        Step::Copy(text)
                    }
                    Err(why) => {
                        self.message = Some(why);
                        Step::Stay
                    }
                };
            }
            _ => false,
        };
        if edited {
            self.rerank();
        }
        Step::Stay
    }

    /// Keeps the selection in the list's `rows` visible rows.
    pub fn scroll(&mut self, rows: usize) {
        self.page = rows.max(1);
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + self.page {
            self.top = self.selected + 1 - self.page;
        }
    }

    /// The frame for a terminal of `w` columns and `h` rows.
    pub fn frame(&mut self, w: usize, h: usize, color: bool) -> Grid {
        screen::render(self, w, h, color)
    }
}

/// Runs the finder on the terminal, then writes what was chosen to `r.out`: the
/// citation, as `aimemo cite ID` writes it, or the id. Leaving without choosing
/// exits 130 with nothing written.
pub fn run(ctx: &Ctx, words: &[String], r: &mut Run) -> Result<Outcome> {
    use std::io::Write;
    let Ok(mut tty) = tty::Tty::open() else {
        return Err(no_terminal());
    };
    let color = color();
    let mut finder = Finder::new(ctx.loaded, ctx.lang, &words.join(" "));
    let choice = (|| -> Result<Choice> {
        let mut last: Option<Grid> = None;
        loop {
            let (w, h) = tty.size();
            let grid = finder.frame(usize::from(w), usize::from(h), color);
            let bytes = screen::ansi(&grid, last.as_ref(), color);
            tty.write(&bytes)?;
            last = Some(grid);
            let input = tty.read(200)?;
            for key in keys::decode(&input) {
                match finder.key(key) {
                    Step::Stay => {}
                    Step::Copy(text) => tty.write(&screen::osc52(&text))?,
                    Step::Done(choice) => return Ok(choice),
                }
            }
        }
    })();
    drop(tty);
    match choice? {
        Choice::Cancel => {
            let _ = std::io::stdout().flush();
            std::process::exit(130);
        }
        Choice::Id(id) => {
            writeln!(r.out, "{id}")?;
            Ok(Outcome::Found)
        }
        Choice::Cite(id, lang) => {
            let ctx = Ctx {
                loaded: ctx.loaded,
                lang,
            };
            let cited = cite::run(&ctx, &[id])?;
            let settings = crate::render::Settings {
                lang,
                ..*r.settings
            };
            crate::render::write(&mut r.out, &cited, &settings, None)?;
            Ok(Outcome::Found)
        }
    }
}

/// Whether the finder draws in color: `--color`, else not when `NO_COLOR` is set or
/// `TERM` is dumb (the terminal is a terminal: stdout may be a pipe).
fn color() -> bool {
    let choice = crate::cli::parse()
        .ok()
        .map(|c| c.global.color())
        .unwrap_or_default();
    crate::render::term::use_color(choice, true, |k| std::env::var(k).ok())
}

/// The refusal without a terminal (exit 2).
fn no_terminal() -> Error {
    Error::Usage(Msg::new(
        "find needs a terminal (/dev/tty) to draw on\nwithout one, use `aimemo search WORDS`",
        "trouver a besoin d’un terminal (/dev/tty) où s’afficher\nsans terminal, utilisez `aimemo recherche MOTS`",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Loaded {
        crate::kb::load(&[], true).expect("the built-in base")
    }

    fn typed(f: &mut Finder, text: &str) {
        for c in text.chars() {
            f.key(Key::Char(c));
        }
    }

    #[test]
    fn dnum_first_with_its_preview_and_the_word_marked() {
        let loaded = builtin();
        let mut f = Finder::new(&loaded, Lang::En, "");
        typed(&mut f, "dnum");
        let g = f.frame(100, 30, false);
        let text = g.text();
        assert!(g.line(0).starts_with("› dnum"), "{text}");
        assert!(g.line(2).contains("DNUM — Digital Directorate"), "{text}");
        assert!(g.style(1, 2).selected, "the first row is selected");
        // The preview: title, kind and id, the memo's own words.
        assert!(text.contains("actor · dnum"), "{text}");
        assert!(text.contains("La direction du numérique (DNUM)"), "{text}");
        assert!(
            g.marked(2).contains(&"DNUM".to_string()),
            "{:?}",
            g.marked(2)
        );
        assert!(g.text().lines().all(|l| l.chars().count() <= 100));
    }

    #[test]
    fn an_empty_query_lists_the_headline_figures_first() {
        let loaded = builtin();
        let mut f = Finder::new(&loaded, Lang::En, "");
        let first = f.current().expect("an entry");
        assert_eq!(first.kind, Kind::Figure);
        assert!(loaded.kb.figures[first.idx].headline);
        let g = f.frame(80, 24, false);
        assert!(g.text().contains("Source: "), "{}", g.text());
    }

    #[test]
    fn the_same_ranking_as_search() {
        let loaded = builtin();
        let ctx = Ctx {
            loaded: &loaded,
            lang: Lang::En,
        };
        for q in ["énergie", "who co-chaired the summit", "109bn", "kazakstan"] {
            let f = Finder::new(&loaded, Lang::En, q);
            let s = crate::commands::search::run(
                &ctx,
                &[q.to_string()],
                crate::commands::search::Options::default(),
            )
            .expect("found");
            let ids: Vec<&str> = f.rows.iter().map(|r| loaded.kb.id_of(r.entry)).collect();
            let expected: Vec<&str> = s.hits.iter().map(|h| h.id).collect();
            assert_eq!(ids, expected, "{q}");
        }
    }

    #[test]
    fn keys_edit_the_query_and_move_the_selection() {
        let loaded = builtin();
        let mut f = Finder::new(&loaded, Lang::En, "water energy");
        assert_eq!(f.key(Key::Ctrl('w')), Step::Stay);
        assert_eq!(f.query(), "water ");
        f.key(Key::Left);
        f.key(Key::Backspace);
        assert_eq!(f.query(), "wate ");
        f.key(Key::Ctrl('u'));
        assert_eq!(f.query(), " ");
        f.key(Key::Down);
        f.key(Key::Ctrl('n'));
        assert_eq!(f.selected, 2);
        f.key(Key::Ctrl('p'));
        assert_eq!(f.selected, 1);
        f.key(Key::End);
        assert_eq!(f.selected, f.rows.len() - 1);
        f.key(Key::Home);
        f.frame(60, 15, false);
        f.key(Key::PageDown);
        assert_eq!(f.selected, 12, "a page is the list's 12 rows");
        assert_eq!(f.key(Key::Esc), Step::Done(Choice::Cancel));
        assert_eq!(f.key(Key::Ctrl('c')), Step::Done(Choice::Cancel));
    }

    #[test]
    fn enter_cites_ctrl_o_gives_the_id_ctrl_y_copies() {
        let loaded = builtin();
        let mut f = Finder::new(&loaded, Lang::Fr, "dnum");
        assert_eq!(f.key(Key::Ctrl('o')), Step::Done(Choice::Id("dnum".into())));
        match f.key(Key::Ctrl('y')) {
            Step::Copy(text) => assert!(text.contains("La direction du numérique"), "{text}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(f.key(Key::Tab), Step::Stay);
        assert_eq!(f.lang, Lang::En);
        assert_eq!(
            f.key(Key::Enter),
            Step::Done(Choice::Cite("dnum".into(), Lang::En))
        );
        let osc = String::from_utf8(screen::osc52("hi!")).unwrap();
        assert_eq!(osc, "\u{1b}]52;c;aGkh\u{7}");
    }

    #[test]
    fn fits_60_by_15_and_says_when_smaller() {
        let loaded = builtin();
        let mut f = Finder::new(&loaded, Lang::En, "dnum");
        let g = f.frame(60, 15, false);
        assert_eq!(g.text().lines().count(), 15);
        assert!(g.text().lines().all(|l| l.chars().count() <= 60));
        assert!(g.line(2).contains("DNUM"), "{}", g.text());
        assert!(g.text().contains("actor · dnum"), "{}", g.text());
        let small = f.frame(59, 15, false).text();
        assert!(small.contains("too small"), "{small}");
        assert!(f.frame(80, 14, false).text().contains("60×15"));
    }

    #[test]
    fn in_french_and_the_keys_in_french() {
        let loaded = builtin();
        let mut f = Finder::new(&loaded, Lang::Fr, "dnum");
        let g = f.frame(100, 30, false);
        assert!(g.text().contains("acteur · dnum"), "{}", g.text());
        assert!(g.text().contains("Dans le mémo"), "{}", g.text());
        assert!(g.line(29).contains("Échap quitter"), "{}", g.text());
        f.key(Key::Char('?'));
        let help = f.frame(100, 30, false).text();
        assert!(
            help.contains("Touches") && help.contains("imprimer la citation"),
            "{help}"
        );
        f.key(Key::Char('x'));
        assert!(
            !f.help && f.query() == "dnumx",
            "a key closes the help, and is typed"
        );
    }
}
