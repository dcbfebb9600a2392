/* Formatter registry and the bookkeeping every format shares. */
#include "out.h"
#include "rl_build.h"

#include <stdlib.h>
#include <string.h>

const struct rl_formatter *const rl_formatters[] = {
	&rl_format_text,
	&rl_format_json,
	&rl_format_sarif,
	&rl_format_github,
	&rl_format_junit,
	&rl_format_html,
	NULL,
};

const struct rl_formatter *rl_formatter_find(const char *name)
{
	for (size_t i = 0; rl_formatters[i]; i++)
		if (strcmp(rl_formatters[i]->name, name) == 0)
			return rl_formatters[i];
	return NULL;
}

void rl_out_init(struct rl_out *o, const struct rl_formatter *fmt, FILE *fp)
{
	memset(o, 0, sizeof *o);
	o->fmt = fmt;
	o->fp = fp;
	o->fail_on = RL_SEV_ERROR;
	o->version = "";
	o->docs_url = RL_DOCS_URL;
	rl_buf_init(&o->buf);
	rl_buf_init(&o->aux);
	rl_buf_init(&o->notes);
}

void rl_out_flush(struct rl_out *o)
{
	if (o->buf.len && o->fp)
		fwrite(o->buf.data, 1, o->buf.len, o->fp);
	rl_buf_clear(&o->buf);
}

void rl_out_begin(struct rl_out *o)
{
	if (o->fmt->begin)
		o->fmt->begin(o);
}

void rl_out_file(struct rl_out *o, const struct rl_result *r)
{
	o->files++;
	if (r->status != RL_STATUS_OK)
		o->file_errors++;
	for (size_t i = 0; i < r->report.n; i++)
		o->counts[r->report.v[i].severity]++;
	o->fmt->file(o, r);
}

void rl_out_end(struct rl_out *o)
{
	if (o->fmt->end)
		o->fmt->end(o);
}

void rl_out_fini(struct rl_out *o)
{
	rl_buf_free(&o->buf);
	rl_buf_free(&o->aux);
	rl_buf_free(&o->notes);
	free(o->advised);
	o->advised = NULL;
}

struct rl_span_pos rl_finding_pos(const struct rl_result *r, const struct rl_finding *f)
{
	struct rl_span_pos p = { 1, 1, 1, 1 };
	if (!r->doc)
		return p;
	struct rl_pos a = rl_source_pos(r->doc->src, f->start);
	struct rl_pos b = rl_source_pos(r->doc->src, f->end);
	p.line = a.line;
	p.col = a.col;
	p.end_line = b.line;
	p.end_col = b.col;
	return p;
}

enum rl_severity rl_out_rule_severity(const struct rl_result *r, const struct rl_rule *rule)
{
	for (size_t i = 0; i < r->report.n; i++)
		if (r->report.v[i].rule == rule)
			return r->report.v[i].severity;
	return rule->severity;
}
