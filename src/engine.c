/* Runs rules, fills in messages, applies suppressions, sorts findings. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "engine.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "suppress.h"
#include "utf8.h"

/* {match} shows at most this many characters of the offending text. */
static void fill_message(struct rl_buf *out, const char *tmpl, const char *text, size_t text_len,
			 int section, const struct rl_msg_vars *vars)
{
	for (const char *p = tmpl; *p; p++) {
		if (*p != '{') {
			rl_buf_addc(out, *p);
			continue;
		}
		const char *close = strchr(p, '}');
		size_t n = close ? (size_t)(close - p - 1) : 0;
		const char *val = NULL;
		if (close && n == 5 && strncmp(p + 1, "match", 5) == 0) {
			size_t keep = rl_utf8_advance(text ? text : "", text ? text_len : 0, RL_MAX_MATCH_IN_MESSAGE);
			rl_buf_add(out, text ? text : "", keep);
			if (text && keep < text_len)
				rl_buf_adds(out, "…");
			p = close;
			continue;
		}
		if (close && n == 5 && strncmp(p + 1, "value", 5) == 0)
			val = vars && vars->value ? vars->value : "";
		else if (close && n == 5 && strncmp(p + 1, "limit", 5) == 0)
			val = vars && vars->limit ? vars->limit : "";
		else if (close && n == 6 && strncmp(p + 1, "detail", 6) == 0)
			val = vars && vars->detail ? vars->detail : "";
		else if (close && n == 7 && strncmp(p + 1, "section", 7) == 0)
			val = section >= 0 ? rl_section_kind_name((enum rl_section_kind)section) : "document";
		if (val) {
			rl_buf_adds(out, val);
			p = close;
		} else {
			rl_buf_addc(out, *p);
		}
	}
}

void rl_emit(struct rl_run *run, size_t start, size_t end, const char *text, size_t text_len,
	     int section, const struct rl_msg_vars *vars)
{
	if (run->suppress) {
		struct rl_finding probe = { .rule = run->rule, .start = start, .end = end };
		if (rl_suppress_hides(run->suppress, run->doc, &probe)) {
			run->report->suppressed++;
			return;
		}
	}
	if (run->emitted >= RL_MAX_FINDINGS_PER_RULE) {
		if (!run->dropped++)
			run->first_dropped = start;
		return;
	}
	run->emitted++;
	struct rl_report *rep = run->report;
	struct rl_buf msg;
	rl_buf_init(&msg);
	fill_message(&msg, run->rule->message, text, text_len, section, vars);
	RL_GROW(rep->v, rep->n, rep->cap);
	struct rl_finding *f = &rep->v[rep->n++];
	f->rule = run->rule;
	f->severity = run->severity;
	f->message = rl_buf_detach(&msg, NULL);
	f->start = start;
	f->end = end < start ? start : end;
	f->section = section;
	f->text = text ? rl_xstrndup(text, text_len) : NULL;
}

const char *rl_run_lower(struct rl_run *run, size_t i)
{
	const struct rl_doc *doc = run->doc;
	if (!run->lower)
		run->lower = rl_xcalloc(doc->nblocks ? doc->nblocks : 1, sizeof *run->lower);
	if (!run->lower[i]) {
		const struct rl_block *b = &doc->blocks[i];
		struct rl_buf out;
		rl_buf_init(&out);
		rl_buf_reserve(&out, b->text_len);
		for (size_t k = 0; k < b->text_len;) {
			unsigned char c = (unsigned char)b->text[k];
			if (c < 0x80) {
				/* a run of ASCII at once, into the room reserved above
				 * (a call per byte made this a tenth of a batch run's
				 * matching); lower-casing keeps its length */
				size_t end = k;
				while (end < b->text_len && (unsigned char)b->text[end] < 0x80)
					end++;
				rl_buf_reserve(&out, end - k);
				char *o = out.data + out.len;
				for (size_t j = k; j < end; j++) {
					unsigned char a = (unsigned char)b->text[j];
					*o++ = (char)(a >= 'A' && a <= 'Z' ? a + 32 : a);
				}
				out.len += end - k;
				out.data[out.len] = '\0';
				k = end;
				continue;
			}
			uint32_t cp;
			k += rl_utf8_decode(b->text + k, b->text_len - k, &cp, NULL);
			rl_buf_add_utf8(&out, rl_unicode_lower(cp));
		}
		run->lower[i] = rl_buf_detach(&out, NULL);
	}
	return run->lower[i];
}

int rl_rule_reads(const struct rl_rule *r, const struct rl_doc *doc, const struct rl_block *b)
{
	if (!(r->blocks & (1u << b->kind)))
		return 0;
	if (r->scope && b->section < doc->nsections &&
	    !(r->scope & (1u << doc->sections[b->section].kind)))
		return 0;
	return 1;
}

static int by_position(const void *pa, const void *pb)
{
	const struct rl_finding *a = pa, *b = pb;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	int c = strcmp(a->rule->id, b->rule->id);
	if (c)
		return c;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return strcmp(a->message, b->message);
}

static void summarize_dropped(struct rl_run *run)
{
	if (!run->dropped)
		return;
	struct rl_report *rep = run->report;
	struct rl_buf msg;
	rl_buf_init(&msg);
	rl_buf_addf(&msg, "%zu more finding%s of this rule not shown (at most %d per file)", run->dropped,
		    run->dropped == 1 ? "" : "s", RL_MAX_FINDINGS_PER_RULE);
	RL_GROW(rep->v, rep->n, rep->cap);
	struct rl_finding *f = &rep->v[rep->n++];
	f->rule = run->rule;
	f->severity = run->severity;
	f->message = rl_buf_detach(&msg, NULL);
	f->start = f->end = run->first_dropped;
	f->section = -1;
	f->text = NULL;
}

void rl_engine_run(const struct rl_ruleset *rules, const struct rl_doc *doc,
		   const struct rl_lint_opts *opts, struct rl_report *report, struct rl_diags *diags)
{
	struct rl_run run;
	memset(&run, 0, sizeof run);
	run.doc = doc;
	run.opts = opts;
	run.report = report;
	run.diags = diags;
	run.match_data = pcre2_match_data_create(16, NULL);
	/* before the rules run: a suppressed finding must not count toward the
	 * per-rule cap and crowd out ones that are shown */
	struct rl_suppressions *sup = rl_suppress_parse(doc, rules, diags);
	run.suppress = sup;
	for (size_t k = 0; k < 2 * rules->n; k++) {
		const struct rl_rule *r = rules->v[k % rules->n];
		if (r->kind->runs_last != (k >= rules->n))
			continue;
		enum rl_severity sev = rl_lint_opts_severity(opts, r);
		if (sev == RL_SEV_OFF)
			continue;
		run.rule = r;
		run.severity = sev;
		run.emitted = run.dropped = 0;
		run.limit_reported = 0;
		r->kind->run(r, &run);
		summarize_dropped(&run);
	}
	pcre2_match_data_free(run.match_data);
	if (run.lower) {
		for (size_t i = 0; i < doc->nblocks; i++)
			free(run.lower[i]);
		free(run.lower);
	}
	rl_suppress_free(sup);
	if (report->n > 1)
		qsort(report->v, report->n, sizeof *report->v, by_position);
	/* a rule that reports one span twice (a section heading its pattern
	 * matches too) says it once; equal findings are adjacent after sorting */
	size_t kept = 0;
	for (size_t i = 0; i < report->n; i++) {
		struct rl_finding *f = &report->v[i], *prev = kept ? &report->v[kept - 1] : NULL;
		if (prev && prev->rule == f->rule && prev->start == f->start && prev->end == f->end &&
		    strcmp(prev->message, f->message) == 0) {
			free(f->message);
			free(f->text);
			continue;
		}
		report->v[kept++] = *f;
	}
	report->n = kept;
}
