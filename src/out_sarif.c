/* SARIF 2.1.0 output, for code scanning (GitHub, GitLab, IDE viewers).
 * One run: tool.driver.rules lists every rule of the run (id, descriptions,
 * help URI, default level); each finding is a result with a physical
 * location. Columns count Unicode code points (run.columnKind). Files that
 * could not be read become error notifications of the invocation, which
 * then did not execute successfully. Results are held back in o->aux until
 * the end, because the rules come first. */
#include <string.h>

#include "json.h"
#include "out.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static const char *level_of(enum rl_severity s)
{
	return s == RL_SEV_ERROR ? "error" : s == RL_SEV_WARNING ? "warning" : s == RL_SEV_INFO ? "note" : "none";
}

/* A path as a URI reference: unreserved characters and '/' as they are,
 * everything else percent-encoded. */
static void uri_of(struct rl_buf *b, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p))
			rl_buf_addc(b, (char)*p);
		else
			rl_buf_addf(b, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
	}
}

static void location(struct rl_json *j, const char *path, const struct rl_span_pos *p)
{
	struct rl_buf uri;
	rl_buf_init(&uri);
	uri_of(&uri, path);
	rl_json_begin_object(j);
	rl_json_key(j, "physicalLocation");
	rl_json_begin_object(j);
	rl_json_key(j, "artifactLocation");
	rl_json_begin_object(j);
	rl_json_key(j, "uri");
	rl_json_string(j, uri.data);
	rl_json_end_object(j);
	if (p) {
		rl_json_key(j, "region");
		rl_json_begin_object(j);
		rl_json_key(j, "startLine");
		rl_json_int(j, p->line);
		rl_json_key(j, "startColumn");
		rl_json_int(j, p->col);
		rl_json_key(j, "endLine");
		rl_json_int(j, p->end_line);
		rl_json_key(j, "endColumn");
		rl_json_int(j, p->end_col > p->col || p->end_line > p->line ? p->end_col : p->col + 1);
		rl_json_end_object(j);
	}
	rl_json_end_object(j);
	rl_json_end_object(j);
	rl_buf_free(&uri);
}

static size_t rule_index(const struct rl_out *o, const struct rl_rule *r)
{
	for (size_t i = 0; o->rules && i < o->rules->n; i++)
		if (o->rules->v[i] == r)
			return i;
	return (size_t)-1;
}

static void sarif_file(struct rl_out *o, const struct rl_result *r)
{
	struct rl_json j;
	if (r->status != RL_STATUS_OK) {
		/* a notification of the invocation: runs[0].invocations[0].toolExecutionNotifications[ */
		rl_json_init(&j, &o->notes, 1);
		j.depth = 6;
		j.first[6] = o->notes_count++ == 0;
		rl_json_begin_object(&j);
		rl_json_key(&j, "level");
		rl_json_string(&j, "error");
		rl_json_key(&j, "message");
		rl_json_begin_object(&j);
		rl_json_key(&j, "text");
		rl_json_string(&j, r->error ? r->error : "could not be read");
		rl_json_end_object(&j);
		rl_json_key(&j, "locations");
		rl_json_begin_array(&j);
		location(&j, r->path, NULL);
		rl_json_end_array(&j);
		rl_json_end_object(&j);
		return;
	}
	rl_json_init(&j, &o->aux, 1);
	j.depth = 4; /* runs[0].results[ */
	for (size_t i = 0; i < r->report.n; i++) {
		const struct rl_finding *f = &r->report.v[i];
		struct rl_span_pos p = rl_finding_pos(r, f);
		j.first[4] = o->aux_count++ == 0;
		rl_json_begin_object(&j);
		rl_json_key(&j, "ruleId");
		rl_json_string(&j, f->rule->id);
		size_t k = rule_index(o, f->rule);
		if (k != (size_t)-1) {
			rl_json_key(&j, "ruleIndex");
			rl_json_int(&j, (long long)k);
		}
		rl_json_key(&j, "level");
		rl_json_string(&j, level_of(f->severity));
		rl_json_key(&j, "message");
		rl_json_begin_object(&j);
		rl_json_key(&j, "text");
		rl_json_string(&j, f->message);
		rl_json_end_object(&j);
		rl_json_key(&j, "locations");
		rl_json_begin_array(&j);
		location(&j, r->path, &p);
		rl_json_end_array(&j);
		rl_json_end_object(&j);
	}
}

static void write_rule(struct rl_json *j, const struct rl_out *o, const struct rl_rule *r)
{
	rl_json_begin_object(j);
	rl_json_key(j, "id");
	rl_json_string(j, r->id);
	rl_json_key(j, "shortDescription");
	rl_json_begin_object(j);
	rl_json_key(j, "text");
	rl_json_string(j, r->summary ? r->summary : r->message);
	rl_json_end_object(j);
	rl_json_key(j, "fullDescription");
	rl_json_begin_object(j);
	rl_json_key(j, "text");
	rl_json_string(j, r->advice);
	rl_json_end_object(j);
	if (o->docs_url && *o->docs_url) {
		struct rl_buf u;
		rl_buf_init(&u);
		rl_buf_addf(&u, "%s#%s", o->docs_url, r->id);
		rl_json_key(j, "helpUri");
		rl_json_string(j, u.data);
		rl_buf_free(&u);
	}
	rl_json_key(j, "defaultConfiguration");
	rl_json_begin_object(j);
	rl_json_key(j, "level");
	rl_json_string(j, level_of(r->severity));
	if (r->severity == RL_SEV_OFF) {
		rl_json_key(j, "enabled");
		rl_json_bool(j, 0);
	}
	rl_json_end_object(j);
	rl_json_end_object(j);
}

static void sarif_begin(struct rl_out *o)
{
	(void)o;
}

static void sarif_end(struct rl_out *o)
{
	struct rl_json j;
	rl_json_init(&j, &o->buf, 1);
	rl_json_begin_object(&j);
	rl_json_key(&j, "$schema");
	rl_json_string(&j, SARIF_SCHEMA);
	rl_json_key(&j, "version");
	rl_json_string(&j, "2.1.0");
	rl_json_key(&j, "runs");
	rl_json_begin_array(&j);
	rl_json_begin_object(&j);
	rl_json_key(&j, "tool");
	rl_json_begin_object(&j);
	rl_json_key(&j, "driver");
	rl_json_begin_object(&j);
	rl_json_key(&j, "name");
	rl_json_string(&j, "resumelint");
	rl_json_key(&j, "version");
	rl_json_string(&j, o->version);
	rl_json_key(&j, "informationUri");
	rl_json_string(&j, o->docs_url);
	rl_json_key(&j, "rules");
	rl_json_begin_array(&j);
	for (size_t i = 0; o->rules && i < o->rules->n; i++)
		write_rule(&j, o, o->rules->v[i]);
	rl_json_end_array(&j);
	rl_json_end_object(&j);
	rl_json_end_object(&j);
	rl_json_key(&j, "columnKind");
	rl_json_string(&j, "unicodeCodePoints");
	rl_json_key(&j, "invocations");
	rl_json_begin_array(&j);
	rl_json_begin_object(&j);
	rl_json_key(&j, "executionSuccessful");
	rl_json_bool(&j, o->file_errors == 0);
	if (o->notes_count) {
		rl_json_key(&j, "toolExecutionNotifications");
		rl_buf_adds(&o->buf, "[");
		rl_buf_add(&o->buf, o->notes.data, o->notes.len);
		rl_buf_adds(&o->buf, "\n          ]");
		j.after_key = 0;
		j.first[j.depth] = 0;
	}
	rl_json_end_object(&j);
	rl_json_end_array(&j);
	rl_json_key(&j, "results");
	/* the results written as files came, at this depth */
	rl_buf_adds(&o->buf, "[");
	rl_buf_add(&o->buf, o->aux.data, o->aux.len);
	rl_buf_adds(&o->buf, o->aux_count ? "\n      ]" : "]");
	j.after_key = 0;
	j.first[j.depth] = 0;
	rl_json_end_object(&j);
	rl_json_end_array(&j);
	rl_json_end_object(&j);
	rl_buf_addc(&o->buf, '\n');
}

const struct rl_formatter rl_format_sarif = {
	.name = "sarif",
	.help = "SARIF 2.1.0 for code scanning",
	.begin = sarif_begin,
	.file = sarif_file,
	.end = sarif_end,
};
