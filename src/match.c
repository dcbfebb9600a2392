/* A resume against a posting (match.h). */
#include "match.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "utf8.h"

/* Without page-fit facts, the top third of page one is about this many
 * words: a third of a typical one-page resume. */
#define TOP_THIRD_WORDS 180

static const char *const where_names[RL_WHERE_COUNT] = {
	"experience", "projects", "summary", "skills", "education", "other", "top-third", "alternative",
};

const char *rl_where_name(unsigned bit)
{
	for (unsigned i = 0; i < RL_WHERE_COUNT; i++)
		if (bit == 1u << i)
			return where_names[i];
	return "?";
}

static unsigned where_of(enum rl_section_kind k)
{
	switch (k) {
	case RL_SEC_EXPERIENCE:
	case RL_SEC_VOLUNTEERING:
		return RL_WHERE_EXPERIENCE;
	case RL_SEC_PROJECTS:
		return RL_WHERE_PROJECTS;
	case RL_SEC_CONTACT:
	case RL_SEC_SUMMARY:
	case RL_SEC_OBJECTIVE:
		return RL_WHERE_SUMMARY;
	case RL_SEC_SKILLS:
		return RL_WHERE_SKILLS;
	case RL_SEC_EDUCATION:
	case RL_SEC_CERTIFICATIONS:
	case RL_SEC_COURSEWORK:
		return RL_WHERE_EDUCATION;
	default:
		return RL_WHERE_OTHER;
	}
}

/* 1 for each block in the top third of page one. */
static void top_third(const struct rl_doc *doc, const struct rl_pages *pages, unsigned char *top)
{
	if (pages && pages->blocks && pages->nblocks == doc->nblocks && pages->estimate > 0) {
		double total = 0;
		for (size_t i = 0; i < doc->nblocks; i++)
			total += pages->blocks[i].lines;
		double per_page = total / pages->estimate;
		double at = 0;
		for (size_t i = 0; i < doc->nblocks; i++) {
			top[i] = at < per_page / 3;
			at += pages->blocks[i].lines;
		}
		return;
	}
	size_t words = 0;
	for (size_t i = 0; i < doc->nblocks; i++) {
		top[i] = words < TOP_THIRD_WORDS;
		words += rl_count_words(doc->blocks[i].text, doc->blocks[i].text_len);
	}
}

static void lower_append(struct rl_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			rl_buf_addc(b, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
			i++;
			continue;
		}
		uint32_t cp;
		i += rl_utf8_decode(s + i, n - i, &cp, NULL);
		rl_buf_add_utf8(b, rl_unicode_lower(cp));
	}
}

static int alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* The term as written, case-blind, between non-alphanumerics. */
static int literal_in(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (!n)
		return 0;
	for (const char *s = strstr(hay, needle); s; s = strstr(s + 1, needle))
		if ((s == hay || !alnum(s[-1])) && !alnum(s[n]))
			return 1;
	return 0;
}

/* All words of the title's core in one block of the header or summary. */
static int title_in(const struct rl_posting *p, const struct rl_doc *doc, struct rl_toks *toks)
{
	if (!p->title_core)
		return 1;
	struct rl_toks core;
	rl_toks_init(&core, toks->stemmer);
	rl_tokenize(&core, p->title_core, strlen(p->title_core));
	int found = 0;
	for (size_t i = 0; i < doc->nblocks && !found; i++) {
		const struct rl_block *b = &doc->blocks[i];
		enum rl_section_kind k = doc->sections[b->section].kind;
		if (k != RL_SEC_CONTACT && k != RL_SEC_SUMMARY && k != RL_SEC_OBJECTIVE &&
		    !(b->kind == RL_BLOCK_META))
			continue;
		rl_toks_clear(toks);
		rl_tokenize(toks, b->text, b->text_len);
		size_t have = 0;
		for (size_t c = 0; c < core.n; c++)
			for (size_t j = 0; j < toks->n; j++)
				if (strcmp(rl_tok_stem(&core, c), rl_tok_stem(toks, j)) == 0) {
					have++;
					break;
				}
		found = core.n && have == core.n;
	}
	rl_toks_free(&core);
	return found;
}

static double credit(unsigned where)
{
	if (!where)
		return 0;
	if (where & (RL_WHERE_EXPERIENCE | RL_WHERE_PROJECTS | RL_WHERE_SUMMARY | RL_WHERE_TOP))
		return RL_CREDIT_BACKED;
	if (where & (RL_WHERE_EDUCATION | RL_WHERE_OTHER | RL_WHERE_ALTERNATIVE))
		return RL_CREDIT_ELSEWHERE;
	return RL_CREDIT_SKILLS_ONLY;
}

struct rl_match *rl_match_new(const struct rl_posting *p, const struct rl_doc *doc, const struct rl_pages *pages)
{
	struct rl_match *m = rl_xcalloc(1, sizeof *m);
	m->posting = p;
	m->nterms = p->nterms;
	m->terms = rl_xcalloc(p->nterms ? p->nterms : 1, sizeof *m->terms);
	for (size_t i = 0; i < p->nterms; i++)
		m->terms[i].term = &p->terms[i];
	unsigned char *top = rl_xcalloc(doc->nblocks ? doc->nblocks : 1, 1);
	top_third(doc, pages, top);
	/* a stemmer of its own: Snowball's keeps state between calls, and
	 * resumes may be matched on several threads (--jobs) */
	struct rl_stemmer *stemmer = rl_stemmer_new();
	struct rl_toks toks;
	rl_toks_init(&toks, stemmer);
	struct rl_buf key, hay;
	rl_buf_init(&key);
	rl_buf_init(&hay);
	for (size_t bi = 0; bi < doc->nblocks; bi++) {
		const struct rl_block *b = &doc->blocks[bi];
		if (!b->text_len)
			continue;
		unsigned where = where_of(doc->sections[b->section].kind) | (top[bi] ? RL_WHERE_TOP : 0);
		lower_append(&hay, b->text, b->text_len);
		rl_buf_addc(&hay, '\n');
		rl_toks_clear(&toks);
		rl_tokenize(&toks, b->text, b->text_len);
		for (size_t i = 0; i < toks.n;) {
			uint32_t skill;
			size_t n = rl_skills_match(p->skills, &toks, i, toks.n, &skill);
			if (n) {
				long ti = skill < p->nskills ? p->skill_term[skill] : -1;
				if (ti >= 0)
					m->terms[ti].where |= where;
				i += n;
				continue;
			}
			i++;
		}
		if (!p->phrase_index.n)
			continue;
		for (size_t i = 0; i < toks.n; i++) {
			rl_buf_clear(&key);
			for (size_t n = 1; n <= 3 && i + n <= toks.n; n++) {
				if (n > 1 && (toks.v[i + n - 1].flags & RL_TOK_BREAK))
					break;
				if (n > 1)
					rl_buf_addc(&key, ' ');
				rl_buf_adds(&key, rl_tok_stem(&toks, i + n - 1));
				const uint32_t *ti = rl_strmap_get(&p->phrase_index, key.data, key.len);
				if (ti)
					m->terms[*ti].where |= where;
			}
		}
	}
	/* what the source says as written (a link target, a front-matter
	 * field): the term is there, if not where a reader looks */
	if (doc->format == RL_FORMAT_MARKDOWN || doc->format == RL_FORMAT_TEXT)
		lower_append(&hay, doc->src->bytes, doc->src->len);
	if (!hay.data) {
		rl_buf_addc(&hay, '\0');
		hay.len = 0;
	}
	/* "Flask/Django": one of them is enough */
	for (size_t i = 0; i < m->nterms; i++) {
		if (m->terms[i].where || m->terms[i].term->group < 0)
			continue;
		for (size_t k = 0; k < m->nterms; k++)
			if (k != i && m->terms[k].term->group == m->terms[i].term->group &&
			    (m->terms[k].where & ~(unsigned)RL_WHERE_ALTERNATIVE)) {
				m->terms[i].where = RL_WHERE_ALTERNATIVE;
				break;
			}
	}
	struct rl_buf low;
	rl_buf_init(&low);
	double total = 0, got = 0;
	m->missing = rl_xcalloc(p->nterms ? p->nterms : 1, sizeof *m->missing);
	for (size_t i = 0; i < m->nterms; i++) {
		struct rl_match_term *mt = &m->terms[i];
		if (!mt->where) {
			rl_buf_clear(&low);
			lower_append(&low, mt->term->text, strlen(mt->term->text));
			rl_buf_addc(&low, '\0');
			if (literal_in(hay.data, low.data))
				mt->where = RL_WHERE_OTHER;
		}
		/* a soft skill is shown by what you did, not by its name: it
		 * counts toward the score but is never listed as missing */
		if (!mt->where && !mt->term->soft)
			m->missing[m->nmissing++] = i;
		total += mt->term->score;
		got += mt->term->score * credit(mt->where);
	}
	m->score = total > 0 ? (int)lround(100.0 * got / total) : 100;
	m->title_found = title_in(p, doc, &toks);
	rl_buf_free(&low);
	rl_buf_free(&key);
	rl_buf_free(&hay);
	rl_toks_free(&toks);
	rl_stemmer_free(stemmer);
	free(top);
	return m;
}

void rl_match_free(struct rl_match *m)
{
	if (!m)
		return;
	free(m->terms);
	free(m->missing);
	free(m);
}
