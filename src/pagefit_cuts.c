/* What to cut when the resume runs past its page limit: the cheapest cuts
 * first, until they free the lines that are over.
 *
 * Cheapest means least lost for the reader: what other rules already flag
 * as noise (coursework, objective, references, GPA), sections a one-page
 * resume does without (interests), then rewording bullets whose last line
 * holds a word or two (a whole line back for a few words), then the longest
 * bullets, and last the oldest role. */
#include "pagefit_cuts.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "utf8.h"

/* A cut phrase quotes at most this many characters of the resume. */
#define QUOTE_CHARS 40
/* Bullets of this many lines or more are "long". */
#define LONG_BULLET_LINES 3
#define LONG_BULLETS_SHOWN 3

struct cutter {
	const struct rl_doc *doc;
	struct rl_pages *p;
	char *taken;          /* blocks already in a cut */
	double total;         /* lines the cuts so far free */
};

static int is_bullet(const struct rl_block *b)
{
	return b->kind == RL_BLOCK_LIST_ITEM || b->kind == RL_BLOCK_DEFINITION;
}

static int in_flow(const struct rl_block *b)
{
	return b->kind != RL_BLOCK_META && b->kind != RL_BLOCK_PAGE_HEADER && b->kind != RL_BLOCK_PAGE_FOOTER;
}

static unsigned line_of(const struct rl_doc *doc, size_t block)
{
	return rl_source_pos(doc->src, doc->blocks[block].start).line;
}

static void add_cut(struct cutter *c, enum rl_cut_kind kind, size_t block, unsigned count, double lines, char *what)
{
	if (c->p->ncuts >= RL_MAX_CUTS || lines < 0.5) {
		free(what);
		return;
	}
	struct rl_cut *cut = &c->p->cuts[c->p->ncuts++];
	cut->kind = kind;
	cut->block = block;
	cut->count = count;
	cut->lines = lines;
	cut->what = what;
	cut->line = kind == RL_CUT_SECTION || kind == RL_CUT_OLDEST_ROLE ? line_of(c->doc, block) : 0;
	c->total += lines;
}

static int enough(const struct cutter *c)
{
	return c->total >= c->p->lines_over || c->p->ncuts >= RL_MAX_CUTS;
}

static void quote(struct rl_buf *out, const struct rl_block *b)
{
	size_t keep = rl_utf8_advance(b->text, b->text_len, QUOTE_CHARS);
	rl_buf_adds(out, "\"");
	for (size_t i = 0; i < keep; i++)
		rl_buf_addc(out, b->text[i] == '\n' || b->text[i] == '\t' ? ' ' : b->text[i]);
	rl_buf_adds(out, keep < b->text_len ? "…\"" : "\"");
}

/* Lines of section s not yet taken; marks them taken. */
static double take_section(struct cutter *c, size_t s)
{
	const struct rl_section *sec = &c->doc->sections[s];
	double lines = 0;
	for (size_t i = sec->first; i < sec->first + sec->count && i < c->doc->nblocks; i++) {
		if (!c->taken[i])
			lines += c->p->blocks[i].lines;
		c->taken[i] = 1;
	}
	return lines;
}

static size_t block_at(const struct rl_doc *doc, size_t off)
{
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		if (in_flow(b) && b->start <= off && (off < b->end || off == b->start))
			return i;
	}
	return SIZE_MAX;
}

static int noise_section(enum rl_section_kind k)
{
	return k == RL_SEC_OBJECTIVE || k == RL_SEC_COURSEWORK || k == RL_SEC_REFERENCES || k == RL_SEC_INTERESTS;
}

/* What the other rules flag as noise (rules with cut: true): a flagged
 * section heading takes its section. */
static void cut_flagged(struct cutter *c, const struct rl_report *rep, const struct rl_rule *self)
{
	const struct rl_doc *doc = c->doc;
	const char *ids[6];
	size_t nids = 0, first = SIZE_MAX;
	unsigned count = 0;
	double lines = 0;
	for (size_t i = 0; i < rep->n; i++) {
		const struct rl_finding *f = &rep->v[i];
		if (f->rule == self || !f->rule->cut)
			continue;
		size_t bi = block_at(doc, f->start);
		if (bi == SIZE_MAX || c->taken[bi])
			continue;
		const struct rl_block *b = &doc->blocks[bi];
		const struct rl_section *sec = &doc->sections[b->section];
		if (b->kind == RL_BLOCK_HEADING && sec->heading == (long)bi && noise_section(sec->kind))
			lines += take_section(c, b->section);
		else {
			lines += c->p->blocks[bi].lines;
			c->taken[bi] = 1;
		}
		count++;
		if (bi < first)
			first = bi;
		size_t k = 0;
		while (k < nids && strcmp(ids[k], f->rule->id) != 0)
			k++;
		if (k == nids && nids < sizeof ids / sizeof *ids)
			ids[nids++] = f->rule->id;
	}
	if (!count)
		return;
	struct rl_buf what;
	rl_buf_init(&what);
	rl_buf_adds(&what, "what ");
	for (size_t k = 0; k < nids; k++)
		rl_buf_addf(&what, "%s%s", k == 0 ? "" : k + 1 == nids ? " and " : ", ", ids[k]);
	rl_buf_adds(&what, " flag");
	if (nids == 1)
		rl_buf_adds(&what, "s");
	add_cut(c, RL_CUT_FLAGGED, first, count, lines, rl_buf_detach(&what, NULL));
}

/* Sections a one-page resume does without, that no rule flagged. */
static void cut_sections(struct cutter *c)
{
	const struct rl_doc *doc = c->doc;
	for (size_t s = 0; s < doc->nsections && !enough(c); s++) {
		const struct rl_section *sec = &doc->sections[s];
		if (!noise_section(sec->kind) || sec->heading < 0 || c->taken[sec->heading])
			continue;
		double lines = take_section(c, s);
		struct rl_buf what;
		rl_buf_init(&what);
		rl_buf_adds(&what, "the ");
		quote(&what, &doc->blocks[sec->heading]);
		rl_buf_adds(&what, " section");
		add_cut(c, RL_CUT_SECTION, (size_t)sec->heading, 1, lines, rl_buf_detach(&what, NULL));
	}
}

/* Paragraphs and bullets whose last line holds one or two words. */
static void cut_short_tails(struct cutter *c)
{
	const struct rl_doc *doc = c->doc;
	unsigned count = 0;
	size_t first = SIZE_MAX;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		if (c->taken[i] || !c->p->blocks[i].short_tail || b->kind == RL_BLOCK_HEADING || !in_flow(b))
			continue;
		c->taken[i] = 1;
		if (first == SIZE_MAX)
			first = i;
		count++;
	}
	if (!count)
		return;
	struct rl_buf what;
	rl_buf_init(&what);
	rl_buf_addf(&what, "%u %s whose last line holds a word or two (first at line %u)", count,
		    count == 1 ? "paragraph" : "paragraphs", line_of(doc, first));
	add_cut(c, RL_CUT_SHORT_TAILS, first, count, (double)count, rl_buf_detach(&what, NULL));
}

/* The longest bullets, shortened to two lines. */
static void cut_long_bullets(struct cutter *c)
{
	const struct rl_doc *doc = c->doc;
	size_t best[LONG_BULLETS_SHOWN], n = 0;
	for (size_t i = 0; i < doc->nblocks; i++) {
		if (c->taken[i] || !is_bullet(&doc->blocks[i]) || c->p->blocks[i].nlines < LONG_BULLET_LINES)
			continue;
		/* keep the LONG_BULLETS_SHOWN longest, earliest first on ties */
		size_t at = n < LONG_BULLETS_SHOWN ? n++ : LONG_BULLETS_SHOWN;
		if (at == LONG_BULLETS_SHOWN) {
			if (c->p->blocks[i].nlines <= c->p->blocks[best[n - 1]].nlines)
				continue;
			at = n - 1;
		}
		best[at] = i;
		for (size_t k = at; k > 0 && c->p->blocks[best[k]].nlines > c->p->blocks[best[k - 1]].nlines; k--) {
			size_t t = best[k];
			best[k] = best[k - 1];
			best[k - 1] = t;
		}
	}
	if (!n)
		return;
	double lines = 0;
	struct rl_buf what;
	rl_buf_init(&what);
	rl_buf_addf(&what, "the longest bullet%s at line%s ", n == 1 ? "" : "s",
		    n == 1 ? "" : "s");
	for (size_t k = 0; k < n; k++) {
		c->taken[best[k]] = 1;
		lines += c->p->blocks[best[k]].nlines - 2;
		rl_buf_addf(&what, "%s%u", k == 0 ? "" : k + 1 == n ? " and " : ", ", line_of(doc, best[k]));
	}
	rl_buf_adds(&what, ", cut to two lines each");
	size_t first = best[0];
	for (size_t k = 1; k < n; k++)
		if (best[k] < first)
			first = best[k];
	add_cut(c, RL_CUT_LONG_BULLETS, first, (unsigned)n, lines, rl_buf_detach(&what, NULL));
}

/* Where an entry (a role) of a section starts: a sub-heading, a definition
 * term, or a line of text right after the heading or a run of bullets. */
static int starts_entry(const struct rl_doc *doc, const struct rl_section *sec, size_t i)
{
	const struct rl_block *b = &doc->blocks[i];
	if ((long)i == sec->heading)
		return 0;
	if (b->kind == RL_BLOCK_TERM)
		return 1;
	if (b->kind == RL_BLOCK_HEADING)
		return sec->heading < 0 || b->level > doc->blocks[sec->heading].level;
	if (b->kind != RL_BLOCK_PARAGRAPH && b->kind != RL_BLOCK_TABLE_CELL)
		return 0;
	return i > sec->first && (is_bullet(&doc->blocks[i - 1]) || (long)(i - 1) == sec->heading);
}

/* The last entry of the (last) experience section, when it has several. */
static void cut_oldest_role(struct cutter *c)
{
	const struct rl_doc *doc = c->doc;
	for (size_t s = doc->nsections; s-- > 0;) {
		const struct rl_section *sec = &doc->sections[s];
		if (sec->kind != RL_SEC_EXPERIENCE)
			continue;
		size_t entries = 0, last = SIZE_MAX, end = sec->first + sec->count;
		for (size_t i = sec->first; i < end && i < doc->nblocks; i++)
			if (starts_entry(doc, sec, i)) {
				entries++;
				last = i;
			}
		if (entries < 2)
			return;
		double lines = 0;
		for (size_t i = last; i < end && i < doc->nblocks; i++) {
			if (!c->taken[i])
				lines += c->p->blocks[i].lines;
			c->taken[i] = 1;
		}
		struct rl_buf what;
		rl_buf_init(&what);
		rl_buf_adds(&what, "the oldest role, ");
		quote(&what, &doc->blocks[last]);
		add_cut(c, RL_CUT_OLDEST_ROLE, last, 1, lines, rl_buf_detach(&what, NULL));
		return;
	}
}

void rl_pagefit_cuts(const struct rl_doc *doc, struct rl_report *rep, const struct rl_rule *self)
{
	struct rl_pages *p = &rep->pages;
	for (size_t i = 0; i < p->ncuts; i++)
		free(p->cuts[i].what);
	p->ncuts = 0;
	if (p->lines_over <= 0 || p->nblocks != doc->nblocks)
		return;
	struct cutter c = { doc, p, rl_xcalloc(doc->nblocks ? doc->nblocks : 1, 1), 0 };
	cut_flagged(&c, rep, self);
	if (!enough(&c))
		cut_sections(&c);
	if (!enough(&c))
		cut_short_tails(&c);
	if (!enough(&c))
		cut_long_bullets(&c);
	if (!enough(&c))
		cut_oldest_role(&c);
	free(c.taken);
}

void rl_pagefit_cuts_describe(const struct rl_pages *p, struct rl_buf *out)
{
	if (!p->ncuts)
		return;
	double total = 0;
	rl_buf_adds(out, "; cheapest cuts: ");
	for (size_t i = 0; i < p->ncuts; i++) {
		const struct rl_cut *cut = &p->cuts[i];
		long n = (long)(cut->lines + 0.5);
		rl_buf_addf(out, "%s%s (", i ? ", " : "", cut->what);
		if (cut->line)
			rl_buf_addf(out, "line %u, ", cut->line);
		rl_buf_addf(out, "%ld line%s)", n, n == 1 ? "" : "s");
		total += cut->lines;
	}
	if (total + 0.5 < p->lines_over)
		rl_buf_adds(out, ", and more beyond these");
}
