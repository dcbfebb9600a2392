/* JUnit XML, the test report GitLab, Jenkins and most CI servers show: one
 * testsuite a file, one testcase a rule. A rule fails the testcase when it
 * has findings at --fail-on or above; findings below it are listed in the
 * testcase's system-out. A file that could not be read is one testcase
 * with an error. Suites are held back in o->aux because the root element
 * carries the totals. */
#include <string.h>

#include "markup.h"
#include "out.h"

static void xml_escape(struct rl_buf *b, const char *s)
{
	rl_markup_escape(b, s, strlen(s), 1);
}

static void finding_line(struct rl_buf *b, const struct rl_result *r, const struct rl_finding *f)
{
	struct rl_span_pos p = rl_finding_pos(r, f);
	struct rl_buf line;
	rl_buf_init(&line);
	rl_buf_addf(&line, "%s:%u:%u: %s: %s\n", r->path, p.line, p.col, rl_severity_name(f->severity), f->message);
	xml_escape(b, line.data);
	rl_buf_free(&line);
}

static void junit_file(struct rl_out *o, const struct rl_result *r)
{
	struct rl_buf *b = &o->aux;
	if (r->status != RL_STATUS_OK) {
		o->aux_count++; /* tests */
		o->state++;     /* errors */
		rl_buf_adds(b, "  <testsuite name=\"");
		xml_escape(b, r->path);
		rl_buf_adds(b, "\" tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase classname=\"");
		xml_escape(b, r->path);
		rl_buf_adds(b, "\" name=\"read\">\n      <error message=\"");
		xml_escape(b, r->error ? r->error : "could not be read");
		rl_buf_adds(b, "\"/>\n    </testcase>\n  </testsuite>\n");
		return;
	}
	size_t nrules = o->rules ? o->rules->n : 0, failures = 0, tests = 0;
	struct rl_buf cases;
	rl_buf_init(&cases);
	for (size_t k = 0; k < nrules; k++) {
		const struct rl_rule *rule = o->rules->v[k];
		enum rl_severity sev = rl_out_rule_severity(r, rule);
		if (sev == RL_SEV_OFF)
			continue;
		tests++;
		size_t failing = 0, shown = 0;
		for (size_t i = 0; i < r->report.n; i++)
			if (r->report.v[i].rule == rule) {
				shown++;
				failing += r->report.v[i].severity >= o->fail_on;
			}
		rl_buf_adds(&cases, "    <testcase classname=\"");
		xml_escape(&cases, r->path);
		rl_buf_adds(&cases, "\" name=\"");
		xml_escape(&cases, rule->id);
		if (!shown) {
			rl_buf_adds(&cases, "\"/>\n");
			continue;
		}
		rl_buf_adds(&cases, "\">\n");
		if (failing) {
			failures++;
			rl_buf_addf(&cases, "      <failure type=\"%s\" message=\"", rl_severity_name(sev));
			xml_escape(&cases, rule->summary ? rule->summary : rule->id);
			rl_buf_adds(&cases, "\">");
			for (size_t i = 0; i < r->report.n; i++)
				if (r->report.v[i].rule == rule && r->report.v[i].severity >= o->fail_on)
					finding_line(&cases, r, &r->report.v[i]);
			xml_escape(&cases, rule->advice);
			rl_buf_adds(&cases, "</failure>\n");
		}
		if (failing < shown) {
			rl_buf_adds(&cases, "      <system-out>");
			for (size_t i = 0; i < r->report.n; i++)
				if (r->report.v[i].rule == rule && r->report.v[i].severity < o->fail_on)
					finding_line(&cases, r, &r->report.v[i]);
			rl_buf_adds(&cases, "</system-out>\n");
		}
		rl_buf_adds(&cases, "    </testcase>\n");
	}
	rl_buf_adds(b, "  <testsuite name=\"");
	xml_escape(b, r->path);
	rl_buf_addf(b, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n", tests, failures);
	rl_buf_add(b, cases.data, cases.len);
	rl_buf_adds(b, "  </testsuite>\n");
	o->notes_count += failures; /* failures */
	o->aux_count += tests;
	rl_buf_free(&cases);
}

static void junit_end(struct rl_out *o)
{
	rl_buf_addf(&o->buf,
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<testsuites name=\"resumelint\" tests=\"%zu\" failures=\"%zu\" errors=\"%d\">\n",
		    o->aux_count, o->notes_count, o->state);
	rl_buf_add(&o->buf, o->aux.data, o->aux.len);
	rl_buf_adds(&o->buf, "</testsuites>\n");
}

const struct rl_formatter rl_format_junit = {
	.name = "junit",
	.help = "JUnit XML test report (GitLab, Jenkins)",
	.file = junit_file,
	.end = junit_end,
};
