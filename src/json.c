/* JSON writer. */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void rl_json_init(struct rl_json *j, struct rl_buf *out, int pretty)
{
	memset(j, 0, sizeof *j);
	j->out = out;
	j->pretty = pretty;
	j->first[0] = 1;
}

static void newline(struct rl_json *j)
{
	if (!j->pretty)
		return;
	rl_buf_addc(j->out, '\n');
	for (int i = 0; i < j->depth; i++)
		rl_buf_adds(j->out, "  ");
}

/* Separator before a value (or key). */
static void before_value(struct rl_json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth > 0) {
		if (!j->first[j->depth])
			rl_buf_addc(j->out, ',');
		newline(j);
	}
	j->first[j->depth] = 0;
}

static void json_open(struct rl_json *j, char c)
{
	before_value(j);
	rl_buf_addc(j->out, c);
	if (j->depth + 1 < RL_JSON_MAX_DEPTH) {
		j->depth++;
		j->first[j->depth] = 1;
	} else {
		/* deeper than the layout tracks: keep the separators of this
		 * level, counting how far past it we are */
		j->overflow++;
		j->first[j->depth] = 1;
	}
}

static void json_close(struct rl_json *j, char c)
{
	int empty = j->first[j->depth];
	if (j->overflow) {
		j->overflow--;
		j->first[j->depth] = 0;
		rl_buf_addc(j->out, c);
		return;
	}
	if (j->depth > 0)
		j->depth--;
	if (!empty)
		newline(j);
	rl_buf_addc(j->out, c);
}

void rl_json_begin_object(struct rl_json *j)
{
	json_open(j, '{');
}

void rl_json_end_object(struct rl_json *j)
{
	json_close(j, '}');
}

void rl_json_begin_array(struct rl_json *j)
{
	json_open(j, '[');
}

void rl_json_end_array(struct rl_json *j)
{
	json_close(j, ']');
}

void rl_json_escape(struct rl_buf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t run = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[7];
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		default:
			if (c < 0x20 || c == 0x7F) {
				u[0] = '\\', u[1] = 'u', u[2] = '0', u[3] = '0';
				u[4] = hex[c >> 4], u[5] = hex[c & 15], u[6] = '\0';
				esc = u;
			}
		}
		if (!esc)
			continue;
		rl_buf_add(out, s + run, i - run);
		rl_buf_adds(out, esc);
		run = i + 1;
	}
	rl_buf_add(out, s + run, len - run);
}

void rl_json_key(struct rl_json *j, const char *key)
{
	before_value(j);
	rl_buf_addc(j->out, '"');
	rl_json_escape(j->out, key, strlen(key));
	rl_buf_adds(j->out, j->pretty ? "\": " : "\":");
	j->after_key = 1;
}

void rl_json_string_n(struct rl_json *j, const char *s, size_t len)
{
	before_value(j);
	rl_buf_addc(j->out, '"');
	rl_json_escape(j->out, s, len);
	rl_buf_addc(j->out, '"');
}

void rl_json_string(struct rl_json *j, const char *s)
{
	if (!s) {
		rl_json_null(j);
		return;
	}
	rl_json_string_n(j, s, strlen(s));
}

void rl_json_int(struct rl_json *j, long long v)
{
	before_value(j);
	rl_buf_addf(j->out, "%lld", v);
}

void rl_json_number(struct rl_json *j, double v, int decimals)
{
	before_value(j);
	if (!isfinite(v)) {
		rl_buf_adds(j->out, "null");
		return;
	}
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
	/* trim trailing zeros: 1.50 → 1.5, 2.00 → 2 */
	char *dot = strchr(tmp, '.');
	if (dot) {
		char *end = tmp + strlen(tmp);
		while (end > dot + 1 && end[-1] == '0')
			*--end = '\0';
		if (end == dot + 1)
			*dot = '\0';
	}
	if (strcmp(tmp, "-0") == 0)
		strcpy(tmp, "0");
	rl_buf_adds(j->out, tmp);
}

void rl_json_bool(struct rl_json *j, int v)
{
	before_value(j);
	rl_buf_adds(j->out, v ? "true" : "false");
}

void rl_json_null(struct rl_json *j)
{
	before_value(j);
	rl_buf_adds(j->out, "null");
}
