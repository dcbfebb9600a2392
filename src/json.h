/* A small JSON writer: escaping and layout in one place for every format
 * that writes JSON (json, sarif). */
#ifndef RL_JSON_H
#define RL_JSON_H

#include <stddef.h>

#include "buf.h"

#define RL_JSON_MAX_DEPTH 32

struct rl_json {
	struct rl_buf *out;
	int pretty;
	int depth;
	int first[RL_JSON_MAX_DEPTH]; /* nothing written yet at this depth */
	int after_key;
	int overflow;  /* containers open past RL_JSON_MAX_DEPTH */
};

void rl_json_init(struct rl_json *j, struct rl_buf *out, int pretty);
void rl_json_begin_object(struct rl_json *j);
void rl_json_end_object(struct rl_json *j);
void rl_json_begin_array(struct rl_json *j);
void rl_json_end_array(struct rl_json *j);
void rl_json_key(struct rl_json *j, const char *key);
void rl_json_string(struct rl_json *j, const char *s);
void rl_json_string_n(struct rl_json *j, const char *s, size_t len);
void rl_json_int(struct rl_json *j, long long v);
/* Numbers print with up to `decimals` digits after the point. */
void rl_json_number(struct rl_json *j, double v, int decimals);
void rl_json_bool(struct rl_json *j, int v);
void rl_json_null(struct rl_json *j);
/* Escapes s as a JSON string body (no quotes) into out. */
void rl_json_escape(struct rl_buf *out, const char *s, size_t len);

#endif
