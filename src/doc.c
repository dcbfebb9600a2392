/* Document model: building blocks with source maps, and name tables. */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "utf8.h"

struct rl_block_builder {
	int open;
	enum rl_block_kind kind;
	unsigned level, flags;
	struct rl_buf text;
	struct rl_seg *segs;
	size_t nsegs, cap;
	uint32_t fmt;         /* format of text added now */
	struct rl_fmt_run *runs;
	size_t nruns, cap_runs;
};

static const char *const format_names[] = {
	[RL_FORMAT_MARKDOWN] = "markdown",
	[RL_FORMAT_DOCX] = "docx",
	[RL_FORMAT_WORDXML] = "wordxml",
	[RL_FORMAT_TEXT] = "text",
};

static const char *const section_names[RL_SEC_COUNT] = {
	[RL_SEC_CONTACT] = "contact",
	[RL_SEC_SUMMARY] = "summary",
	[RL_SEC_OBJECTIVE] = "objective",
	[RL_SEC_EXPERIENCE] = "experience",
	[RL_SEC_EDUCATION] = "education",
	[RL_SEC_SKILLS] = "skills",
	[RL_SEC_PROJECTS] = "projects",
	[RL_SEC_COURSEWORK] = "coursework",
	[RL_SEC_AWARDS] = "awards",
	[RL_SEC_PUBLICATIONS] = "publications",
	[RL_SEC_CERTIFICATIONS] = "certifications",
	[RL_SEC_VOLUNTEERING] = "volunteering",
	[RL_SEC_INTERESTS] = "interests",
	[RL_SEC_REFERENCES] = "references",
	[RL_SEC_OTHER] = "other",
};

static const char *const block_names[RL_BLOCK_COUNT] = {
	[RL_BLOCK_HEADING] = "heading",
	[RL_BLOCK_PARAGRAPH] = "paragraph",
	[RL_BLOCK_LIST_ITEM] = "list-item",
	[RL_BLOCK_TABLE_CELL] = "table-cell",
	[RL_BLOCK_CODE] = "code",
	[RL_BLOCK_META] = "meta",
	[RL_BLOCK_TERM] = "term",
	[RL_BLOCK_DEFINITION] = "definition",
	[RL_BLOCK_RULE] = "rule",
	[RL_BLOCK_PAGE_HEADER] = "header",
	[RL_BLOCK_PAGE_FOOTER] = "footer",
};

const char *rl_format_name(enum rl_format f)
{
	return format_names[f];
}

const char *rl_section_kind_name(enum rl_section_kind k)
{
	return k < RL_SEC_COUNT ? section_names[k] : "other";
}

int rl_section_kind_parse(const char *name)
{
	for (int i = 0; i < RL_SEC_COUNT; i++)
		if (strcmp(section_names[i], name) == 0)
			return i;
	return -1;
}

const char *rl_block_kind_name(enum rl_block_kind k)
{
	return k < RL_BLOCK_COUNT ? block_names[k] : "?";
}

int rl_block_kind_parse(const char *name)
{
	for (int i = 0; i < RL_BLOCK_COUNT; i++)
		if (strcmp(block_names[i], name) == 0)
			return i;
	return -1;
}

struct rl_doc *rl_doc_new(enum rl_format format, struct rl_source *src)
{
	struct rl_doc *doc = rl_xcalloc(1, sizeof *doc);
	doc->format = format;
	doc->src = src;
	doc->bb = rl_xcalloc(1, sizeof *doc->bb);
	rl_buf_init(&doc->bb->text);
	rl_diags_init(&doc->diags);
	return doc;
}

static void block_fini(struct rl_block *b)
{
	free(b->text);
	free(b->segs);
	free(b->fmt);
}

void rl_doc_free(struct rl_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->nblocks; i++)
		block_fini(&doc->blocks[i]);
	free(doc->blocks);
	if (doc->scratch)
		block_fini(doc->scratch);
	free(doc->scratch);
	free(doc->sections);
	for (size_t i = 0; i < doc->nimages; i++) {
		free(doc->images[i].src);
		free(doc->images[i].alt);
	}
	free(doc->images);
	for (size_t i = 0; i < doc->nlinks; i++)
		free(doc->links[i].url);
	free(doc->links);
	for (size_t i = 0; i < doc->ncomments; i++)
		free(doc->comments[i].text);
	free(doc->comments);
	for (size_t i = 0; i < doc->nmeta; i++) {
		free(doc->meta[i].key);
		free(doc->meta[i].value);
	}
	free(doc->meta);
	if (doc->bb) {
		rl_buf_free(&doc->bb->text);
		free(doc->bb->segs);
		free(doc->bb->runs);
		free(doc->bb);
	}
	rl_diags_free(&doc->diags);
	rl_layout_facts_free(doc->layout);
	rl_source_free(doc->src);
	free(doc);
}

void rl_doc_begin_block(struct rl_doc *doc, enum rl_block_kind kind, unsigned level, unsigned flags)
{
	struct rl_block_builder *bb = doc->bb;
	if (bb->open)
		rl_doc_end_block(doc);
	bb->open = 1;
	bb->kind = kind;
	bb->level = level;
	bb->flags = flags;
	rl_buf_clear(&bb->text);
	bb->nsegs = 0;
	bb->nruns = 0;
}

void rl_doc_set_format(struct rl_doc *doc, uint32_t fmt)
{
	doc->bb->fmt = fmt;
}

int rl_doc_in_block(const struct rl_doc *doc)
{
	return doc->bb->open;
}

static void add_piece(struct rl_doc *doc, const char *text, size_t len, size_t src_off, int synthetic,
		      size_t src_len)
{
	struct rl_block_builder *bb = doc->bb;
	if (!len)
		return;
	if (!bb->open)
		rl_doc_begin_block(doc, RL_BLOCK_PARAGRAPH, 0, 0);
	struct rl_seg *last = bb->nsegs ? &bb->segs[bb->nsegs - 1] : NULL;
	if (last && !synthetic && !last->synthetic && last->src_off + last->len == src_off &&
	    last->text_off + last->len == bb->text.len) {
		last->len += (uint32_t)len;
	} else {
		RL_GROW(bb->segs, bb->nsegs, bb->cap);
		struct rl_seg *s = &bb->segs[bb->nsegs++];
		s->text_off = (uint32_t)bb->text.len;
		s->src_off = (uint32_t)src_off;
		s->len = (uint32_t)len;
		s->synthetic = synthetic ? 1u : 0u;
		s->src_len = synthetic ? (uint32_t)(src_len & 0x7FFFFFFF) : 0;
	}
	if (bb->fmt) {
		struct rl_fmt_run *r = bb->nruns ? &bb->runs[bb->nruns - 1] : NULL;
		if (r && r->fmt == bb->fmt && r->text_off + r->len == bb->text.len) {
			r->len += (uint32_t)len;
		} else {
			RL_GROW(bb->runs, bb->nruns, bb->cap_runs);
			r = &bb->runs[bb->nruns++];
			r->text_off = (uint32_t)bb->text.len;
			r->len = (uint32_t)len;
			r->fmt = bb->fmt;
		}
	}
	rl_buf_add(&bb->text, text, len);
}

void rl_doc_text(struct rl_doc *doc, const char *text, size_t len, size_t src_off)
{
	add_piece(doc, text, len, src_off, 0, 0);
}

void rl_doc_synth(struct rl_doc *doc, const char *text, size_t len, size_t src_off, size_t src_len)
{
	add_piece(doc, text, len, src_off, 1, src_len);
}

size_t rl_doc_text_end(const struct rl_doc *doc)
{
	const struct rl_block_builder *bb = doc->bb;
	if (!bb->open || !bb->nsegs)
		return 0;
	const struct rl_seg *s = &bb->segs[bb->nsegs - 1];
	return s->synthetic ? s->src_off + s->src_len : s->src_off + s->len;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static struct rl_block *push_block(struct rl_doc *doc)
{
	if (doc->nblocks >= RL_MAX_BLOCKS) {
		/* the reader goes on (it cannot stop md4c), its blocks are dropped */
		doc->blocks_over++;
		if (!doc->scratch)
			doc->scratch = rl_xcalloc(1, sizeof *doc->scratch);
		block_fini(doc->scratch);
		memset(doc->scratch, 0, sizeof *doc->scratch);
		return doc->scratch;
	}
	RL_GROW(doc->blocks, doc->nblocks, doc->cap_blocks);
	struct rl_block *b = &doc->blocks[doc->nblocks++];
	memset(b, 0, sizeof *b);
	return b;
}

struct rl_block *rl_doc_end_block(struct rl_doc *doc)
{
	struct rl_block_builder *bb = doc->bb;
	if (!bb->open)
		return NULL;
	bb->open = 0;
	size_t lead = 0, end = bb->text.len;
	while (lead < end && is_space(bb->text.data[lead]))
		lead++;
	while (end > lead && is_space(bb->text.data[end - 1]))
		end--;
	if (end == lead)
		return NULL;
	if (end - lead > RL_MAX_BLOCK_BYTES) {
		doc->blocks_too_long++; /* rl_read fails the file */
		return NULL;
	}

	struct rl_block *b = push_block(doc);
	b->kind = bb->kind;
	b->level = bb->level;
	b->flags = bb->flags;
	b->text = rl_xstrndup(bb->text.data + lead, end - lead);
	b->text_len = end - lead;
	b->segs = rl_xreallocarray(NULL, bb->nsegs, sizeof *b->segs);
	for (size_t i = 0; i < bb->nsegs; i++) {
		struct rl_seg s = bb->segs[i];
		size_t s0 = s.text_off, s1 = s.text_off + s.len;
		if (s1 <= lead || s0 >= end)
			continue;
		size_t cut = s0 < lead ? lead - s0 : 0;
		if (s1 > end)
			s1 = end;
		s.text_off = (uint32_t)(s0 + cut - lead);
		s.len = (uint32_t)(s1 - s0 - cut);
		if (!s.synthetic)
			s.src_off += (uint32_t)cut;
		b->segs[b->nsegs++] = s;
	}
	rl_block_span(b, 0, b->text_len, &b->start, &b->end);
	if (bb->nruns) {
		b->fmt = rl_xreallocarray(NULL, bb->nruns, sizeof *b->fmt);
		for (size_t i = 0; i < bb->nruns; i++) {
			size_t r0 = bb->runs[i].text_off, r1 = r0 + bb->runs[i].len;
			if (r1 <= lead || r0 >= end)
				continue;
			if (r0 < lead)
				r0 = lead;
			if (r1 > end)
				r1 = end;
			b->fmt[b->nfmt].text_off = (uint32_t)(r0 - lead);
			b->fmt[b->nfmt].len = (uint32_t)(r1 - r0);
			b->fmt[b->nfmt].fmt = bb->runs[i].fmt;
			b->nfmt++;
		}
	}
	return b;
}

struct rl_block *rl_doc_add_empty_block(struct rl_doc *doc, enum rl_block_kind kind, size_t src_off)
{
	if (doc->bb->open)
		rl_doc_end_block(doc);
	struct rl_block *b = push_block(doc);
	b->kind = kind;
	b->text = rl_xstrdup("");
	b->start = b->end = src_off;
	return b;
}

void rl_block_delete(struct rl_block *b, size_t t0, size_t t1)
{
	if (t1 > b->text_len)
		t1 = b->text_len;
	if (t0 >= t1)
		return;
	size_t cut = t1 - t0, n = 0;
	struct rl_seg *out = rl_xreallocarray(NULL, b->nsegs + 1, sizeof *out);
	for (size_t i = 0; i < b->nsegs; i++) {
		struct rl_seg s = b->segs[i];
		size_t s0 = s.text_off, s1 = s.text_off + s.len;
		if (s0 < t0) { /* the part before the cut */
			struct rl_seg a = s;
			a.len = (uint32_t)((s1 < t0 ? s1 : t0) - s0);
			out[n++] = a;
		}
		if (s1 > t1) { /* the part after it, moved left */
			struct rl_seg z = s;
			size_t from = s0 > t1 ? s0 : t1;
			if (!z.synthetic)
				z.src_off += (uint32_t)(from - s0);
			z.text_off = (uint32_t)(from - cut);
			z.len = (uint32_t)(s1 - from);
			out[n++] = z;
		}
	}
	free(b->segs);
	b->segs = out;
	b->nsegs = n;
	memmove(b->text + t0, b->text + t1, b->text_len - t1 + 1);
	b->text_len -= cut;
	/* formatted runs shift the same way */
	size_t kept = 0;
	for (size_t i = 0; i < b->nfmt; i++) {
		size_t r0 = b->fmt[i].text_off, r1 = r0 + b->fmt[i].len;
		size_t a0 = r0 < t0 ? r0 : (r0 < t1 ? t0 : r0 - cut);
		size_t a1 = r1 <= t0 ? r1 : (r1 <= t1 ? t0 : r1 - cut);
		if (a1 > a0) {
			b->fmt[kept] = b->fmt[i];
			b->fmt[kept].text_off = (uint32_t)a0;
			b->fmt[kept].len = (uint32_t)(a1 - a0);
			kept++;
		}
	}
	b->nfmt = kept;
	rl_block_span(b, 0, b->text_len, &b->start, &b->end);
}

static const struct rl_seg *find_seg(const struct rl_block *b, size_t t)
{
	size_t lo = 0, hi = b->nsegs;
	if (!b->nsegs)
		return NULL;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->segs[mid].text_off <= t)
			lo = mid;
		else
			hi = mid;
	}
	return &b->segs[lo];
}

size_t rl_block_src(const struct rl_block *b, size_t t)
{
	const struct rl_seg *s = find_seg(b, t);
	if (!s)
		return b->start;
	if (s->synthetic)
		return s->src_off;
	size_t d = t - s->text_off;
	if (d > s->len)
		d = s->len;
	return s->src_off + d;
}

void rl_block_span(const struct rl_block *b, size_t t0, size_t t1, size_t *start, size_t *end)
{
	if (!b->nsegs) {
		*start = *end = b->start;
		return;
	}
	*start = rl_block_src(b, t0);
	if (t1 <= t0) {
		*end = *start;
		return;
	}
	/* the end is just past the last byte: map that byte, then step over it */
	const struct rl_seg *s = find_seg(b, t1 - 1);
	if (s->synthetic)
		*end = s->src_off + s->src_len;
	else
		*end = s->src_off + (t1 - 1 - s->text_off) + 1;
	if (*end < *start)
		*end = *start;
}

void rl_doc_add_image(struct rl_doc *doc, size_t start, size_t end, const char *src, size_t src_len,
		      const char *alt, size_t alt_len)
{
	RL_GROW(doc->images, doc->nimages, doc->cap_images);
	struct rl_image *im = &doc->images[doc->nimages++];
	im->start = start;
	im->end = end;
	im->block = SIZE_MAX;
	im->src = rl_xstrndup(src ? src : "", src ? src_len : 0);
	im->alt = rl_xstrndup(alt ? alt : "", alt ? alt_len : 0);
	im->width = im->height = im->y = 0;
	im->floating = im->in_header = 0;
	im->para = 0;
}

void rl_doc_add_link(struct rl_doc *doc, size_t start, size_t end, const char *url, size_t url_len)
{
	RL_GROW(doc->links, doc->nlinks, doc->cap_links);
	struct rl_link *l = &doc->links[doc->nlinks++];
	l->start = start;
	l->end = end;
	l->url = rl_xstrndup(url, url_len);
}

void rl_doc_add_comment(struct rl_doc *doc, size_t start, size_t end, const char *text, size_t len)
{
	while (len && is_space(*text)) {
		text++;
		len--;
	}
	while (len && is_space(text[len - 1]))
		len--;
	RL_GROW(doc->comments, doc->ncomments, doc->cap_comments);
	struct rl_comment *c = &doc->comments[doc->ncomments++];
	c->start = start;
	c->end = end;
	c->text = rl_xstrndup(text, len);
}

void rl_doc_add_meta(struct rl_doc *doc, const char *key, const char *value, size_t start, size_t end)
{
	RL_GROW(doc->meta, doc->nmeta, doc->cap_meta);
	struct rl_meta *m = &doc->meta[doc->nmeta++];
	m->key = rl_xstrdup(key);
	m->value = rl_xstrdup(value);
	m->start = start;
	m->end = end;
}

size_t rl_count_words(const char *s, size_t len)
{
	size_t words = 0;
	int in_word = 0, has_alnum = 0;
	for (size_t i = 0; i <= len;) {
		unsigned char c = i < len ? (unsigned char)s[i] : ' ';
		uint32_t cp = c;
		if (c >= 0x80)
			i += rl_utf8_decode(s + i, len - i, &cp, NULL);
		else
			i++;
		if (is_space((char)c)) {
			if (in_word && has_alnum)
				words++;
			in_word = has_alnum = 0;
			continue;
		}
		in_word = 1;
		if (rl_unicode_is_word(cp)) /* a bullet or a dash alone is no word */
			has_alnum = 1;
	}
	return words;
}

void rl_doc_finish(struct rl_doc *doc)
{
	if (doc->bb->open)
		rl_doc_end_block(doc);
	/* an image belongs to the block whose text span holds it */
	for (size_t i = 0; i < doc->nimages; i++) {
		struct rl_image *im = &doc->images[i];
		im->block = SIZE_MAX;
		for (size_t k = 0; k < doc->nblocks && im->block == SIZE_MAX; k++)
			if (doc->blocks[k].start <= im->start && im->start <= doc->blocks[k].end &&
			    doc->blocks[k].kind != RL_BLOCK_RULE)
				im->block = k;
	}
	doc->words = 0;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		if (b->kind == RL_BLOCK_META || b->kind == RL_BLOCK_PAGE_HEADER ||
		    b->kind == RL_BLOCK_PAGE_FOOTER)
			continue;
		doc->words += rl_count_words(b->text, b->text_len);
	}
	if (doc->src->n_invalid) {
		struct rl_pos p = rl_source_pos(doc->src, doc->src->first_invalid);
		rl_diags_add(&doc->diags, RL_DIAG_WARNING, doc->src->path, p.line, p.col,
			     "%zu byte%s not valid UTF-8 (or NUL), read as U+FFFD", doc->src->n_invalid,
			     doc->src->n_invalid == 1 ? " is" : "s are");
	}
}
