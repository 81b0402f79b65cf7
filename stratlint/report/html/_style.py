"""The report's stylesheet: light and dark colours, print, focus rings. Inline, no web fonts."""

CSS = """
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1d2430; --muted: #5a6676; --line: #d6dde5; --panel: #f4f6f9;
  --panel2: #e9edf2; --link: #1c5fb8; --focus: #f59f00; --mark: #ffe8a3;
  --k-strategy: #3b5bdb; --k-plan: #2f9e44; --k-goals: #e8890c; --k-mixed: #c2255c;
  --k-other: #b2bcc7;
  --sev-error: #c92a2a; --sev-warning: #a85b00; --sev-info: #1864ab;
  --attn: #d9480f; --attn-bg: #fff0e6; --ok: #2f9e44;
  --t-supports: #4c3fd6; --t-column: #8a3ffc; --t-anchor: #0c8599; --t-terms: #5a6676;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #12161b; --fg: #e4e8ee; --muted: #9ba7b4; --line: #2d353f; --panel: #1a2027;
    --panel2: #232b34; --link: #74b0ff; --focus: #ffd43b; --mark: #5c4a00;
    --k-strategy: #748ffc; --k-plan: #51cf66; --k-goals: #ffa94d; --k-mixed: #f06595;
    --k-other: #5c6670;
    --sev-error: #ff8787; --sev-warning: #ffb74d; --sev-info: #74c0fc;
    --attn: #ff922b; --attn-bg: #3a2413; --ok: #69db7c;
    --t-supports: #9c92ff; --t-column: #c49bff; --t-anchor: #3bc9db; --t-terms: #9ba7b4;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans",
       sans-serif; }
a { color: var(--link); }
a:focus-visible, summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px;
  border-radius: 3px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5em 1em; }
.skip:focus { left: 1em; z-index: 10; }
header.top { background: var(--panel); border-bottom: 1px solid var(--line);
  padding: 1.25rem max(1rem, calc((100% - 1180px) / 2 + 1rem)) 1rem; }
header.top h1 { margin: 0 0 .15rem; font-size: 1.6rem; letter-spacing: -.01em; }
header.top p { margin: 0; color: var(--muted); }
nav.toc { margin-top: .6rem; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
nav.toc a { font-weight: 600; text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
main { max-width: 1180px; margin: 0 auto; padding: 0 1rem 1rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .3rem; padding-bottom: .25rem;
     border-bottom: 2px solid var(--line); }
h3 { font-size: 1.08rem; margin: 0; }
h3.sub { font-size: .82rem; text-transform: uppercase; letter-spacing: .06em;
  color: var(--muted); margin: 1.4rem 0 .3rem; }
h4 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted);
     margin: .9rem 0 .35rem; }
.lede { color: var(--muted); margin: .2rem 0 1rem; max-width: 75ch; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: .75rem;
  margin: 1.2rem 0 0; }
.tile { background: var(--panel); border: 1px solid var(--line); border-radius: 8px;
  padding: .7rem .9rem; }
.tile .n { display: block; font-size: 1.75rem; font-weight: 700; line-height: 1.15; }
.tile .l { color: var(--muted); font-size: .86rem; }
.tile.attn { border-color: var(--attn); background: var(--attn-bg); }
.tile.attn .n { color: var(--attn); }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { font-size: .78rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; height: .6rem; border-radius: 3px; background: var(--muted);
  vertical-align: middle; min-width: 2px; }
.bar.sev-error, .sev.sev-error::before { background: var(--sev-error); }
.bar.sev-warning, .sev.sev-warning::before { background: var(--sev-warning); }
.bar.sev-info, .sev.sev-info::before { background: var(--sev-info); }
.sev { white-space: nowrap; font-weight: 600; font-size: .88rem; }
.sev::before { content: ""; display: inline-block; width: .6em; height: .6em; border-radius: 50%;
  margin-right: .3em; vertical-align: .05em; }
.sev.sev-error { color: var(--sev-error); }
.sev.sev-warning { color: var(--sev-warning); }
.sev.sev-info { color: var(--sev-info); }
.clean { color: var(--ok); font-weight: 600; font-size: .88rem; }
.rule { font: 600 .85rem ui-monospace, "DejaVu Sans Mono", monospace; }
.muted { color: var(--muted); }
.small { font-size: .8rem; }
.nw { white-space: nowrap; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.1rem; font-size: .86rem;
  color: var(--muted); margin: .3rem 0 .6rem; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: .35rem; }
.sw { display: inline-block; width: 1.1rem; height: .75rem; border-radius: 2px; }
.sw.line { height: 0; border-top: 3px solid; border-radius: 0; }
.k-strategy { --k: var(--k-strategy); } .k-plan { --k: var(--k-plan); }
.k-goals { --k: var(--k-goals); } .k-other { --k: var(--k-other); }
.k-mixed { --k: var(--k-mixed); }
.sw.k-strategy, .sw.k-plan, .sw.k-goals, .sw.k-other, .band > span { background: var(--k); }
.sw.k-mixed, .band > span.k-mixed { background: repeating-linear-gradient(135deg,
  var(--k-strategy) 0 5px, var(--k-plan) 5px 10px); }
figure.map { margin: 1rem 0 1.8rem; padding: .8rem 1rem 1rem; border: 1px solid var(--line);
  border-radius: 10px; background: var(--panel); break-inside: avoid; }
figure.map figcaption h3 { display: inline; }
figure.map svg { display: block; width: 100%; height: auto; margin-top: .5rem; }
.attn-list { margin: .5rem 0 0; padding-left: 1.2rem; }
.attn-list li::marker { color: var(--attn); }
details { margin-top: .5rem; }
summary { cursor: pointer; color: var(--link); font-size: .9rem; }
svg text { fill: var(--fg); font: 13px system-ui, "DejaVu Sans", sans-serif; }
svg .box { fill: var(--bg); stroke: var(--line); stroke-width: 1.5; }
svg .pillar .box { stroke: var(--k-strategy); }
svg .init .box { stroke: var(--k-plan); }
svg .attn .box { fill: var(--attn-bg); stroke: var(--attn); stroke-width: 2.5;
  stroke-dasharray: 7 4; }
svg .routine .box { stroke: var(--k-other); }
svg .none .box { stroke: var(--k-other); stroke-dasharray: 4 4; fill: none; }
svg .num { fill: var(--k-strategy); }
svg .numt { fill: #fff; font-weight: 700; font-size: 12px; }
svg .state { font-size: 11.5px; fill: var(--muted); }
svg .attn .state { fill: var(--attn); font-weight: 700; }
svg .group { font-size: 12px; fill: var(--muted); font-weight: 600; }
svg .colhead { font-size: 12px; fill: var(--muted); font-weight: 700; letter-spacing: .06em; }
svg path.t { fill: none; stroke-width: 2.2; opacity: .9; }
svg path.t-supports { stroke: var(--t-supports); }
svg path.t-column { stroke: var(--t-column); }
svg path.t-anchor { stroke: var(--t-anchor); stroke-dasharray: 10 3 2 3; }
svg path.t-terms { stroke: var(--t-terms); stroke-dasharray: 6 4; }
svg path.weak { stroke-dasharray: 2 4; stroke-width: 1.6; opacity: .75; }
svg .tl { font-size: 10.5px; paint-order: stroke; stroke: var(--panel); stroke-width: 3px;
  stroke-linejoin: round; }
svg .tl-supports { fill: var(--t-supports); } svg .tl-column { fill: var(--t-column); }
svg .tl-anchor { fill: var(--t-anchor); } svg .tl-terms { fill: var(--t-terms); }
.sw.t-supports { border-color: var(--t-supports); } .sw.t-column { border-color: var(--t-column); }
.sw.t-anchor { border-color: var(--t-anchor); border-top-style: dashed; }
.sw.t-terms { border-color: var(--t-terms); border-top-style: dashed; }
.sw.weak { border-color: var(--t-terms); border-top-style: dotted; }
.sw.attn { border: 2px dashed var(--attn); background: var(--attn-bg); }
.apart { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: .75rem; }
.apart .card { border: 1px solid var(--line); border-left: 4px solid var(--attn);
  border-radius: 6px; padding: .6rem .8rem; background: var(--panel); }
.apart .card p { margin: .2rem 0; }
.apart code, .finding code { font-size: .88em; }
article.doc { border: 1px solid var(--line); border-radius: 10px; margin: 1rem 0;
  padding: .8rem 1rem 1rem; content-visibility: auto; contain-intrinsic-size: auto 420px; }
article.doc > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem 1rem; }
article.doc > header h3 { font: 600 1rem ui-monospace, "DejaVu Sans Mono", monospace;
  word-break: break-all; }
article.doc > header .t { color: var(--muted); }
article.doc > header .badges { margin-left: auto; display: flex; gap: .8rem; }
.band { display: flex; height: .9rem; border-radius: 4px; overflow: hidden; margin: .6rem 0 .2rem;
  gap: 2px; background: var(--panel2); }
.band > span { min-width: 3px; }
.doc-grid { display: grid; grid-template-columns: minmax(260px, 1fr) minmax(0, 1.7fr);
  gap: 1.25rem; }
@media (max-width: 860px) { .doc-grid { grid-template-columns: 1fr; } }
ol.outline { list-style: none; margin: 0; padding: 0; font-size: .9rem; }
ol.outline li { display: flex; gap: .45rem; align-items: baseline;
  padding: .12rem 0 .12rem .45rem; border-left: 4px solid var(--k); }
ol.outline li.k-mixed { border-image: repeating-linear-gradient(180deg, var(--k-strategy) 0 4px,
  var(--k-plan) 4px 8px) 1; }
ol.outline .kd { font-size: .7rem; text-transform: uppercase; letter-spacing: .04em;
  color: var(--muted); flex: 0 0 6.4em; }
ol.outline .ln { margin-left: auto; color: var(--muted); font-size: .8rem;
  font-variant-numeric: tabular-nums; white-space: nowrap; padding-left: .4rem; }
ol.outline .nj + .nj::before, ol.outline .nj + .note::before { content: "· "; }
ol.outline .note { color: var(--attn); font-size: .8rem; font-weight: 600; }
ol.outline .nj { color: var(--muted); font-size: .8rem; font-style: italic; }
ol.findings { list-style: none; margin: 0; padding: 0; }
li.finding { border-left: 4px solid var(--s); padding: .35rem .7rem .45rem; margin: 0 0 .55rem;
  background: var(--panel); border-radius: 0 6px 6px 0; break-inside: avoid; }
li.finding.sev-error { --s: var(--sev-error); } li.finding.sev-warning { --s: var(--sev-warning); }
li.finding.sev-info { --s: var(--sev-info); }
li.finding .fh { display: flex; flex-wrap: wrap; gap: .15rem .6rem; align-items: baseline;
  font-size: .86rem; }
li.finding .fh .loc { margin-left: auto; color: var(--muted); font-variant-numeric: tabular-nums; }
li.finding p { margin: .2rem 0; }
li.finding .fix { color: var(--muted); font-size: .9rem; }
li.finding .fix::before { content: "Fix: "; font-weight: 700; color: var(--fg); }
pre.src { margin: .3rem 0; padding: .3rem .5rem; background: var(--bg); border: 1px solid
  var(--line); border-radius: 4px; overflow-x: auto; font: .84rem/1.45 ui-monospace,
  "DejaVu Sans Mono", monospace; white-space: pre-wrap; word-break: break-word; }
pre.src .ln { color: var(--muted); user-select: none; margin-right: .8em; }
pre.src mark { background: var(--mark); color: inherit; border-radius: 2px;
  text-decoration: underline wavy var(--s); text-underline-offset: 3px; }
.errors li { margin: .2rem 0; }
footer { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line);
  max-width: 1180px; margin: 2.5rem auto 0; padding: .8rem 1rem 2rem; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
h5 { margin: .6rem 0 .35rem; font-size: .85rem; }
ol.outline li.lvl-2 { margin-left: .9rem; } ol.outline li.lvl-3 { margin-left: 1.8rem; }
ol.outline li.lvl-4 { margin-left: 2.7rem; } ol.outline li.lvl-5 { margin-left: 3.4rem; }
ol.outline li.lvl-6 { margin-left: 4rem; }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #444; --line: #bbb; --panel: #fff; --panel2: #eee;
    --link: #000; --mark: #ffe8a3; --attn-bg: #fff0e6; }
  html, body { background: #fff; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav.toc, .skip, details { display: none; }
  header.top { padding: 0 0 .5rem; }
  main { max-width: none; padding: 0; }
  article.doc { content-visibility: visible; break-inside: avoid-page; }
  figure.map { break-inside: avoid-page; }
  a { text-decoration: none; }
}
"""
