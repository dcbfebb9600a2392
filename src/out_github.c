/* GitHub Actions workflow commands: each finding becomes an annotation on
 * the pull request's file view,
 *   ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE
 * (notice for info findings). GitHub's escaping: in the message %, CR and
 * LF are percent-encoded; in properties also ':' and ','. The advice
 * follows the message on lines of its own. */
#include <string.h>

#include "out.h"

static void escape(struct rl_buf *b, const char *s, int property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%':
			rl_buf_adds(b, "%25");
			break;
		case '\r':
			rl_buf_adds(b, "%0D");
			break;
		case '\n':
			rl_buf_adds(b, "%0A");
			break;
		case ':':
			rl_buf_adds(b, property ? "%3A" : ":");
			break;
		case ',':
			rl_buf_adds(b, property ? "%2C" : ",");
			break;
		default:
			rl_buf_addc(b, *s);
		}
	}
}

static const char *command_of(enum rl_severity s)
{
	return s == RL_SEV_ERROR ? "error" : s == RL_SEV_WARNING ? "warning" : "notice";
}

static void github_file(struct rl_out *o, const struct rl_result *r)
{
	struct rl_buf *b = &o->buf;
	if (r->status != RL_STATUS_OK) {
		rl_buf_adds(b, "::error file=");
		escape(b, r->path, 1);
		rl_buf_adds(b, ",title=resumelint::");
		escape(b, r->error ? r->error : "could not be read", 0);
		rl_buf_addc(b, '\n');
		return;
	}
	for (size_t i = 0; i < r->report.n; i++) {
		const struct rl_finding *f = &r->report.v[i];
		if (o->quiet && f->severity < o->fail_on)
			continue;
		struct rl_span_pos p = rl_finding_pos(r, f);
		rl_buf_addf(b, "::%s file=", command_of(f->severity));
		escape(b, r->path, 1);
		rl_buf_addf(b, ",line=%u,col=%u,endLine=%u,endColumn=%u,title=", p.line, p.col, p.end_line,
			    p.end_col > p.col || p.end_line > p.line ? p.end_col : p.col + 1);
		escape(b, f->rule->id, 1);
		rl_buf_adds(b, "::");
		escape(b, f->message, 0);
		if (f->rule->advice && *f->rule->advice) {
			rl_buf_adds(b, "%0A%0A");
			escape(b, f->rule->advice, 0);
		}
		rl_buf_addc(b, '\n');
	}
}

const struct rl_formatter rl_format_github = {
	.name = "github",
	.help = "GitHub Actions annotations (workflow commands)",
	.file = github_file,
};
