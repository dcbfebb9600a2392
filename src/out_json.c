/* JSON output: a stable contract other tools build on.
 * {"tool":{"name","version"},"files":[{"path","format","status","error"?,
 *   "pages":{...},"findings":[{"rule","severity","message","advice","line",
 *   "column","end_line","end_column","section","text"}],"diagnostics":[...]}],
 *  "summary":{"files","errors","warnings","infos","unreadable"}}
 * Columns are 1-based and count characters; end_column is exclusive. */
#include <string.h>

#include "json.h"
#include "out.h"
#include "match.h"
#include "pagefit.h"

static void json_begin(struct rl_out *o)
{
	rl_buf_adds(&o->buf, "{\n  \"tool\": {\"name\": \"resumelint\", \"version\": \"");
	rl_json_escape(&o->buf, o->version, strlen(o->version));
	rl_buf_adds(&o->buf, "\"},\n  \"files\": [");
}

static const char *cut_kind_name(enum rl_cut_kind k)
{
	static const char *const names[] = { "flagged", "section", "short-tails", "long-bullets", "oldest-role" };
	return (size_t)k < sizeof names / sizeof *names ? names[k] : "other";
}

/* pages: {"estimate","limit","count","lines_over"|"lines_free","words_over"?,
 *   "first_overflow"?:{"line","column"},"borderline","confidence":{"level","reasons"},
 *   "profile"?,"word_saved"?,"word_disagrees"?,"cuts"?:[{"kind","what","line"?,"lines"}]} */
static void write_pages(struct rl_json *j, const struct rl_result *r)
{
	const struct rl_pages *p = &r->report.pages;
	rl_json_begin_object(j);
	rl_json_key(j, "estimate");
	rl_json_number(j, p->estimate, 2);
	rl_json_key(j, "limit");
	rl_json_int(j, p->limit);
	rl_json_key(j, "count");
	rl_json_int(j, p->count);
	if (p->lines_over > 0) {
		rl_json_key(j, "lines_over");
		rl_json_number(j, p->lines_over, 0);
		rl_json_key(j, "words_over");
		rl_json_number(j, p->words_over, 0);
	} else {
		rl_json_key(j, "lines_free");
		rl_json_number(j, p->lines_free, 0);
	}
	if (p->has_overflow) {
		struct rl_pos pos = rl_source_pos(r->doc->src, p->overflow_off);
		rl_json_key(j, "first_overflow");
		rl_json_begin_object(j);
		rl_json_key(j, "line");
		rl_json_int(j, pos.line);
		rl_json_key(j, "column");
		rl_json_int(j, pos.col);
		rl_json_end_object(j);
	}
	rl_json_key(j, "borderline");
	rl_json_bool(j, p->borderline);
	rl_json_key(j, "confidence");
	rl_json_begin_object(j);
	rl_json_key(j, "level");
	rl_json_string(j, rl_confidence_name(p->confidence));
	rl_json_key(j, "reasons");
	rl_json_begin_array(j);
	const char *reasons[16];
	size_t n = rl_pagefit_reasons(p->reasons, reasons, 16);
	for (size_t i = 0; i < n; i++)
		rl_json_string(j, reasons[i]);
	rl_json_end_array(j);
	rl_json_end_object(j);
	if (p->profile) {
		rl_json_key(j, "profile");
		rl_json_string(j, p->profile);
	}
	if (p->word_saved >= 0) {
		rl_json_key(j, "word_saved");
		rl_json_int(j, p->word_saved);
		rl_json_key(j, "word_disagrees");
		rl_json_bool(j, (unsigned)p->word_saved != p->count);
	}
	if (p->ncuts) {
		rl_json_key(j, "cuts");
		rl_json_begin_array(j);
		for (size_t i = 0; i < p->ncuts; i++) {
			const struct rl_cut *c = &p->cuts[i];
			rl_json_begin_object(j);
			rl_json_key(j, "kind");
			rl_json_string(j, cut_kind_name(c->kind));
			rl_json_key(j, "what");
			rl_json_string(j, c->what);
			if (c->line) {
				rl_json_key(j, "line");
				rl_json_int(j, c->line);
			}
			rl_json_key(j, "lines");
			rl_json_number(j, c->lines, 0);
			rl_json_end_object(j);
		}
		rl_json_end_array(j);
	}
	rl_json_end_object(j);
}

static void write_finding(struct rl_json *j, const struct rl_result *r, const struct rl_finding *f)
{
	struct rl_span_pos p = rl_finding_pos(r, f);
	rl_json_begin_object(j);
	rl_json_key(j, "rule");
	rl_json_string(j, f->rule->id);
	rl_json_key(j, "severity");
	rl_json_string(j, rl_severity_name(f->severity));
	rl_json_key(j, "message");
	rl_json_string(j, f->message);
	rl_json_key(j, "advice");
	rl_json_string(j, f->rule->advice);
	rl_json_key(j, "line");
	rl_json_int(j, p.line);
	rl_json_key(j, "column");
	rl_json_int(j, p.col);
	rl_json_key(j, "end_line");
	rl_json_int(j, p.end_line);
	rl_json_key(j, "end_column");
	rl_json_int(j, p.end_col);
	rl_json_key(j, "section");
	if (f->section >= 0)
		rl_json_string(j, rl_section_kind_name((enum rl_section_kind)f->section));
	else
		rl_json_null(j);
	rl_json_key(j, "text");
	rl_json_string(j, f->text);
	rl_json_end_object(j);
}

static void write_where(struct rl_json *j, unsigned where)
{
	rl_json_begin_array(j);
	for (unsigned b = 0; b < RL_WHERE_COUNT; b++)
		if (where & (1u << b))
			rl_json_string(j, rl_where_name(1u << b));
	rl_json_end_array(j);
}

/* match (only with a posting): {"score","title":{"posting","found"},
 *   "terms":[{"term","weight","required","found","where":[...],"part","line"}],
 *   "missing":[{"term","weight","required","part","line"}]} */
/* A posting term; with_where adds whether and where the resume shows it. */
static void write_term(struct rl_json *j, const struct rl_term *t, int with_where, unsigned where)
{
	rl_json_begin_object(j);
	rl_json_key(j, "term");
	rl_json_string(j, t->text);
	rl_json_key(j, "weight");
	rl_json_int(j, (long long)(t->score * 10 + 0.5));
	rl_json_key(j, "required");
	rl_json_bool(j, t->required);
	if (with_where) {
		rl_json_key(j, "found");
		rl_json_bool(j, where != 0);
		rl_json_key(j, "where");
		write_where(j, where);
	}
	rl_json_key(j, "part");
	rl_json_string(j, rl_part_name(t->part));
	rl_json_key(j, "line");
	rl_json_int(j, t->line);
	rl_json_end_object(j);
}

static void write_match(struct rl_json *j, const struct rl_match *m)
{
	const struct rl_posting *p = m->posting;
	rl_json_key(j, "match");
	rl_json_begin_object(j);
	rl_json_key(j, "score");
	rl_json_int(j, m->score);
	rl_json_key(j, "posting");
	rl_json_string(j, p->path);
	rl_json_key(j, "title");
	rl_json_begin_object(j);
	rl_json_key(j, "posting");
	if (p->title)
		rl_json_string(j, p->title);
	else
		rl_json_null(j);
	rl_json_key(j, "found");
	rl_json_bool(j, p->title ? m->title_found : 0);
	rl_json_end_object(j);
	rl_json_key(j, "terms");
	rl_json_begin_array(j);
	for (size_t i = 0; i < m->nterms; i++) {
		const struct rl_term *t = m->terms[i].term;
		write_term(j, t, 1, m->terms[i].where);
	}
	rl_json_end_array(j);
	rl_json_key(j, "missing");
	rl_json_begin_array(j);
	for (size_t i = 0; i < m->nmissing; i++) {
		const struct rl_term *t = m->terms[m->missing[i]].term;
		write_term(j, t, 0, 0);
	}
	rl_json_end_array(j);
	rl_json_end_object(j);
}

static void json_file(struct rl_out *o, const struct rl_result *r)
{
	struct rl_json j;
	rl_json_init(&j, &o->buf, 1);
	j.depth = 2; /* inside {"files": [ */
	j.first[2] = o->state++ == 0;
	rl_json_begin_object(&j);
	rl_json_key(&j, "path");
	rl_json_string(&j, r->path);
	rl_json_key(&j, "format");
	rl_json_string(&j, r->format);
	rl_json_key(&j, "status");
	rl_json_string(&j, r->status == RL_STATUS_OK ? "ok" : "error");
	if (r->status != RL_STATUS_OK) {
		rl_json_key(&j, "error");
		rl_json_string(&j, r->error);
	}
	rl_json_key(&j, "pages");
	if (r->doc)
		write_pages(&j, r);
	else
		rl_json_null(&j);
	if (r->report.match)
		write_match(&j, r->report.match);
	rl_json_key(&j, "findings");
	rl_json_begin_array(&j);
	for (size_t i = 0; i < r->report.n; i++)
		write_finding(&j, r, &r->report.v[i]);
	rl_json_end_array(&j);
	rl_json_key(&j, "diagnostics");
	rl_json_begin_array(&j);
	for (size_t i = 0; i < r->diags.n; i++) {
		const struct rl_diag *d = &r->diags.v[i];
		rl_json_begin_object(&j);
		rl_json_key(&j, "line");
		rl_json_int(&j, d->line);
		rl_json_key(&j, "column");
		rl_json_int(&j, d->col);
		rl_json_key(&j, "message");
		rl_json_string(&j, d->message);
		rl_json_end_object(&j);
	}
	rl_json_end_array(&j);
	rl_json_end_object(&j);
}

static void json_end(struct rl_out *o)
{
	rl_buf_addf(&o->buf,
		    "%s],\n  \"summary\": {\"files\": %zu, \"errors\": %zu, \"warnings\": %zu, \"infos\": %zu, "
		    "\"unreadable\": %zu}\n}\n",
		    o->state ? "\n  " : "", o->files, o->counts[RL_SEV_ERROR], o->counts[RL_SEV_WARNING],
		    o->counts[RL_SEV_INFO], o->file_errors);
}

const struct rl_formatter rl_format_json = {
	.name = "json",
	.help = "one JSON document for the run (the stable contract for tools)",
	.begin = json_begin,
	.file = json_file,
	.end = json_end,
};
