//! HTML: one self-contained HTML5 page for a browser, a printer or an e-mail —
//! inline CSS (printed on A4, sober and legible in grayscale), charts as inline SVG,
//! no script, and nothing to fetch: no external stylesheet, font or image (a
//! Content-Security-Policy says so to the browser too). The footer names the memo
//! and the sources the page cites.
//!
//! Every text is escaped (`& < > " '`), after the control characters a knowledge-base
//! file could carry are made visible ([`sanitize`]): text from a `--facts` file is
//! always text, never markup.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Write;

use super::sanitize::sanitize;
use super::{chart, Block, Cell, Chart, Doc, Tone};
use crate::error::Result;
use crate::i18n::{labels as L, Lang};

/// `text` safe in HTML text and attribute values: control characters shown as
/// escapes, and `& < > " '` as character references.
pub fn esc(text: &str) -> Cow<'_, str> {
    let text = sanitize(text);
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The page's style: A4 with margins when printed, nothing split across pages,
/// grayscale only.
const CSS: &str = "\
@page{size:A4;margin:11mm 13mm}
*{box-sizing:border-box}
html{font:10pt/1.38 Arial,\"Liberation Sans\",Helvetica,sans-serif;color:#111;background:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0 auto;padding:10mm 6mm;max-width:196mm;overflow-wrap:break-word}
@media print{body{padding:0;max-width:none}}
h1{font-size:15pt;line-height:1.2;text-wrap:balance;margin:0 0 2.5mm;padding-bottom:1.8mm;border-bottom:1.2pt solid #111}
h2{font-size:11pt;text-wrap:balance;margin:3.5mm 0 1.2mm;break-after:avoid}
p,ol,dl,blockquote,pre{margin:0 0 2mm}
ol{padding-left:5mm}
li{margin:0 0 .4mm}
table{border-collapse:collapse;width:100%;margin:0 0 3mm;font-size:9pt}
caption{text-align:left;font-weight:bold;font-size:11pt;padding:0 0 1mm}
th,td{text-align:left;vertical-align:top;padding:.6mm 2mm .6mm 0;border-bottom:.4pt solid #999}
th{border-bottom:1pt solid #111}
.figure{font-weight:bold}
.dim{color:#444}
.code{font-family:\"Liberation Mono\",\"DejaVu Sans Mono\",monospace;font-size:.92em;white-space:pre}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.6mm 4mm}
dt{font-weight:bold}
dd{margin:0}
blockquote{margin-left:0;padding-left:3mm;border-left:1.5pt solid #777}
pre{white-space:pre-wrap}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(78mm,1fr));gap:3mm 8mm;margin:3mm 0}
figure{margin:0}
figcaption{font-weight:bold;font-size:11pt;margin:0 0 1.5mm}
figure svg{display:block;width:100%;max-width:340px;height:auto;overflow:visible}
.note{font-size:8pt;color:#333;margin:1.2mm 0 0}
footer{margin-top:4mm;padding-top:1.5mm;border-top:.6pt solid #111;font-size:8pt;color:#333}
footer p{margin:0 0 .6mm}
h1,h2,p,li,tr,dl,blockquote,pre,figure,caption,footer{break-inside:avoid}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
";

/// Writes `doc` as one HTML page in `lang`.
pub fn write(out: &mut impl Write, doc: &Doc, lang: Lang) -> Result<()> {
    out.write_all(page(doc, lang).as_bytes())?;
    Ok(())
}

/// The page's title: its first heading, else its first caption, else "aimemo".
fn title(doc: &Doc) -> String {
    doc.blocks
        .iter()
        .find_map(|b| match b {
            Block::Heading(t) => Some(t.clone()),
            _ => None,
        })
        .or_else(|| {
            doc.blocks.iter().find_map(|b| match b {
                Block::Subheading(t) => Some(t.clone()),
                Block::Table {
                    caption: Some(c), ..
                } => Some(c.clone()),
                _ => None,
            })
        })
        .unwrap_or_else(|| "aimemo".to_string())
}

/// The whole page.
pub fn page(doc: &Doc, lang: Lang) -> String {
    let mut h = String::with_capacity(16 * 1024);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"aimemo\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n",
        lang.code(),
        esc(&title(doc))
    );
    let mut heading: Option<&str> = None;
    let mut charts = 0;
    let mut i = 0;
    while i < doc.blocks.len() {
        let block = &doc.blocks[i];
        match block {
            Block::Heading(t) => {
                heading = Some(t);
                let _ = writeln!(h, "<h1>{}</h1>", lines(t));
            }
            Block::Subheading(t) => {
                heading = Some(t);
                let _ = writeln!(h, "<h2>{}</h2>", lines(t));
            }
            Block::Text(t) => {
                let _ = writeln!(h, "<p>{}</p>", lines(t));
            }
            Block::Pre(t) => {
                let _ = writeln!(h, "<pre>{}</pre>", esc(t));
            }
            Block::Quote(t) => {
                let _ = writeln!(h, "<blockquote><p>{}</p></blockquote>", lines(t));
            }
            Block::Rich(spans) => {
                h.push_str("<p>");
                for s in spans {
                    if s.emphasis {
                        let _ = write!(h, "<em>{}</em>", lines(&s.text));
                    } else {
                        h.push_str(&lines(&s.text));
                    }
                }
                h.push_str("</p>\n");
            }
            Block::Fields(fields) => {
                h.push_str("<dl>\n");
                for (k, v) in fields {
                    let _ = writeln!(
                        h,
                        "<dt>{}</dt><dd{}>{}</dd>",
                        esc(k),
                        class(v),
                        lines(&v.text)
                    );
                }
                h.push_str("</dl>\n");
            }
            Block::Numbered(items) => {
                h.push_str("<ol>\n");
                for item in items {
                    let _ = writeln!(h, "<li>{}</li>", lines(item));
                }
                h.push_str("</ol>\n");
            }
            Block::Table {
                caption,
                headers,
                rows,
            } => {
                h.push_str("<table>\n");
                match (caption, heading) {
                    (Some(c), _) => {
                        let _ = writeln!(h, "<caption>{}</caption>", lines(c));
                    }
                    // The heading just above says what the table holds; screen
                    // readers still get it as the caption.
                    (None, Some(t)) => {
                        let _ = writeln!(h, "<caption class=\"sr\">{}</caption>", lines(t));
                    }
                    (None, None) => {}
                }
                h.push_str("<thead><tr>");
                for th in headers {
                    let _ = write!(h, "<th scope=\"col\">{}</th>", esc(th));
                }
                h.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    h.push_str("<tr>");
                    for c in row {
                        let _ = write!(h, "<td{}>{}</td>", class(c), lines(&c.text));
                    }
                    h.push_str("</tr>\n");
                }
                h.push_str("</tbody>\n</table>\n");
            }
            Block::Chart(_) => {
                // Charts side by side: a run of them shares a row.
                h.push_str("<div class=\"charts\">\n");
                while let Some(Block::Chart(c)) = doc.blocks.get(i) {
                    charts += 1;
                    figure(&mut h, c, charts);
                    i += 1;
                }
                h.push_str("</div>\n");
                continue;
            }
        }
        i += 1;
    }
    h.push_str("</main>\n");
    footer(&mut h, doc, lang);
    h.push_str("</body>\n</html>\n");
    h
}

/// A cell's tone as a class attribute.
fn class(c: &Cell) -> &'static str {
    match c.tone {
        Tone::Plain => "",
        Tone::Code => " class=\"code\"",
        Tone::Figure => " class=\"figure\"",
        Tone::Dim => " class=\"dim\"",
    }
}

/// Escaped text, its line breaks kept (the document is already set in its
/// language's typography: `typo`).
fn lines(text: &str) -> String {
    esc(text).replace('\n', "<br>")
}

/// A chart: its title, the SVG, and how to read it.
fn figure(h: &mut String, c: &Chart, n: usize) {
    let _ = writeln!(h, "<figure>\n<figcaption>{}</figcaption>", lines(&c.title));
    chart::svg(h, c, &format!("chart-{n}"));
    h.push('\n');
    if let Some(note) = &c.note {
        let _ = writeln!(h, "<p class=\"note\">{}</p>", lines(note));
    }
    h.push_str("</figure>\n");
}

/// The footer: the memo's reference and the sources the page cites.
fn footer(h: &mut String, doc: &Doc, lang: Lang) {
    h.push_str("<footer>\n");
    if let Some(m) = &doc.memo {
        let _ = write!(h, "<p>{}{}", lang.l(L::REFERENCE), lang.colon());
        if let Some(ministry) = &m.ministry {
            let _ = write!(h, "{}, ", lines(ministry));
        }
        let stop = if m.title.ends_with(['?', '!', '.', '…']) {
            ""
        } else {
            "."
        };
        let _ = writeln!(
            h,
            "<cite>{}</cite>, {}{stop}</p>",
            lines(&m.series),
            lines(&lang.quoted(&m.title))
        );
    }
    if !doc.sources.is_empty() {
        let sep = lang.semicolon();
        let sources: Vec<String> = doc.sources.iter().map(|s| lines(s)).collect();
        let label = if doc.sources.len() > 1 {
            L::SOURCES
        } else {
            L::SOURCE
        };
        let _ = writeln!(
            h,
            "<p>{}{}{}.</p>",
            lang.l(label),
            lang.colon(),
            sources.join(sep)
        );
    }
    if doc.memo.is_none() && doc.sources.is_empty() {
        h.push_str("<p>aimemo</p>\n");
    }
    h.push_str("</footer>\n");
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(esc("plain énergie"), "plain énergie");
        assert_eq!(
            esc(r#"<script>alert("x")</script> & 'q'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"
        );
        assert_eq!(esc("a\u{1b}[2Jb"), "a\\e[2Jb");
    }
}
