/* A job posting: parts, title and weighted terms (posting.h). */
#include "posting.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "buf.h"
#include "doc.h"
#include "reader.h"
#include "utf8.h"

/* A paragraph of at most this many words with no sentence end reads as a
 * heading ("Qualifications", "What you'll do"). */
#define MAX_HEADING_WORDS 8
/* A paragraph ending in ':' of at most this many words is a lead-in line
 * ("Each day, some of the tasks we might ask you to do are:"). */
#define MAX_LEAD_IN_WORDS 25
/* A label before ':' at the start of a paragraph, at most this many words,
 * can name a part ("Requirements: Python, SQL"). */
#define MAX_LABEL_WORDS 5
/* A title has at most this many words; longer first lines are prose. */
#define MAX_TITLE_WORDS 12
/* Repeats raise a term's weight by a quarter each, up to this many. */
#define MAX_REPEATS_COUNTED 4
/* Dictionary terms count double against phrases (research: +35 pp recall). */
#define DICTIONARY_BOOST 2.0
/* Soft skills (communication, teamwork) are asked for by every posting and
 * shown by implication: listed last (research: a fifth of false alarms). */
#define SOFT_SKILL_FACTOR 0.5
/* Phrase terms scoring under this are noise: a phrase needs a whole chunk
 * of a requirement with a name's shape, or repeats (a lower-case whole
 * chunk of a requirement scores 1.2). */
#define MIN_PHRASE_SCORE 1.5
/* Longest phrase term, in words. */
#define MAX_PHRASE_WORDS 3
/* How far before a list of examples an "or other ..." is looked for. */
#define MAX_OR_OTHER_LOOKBACK 48

static int is_junk(const struct rl_block *b)
{
	const char *s = b->text;
	/* reStructuredText directives and comments, read as text */
	if (s[0] == '.' && s[1] == '.' && (s[2] == ' ' || !s[2]))
		return 1;
	if (s[0] == ':' && b->text_len > 2 && s[b->text_len - 1] == ':' && !strchr(s, ' '))
		return 1;
	/* a converted page's one-line header: "--- layout: page ... ---" */
	if (strncmp(s, "---", 3) == 0 && b->text_len > 6 && strcmp(s + b->text_len - 3, "---") == 0)
		return 1;
	return 0;
}

static int ends_sentence(const struct rl_block *b)
{
	size_t n = b->text_len;
	while (n && (b->text[n - 1] == ' ' || b->text[n - 1] == '*'))
		n--;
	return n && strchr(".!?", b->text[n - 1]) != NULL;
}

static int ends_colon(const struct rl_block *b)
{
	size_t n = b->text_len;
	while (n && (b->text[n - 1] == ' ' || b->text[n - 1] == '*'))
		n--;
	return n && b->text[n - 1] == ':';
}

static int reads_as_heading(const struct rl_block *b, size_t words)
{
	if (b->kind == RL_BLOCK_HEADING || b->kind == RL_BLOCK_TERM)
		return 1;
	if (b->kind != RL_BLOCK_PARAGRAPH)
		return 0;
	if ((b->flags & RL_BF_STRONG) && words <= MAX_HEADING_WORDS)
		return 1;
	return words <= MAX_HEADING_WORDS && !ends_sentence(b);
}

/* Part of a "Label: text" paragraph, or -1. */
static int label_part(const struct rl_tailor *t, const struct rl_block *b)
{
	const char *colon = memchr(b->text, ':', b->text_len);
	if (!colon || colon == b->text || rl_count_words(b->text, (size_t)(colon - b->text)) > MAX_LABEL_WORDS)
		return -1;
	return rl_tailor_part(t, b->text, (size_t)(colon - b->text), NULL);
}

static int is_body_part(int p)
{
	return p == RL_PART_REQUIRED || p == RL_PART_RESPONSIBILITIES || p == RL_PART_PREFERRED;
}

/* The parts of a posting's blocks; heading[i] is 1 for a block that names a
 * part (its words are not terms), 2 for the title and 3 for a heading that
 * names no part. Returns the title's block or -1. */
static long assign_parts(const struct rl_tailor *t, const struct rl_doc *doc, enum rl_part *out,
			 unsigned char *heading)
{
	enum rl_part cur = RL_PART_OTHER;
	int body_seen = 0;
	long title = -1;
	int first = 1;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		heading[i] = 0;
		if (b->kind == RL_BLOCK_RULE) {
			if (body_seen)
				cur = RL_PART_BOILERPLATE; /* a contact form or a footer after the body */
			out[i] = RL_PART_BOILERPLATE;
			continue;
		}
		if (b->kind == RL_BLOCK_CODE || b->kind == RL_BLOCK_PAGE_HEADER || b->kind == RL_BLOCK_PAGE_FOOTER ||
		    (b->flags & RL_BF_ALT_TEXT) || is_junk(b)) {
			out[i] = RL_PART_BOILERPLATE;
			continue;
		}
		if (b->kind == RL_BLOCK_META) {
			out[i] = RL_PART_BOILERPLATE;
			continue;
		}
		size_t words = rl_count_words(b->text, b->text_len);
		int p = -1;
		size_t pw = 0;
		if (reads_as_heading(b, words) || (b->kind == RL_BLOCK_PARAGRAPH && ends_colon(b) && words <= MAX_LEAD_IN_WORDS))
			p = rl_tailor_part(t, b->text, b->text_len, &pw);
		if (first && p != RL_PART_REQUIRED && p != RL_PART_RESPONSIBILITIES && p != RL_PART_PREFERRED &&
		    p != RL_PART_BOILERPLATE && words <= MAX_TITLE_WORDS && words > 0 &&
		    (b->kind == RL_BLOCK_HEADING || reads_as_heading(b, words) || p == RL_PART_TITLE_PREFIX)) {
			title = (long)i;
			out[i] = RL_PART_TITLE;
			heading[i] = 2;
			first = 0;
			continue;
		}
		first = 0;
		if (p == RL_PART_TITLE_PREFIX || p == RL_PART_TITLE_DROP || p == RL_PART_TITLE)
			p = -1;
		if (p >= 0 && b->kind != RL_BLOCK_HEADING && b->kind != RL_BLOCK_TERM && !ends_colon(b) && pw * 2 < words)
			p = -1; /* a short line that only mentions a part word ("Experience with Docker") is content */
		if (p >= 0) {
			cur = (enum rl_part)p;
			body_seen |= is_body_part(p);
			out[i] = cur;
			heading[i] = 1;
			continue;
		}
		if (b->kind == RL_BLOCK_HEADING) {
			/* a heading the table does not know: its words count a little */
			cur = RL_PART_OTHER;
			out[i] = cur;
			heading[i] = 3;
			continue;
		}
		int lp = b->kind == RL_BLOCK_PARAGRAPH ? label_part(t, b) : -1;
		if (lp >= 0 && lp != RL_PART_TITLE && lp < RL_PART_TITLE_PREFIX) {
			cur = (enum rl_part)lp;
			body_seen |= is_body_part(lp);
		}
		out[i] = cur;
	}
	return title;
}

void rl_posting_parts(const struct rl_tailor *t, const struct rl_doc *doc, enum rl_part *out)
{
	unsigned char *h = rl_xcalloc(doc->nblocks ? doc->nblocks : 1, 1);
	assign_parts(t, doc, out, h);
	free(h);
}

/* ---- terms ---- */

struct occ {
	uint32_t block, tok, n;
};

struct acc {
	char *text;
	long skill;
	char *key;
	double best, sum;
	enum rl_part part;
	unsigned line;
	unsigned count;
	struct occ *occ;
	size_t nocc, cap_occ;
	int keep;
	int soft;          /* a soft skill: no dictionary boost */
	long parent;       /* alternatives ("Flask/Django"): union-find over accs */
};

struct builder {
	const struct rl_tailor *t;
	struct rl_posting *p;
	const struct rl_doc *doc;
	struct acc *v;
	size_t n, cap;
	struct rl_strmap phrases; /* key → acc index */
	long *skill_acc;
	struct rl_toks toks;
	struct rl_buf key;
	struct { long acc; size_t off; } *hits; /* the block's skills, in order */
	size_t nhits, cap_hits;
};

static unsigned block_line(const struct rl_doc *doc, const struct rl_block *b, size_t t)
{
	return rl_source_pos(doc->src, rl_block_src(b, t)).line;
}

static void add_occurrence(struct acc *a, double w, enum rl_part part, unsigned line, uint32_t block, uint32_t tok,
			   uint32_t n)
{
	a->count++;
	a->sum += w;
	if (w > a->best || (w == a->best && part == RL_PART_REQUIRED && a->part != RL_PART_REQUIRED)) {
		a->best = w;
		a->part = part;
		a->line = line;
	}
	RL_GROW(a->occ, a->nocc, a->cap_occ);
	a->occ[a->nocc++] = (struct occ){ block, tok, n };
}

static struct acc *new_acc(struct builder *bd)
{
	RL_GROW(bd->v, bd->n, bd->cap);
	struct acc *a = &bd->v[bd->n++];
	memset(a, 0, sizeof *a);
	a->skill = -1;
	a->parent = (long)(bd->n - 1);
	return a;
}

static int candidate(const struct builder *bd, size_t i)
{
	const struct rl_toks *t = &bd->toks;
	const struct rl_tok *k = &t->v[i];
	if (k->flags & RL_TOK_NUMBER)
		return 0;
	const char *low = rl_tok_low(t, i);
	size_t n = strlen(low);
	if (n < 2 || n > 40)
		return 0;
	if (rl_tailor_is_stop(bd->t, low))
		return 0;
	/* the stop list is in lower case; "Python's" → low "python" already */
	return 1;
}

static void add_phrases(struct builder *bd, const struct rl_block *b, uint32_t bi, const unsigned char *claimed,
			double w, enum rl_part part)
{
	const struct rl_toks *t = &bd->toks;
	size_t i = 0;
	while (i < t->n) {
		if (claimed[i] || !candidate(bd, i)) {
			i++;
			continue;
		}
		size_t j = i + 1;
		while (j < t->n && !claimed[j] && !(t->v[j].flags & RL_TOK_BREAK) && candidate(bd, j))
			j++;
		size_t len = j - i;
		for (size_t s = i; s < j; s++) {
			for (size_t n = 1; n <= MAX_PHRASE_WORDS && s + n <= j; n++) {
				int shape = 0;
				rl_buf_clear(&bd->key);
				for (size_t k = s; k < s + n; k++) {
					const struct rl_tok *tk = &t->v[k];
					if ((tk->flags & RL_TOK_SHAPE) || ((tk->flags & RL_TOK_UPPER) && !(tk->flags & RL_TOK_SENTENCE)))
						shape = 1;
					if (k > s)
						rl_buf_addc(&bd->key, ' ');
					rl_buf_adds(&bd->key, rl_tok_stem(t, k));
				}
				/* one plain lower-case word is no skill the dictionary missed */
				if (n == 1 && !shape)
					continue;
				double f = (n == len ? 1.5 : 0.5) * (shape ? 1.0 : 0.4);
				int added;
				uint32_t *slot = rl_strmap_put(&bd->phrases, bd->key.data, bd->key.len, &added);
				struct acc *a;
				if (added) {
					*slot = (uint32_t)bd->n;
					a = new_acc(bd);
					a->key = rl_xstrndup(bd->key.data, bd->key.len);
					size_t t0 = t->v[s].off, t1 = t->v[s + n - 1].off + t->v[s + n - 1].len;
					a->text = rl_xstrndup(b->text + t0, t1 - t0);
				} else {
					a = &bd->v[*slot];
				}
				add_occurrence(a, w * f, part, block_line(bd->doc, b, t->v[s].off), bi, (uint32_t)s,
					       (uint32_t)n);
			}
		}
		i = j;
	}
}

static long group_root(struct acc *v, long i)
{
	while (v[i].parent != i)
		i = v[i].parent = v[v[i].parent].parent;
	return i;
}

/* Two skills named as alternatives: only '/' or "or" between. */
static int alternatives(const struct rl_toks *t, const char *text, size_t prev_end, size_t i)
{
	if (!prev_end || prev_end > i)
		return 0;
	int joiner = 0;
	for (size_t k = prev_end; k < i; k++) {
		const char *low = rl_tok_low(t, k);
		/* "X or Y", "X or as a Y"; "and/or" asks for both */
		if (strcmp(low, "or") == 0)
			joiner = 1;
		else if (strcmp(low, "as") != 0 && strcmp(low, "a") != 0 && strcmp(low, "an") != 0)
			return 0;
	}
	size_t g0 = t->v[prev_end - 1].off + t->v[prev_end - 1].len, g1 = t->v[i].off;
	for (size_t k = g0; k < g1; k++) {
		if (text[k] == '/')
			joiner = 1;
		else if (text[k] != ' ' && !(k >= t->v[prev_end].off && prev_end < i))
			return 0;
	}
	return joiner;
}

static int starts_with_word(const char *s, const char *end, const char *w)
{
	size_t n = strlen(w);
	return (size_t)(end - s) >= n && strncasecmp(s, w, n) == 0 &&
	       ((size_t)(end - s) == n || !((s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z'));
}

/* "(e.g. numpy, scipy, pandas, etc.)" or "or other frameworks (e.g. A, B)":
 * examples of one thing, any of which will do. A plain list of examples
 * names each on its own. */
static void example_lists(struct builder *bd, const struct rl_block *b)
{
	const char *s = b->text, *end = b->text + b->text_len;
	for (const char *open = memchr(s, '(', b->text_len); open; open = memchr(open + 1, '(', (size_t)(end - open - 1))) {
		const char *close = memchr(open, ')', (size_t)(end - open));
		if (!close)
			break;
		const char *p = open + 1;
		int examples = 0;
		for (const char *q = p; q < close && !examples; q++)
			examples = (q == p || q[-1] == ' ') &&
				   (starts_with_word(q, close, "e.g") || starts_with_word(q, close, "eg") ||
				    starts_with_word(q, close, "such as") || starts_with_word(q, close, "for example"));
		if (!examples)
			continue;
		int etc = 0;
		for (const char *q = p; q + 3 <= close && !etc; q++)
			etc = strncasecmp(q, "etc", 3) == 0 && (q == p || q[-1] == ' ' || q[-1] == ',');
		/* "... or other visualization frameworks (e.g. A, B, C)" */
		for (const char *q = open > s + MAX_OR_OTHER_LOOKBACK ? open - MAX_OR_OTHER_LOOKBACK : s; q + 8 <= open && !etc;
		     q++)
			etc = strncasecmp(q, "or other", 8) == 0 || strncasecmp(q, "or similar", 10) == 0;
		if (!etc)
			continue;
		long first = -1;
		for (size_t k = 0; k < bd->nhits; k++) {
			size_t off = bd->hits[k].off;
			if (off < (size_t)(open - s) || off >= (size_t)(close - s))
				continue;
			if (first < 0) {
				first = bd->hits[k].acc;
				continue;
			}
			long ra = group_root(bd->v, bd->hits[k].acc), rf = group_root(bd->v, first);
			if (ra != rf)
				bd->v[ra].parent = rf;
		}
	}
}

static void read_block(struct builder *bd, const struct rl_block *b, uint32_t bi, double w, enum rl_part part)
{
	struct rl_toks *t = &bd->toks;
	rl_toks_clear(t);
	rl_tokenize(t, b->text, b->text_len);
	if (!t->n)
		return;
	unsigned char *claimed = rl_xcalloc(t->n, 1);
	const struct rl_skills *d = bd->p->skills;
	size_t prev_end = 0;
	long prev = -1;
	for (size_t i = 0; i < t->n;) {
		uint32_t skill;
		size_t n = rl_skills_match(d, t, i, t->n, &skill);
		if (!n) {
			i++;
			continue;
		}
		memset(claimed + i, 1, n);
		long a = bd->skill_acc[skill];
		if (a < 0) {
			bd->skill_acc[skill] = a = (long)bd->n;
			struct acc *na = new_acc(bd);
			na->skill = skill;
			na->soft = d->v[skill].kind == RL_SKILL_SOFT;
			na->text = rl_xstrdup(d->v[skill].name);
		}
		if (prev >= 0 && prev != a && alternatives(t, b->text, prev_end, i)) {
			long ra = group_root(bd->v, a), rp = group_root(bd->v, prev);
			if (ra != rp)
				bd->v[ra].parent = rp;
		}
		prev = a;
		prev_end = i + n;
		RL_GROW(bd->hits, bd->nhits, bd->cap_hits);
		bd->hits[bd->nhits].acc = a;
		bd->hits[bd->nhits].off = t->v[i].off;
		bd->nhits++;
		add_occurrence(&bd->v[a], w, part, block_line(bd->doc, b, t->v[i].off), bi, (uint32_t)i, (uint32_t)n);
		i += n;
	}
	example_lists(bd, b);
	bd->nhits = 0;
	add_phrases(bd, b, bi, claimed, w, part);
	free(claimed);
}

static double final_score(const struct acc *a)
{
	unsigned extra = a->count > 1 ? a->count - 1 : 0;
	if (extra > MAX_REPEATS_COUNTED)
		extra = MAX_REPEATS_COUNTED;
	double s = a->best * (1.0 + 0.25 * extra);
	if (a->soft)
		return s * SOFT_SKILL_FACTOR;
	return a->skill >= 0 ? s * DICTIONARY_BOOST : s;
}

static int by_score(const void *pa, const void *pb)
{
	const struct acc *a = pa, *b = pb;
	double sa = final_score(a), sb = final_score(b);
	if (sa != sb)
		return sa > sb ? -1 : 1;
	if ((a->skill >= 0) != (b->skill >= 0))
		return a->skill >= 0 ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return strcmp(a->text, b->text);
}

static int occ_overlaps(const struct occ *o, const struct acc *kept)
{
	for (size_t i = 0; i < kept->nocc; i++) {
		const struct occ *k = &kept->occ[i];
		if (k->block == o->block && o->tok < k->tok + k->n && k->tok < o->tok + o->n)
			return 1;
	}
	return 0;
}

/* A phrase every occurrence of which lies inside kept phrases adds nothing. */
static int covered(const struct acc *a, const struct acc *v, size_t n)
{
	for (size_t i = 0; i < a->nocc; i++) {
		int hit = 0;
		for (size_t k = 0; k < n && !hit; k++)
			if (v[k].keep && v[k].skill < 0 && &v[k] != a)
				hit = occ_overlaps(&a->occ[i], &v[k]);
		if (!hit)
			return 0;
	}
	return 1;
}

/* title text → the core a close variant must have: before " - ", "(",
 * ",", " at ", "|"; without seniority words. */
static char *title_core(const struct rl_tailor *t, const char *title)
{
	static const char *const cuts[] = { " - ", " – ", " — ", "(", ",", " at ", " | ", " / ", ": " };
	size_t n = strlen(title);
	for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
		const char *c = strstr(title, cuts[i]);
		if (c && c > title && (size_t)(c - title) < n)
			n = (size_t)(c - title);
	}
	struct rl_buf out;
	rl_buf_init(&out);
	const char *s = title;
	const char *end = title + n;
	while (s < end) {
		while (s < end && *s == ' ')
			s++;
		const char *w = s;
		while (s < end && *s != ' ')
			s++;
		if (s == w)
			break;
		if (rl_tailor_part(t, w, (size_t)(s - w), NULL) == RL_PART_TITLE_DROP)
			continue;
		if (out.len)
			rl_buf_addc(&out, ' ');
		rl_buf_add(&out, w, (size_t)(s - w));
	}
	if (!out.len) {
		rl_buf_free(&out);
		return rl_xstrndup(title, n);
	}
	return rl_buf_detach(&out, NULL);
}

static char *clean_title(const struct rl_tailor *t, const char *text)
{
	const char *colon = strchr(text, ':');
	if (colon && rl_tailor_part(t, text, (size_t)(colon - text), NULL) == RL_PART_TITLE_PREFIX) {
		text = colon + 1;
		while (*text == ' ')
			text++;
	}
	return rl_xstrdup(text);
}

static const char *meta_title(const struct rl_doc *doc)
{
	static const char *const keys[] = { "title", "position", "role", "job_title", "job-title" };
	for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
		for (size_t i = 0; i < doc->nmeta; i++)
			if (strcmp(doc->meta[i].key, keys[k]) == 0 && doc->meta[i].value && *doc->meta[i].value)
				return doc->meta[i].value;
	return NULL;
}

struct rl_posting *rl_posting_new(const struct rl_tailor *t, const struct rl_skills *skills, const char *path,
				  const char *bytes, size_t len, struct rl_diags *diags)
{
	struct rl_read_opts ro = { 0 };
	struct rl_diags rd;
	rl_diags_init(&rd);
	struct rl_doc *doc = rl_read(path, bytes, len, &ro, &rd);
	if (!doc) {
		int moved = 0;
		for (size_t i = 0; i < rd.n && !moved; i++)
			if (rd.v[i].level == RL_DIAG_ERROR) {
				rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "%s", rd.v[i].message);
				moved = 1;
			}
		if (!moved)
			rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "cannot be read as a job posting");
		rl_diags_free(&rd);
		return NULL;
	}
	rl_diags_free(&rd);
	struct rl_posting *p = rl_xcalloc(1, sizeof *p);
	p->path = rl_xstrdup(path);
	p->skills = skills ? skills : t->skills;
	p->stemmer = rl_stemmer_new();
	rl_strmap_init(&p->phrase_index);
	size_t nb = doc->nblocks ? doc->nblocks : 1;
	enum rl_part *parts = rl_xcalloc(nb, sizeof *parts);
	unsigned char *heading = rl_xcalloc(nb, 1);
	long title = assign_parts(t, doc, parts, heading);
	const char *mt = meta_title(doc);
	if (mt) {
		p->title = clean_title(t, mt);
	} else if (title >= 0) {
		p->title = clean_title(t, doc->blocks[title].text);
		p->title_line = block_line(doc, &doc->blocks[title], 0);
	}
	if (p->title)
		p->title_core = title_core(t, p->title);

	struct builder bd;
	memset(&bd, 0, sizeof bd);
	bd.t = t;
	bd.p = p;
	bd.doc = doc;
	rl_strmap_init(&bd.phrases);
	rl_toks_init(&bd.toks, p->stemmer);
	rl_buf_init(&bd.key);
	bd.skill_acc = rl_xmalloc((p->skills->n ? p->skills->n : 1) * sizeof *bd.skill_acc);
	for (size_t i = 0; i < p->skills->n; i++)
		bd.skill_acc[i] = -1;
	size_t words = 0;
	int has_required = 0;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		p->part_blocks[parts[i]]++;
		double w = rl_part_weight[parts[i]];
		if (heading[i] == 1)
			continue; /* "Requirements", "What you bring": no terms */
		if (heading[i] == 3)
			w = RL_HEADING_WEIGHT;
		if (w <= 0)
			continue;
		words += rl_count_words(b->text, b->text_len);
		has_required |= parts[i] == RL_PART_REQUIRED && !heading[i];
		read_block(&bd, b, (uint32_t)i, w, parts[i]);
	}
	if (!words) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "%s",
			     doc->nblocks ? "a job posting with no text to compare with (only headings, links or boilerplate)"
					  : "an empty job posting: nothing to compare with");
		goto fail;
	}

	/* rank, drop phrases that only repeat kept ones, cap */
	/* alternatives: a group is named by its root, found before sorting */
	for (size_t i = 0; i < bd.n; i++)
		bd.v[i].keep = 0;
	long *root = rl_xmalloc((bd.n ? bd.n : 1) * sizeof *root);
	for (size_t i = 0; i < bd.n; i++)
		root[i] = group_root(bd.v, (long)i);
	for (size_t i = 0; i < bd.n; i++) {
		int alone = 1;
		for (size_t k = 0; k < bd.n && alone; k++)
			alone = k == i || root[k] != root[i];
		bd.v[i].parent = alone ? -1 : root[i];
	}
	free(root);
	if (bd.n) /* no terms: bd.v is NULL, which qsort may not take (fuzz_posting, UBSan) */
		qsort(bd.v, bd.n, sizeof *bd.v, by_score);
	size_t nphr = 0, nterms = 0;
	for (size_t i = 0; i < bd.n && nterms < RL_MAX_TERMS; i++) {
		struct acc *a = &bd.v[i];
		if (a->skill < 0) {
			if (nphr >= RL_MAX_PHRASE_TERMS || final_score(a) < MIN_PHRASE_SCORE || covered(a, bd.v, i))
				continue;
			nphr++;
		}
		a->keep = 1;
		nterms++;
	}
	p->terms = rl_xcalloc(nterms ? nterms : 1, sizeof *p->terms);
	p->nskills = p->skills->n;
	p->skill_term = rl_xmalloc((p->nskills ? p->nskills : 1) * sizeof *p->skill_term);
	for (size_t i = 0; i < p->nskills; i++)
		p->skill_term[i] = -1;
	for (size_t i = 0; i < bd.n; i++) {
		struct acc *a = &bd.v[i];
		if (!a->keep)
			continue;
		struct rl_term *tm = &p->terms[p->nterms];
		tm->text = a->text;
		a->text = NULL;
		tm->skill = a->skill;
		tm->key = a->key;
		a->key = NULL;
		tm->score = final_score(a);
		tm->part = a->part;
		tm->line = a->line;
		tm->count = a->count;
		tm->group = a->parent;
		tm->soft = a->soft;
		tm->required = a->part == RL_PART_TITLE || a->part == RL_PART_REQUIRED ||
			       (!has_required && (a->part == RL_PART_RESPONSIBILITIES || a->part == RL_PART_OTHER));
		if (tm->skill >= 0)
			p->skill_term[tm->skill] = (long)p->nterms;
		else
			*rl_strmap_put(&p->phrase_index, tm->key, strlen(tm->key), NULL) = (uint32_t)p->nterms;
		p->nterms++;
	}
	goto done;
fail:
	rl_posting_free(p);
	p = NULL;
done:
	for (size_t i = 0; i < bd.n; i++) {
		free(bd.v[i].text);
		free(bd.v[i].key);
		free(bd.v[i].occ);
	}
	free(bd.v);
	free(bd.skill_acc);
	rl_strmap_free(&bd.phrases);
	rl_toks_free(&bd.toks);
	rl_buf_free(&bd.key);
	free(bd.hits);
	free(parts);
	free(heading);
	rl_doc_free(doc);
	return p;
}

void rl_posting_free(struct rl_posting *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nterms; i++) {
		free(p->terms[i].text);
		free(p->terms[i].key);
	}
	free(p->terms);
	free(p->skill_term);
	rl_strmap_free(&p->phrase_index);
	rl_stemmer_free(p->stemmer);
	free(p->title);
	free(p->title_core);
	free(p->path);
	free(p);
}
