/* Markdown reader on md4c (CommonMark + tables). md4c gives no positions:
 * ordinary text pointers point into our buffer, so offsets come from pointer
 * subtraction; the few static literals md4c passes ("\n", " ") borrow the
 * position where the previous piece of text ended. */
#include <md4c.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "entities.h"
#include "md_front.h"
#include "md_html.h"
#include "md_pandoc.h"
#include "reader.h"
#include "utf8.h"

/* Deeper containers are not a resume; md4c itself copes, we stop recording
 * block context past this (the text is still kept). */
#define MD_MAX_CONTAINERS 64

struct container {
	MD_BLOCKTYPE type;
	unsigned paragraphs; /* LI: text blocks emitted so far */
};

struct html_range {
	size_t start, end;
};

struct md_state {
	struct rl_doc *doc;
	int pandoc;          /* pandoc's Markdown, not CommonMark alone */
	size_t lazy_lists;   /* list lines read as paragraph text (pandoc) */
	size_t first_lazy_list; /* source offset of the first */
	const char *src;     /* the source bytes */
	const char *buf;     /* what md4c reads: the source, or a de-indented */
	size_t buf_len;      /* definition whose offsets def maps back */
	const struct md_definition *def;
	size_t shift;        /* else: source offset of buf[0] */
	int masked_html;     /* buf is an HTML block with its tags masked */
	enum rl_block_kind para_kind; /* what a top-level paragraph becomes */
	unsigned para_count; /* top-level paragraphs in this parse */
	unsigned pending_flags; /* for the next block (a page break) */
	size_t last_end;     /* source offset just past the last real text */
	struct container stack[MD_MAX_CONTAINERS];
	size_t depth;        /* entries used; deeper levels are only counted */
	size_t overflow;
	unsigned list_depth, quote_depth;
	unsigned table_no, row, col;
	int in_thead, in_html_block;
	int prev_setext;     /* the last block read is a setext heading */
	struct rl_buf alt;   /* the alt text of the image being read */
	size_t html_start, html_end; /* the HTML block being read */
	unsigned strong_depth, em_depth, code_depth;
	size_t para_html;    /* the first raw HTML in the open paragraph, or SIZE_MAX */
	size_t para_first;   /* blocks there were when it opened */
	unsigned loose[MD_MAX_CONTAINERS]; /* per list depth: the list is loose */
	size_t list_first[MD_MAX_CONTAINERS]; /* per list depth: its first block */
	size_t text_bytes, strong_bytes; /* non-space bytes in the open block */
	/* the link or image being read */
	int in_link, in_img;
	size_t span_start;
	size_t href_off;     /* where the target is written */
	char *href;
	size_t href_len;
	/* an image's own (a badge inside a link must not take the link's) */
	size_t img_off, img_span_start, link_span_start;
	char *img_src;
	size_t img_src_len;
	struct html_range *html;
	size_t nhtml, cap_html;
};

static int in_buffer(const struct md_state *st, const char *p)
{
	return p >= st->buf && p < st->buf + st->buf_len;
}

static size_t source_offset(const struct md_state *st, const char *p)
{
	if (st->def)
		return rl_md_definition_src(st->def, (size_t)(p - st->buf));
	return (size_t)(p - st->buf) + st->shift;
}

static struct container *innermost(struct md_state *st, MD_BLOCKTYPE type)
{
	for (size_t i = st->depth; i-- > 0;)
		if (st->stack[i].type == type)
			return &st->stack[i];
	return NULL;
}

static void end_text_block(struct md_state *st)
{
	if (!rl_doc_in_block(st->doc))
		return;
	int all_strong = st->text_bytes && st->strong_bytes == st->text_bytes;
	struct rl_block *b = rl_doc_end_block(st->doc);
	if (b && all_strong)
		b->flags |= RL_BF_STRONG;
	st->text_bytes = st->strong_bytes = 0;
}

static void begin_text_block(struct md_state *st, enum rl_block_kind kind, unsigned level,
			     unsigned flags)
{
	end_text_block(st);
	if (st->quote_depth)
		flags |= RL_BF_QUOTE;
	if (kind == RL_BLOCK_LIST_ITEM && st->list_depth < MD_MAX_CONTAINERS && st->loose[st->list_depth])
		flags |= RL_BF_LOOSE;
	flags |= st->pending_flags;
	st->pending_flags = 0;
	rl_doc_begin_block(st->doc, kind, level, flags);
}

/* Text that arrives with no block open: the tail of a list item after its
 * nested list, or a paragraph (block quote, document). */
static void begin_implicit_block(struct md_state *st)
{
	struct container *li = innermost(st, MD_BLOCK_LI);
	if (li && (!st->depth || st->stack[st->depth - 1].type == MD_BLOCK_LI)) {
		begin_text_block(st, RL_BLOCK_LIST_ITEM, st->list_depth,
				 li->paragraphs++ ? RL_BF_CONTINUATION : 0);
		return;
	}
	begin_text_block(st, RL_BLOCK_PARAGRAPH, 0, 0);
}

/* A line of three or more '-', '*' or '_' (spaces between allowed). */
static int is_break_line(const char *s, size_t k, size_t e, char *mark)
{
	size_t count = 0;
	char c = k < e ? s[k] : 0;
	if (c != '-' && c != '*' && c != '_' && c != '=')
		return 0;
	for (size_t i = k; i < e; i++) {
		if (s[i] == c)
			count++;
		else if (s[i] != ' ' && s[i] != '\t')
			return 0;
	}
	*mark = c;
	return count >= 3 || c == '=';
}

/* md4c passes no text for a thematic break: it is the first break-shaped
 * line after the last text read, once the underline of a setext heading
 * just read is stepped over. Sets *line_end past that line. */
static size_t find_rule_line(const struct md_state *st, size_t *line_end)
{
	const char *s = st->src;
	size_t i = st->last_end, n = st->doc->src->len;
	int skip_underline = st->prev_setext;
	if (i > 0 && s[i - 1] != '\n' && s[i - 1] != '\r')
		while (i < n && s[i] != '\n' && s[i] != '\r')
			i++; /* last_end is inside a line: start at the next one */
	for (int lines = 0; i < n && lines < 1000; lines++) {
		if (s[i] == '\n' || s[i] == '\r')
			i += s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
		size_t k = i, e;
		unsigned indent = 0;
		while (k < n && (s[k] == ' ' || s[k] == '\t') && indent < 4)
			k++, indent++;
		for (e = k; e < n && s[e] != '\n' && s[e] != '\r';)
			e++;
		char mark = 0;
		if (indent < 4 && is_break_line(s, k, e, &mark)) {
			if (skip_underline && (mark == '-' || mark == '=')) {
				skip_underline = 0;
			} else if (mark != '=') {
				*line_end = e;
				return k;
			}
		} else if (k < e) {
			skip_underline = 0;
		}
		i = e;
	}
	*line_end = st->last_end;
	return st->last_end;
}

static int on_enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	struct md_state *st = userdata;
	if (st->depth < MD_MAX_CONTAINERS) {
		st->stack[st->depth].type = type;
		st->stack[st->depth].paragraphs = 0;
		st->depth++;
	} else {
		st->overflow++;
	}
	switch (type) {
	case MD_BLOCK_QUOTE:
		end_text_block(st);
		st->quote_depth++;
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		end_text_block(st);
		st->list_depth++;
		if (st->list_depth < MD_MAX_CONTAINERS)
			st->list_first[st->list_depth] = st->doc->nblocks;
		if (st->list_depth < MD_MAX_CONTAINERS)
			st->loose[st->list_depth] = type == MD_BLOCK_UL ? !((MD_BLOCK_UL_DETAIL *)detail)->is_tight
									: !((MD_BLOCK_OL_DETAIL *)detail)->is_tight;
		break;
	case MD_BLOCK_LI: {
		struct container *li = innermost(st, MD_BLOCK_LI);
		begin_text_block(st, RL_BLOCK_LIST_ITEM, st->list_depth, 0);
		if (li)
			li->paragraphs = 1;
		break;
	}
	case MD_BLOCK_HR: {
		size_t line_end, at;
		end_text_block(st);
		at = find_rule_line(st, &line_end);
		rl_doc_add_empty_block(st->doc, RL_BLOCK_RULE, at);
		st->last_end = line_end;
		st->prev_setext = 0;
		break;
	}
	case MD_BLOCK_H:
		begin_text_block(st, RL_BLOCK_HEADING, ((MD_BLOCK_H_DETAIL *)detail)->level, 0);
		break;
	case MD_BLOCK_CODE:
		begin_text_block(st, RL_BLOCK_CODE, 0, 0);
		break;
	case MD_BLOCK_HTML:
		end_text_block(st);
		st->in_html_block = 1;
		st->html_start = SIZE_MAX;
		break;
	case MD_BLOCK_P: {
		st->para_html = SIZE_MAX;
		st->para_first = st->doc->nblocks;
		/* a paragraph directly inside a list item is that item's text */
		struct container *parent = st->depth >= 2 ? &st->stack[st->depth - 2] : NULL;
		if (parent && parent->type == MD_BLOCK_LI) {
			/* the item's first paragraph replaces the empty block its
			 * LI opened; later ones continue the item */
			int first = parent->paragraphs <= 1 && !st->text_bytes;
			begin_text_block(st, RL_BLOCK_LIST_ITEM, st->list_depth,
					 first ? 0 : RL_BF_CONTINUATION);
			parent->paragraphs = first ? 2 : parent->paragraphs + 1;
		} else if (!st->quote_depth && !innermost(st, MD_BLOCK_LI)) {
			/* a paragraph of its own: in a definition, the definition */
			begin_text_block(st, st->para_kind, 0,
					 st->para_count++ && st->para_kind == RL_BLOCK_DEFINITION ? RL_BF_CONTINUATION : 0);
		} else {
			begin_text_block(st, RL_BLOCK_PARAGRAPH, 0, 0);
		}
		break;
	}
	case MD_BLOCK_TABLE:
		end_text_block(st);
		st->table_no++;
		st->row = 0;
		break;
	case MD_BLOCK_THEAD:
		st->in_thead = 1;
		break;
	case MD_BLOCK_TR:
		st->col = 0;
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		begin_text_block(st, RL_BLOCK_TABLE_CELL, 0, st->in_thead ? RL_BF_TABLE_HEAD : 0);
		break;
	default:
		break;
	}
	return 0;
}

static void parse_range(struct md_state *st, const char *buf, size_t buf_len, size_t from, size_t to,
			const struct md_definition *def, enum rl_block_kind para_kind);

/* An HTML block: its tags masked, the rest read as Markdown (pandoc reads
 * Markdown inside <div>) by a parse of its own, nested in this one. */
static void read_html_block(struct md_state *outer, size_t start, size_t end)
{
	struct rl_doc *doc = outer->doc;
	char *masked = rl_md_html_mask(doc, start, end);
	struct md_state st;
	memset(&st, 0, sizeof st);
	st.doc = doc;
	st.src = outer->src;
	rl_buf_init(&st.alt);
	st.shift = start;
	st.masked_html = 1;
	st.para_html = SIZE_MAX;
	st.last_end = start;
	st.pending_flags = outer->pending_flags;
	outer->pending_flags = 0;
	size_t first = doc->nblocks, from = 0;
	const char *s = doc->src->bytes;
	/* lines of inline tags and no text (<img>, <a><img></a>, <br>, an
	 * indented <iframe>) between blank lines and block tags: pandoc makes
	 * them a paragraph of raw HTML, an empty paragraph in its .docx that
	 * takes a line on the page. md4c reads the rest, in parts around them. */
	int prev_text = 0;
	for (size_t a = start; a < end;) {
		size_t e = a, next;
		while (e < end && s[e] != '\n' && s[e] != '\r')
			e++;
		next = e < end ? e + (s[e] == '\r' && e + 1 < end && s[e + 1] == '\n' ? 2 : 1) : e;
		if (!rl_md_html_inline_only(s, a, e, masked + (a - start))) {
			/* a line with text continues the paragraph */
			prev_text = 0;
			for (size_t m = a; m < e; m++)
				if (!strchr(" \t\r\n", masked[m - start]))
					prev_text = 1;
			a = next;
			continue;
		}
		/* the run of such lines */
		size_t run_end = next;
		while (run_end < end) {
			size_t re = run_end;
			while (re < end && s[re] != '\n' && s[re] != '\r')
				re++;
			if (!rl_md_html_inline_only(s, run_end, re, masked + (run_end - start)))
				break;
			run_end = re < end ? re + (s[re] == '\r' && re + 1 < end && s[re + 1] == '\n' ? 2 : 1) : re;
		}
		int next_text = 0;
		for (size_t m = run_end; m < end && s[m] != '\n' && s[m] != '\r'; m++)
			if (!strchr(" \t\r\n", masked[m - start]))
				next_text = 1;
		if (!prev_text && !next_text) {
			parse_range(&st, masked, end - start, from, a - start, NULL, RL_BLOCK_PARAGRAPH);
			struct rl_block *b = rl_doc_add_empty_block(doc, RL_BLOCK_PARAGRAPH, a);
			b->flags |= st.pending_flags;
			st.pending_flags = 0;
			from = run_end - start;
		}
		prev_text = 0;
		a = run_end;
	}
	parse_range(&st, masked, end - start, from, end - start, NULL, RL_BLOCK_PARAGRAPH);
	for (size_t i = first; i < doc->nblocks; i++) {
		struct rl_block *b = &doc->blocks[i];
		unsigned level = b->kind == RL_BLOCK_HEADING ? rl_md_html_heading_level(doc, b->start) : 0;
		if (level)
			b->level = level;
	}
	free(st.href);
	free(st.img_src);
	free(st.html);
	rl_buf_free(&st.alt);
	free(masked);
}

/* The source line after the one where block b's text ends is blank. */
static int blank_after(const struct md_state *st, const struct rl_block *b)
{
	const char *s = st->src;
	size_t n = st->doc->src->len, k = b->end;
	while (k < n && s[k] != '\n' && s[k] != '\r')
		k++;
	if (k >= n)
		return 0;
	k += s[k] == '\r' && k + 1 < n && s[k + 1] == '\n' ? 2 : 1;
	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	return k < n && (s[k] == '\n' || s[k] == '\r');
}

/* pandoc's loose and tight lists, item paragraph by item paragraph: a
 * paragraph followed by a blank line is a Para, else Plain; then the list
 * is made all Plain when its only Para is the last block of its last item,
 * and all Para when it has another (pandoc's compactify). CommonMark calls
 * "- a\n  - b\n\n- c" loose, pandoc tight. */
static void pandoc_looseness(struct md_state *st)
{
	unsigned depth = st->list_depth;
	struct rl_doc *doc = st->doc;
	if (!depth || depth >= MD_MAX_CONTAINERS)
		return;
	size_t paras = 0, last = SIZE_MAX;
	int last_para = 0;
	for (size_t i = st->list_first[depth]; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		if (b->kind != RL_BLOCK_LIST_ITEM || b->level != depth)
			continue;
		last = i;
		last_para = blank_after(st, b);
		paras += (size_t)last_para;
	}
	int loose = paras > 0 && !(paras == 1 && last_para && last + 1 == doc->nblocks);
	for (size_t i = st->list_first[depth]; i < doc->nblocks; i++) {
		struct rl_block *b = &doc->blocks[i];
		if (b->kind != RL_BLOCK_LIST_ITEM || b->level != depth)
			continue;
		if (loose)
			b->flags |= RL_BF_LOOSE;
		else
			b->flags &= ~(unsigned)RL_BF_LOOSE;
	}
}

static int on_leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	struct md_state *st = userdata;
	(void)detail;
	switch (type) {
	case MD_BLOCK_QUOTE:
		end_text_block(st);
		st->quote_depth--;
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		end_text_block(st);
		pandoc_looseness(st);
		st->list_depth--;
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD: {
		struct rl_doc *doc = st->doc;
		size_t before = doc->nblocks;
		end_text_block(st);
		if (doc->nblocks > before) {
			struct rl_block *b = &doc->blocks[doc->nblocks - 1];
			b->table = st->table_no;
			b->row = st->row;
			b->col = st->col;
		}
		st->col++;
		break;
	}
	case MD_BLOCK_TR:
		st->row++;
		break;
	case MD_BLOCK_THEAD:
		st->in_thead = 0;
		break;
	case MD_BLOCK_HTML:
		st->in_html_block = 0;
		/* no HTML is left in a masked block; a tag md4c still sees is
		 * dropped, not read again */
		if (st->html_start != SIZE_MAX && !st->masked_html)
			read_html_block(st, st->html_start, st->html_end);
		break;
	case MD_BLOCK_H: {
		/* an underlined (setext) heading's underline is still ahead */
		struct rl_doc *doc = st->doc;
		size_t before = doc->nblocks;
		end_text_block(st);
		if (doc->nblocks > before) {
			const char *s = st->src;
			size_t k = doc->blocks[doc->nblocks - 1].start;
			while (k > 0 && s[k - 1] != '\n' && s[k - 1] != '\r')
				k--;
			while (s[k] == ' ' || s[k] == '\t')
				k++;
			st->prev_setext = s[k] != '#';
		}
		break;
	}
	case MD_BLOCK_P: {
		/* a paragraph of nothing but raw HTML (<img>, <a><img></a>):
		 * pandoc keeps it, an empty paragraph in its .docx */
		int plain = !st->quote_depth && !innermost(st, MD_BLOCK_LI) && st->para_kind == RL_BLOCK_PARAGRAPH;
		end_text_block(st);
		if (plain && st->doc->nblocks == st->para_first && st->para_html != SIZE_MAX) {
			struct rl_block *b = rl_doc_add_empty_block(st->doc, RL_BLOCK_PARAGRAPH, st->para_html);
			b->flags |= st->pending_flags;
			st->pending_flags = 0;
		}
		st->para_html = SIZE_MAX;
		break;
	}
	case MD_BLOCK_LI:
	case MD_BLOCK_CODE:
		end_text_block(st);
		break;
	default:
		break;
	}
	if (st->overflow)
		st->overflow--;
	else if (st->depth)
		st->depth--;
	return 0;
}

static void update_format(struct md_state *st)
{
	rl_doc_set_format(st->doc, (st->strong_depth ? RL_FMT_BOLD : 0) | (st->em_depth ? RL_FMT_ITALIC : 0) |
					   (st->code_depth ? RL_FMT_CODE : 0));
}

static int on_enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	struct md_state *st = userdata;
	switch (type) {
	case MD_SPAN_STRONG:
		st->strong_depth++;
		update_format(st);
		break;
	case MD_SPAN_EM:
		st->em_depth++;
		update_format(st);
		break;
	case MD_SPAN_CODE:
		st->code_depth++;
		update_format(st);
		break;
	case MD_SPAN_A: {
		const MD_SPAN_A_DETAIL *a = detail;
		if (st->in_link++ == 0) {
			free(st->href);
			st->href = rl_xstrndup(a->href.text, a->href.size);
			st->href_len = a->href.size;
			st->span_start = SIZE_MAX;
			st->href_off = in_buffer(st, a->href.text) ? source_offset(st, a->href.text) : st->last_end;
		}
		break;
	}
	case MD_SPAN_IMG: {
		const MD_SPAN_IMG_DETAIL *im = detail;
		if (st->in_img++ == 0) {
			free(st->img_src);
			st->img_src = rl_xstrndup(im->src.text, im->src.size);
			st->img_src_len = im->src.size;
			st->link_span_start = st->span_start;
			st->span_start = SIZE_MAX;
			st->img_off = in_buffer(st, im->src.text) ? source_offset(st, im->src.text) : st->last_end;
			rl_buf_clear(&st->alt);
		}
		break;
	}
	default:
		break;
	}
	return 0;
}

static int on_leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	struct md_state *st = userdata;
	(void)detail;
	switch (type) {
	case MD_SPAN_STRONG:
		st->strong_depth--;
		update_format(st);
		break;
	case MD_SPAN_EM:
		st->em_depth--;
		update_format(st);
		break;
	case MD_SPAN_CODE:
		st->code_depth--;
		update_format(st);
		break;
	case MD_SPAN_A:
		if (--st->in_link == 0 && !st->in_img) {
			/* a link with no text is where its target is written */
			int empty = st->span_start == SIZE_MAX;
			rl_doc_add_link(st->doc, empty ? st->href_off : st->span_start,
					empty ? st->href_off : st->last_end, st->href, st->href_len);
		}
		break;
	case MD_SPAN_IMG:
		if (--st->in_img == 0) {
			int empty = st->span_start == SIZE_MAX;
			rl_doc_add_image(st->doc, empty ? st->img_off : st->span_start, empty ? st->img_off : st->last_end,
					 st->img_src, st->img_src_len, st->alt.data, st->alt.len);
			/* back to the link around it, if any: the image is its text */
			if (st->in_link && st->link_span_start == SIZE_MAX)
				st->link_span_start = empty ? st->img_off : st->span_start;
			st->span_start = st->link_span_start;
		}
		break;
	default:
		break;
	}
	return 0;
}

static void count_text(struct md_state *st, const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			k++;
	st->text_bytes += k;
	if (st->strong_depth)
		st->strong_bytes += k;
}

/* Decodes an entity ("&amp;", "&#233;", "&#x41;") into out; 0 if unknown. */
static size_t decode_entity(const char *s, size_t n, char out[8])
{
	uint32_t cp = 0;
	if (n < 3 || s[0] != '&' || s[n - 1] != ';')
		return 0;
	if (s[1] == '#') {
		int hex = n > 3 && (s[2] == 'x' || s[2] == 'X');
		for (size_t i = hex ? 3 : 2; i + 1 < n; i++) {
			int c = (unsigned char)s[i], d;
			if (c >= '0' && c <= '9')
				d = c - '0';
			else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
				d = (c | 0x20) - 'a' + 10;
			else
				return 0;
			cp = cp * (hex ? 16u : 10u) + (uint32_t)d;
			if (cp > 0x10FFFF)
				cp = RL_REPLACEMENT_CHAR;
		}
		if (cp == 0)
			cp = RL_REPLACEMENT_CHAR;
		return rl_utf8_encode(cp, out);
	}
	const struct rl_entity *e = rl_entity_find(s + 1, n - 2);
	if (!e)
		return 0;
	size_t k = rl_utf8_encode(e->cp[0], out);
	if (e->cp[1])
		k += rl_utf8_encode(e->cp[1], out + k);
	return k;
}

static void add_html_range(struct md_state *st, size_t start, size_t end)
{
	if (st->nhtml && start >= st->html[st->nhtml - 1].end) {
		/* join pieces separated only by line ends and indentation */
		struct html_range *last = &st->html[st->nhtml - 1];
		size_t k = last->end;
		while (k < start && strchr(" \t\r\n>", st->src[k]))
			k++;
		if (k == start) {
			last->end = end;
			return;
		}
	}
	RL_GROW(st->html, st->nhtml, st->cap_html);
	st->html[st->nhtml].start = start;
	st->html[st->nhtml].end = end;
	st->nhtml++;
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
	struct md_state *st = userdata;
	struct rl_doc *doc = st->doc;
	int real = in_buffer(st, text);
	size_t off = real ? source_offset(st, text) : st->last_end;

	if (st->in_html_block) {
		if (real) {
			add_html_range(st, off, off + size);
			if (st->html_start == SIZE_MAX)
				st->html_start = off;
			st->html_end = off + size;
			st->last_end = off + size;
		}
		return 0;
	}
	if (type == MD_TEXT_HTML) {
		unsigned level;
		if (!real)
			return 0;
		add_html_range(st, off, off + size);
		if (st->para_html == SIZE_MAX)
			st->para_html = off;
		if (rl_md_html_block_tag(text, size, &level)) {
			/* a block tag inside a paragraph still ends a block */
			if (level)
				begin_text_block(st, RL_BLOCK_HEADING, level, 0);
			else
				end_text_block(st);
		} else if (rl_md_html_is_br(text, size) && rl_doc_in_block(doc))
			rl_doc_synth(doc, "\n", 1, off, size);
		else if (!rl_md_html_image(doc, text, size, off))
			rl_md_html_link(doc, off, size);
		st->last_end = off + size;
		return 0;
	}
	if (!rl_doc_in_block(doc))
		begin_implicit_block(st);
	st->prev_setext = 0;
	if (real && (st->in_link || st->in_img) && st->span_start == SIZE_MAX)
		st->span_start = off;
	switch (type) {
	case MD_TEXT_SOFTBR:
		rl_doc_synth(doc, " ", 1, st->last_end, 0);
		if (st->in_img)
			rl_buf_addc(&st->alt, ' ');
		return 0;
	case MD_TEXT_BR: {
		/* in a masked HTML block the break is a <br> tag: the break
		 * stands for it (page fit: pandoc's .docx drops raw HTML) */
		size_t at = st->last_end, tag = 0, n = doc->src->len;
		const char *s = st->src;
		while (st->masked_html && at < n && at < st->last_end + 64 && (s[at] == ' ' || s[at] == '\t'))
			at++;
		if (st->masked_html && at < n && s[at] == '<' && rl_md_html_is_br(s + at, n - at)) {
			const char *gt = memchr(s + at, '>', n - at);
			tag = gt ? (size_t)(gt - s) + 1 - at : 0;
		}
		if (tag)
			rl_doc_synth(doc, "\n", 1, at, tag);
		else
			rl_doc_synth(doc, "\n", 1, st->last_end, 0);
		return 0;
	}
	case MD_TEXT_NULLCHAR:
		rl_doc_synth(doc, "\xEF\xBF\xBD", 3, off, real ? 1 : 0);
		return 0;
	case MD_TEXT_ENTITY: {
		char out[8];
		size_t n = decode_entity(text, size, out);
		if (n) {
			rl_doc_synth(doc, out, n, off, size);
			count_text(st, out, n);
			if (st->in_img)
				rl_buf_add(&st->alt, out, n);
		} else {
			rl_doc_text(doc, text, size, off);
			count_text(st, text, size);
		}
		break;
	}
	default:
		if (real)
			rl_doc_text(doc, text, size, off);
		else
			rl_doc_synth(doc, text, size, off, 0);
		count_text(st, text, size);
		if (st->in_img)
			rl_buf_add(&st->alt, text, size);
		break;
	}
	if (real)
		st->last_end = off + size;
	return 0;
}

/* HTML comments inside the raw HTML md4c saw: where suppressions live. */
static void collect_comments(struct md_state *st)
{
	for (size_t i = 0; i < st->nhtml; i++) {
		const char *s = st->src;
		size_t k = st->html[i].start, end = st->html[i].end;
		while (k + 4 <= end) {
			const char *open = memmem(s + k, end - k, "<!--", 4);
			if (!open)
				break;
			size_t a = (size_t)(open - s);
			const char *close = memmem(s + a + 4, end - a - 4, "-->", 3);
			if (!close)
				break;
			size_t b = (size_t)(close - s) + 3;
			rl_doc_add_comment(st->doc, a, b, s + a + 4, (size_t)(close - s) - a - 4);
			k = b;
		}
	}
}

static int md_probe(const char *bytes, size_t len)
{
	size_t n = len < 4096 ? len : 4096, bad = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)bytes[i];
		/* a stray NUL (a file a tool mangled) is read as U+FFFD like any
		 * bad byte; binary data and BOM-less UTF-16 have them by the
		 * hundred and stay out by the ratio */
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
			bad++;
	}
	return bad * 20 <= n; /* a few stray control bytes are still text */
}

#define MD_PARSER_FOR(extra_flags)                                                   \
	{                                                                            \
		.abi_version = 0,                                                    \
		.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH |                    \
			 MD_FLAG_PERMISSIVEAUTOLINKS | (extra_flags),                \
		.enter_block = on_enter_block, .leave_block = on_leave_block,        \
		.enter_span = on_enter_span, .leave_span = on_leave_span,            \
		.text = on_text, .debug_log = NULL, .syntax = NULL,                  \
	}
static const MD_PARSER md_parser = MD_PARSER_FOR(0);
/* Masking tags leaves spaces where they were: they are not code indents. */
static const MD_PARSER md_parser_masked = MD_PARSER_FOR(MD_FLAG_NOINDENTEDCODEBLOCKS);

/* Parses buf[from, to) with md4c; def maps a de-indented buffer back. */
static void parse_range(struct md_state *st, const char *buf, size_t buf_len, size_t from, size_t to,
			const struct md_definition *def, enum rl_block_kind para_kind)
{
	st->buf = buf;
	st->buf_len = buf_len;
	st->def = def;
	st->para_kind = para_kind;
	st->para_count = 0;
	st->depth = st->overflow = 0;
	st->list_depth = st->quote_depth = 0;
	st->in_html_block = 0;
	if (to <= from)
		return;
	if (md_parse(buf + from, (MD_SIZE)(to - from), st->masked_html ? &md_parser_masked : &md_parser, st) != 0)
		rl_diags_add(&st->doc->diags, RL_DIAG_WARNING, st->doc->src->path, 0, 0,
			     "the Markdown parser stopped early; some text may be missing");
	end_text_block(st);
}

static void on_term(void *ctx, size_t start, size_t end)
{
	struct md_state *st = ctx;
	st->last_end = start;
	parse_range(st, st->src, st->doc->src->len, start, end, NULL, RL_BLOCK_TERM);
}

static void on_definition(void *ctx, const struct md_definition *d)
{
	struct md_state *st = ctx;
	parse_range(st, d->text, d->len, 0, d->len, d, RL_BLOCK_DEFINITION);
}

/* A cell of a pandoc table: its inlines, as a paragraph md4c reads. */
static void on_cell(void *ctx, unsigned row, unsigned col, int head, const struct md_definition *d)
{
	struct md_state *st = ctx;
	struct rl_doc *doc = st->doc;
	size_t first = doc->nblocks;
	parse_range(st, d->text, d->len, 0, d->len, d, RL_BLOCK_TABLE_CELL);
	for (size_t i = first; i < doc->nblocks; i++) {
		struct rl_block *b = &doc->blocks[i];
		b->kind = RL_BLOCK_TABLE_CELL;
		b->table = st->table_no;
		b->row = row;
		b->col = col;
		if (head)
			b->flags |= RL_BF_TABLE_HEAD;
	}
}

/* "| " lines: each line is a paragraph of its own. */
static void read_line_block(struct md_state *st, const struct md_region *r)
{
	const char *s = st->src;
	for (size_t i = r->start; i < r->end;) {
		size_t e = i;
		while (e < r->end && s[e] != '\n' && s[e] != '\r')
			e++;
		size_t k = i;
		while (k < e && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (k < e && s[k] == '|')
			k++;
		if (k < e && s[k] == ' ')
			k++;
		st->last_end = k;
		parse_range(st, s, st->doc->src->len, k, e, NULL, RL_BLOCK_PARAGRAPH);
		while (e < r->end && (s[e] == '\n' || s[e] == '\r'))
			e++;
		i = e;
	}
}

/* Flags the list items from block first on that start on one of the lines
 * (ascending line starts): pandoc reads them as paragraph text. */
static void flag_lazy_items(struct rl_doc *doc, size_t first, const size_t *lines, size_t n)
{
	const char *s = doc->src->bytes;
	for (size_t i = first; i < doc->nblocks; i++) {
		struct rl_block *b = &doc->blocks[i];
		if (b->kind != RL_BLOCK_LIST_ITEM || (b->flags & RL_BF_CONTINUATION))
			continue;
		size_t ls = b->start;
		while (ls > 0 && s[ls - 1] != '\n' && s[ls - 1] != '\r')
			ls--;
		size_t lo = 0, hi = n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (lines[mid] < ls)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < n && lines[lo] == ls)
			b->flags |= RL_BF_LAZY;
	}
}

/* A GitHub-style list right under a line of text is no list to pandoc: the
 * bullet rules do not see it, and the printed page shows "- " as text. Said
 * once a file, at the first such line. */
static void warn_lazy_lists(struct md_state *st)
{
	const struct rl_source *src = st->doc->src;
	struct rl_pos p = rl_source_pos(src, st->first_lazy_list);
	rl_diags_add(&st->doc->diags, RL_DIAG_WARNING, src->path, p.line, p.col,
		     "%zu list line%s right under a paragraph line, with no blank line before: pandoc reads "
		     "them as that paragraph's text (GitHub shows a list); put a blank line before each list, or "
		     "set markdown: commonmark",
		     st->lazy_lists, st->lazy_lists == 1 ? "" : "s");
}

static void read_region(struct md_state *st, const struct md_region *r)
{
	struct rl_doc *doc = st->doc;
	switch (r->kind) {
	case MDR_MARKDOWN: {
		struct md_definition lazy;
		size_t *lines = NULL, nlines = 0;
		int quotes = 0;
		st->last_end = r->start;
		if (st->pandoc)
			nlines = rl_md_lazy_list_lines(doc->src, r->start, r->end, &lines, &quotes, &st->lazy_lists,
						       &st->first_lazy_list);
		/* CommonMark lets a list interrupt a paragraph; pandoc does not.
		 * A list right under a paragraph line is read as CommonMark reads
		 * it (the bullets GitHub shows, for the rules), its items flagged
		 * for page fit to lay out as pandoc does; a block quote there
		 * (rare) is read as pandoc reads it */
		if (nlines && !quotes) {
			size_t first = doc->nblocks;
			parse_range(st, st->src, doc->src->len, r->start, r->end, NULL, RL_BLOCK_PARAGRAPH);
			flag_lazy_items(doc, first, lines, nlines);
		} else if (quotes && rl_md_lazy_copy(doc->src, r->start, r->end, &lazy)) {
			parse_range(st, lazy.text, lazy.len, 0, lazy.len, &lazy, RL_BLOCK_PARAGRAPH);
			free(lazy.text);
			free(lazy.map);
		} else {
			parse_range(st, st->src, doc->src->len, r->start, r->end, NULL, RL_BLOCK_PARAGRAPH);
		}
		free(lines);
		break;
	}
	case MDR_DEFLIST: {
		const struct md_deflist_visitor v = { on_term, on_definition, st };
		rl_md_deflist_walk(doc->src, r, &v);
		break;
	}
	case MDR_YAML:
		rl_md_yaml_block(doc, r->start, r->end);
		break;
	case MDR_TITLE:
		rl_md_title_block(doc, r->start, r->end);
		break;
	case MDR_LINEBLOCK:
		read_line_block(st, r);
		break;
	case MDR_TABLE: {
		const struct md_table_visitor v = { on_cell, st };
		st->table_no++;
		rl_md_table_walk(doc->src, r, &v);
		break;
	}
	case MDR_SKIP:
		if (r->page_break)
			st->pending_flags |= RL_BF_PAGE_BREAK_BEFORE;
		break;
	}
	st->last_end = r->end;
}

static struct rl_doc *md_read(const char *path, const char *bytes, size_t len,
			      const struct rl_read_opts *opts, struct rl_diags *diags)
{
	(void)diags;
	struct rl_source *src = rl_source_new(path, bytes, len);
	struct rl_doc *doc = rl_doc_new(RL_FORMAT_MARKDOWN, src);
	struct md_state st;
	memset(&st, 0, sizeof st);
	st.doc = doc;
	st.src = src->bytes;
	st.para_html = SIZE_MAX;
	rl_buf_init(&st.alt);

	size_t body = rl_md_front_matter(doc);
	int pandoc = !opts->commonmark_only;
	/* the file may say which Markdown it is: resumelint: {markdown: ...} */
	for (size_t i = 0; i < doc->nmeta; i++)
		if (strcmp(doc->meta[i].key, "resumelint.markdown") == 0)
			pandoc = strcmp(doc->meta[i].value, "commonmark") != 0;
	st.pandoc = pandoc;
	struct md_region *regions;
	size_t n = rl_md_regions(src, body, pandoc, &regions);
	for (size_t i = 0; i < n; i++)
		read_region(&st, &regions[i]);
	free(regions);
	rl_md_pandoc_cleanup(doc);
	if (st.lazy_lists)
		warn_lazy_lists(&st);
	collect_comments(&st);
	free(st.href);
	free(st.img_src);
	free(st.html);
	rl_buf_free(&st.alt);
	rl_doc_finish(doc);
	return doc;
}

static const char *const md_extensions[] = { ".md", ".markdown", ".mdown", ".mkd", ".txt", NULL };

const struct rl_reader rl_reader_markdown = {
	.name = "markdown",
	.description = "a Markdown file",
	.extensions = md_extensions,
	.probe = md_probe,
	.read = md_read,
};
