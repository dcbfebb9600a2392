/* Output formats: one file each (out_text.c, out_json.c ...) behind this
 * table, chosen by name with --format. */
#ifndef RL_OUT_H
#define RL_OUT_H

#include <stdio.h>

#include "buf.h"
#include "lint.h"

struct rl_out;

struct rl_formatter {
	const char *name;
	const char *help;
	void (*begin)(struct rl_out *o);
	void (*file)(struct rl_out *o, const struct rl_result *r);
	void (*end)(struct rl_out *o);
};

struct rl_out {
	const struct rl_formatter *fmt;
	struct rl_buf buf;       /* formatters write here; rl_out_flush prints it */
	FILE *fp;
	int color;               /* ANSI colours (text format) */
	int quiet;               /* text: only findings at fail_on or above, no extras */
	enum rl_severity fail_on;
	const char *version;
	size_t files, file_errors;
	size_t counts[4];        /* findings by severity, over all files */
	const struct rl_rule **advised; /* rules whose advice the text format showed */
	size_t nadvised, cap_advised;
	int state;               /* formatter's own (e.g. JSON: files written) */
	struct rl_buf aux;       /* formatter's own: what it holds back until the end */
	size_t aux_count;
	struct rl_buf notes;     /* formatter's own: unreadable files, held back */
	size_t notes_count;
	const struct rl_ruleset *rules; /* the rules of the run (SARIF, JUnit list them) */
	const char *docs_url;    /* rule documentation; a rule's anchor is #ID */
};

extern const struct rl_formatter rl_format_text;
extern const struct rl_formatter rl_format_json;
extern const struct rl_formatter rl_format_sarif;
extern const struct rl_formatter rl_format_github;
extern const struct rl_formatter rl_format_junit;
extern const struct rl_formatter rl_format_html;
/* NULL-ended. */
extern const struct rl_formatter *const rl_formatters[];
const struct rl_formatter *rl_formatter_find(const char *name);

void rl_out_init(struct rl_out *o, const struct rl_formatter *fmt, FILE *fp);
void rl_out_begin(struct rl_out *o);
/* Counts the file's findings and writes it. */
void rl_out_file(struct rl_out *o, const struct rl_result *r);
void rl_out_end(struct rl_out *o);
void rl_out_flush(struct rl_out *o);
void rl_out_fini(struct rl_out *o);

/* Shared by formatters: 1-based line/column (characters) of a finding's
 * start and end (end exclusive). */
struct rl_span_pos {
	unsigned line, col, end_line, end_col;
};
struct rl_span_pos rl_finding_pos(const struct rl_result *r, const struct rl_finding *f);

/* The effective severity a rule ran at in a file: its findings', or the
 * rule's default when it found nothing. */
enum rl_severity rl_out_rule_severity(const struct rl_result *r, const struct rl_rule *rule);

#endif
