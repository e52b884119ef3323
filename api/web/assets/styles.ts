/**
 * The stylesheet of every page. Mobile first (a 390 px phone is the base; wider screens add
 * columns), high contrast for bright offices (text ≥ 7:1, controls ≥ 4.5:1), visible focus,
 * touch targets of at least 44 px, and print rules so results pages print cleanly.
 */
export const STYLES = `
:root{--text:#0b0c0c;--muted:#484949;--brand:#0b4f8a;--brand-dark:#073a66;--link:#0b4f8a;--bg:#fff;--panel:#f3f4f6;
--border:#6f777b;--focus:#ffdd00;--error:#b10e1e;--ok:#00703c;--warn:#8a4b00;
--class-excellent:#00703c;--class-good:#1d70b8;--class-fair:#8a4b00;--class-average:#6f4a9e;--class-weak:#b10e1e}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;
font-size:1.0625rem;line-height:1.5;color:var(--text);background:var(--bg)}
.container{max-width:72rem;margin:0 auto;padding:0 1rem}
main{padding-top:1rem;padding-bottom:2rem;display:block}
main:focus{outline:none}
h1{font-size:1.625rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.3125rem;line-height:1.3;margin:1.5rem 0 .75rem}
h3{font-size:1.125rem;margin:1.25rem 0 .5rem}
p{margin:0 0 1rem}
a{color:var(--link);text-decoration:underline;text-underline-offset:.15em}
a:hover{color:var(--brand-dark);text-decoration-thickness:.15em}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus,[tabindex]:focus{outline:3px solid var(--focus);outline-offset:0;box-shadow:0 0 0 5px var(--text)}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}
.skip-link{position:absolute;left:-9999px;top:0;background:var(--focus);color:var(--text);padding:.5rem 1rem;z-index:10}
.skip-link:focus{left:0}
.site-header{background:var(--brand);color:#fff;padding:.5rem 0}
.header-row{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem}
.brand{color:#fff;font-weight:700;font-size:1.25rem;text-decoration:none;padding:.5rem 0}
.brand:hover{color:#fff}
.header-nav{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem}
.header-nav a,.header-nav .link-button{color:#fff;min-height:44px;display:inline-flex;align-items:center}
.who{font-size:.9375rem;margin-right:.5rem}
.inline-form{display:inline-flex;flex-wrap:wrap;align-items:center;margin:0}
.link-button{background:none;border:0;padding:0;font:inherit;text-decoration:underline;cursor:pointer;color:var(--link)}
.site-footer{border-top:1px solid var(--border);padding:1rem 0 2rem;color:var(--muted);font-size:.9375rem}
.lead{font-size:1.1875rem}
.muted,.hint{color:var(--muted)}
.hint{display:block;font-size:.9375rem;margin:.125rem 0 .375rem}
.panel{background:var(--panel);border-left:5px solid var(--brand);padding:1rem;margin:0 0 1rem}
.card-list{list-style:none;padding:0;margin:0 0 1rem;display:grid;gap:.75rem}
.card{border:1px solid var(--border);border-radius:4px;padding:.75rem 1rem;background:#fff}
.card h3{margin-top:0}
.button,button.button{display:inline-flex;align-items:center;justify-content:center;min-height:44px;padding:.5rem 1.125rem;
font:inherit;font-weight:600;color:#fff;background:var(--ok);border:2px solid transparent;border-radius:4px;box-shadow:0 2px 0 #002d18;cursor:pointer;text-decoration:none}
.button:hover{background:#005a30;color:#fff}
.button.secondary{background:#e8eaec;color:var(--text);box-shadow:0 2px 0 #929191}
.button.warning{background:var(--error);box-shadow:0 2px 0 #55070f}
.button-row{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
.field{margin:0 0 1.25rem}
.field label,.field legend{display:block;font-weight:600;margin-bottom:.125rem}
input[type=text],input[type=password],input[type=number],input[type=date],input[type=search],select,textarea{
font:inherit;width:100%;max-width:32rem;min-height:44px;padding:.375rem .5rem;border:2px solid var(--text);border-radius:0;background:#fff;color:var(--text)}
textarea{min-height:5rem}
input[type=file]{font:inherit;max-width:100%}
input.input-short{max-width:10rem}
.field-error input,.field-error select,.field-error textarea{border-color:var(--error)}
.field-error{border-left:5px solid var(--error);padding-left:.75rem}
.error-message{display:block;color:var(--error);font-weight:700;margin:.125rem 0 .375rem}
.error-summary{border:5px solid var(--error);padding:1rem;margin:0 0 1.5rem}
.error-summary h2{margin-top:0}
.error-summary a{color:var(--error);font-weight:700}
.notice{border:3px solid var(--ok);padding:.75rem 1rem;margin:0 0 1rem}
.notice.warn{border-color:var(--warn)}
.radios label,.checkboxes label{font-weight:400;display:flex;align-items:center;gap:.5rem;min-height:44px}
.radios input,.checkboxes input{width:1.5rem;height:1.5rem;margin:0}
.table-wrap{overflow-x:auto;margin:0 0 1rem;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.9375rem}
caption{text-align:left;font-weight:700;padding:.5rem 0}
th,td{border-bottom:1px solid #b1b4b6;padding:.5rem .5rem .5rem 0;text-align:left;vertical-align:top}
th{font-weight:700}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.wide-only{display:none}
.tag{display:inline-block;padding:.125rem .5rem;font-size:.875rem;font-weight:700;color:#fff;background:var(--brand);border-radius:2px}
.tag.class-excellent{background:var(--class-excellent)}.tag.class-good{background:var(--class-good)}
.tag.class-fair{background:var(--class-fair)}.tag.class-average{background:var(--class-average)}.tag.class-weak{background:var(--class-weak)}
.chart{width:100%;height:auto;max-width:100%}
.chart text{font-family:inherit}
dl.summary{display:grid;grid-template-columns:1fr;gap:.25rem 1rem;margin:0 0 1rem}
dl.summary dt{font-weight:700}
dl.summary dd{margin:0 0 .5rem}
.progress{height:.75rem;background:#dfe1e3;border:1px solid var(--border);margin:.25rem 0 1rem}
.progress>span{display:block;height:100%;background:var(--ok)}
@media (min-width:48rem){
 h1{font-size:2rem}
 .wide-only{display:table-cell}
 dl.summary{grid-template-columns:max-content 1fr}
 .card-list.two{grid-template-columns:1fr 1fr}
}
@media print{
 .site-header,.site-footer,.skip-link,.button-row,form,.no-print{display:none!important}
 body{font-size:11pt}
 a{color:var(--text);text-decoration:none}
 .wide-only{display:table-cell}
 .table-wrap{overflow:visible}
}
/* public results (web-public) */
.breadcrumb{margin:.25rem 0 .5rem;font-size:.9375rem}
.downloads,.block-nav ul{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1.5rem}
.downloads a,.block-nav a{display:inline-flex;align-items:center;min-height:44px}
.figure{font-size:1.5rem;font-weight:700}
.results-block{border-top:2px solid var(--border);margin-top:1.5rem}
.class-shares{max-width:30rem}
.tag.class-none{background:var(--muted)}
.code{font-size:.875rem;font-weight:400}
.chart-figure{margin:0 0 1.5rem}
.chart-figure figcaption{color:var(--muted);font-size:.9375rem}
.bar-chart{max-width:60rem}
.bar-chart text{font-size:13px}
.tag{white-space:nowrap}
.table-wrap{position:relative}
.table-wrap:focus{outline:3px solid var(--focus)}
.areas-legend{display:none}
.ranking-table:target .areas-legend{display:block}
.bar-chart .value{font-weight:700}
.show-less{display:none}
.ranking-table:target .wide-only{display:table-cell}
.ranking-table:target .show-all{display:none}
.ranking-table:target .show-less{display:inline}
.areas-legend{margin:0 0 1rem}
.areas-legend summary{cursor:pointer;min-height:44px;display:flex;align-items:center;color:var(--link);text-decoration:underline}
.ranking th[scope=row]{font-weight:600}
.results-table th.num{white-space:normal}
.results-table tbody th{font-weight:600}
.no-survey{display:block}
.error-page .code-line{color:var(--muted);font-size:.9375rem}
@media (min-width:48rem){.phone-only{display:none}.areas-legend{display:block}.bar-chart text{font-size:14px}}
@media print{.phone-only,.breadcrumb,.downloads,.block-nav{display:none!important}.chart-figure,.class-shares{break-inside:avoid}.tag{color:var(--text);background:none!important;border:1px solid var(--text)}}
/* Ward self-assessment pages */
.back-link{margin:0 0 .5rem}
.big-figure{font-size:1.75rem;font-weight:700;margin:.25rem 0}
.panel-title{margin:0 0 .25rem;font-size:1.125rem}
progress{width:100%;max-width:32rem;height:1rem;accent-color:var(--ok)}
.item{margin:0 0 1rem}
.item-title{margin:.25rem 0 .5rem;font-size:1.0625rem}
.item-meta{margin:0 0 .25rem}
.small-heading{font-size:1rem;margin:.75rem 0 .25rem}
.doc-list{margin:0 0 .75rem;padding-left:1.25rem}
.item-form{border-top:1px solid #b1b4b6;padding-top:.75rem;margin-top:.75rem}
.radios.inline{display:flex;flex-wrap:wrap;gap:0 1.25rem}
.radios.inline legend{width:100%}
fieldset{border:0;padding:0;margin:0 0 1rem;min-width:0}
.date-row{display:flex;align-items:center;gap:.75rem;margin:0 0 .5rem}
.date-row label{min-width:4rem;font-weight:400}
details{margin:0 0 1rem}
summary{cursor:pointer;color:var(--link);text-decoration:underline;min-height:44px;display:flex;align-items:center}
summary::before{content:"▸";display:inline-block;width:1.25rem;text-decoration:none}
details[open]>summary::before{content:"▾"}
details.upload{margin-top:.75rem}
.tag.status-scored,.tag.status-not-applicable{background:var(--ok)}
.tag.status-not-entered,.tag.status-missing-facts{background:var(--warn)}
.tag.status-survey-absent{background:var(--muted)}
.tag.state-draft{background:var(--warn)}.tag.state-submitted,.tag.state-finalised,.tag.state-published{background:var(--ok)}
.gap-list li{margin:0 0 .5rem}
.area-link{font-weight:600}
.pager{display:flex;flex-wrap:wrap;justify-content:space-between;gap:1rem;margin:1.5rem 0}
.pager a{min-height:44px;display:inline-flex;align-items:center}
.card-title{margin:0 0 .5rem;font-size:1.125rem}
.hint-inline{font-weight:400;color:var(--muted)}
.file-error{display:block;color:var(--error);font-weight:700}
fieldset>legend{font-weight:700;font-size:1.125rem}
/* Scorer's appraisal pages */
.item.appraisal:focus{outline:3px solid var(--focus);box-shadow:0 0 0 5px var(--text)}
.item.marked-down{border-left:6px solid var(--error)}
.tag.flag-down{background:var(--error)}
.flag-text{color:var(--error)}
dl.summary.facts{margin:.5rem 0;grid-template-columns:minmax(0,1fr) auto}
.appraisal-areas th[scope=row]{font-weight:600}
.down-list li{margin:0 0 .5rem}
/* The scorer's worklist: a GET form, sortable headings; on a phone one card per unit */
.worklist-filter{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:0 1rem;margin:0 0 .5rem;align-items:end}
.worklist-filter .wide{grid-column:1/-1}
.worklist-filter .field{margin-bottom:.75rem}
.sort-link{display:inline-flex;align-items:center;min-height:44px}
.overdue{color:var(--error)}
.worklist-table th.num{white-space:normal}
@media (min-width:48rem){.worklist-table td:nth-child(2){min-width:9rem}.worklist-table td:last-child{min-width:11rem}}
@media (min-width:48rem){.worklist-filter{grid-template-columns:repeat(3,minmax(0,1fr))}.worklist-filter .wide{grid-column:auto}}
/* A table whose rows become one card per row on a phone, each cell labelled (data-label) */
@media (max-width:47.99rem){
 .cards-on-phone thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
 .cards-on-phone,.cards-on-phone tbody,.cards-on-phone tr,.cards-on-phone td,.cards-on-phone tbody th{display:block;width:100%}
 .cards-on-phone tr{border:1px solid var(--border);border-radius:4px;margin:0 0 .75rem;padding:.25rem .75rem}
 .cards-on-phone td,.cards-on-phone td.num{display:flex;justify-content:space-between;gap:1rem;border-bottom:1px solid #dfe1e3;padding:.375rem 0;text-align:right;white-space:normal}
 .cards-on-phone caption{display:block;text-align:left}
 .cards-on-phone tr{display:flex;flex-direction:column}
 .cards-on-phone tbody th{order:-1;border-bottom:1px solid #dfe1e3;padding:.375rem 0}
 .cards-on-phone td:last-child{border-bottom:0}
 .cards-on-phone td::before{content:attr(data-label);font-weight:700;text-align:left}
}
/* How sure the ranking is: options form, rank-band chart */
.robustness-form{display:flex;flex-wrap:wrap;gap:0 1.5rem;align-items:flex-end;margin:0 0 1rem}
.robustness-form .field{margin-bottom:.75rem}
.rank-band-chart{max-width:60rem}
.rank-band-chart text{font-size:13px}
.rank-band-chart .value{font-weight:700}
.plain-list{list-style:none;margin:0;padding:0}
@media (min-width:48rem){.rank-band-chart text{font-size:14px}}
@media print{.robustness-form{display:none}.chart-figure{break-inside:avoid}}
/* one-page unit report (annex) */
.unit-report-head h1{margin-bottom:.25rem}
.unit-report-unit{font-size:1.125rem}
.unit-report-table{width:100%;max-width:60rem}
.unit-report-figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.25rem 1.5rem;max-width:60rem}
.unit-report-figures div{display:flex;justify-content:space-between;gap:1rem;border-bottom:1px solid var(--border);padding:.25rem 0}
.unit-report-figures dt{font-weight:700}
.unit-report-figures dd{margin:0;text-align:right;white-space:nowrap}
.unit-report-notes{padding-left:1.25rem}
.unit-report-table th[scope=row]{min-width:10rem}
@page{size:A4;margin:15mm}
@media print{.unit-report{font-size:10pt}.unit-report h1{font-size:14pt}.unit-report-table,.unit-report-figures{max-width:none;break-inside:avoid}.unit-report-table th,.unit-report-table td{padding:2px 6px}}
/* Score report of every round: one column per round, changes and marked-down items visible, printable */
.round-report-table td .comment{display:block;font-size:.875rem;color:var(--secondary-text,#484949)}
.round-report-table td.changed{background:#fff7bf}
.round-report-table td:not(.num){min-width:7rem}
.round-report-table td:nth-child(2){min-width:10rem}
.round-report-table tr.marked-down-row th{border-left:6px solid var(--error)}
.round-report-table tr.depth-0 th,.round-report-table tr.depth-0 td{font-weight:600}
.round-report-table tr.section-total th,.round-report-table tr.section-total td{border-top:2px solid var(--text)}
@media print{.round-report-table{font-size:9pt}.round-report .table-wrap{overflow:visible}}
.date-time{margin:0}
.date-time>legend{font-size:1rem;font-weight:600;padding:0}
.date-time-parts{display:flex;flex-wrap:wrap;gap:.75rem}
.date-time-parts label{font-weight:400}
input.input-date{max-width:9rem}
input.input-time{max-width:6rem}
.field-error .date-time-parts input:not([aria-invalid=true]){border-color:var(--text)}
/* what-if (scorers) */
.what-if-form{display:flex;flex-wrap:wrap;gap:0 1.5rem;align-items:flex-end;margin:0 0 1rem}
.what-if-form .field{margin-bottom:.75rem;max-width:22rem}
tr.row-flagged>*{background:var(--highlight,#fff7d6)}
@media print{.what-if-form{display:none}}
/* finalise many units: a large checkbox per row */
input.pick{width:1.5rem;height:1.5rem;margin:0}
.why-points{margin:.25rem 0}
.why-loss{color:var(--error);white-space:nowrap}
.why-gain{color:var(--ok);white-space:nowrap}
.why-label{margin:.5rem 0 0;font-weight:600}
.why-reasons{margin:.25rem 0 .5rem;padding-left:1.25rem}
.why-rules{margin:0;font-size:.9375rem}
.why-rules dt{font-weight:600;color:var(--muted)}
.why-rules dd{margin:0 0 .5rem}
.why-item h3{font-size:1.0625rem;overflow-wrap:anywhere}
`;
