namespace Monitoring.Reports.Html;

/// <summary>The pages' one style sheet, inline: readable on phones, clean on A4 paper, no external fonts.</summary>
internal static class Stylesheet
{
    public const string Css = """
:root{--ink:#1a1a1a;--muted:#595959;--line:#d6d6d6;--accent:#D55E00;--warn:#fbe9dc}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:16px/1.5 "DejaVu Sans",Verdana,"Segoe UI",Arial,sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:56rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.65rem;line-height:1.25;margin:.25rem 0}
h2{font-size:1.35rem;line-height:1.3;border-bottom:2px solid var(--accent);padding-bottom:.2rem;margin:2.5rem 0 .75rem}
h3{font-size:1.12rem;margin:2.25rem 0 .25rem}
.scale>h3{margin-top:0}
h4{font-size:1rem;margin:1.25rem 0 .4rem}
p{margin:.5rem 0}
a{color:#0060a0}
.kicker{color:var(--muted);font-size:.9rem;margin:1.25rem 0 0}
.meta{color:var(--muted);margin:.25rem 0 1rem}
.back{font-size:.9rem;margin:.75rem 0 0}
.lead{max-width:46rem}
.privacy{border-left:4px solid var(--accent);padding:.25rem .75rem;background:#faf7f4}
.toc{margin:1rem 0}
.toc-title{font-weight:bold;margin:0}
.toc ol{margin:.25rem 0;padding-left:1.4rem}
.subtitle{color:var(--muted);font-size:.9rem;margin:0 0 .25rem}
.chart{display:block;width:100%;height:auto;margin:.5rem 0}
.wide{overflow-x:auto;max-width:100%}
.wide .chart{min-width:30rem}
.scale{margin-top:2rem}
.chart text{font-family:"DejaVu Sans",Verdana,"Bitstream Vera Sans",sans-serif}
.legend{list-style:none;padding:0;margin:.25rem 0 .5rem;display:flex;flex-wrap:wrap;gap:.2rem 1.25rem;font-size:.9rem}
.legend li{display:flex;align-items:center}
.key{width:2rem;height:1rem;margin-right:.4rem;flex:none}
.note{color:var(--muted);font-size:.875rem}
.notes{margin:.25rem 0;padding-left:1.2rem;color:var(--muted);font-size:.875rem}
.table-wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0 1rem}
caption{text-align:left;color:var(--muted);font-size:.85rem;padding:.25rem 0}
th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
thead th{border-bottom:2px solid #999}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.missing{color:var(--muted)}
.warn{background:var(--warn);color:#7a3300;font-weight:bold}
.sub{padding-left:1.4rem}
.multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(10.5rem,1fr));gap:.5rem 1rem;margin:.5rem 0 1rem}
figure{margin:0}
.multiples figure{display:flex;flex-direction:column}
.multiples figcaption{font-size:.85rem;font-weight:bold;line-height:1.3;flex:1}
.multiples figcaption small{display:block;font-weight:normal;color:var(--muted)}
.multiples .chart{margin:.2rem 0 0}
.sentences{padding-left:1.2rem}
.sentences li{margin:.25rem 0}
.defs{position:absolute;width:0;height:0;overflow:hidden}
footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);margin-top:3rem;padding-top:.5rem;padding-bottom:2rem}
@media (max-width:40rem){body{font-size:15px}h1{font-size:1.4rem}h2{font-size:1.2rem}th,td{padding:.25rem .35rem}table{font-size:.85rem}}
@page{size:A4;margin:14mm 13mm}
@media print{
body{font-size:10pt}
header,main,footer{max-width:none;padding:0}
.back{display:none}
section.report-section{break-before:page}
h2,h3,h4,.subtitle{break-after:avoid}
figure,.chart,tr,.legend,.sentences li{break-inside:avoid}
.chart{max-width:15cm !important}
.wide .chart{min-width:0}
.scale{break-inside:avoid}
.multiples{grid-template-columns:repeat(4,1fr)}
.table-wrap{overflow:visible}
a{color:inherit;text-decoration:none}
}
""";
}
