/* Markdown rendering profiles and the mapping of blocks to laid-out
 * paragraphs (see profile.h). The pandoc numbers are pandoc 2.17's
 * reference.docx: docDefaults (12 pt, 10 pt after), BodyText (9 pt before
 * and after), Compact (1.8 pt), Heading1-3 (Calibri 16/14/12 bold, 24/10/10
 * pt before), DefinitionTerm (bold, keep next, 0 after), BlockText (5 pt,
 * 0.33 in each side), Source Code (Consolas 11 pt), lists indented 0.5 in a
 * level with a 1/3 in hanging label, tables 5.5 in wide with 0.075 in cell
 * margins. Theme fonts: Calibri headings, Cambria body. */
#include "profile.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "md_html.h"
#include "md_pandoc.h"

#define PANDOC_STYLES                                                                            \
	{                                                                                        \
		[RL_MS_TITLE] = { "Title", 1, 18, 1, 0, 24, 12, 1, 0, 0, RL_ALIGN_CENTER },      \
		[RL_MS_SUBTITLE] = { "Subtitle", 1, 15, 1, 0, 12, 12, 1, 0, 0, RL_ALIGN_CENTER }, \
		[RL_MS_AUTHOR] = { "Author", 0, 0, 0, 0, 0, 10, 1, 0, 0, RL_ALIGN_CENTER },       \
		[RL_MS_DATE] = { "Date", 0, 0, 0, 0, 0, 10, 1, 0, 0, RL_ALIGN_CENTER },           \
		[RL_MS_H1] = { "Heading1", 1, 16, 1, 0, 24, 0, 1, 0, 0, RL_ALIGN_LEFT },          \
		[RL_MS_H2] = { "Heading2", 1, 14, 1, 0, 10, 0, 1, 0, 0, RL_ALIGN_LEFT },          \
		[RL_MS_H3] = { "Heading3", 1, 12, 1, 0, 10, 0, 1, 0, 0, RL_ALIGN_LEFT },          \
		[RL_MS_H4] = { "Heading4", 1, 12, 0, 1, 10, 0, 1, 0, 0, RL_ALIGN_LEFT },          \
		[RL_MS_H5] = { "Heading5", 1, 12, 0, 1, 10, 0, 1, 0, 0, RL_ALIGN_LEFT },          \
		[RL_MS_H6] = { "Heading6", 1, 12, 0, 0, 10, 0, 1, 0, 0, RL_ALIGN_LEFT },          \
		[RL_MS_FIRST_PARAGRAPH] = { "FirstParagraph", 0, 0, 0, 0, 9, 9, 0, 0, 0, RL_ALIGN_LEFT }, \
		[RL_MS_BODY] = { "BodyText", 0, 0, 0, 0, 9, 9, 0, 0, 0, RL_ALIGN_LEFT },          \
		[RL_MS_COMPACT] = { "Compact", 0, 0, 0, 0, 1.8, 1.8, 0, 0, 0, RL_ALIGN_LEFT },    \
		[RL_MS_NORMAL] = { "Normal", 0, 0, 0, 0, 0, 10, 0, 0, 0, RL_ALIGN_LEFT },         \
		[RL_MS_TERM] = { "DefinitionTerm", 0, 0, 1, 0, 0, 0, 1, 0, 0, RL_ALIGN_LEFT },    \
		[RL_MS_DEFINITION] = { "Definition", 0, 0, 0, 0, 0, 10, 0, 0, 0, RL_ALIGN_LEFT }, \
		[RL_MS_BLOCK_TEXT] = { "BlockText", 0, 0, 0, 0, 5, 5, 0, 24, 24, RL_ALIGN_LEFT }, \
		[RL_MS_CODE] = { "SourceCode", 2, 11, 0, 0, 0, 10, 0, 0, 0, RL_ALIGN_LEFT },      \
	}

static const struct rl_profile pandoc = {
	.name = "pandoc",
	.help = "pandoc's default .docx (Letter, 1 in margins, Cambria 12 pt, Calibri headings) as LibreOffice lays it out",
	.page_w = 612, .page_h = 792,
	.margin_top = 72, .margin_right = 72, .margin_bottom = 72, .margin_left = 72,
	.fonts = { "Cambria", "Calibri", "Consolas" },
	.size = 12, .code_size = 11, .line = 1.0,
	.list_indent = 36, .list_hanging = 24,
	.table_width = 396, .cell_margin = 5.4,
	.styles = PANDOC_STYLES,
};

static const struct rl_profile pandoc_a4 = {
	.name = "pandoc-a4",
	.help = "the pandoc profile on A4 paper (210 x 297 mm)",
	.page_w = 595.3, .page_h = 841.9,
	.margin_top = 72, .margin_right = 72, .margin_bottom = 72, .margin_left = 72,
	.fonts = { "Cambria", "Calibri", "Consolas" },
	.size = 12, .code_size = 11, .line = 1.0,
	.list_indent = 36, .list_hanging = 24,
	.table_width = 396, .cell_margin = 5.4,
	.styles = PANDOC_STYLES,
};

/* LaTeX's article class on Letter paper: Latin Modern, the class's text
 * block (345/360/390 pt wide), \section and \subsection sizes and skips.
 * An approximation: LaTeX justifies and hyphenates, which this does not. */
#define LATEX_STYLES(sec, subsec, sk)                                                              \
	{                                                                                           \
		[RL_MS_TITLE] = { "title", 0, (sec) * 1.2, 0, 0, 0, (sk), 1, 0, 0, RL_ALIGN_CENTER }, \
		[RL_MS_SUBTITLE] = { "subtitle", 0, (subsec), 0, 0, 0, (sk), 1, 0, 0, RL_ALIGN_CENTER }, \
		[RL_MS_AUTHOR] = { "author", 0, (subsec), 0, 0, 0, (sk), 1, 0, 0, RL_ALIGN_CENTER },  \
		[RL_MS_DATE] = { "date", 0, (subsec), 0, 0, 0, (sk), 1, 0, 0, RL_ALIGN_CENTER },      \
		[RL_MS_H1] = { "section", 0, (sec), 1, 0, 1.6 * (sk), (sk), 1, 0, 0, RL_ALIGN_LEFT }, \
		[RL_MS_H2] = { "subsection", 0, (subsec), 1, 0, 1.4 * (sk), 0.8 * (sk), 1, 0, 0, RL_ALIGN_LEFT }, \
		[RL_MS_H3] = { "subsubsection", 0, 0, 1, 0, 1.3 * (sk), 0.6 * (sk), 1, 0, 0, RL_ALIGN_LEFT }, \
		[RL_MS_H4] = { "paragraph", 0, 0, 1, 0, (sk), 0, 1, 0, 0, RL_ALIGN_LEFT },            \
		[RL_MS_H5] = { "subparagraph", 0, 0, 1, 0, (sk), 0, 1, 0, 0, RL_ALIGN_LEFT },         \
		[RL_MS_H6] = { "subparagraph", 0, 0, 1, 0, (sk), 0, 1, 0, 0, RL_ALIGN_LEFT },         \
		[RL_MS_FIRST_PARAGRAPH] = { "paragraph", 0, 0, 0, 0, 0, 0, 0, 0, 0, RL_ALIGN_LEFT },  \
		[RL_MS_BODY] = { "paragraph", 0, 0, 0, 0, 0, 0, 0, 0, 0, RL_ALIGN_LEFT },             \
		[RL_MS_COMPACT] = { "itemize", 0, 0, 0, 0, 0, 0, 0, 0, 0, RL_ALIGN_LEFT },            \
		[RL_MS_NORMAL] = { "item", 0, 0, 0, 0, 0.4 * (sk), 0.4 * (sk), 0, 0, 0, RL_ALIGN_LEFT }, \
		[RL_MS_TERM] = { "description", 0, 0, 1, 0, 0.4 * (sk), 0, 1, 0, 0, RL_ALIGN_LEFT }, \
		[RL_MS_DEFINITION] = { "description", 0, 0, 0, 0, 0, 0.4 * (sk), 0, 20, 0, RL_ALIGN_LEFT }, \
		[RL_MS_BLOCK_TEXT] = { "quote", 0, 0, 0, 0, 0.5 * (sk), 0.5 * (sk), 0, 25, 25, RL_ALIGN_LEFT }, \
		[RL_MS_CODE] = { "verbatim", 2, 0, 0, 0, 0.5 * (sk), 0.5 * (sk), 0, 0, 0, RL_ALIGN_LEFT }, \
	}

static const struct rl_profile latex10 = {
	.name = "latex-10pt",
	.help = "LaTeX article class, 10 pt, Letter (approximate: LaTeX justifies and hyphenates)",
	.page_w = 612, .page_h = 792,
	.margin_top = 121, .margin_right = 133.5, .margin_bottom = 121, .margin_left = 133.5,
	.fonts = { "Latin Modern Roman", "Latin Modern Roman", "Latin Modern Mono" },
	.size = 10, .code_size = 10, .line = 1.0,
	.list_indent = 25, .list_hanging = 10,
	.table_width = 300, .cell_margin = 6,
	.styles = LATEX_STYLES(14.4, 12, 12),
};

static const struct rl_profile latex11 = {
	.name = "latex-11pt",
	.help = "LaTeX article class, 11 pt, Letter (approximate)",
	.page_w = 612, .page_h = 792,
	.margin_top = 127, .margin_right = 126, .margin_bottom = 127, .margin_left = 126,
	.fonts = { "Latin Modern Roman", "Latin Modern Roman", "Latin Modern Mono" },
	.size = 10.95, .code_size = 10.95, .line = 1.0,
	.list_indent = 25, .list_hanging = 10,
	.table_width = 310, .cell_margin = 6,
	.styles = LATEX_STYLES(14.4, 12, 13.6),
};

static const struct rl_profile latex12 = {
	.name = "latex-12pt",
	.help = "LaTeX article class, 12 pt, Letter (approximate)",
	.page_w = 612, .page_h = 792,
	.margin_top = 128, .margin_right = 111, .margin_bottom = 128, .margin_left = 111,
	.fonts = { "Latin Modern Roman", "Latin Modern Roman", "Latin Modern Mono" },
	.size = 12, .code_size = 12, .line = 1.0,
	.list_indent = 25, .list_hanging = 10,
	.table_width = 330, .cell_margin = 6,
	.styles = LATEX_STYLES(17.28, 14.4, 14.5),
};

const struct rl_profile *const rl_profiles[] = { &pandoc, &pandoc_a4, &latex10, &latex11, &latex12, NULL };

const struct rl_profile *rl_profile_find(const char *name)
{
	for (size_t i = 0; rl_profiles[i]; i++)
		if (strcmp(rl_profiles[i]->name, name) == 0)
			return rl_profiles[i];
	return NULL;
}

/* ---- building facts ---- */

struct builder {
	const struct rl_profile *p;
	const struct rl_profile_overrides *o;
	const struct rl_doc *doc;
	struct rl_layout_facts *f;
	size_t cap_paras;
	uint16_t font_ids[3];
};

static uint16_t add_font(struct rl_layout_facts *f, const char *name)
{
	for (size_t i = 0; i < f->nfonts; i++)
		if (strcmp(f->fonts[i], name) == 0)
			return (uint16_t)i;
	f->fonts = rl_xreallocarray(f->fonts, f->nfonts + 1, sizeof *f->fonts);
	f->fonts[f->nfonts] = rl_xstrdup(name);
	return (uint16_t)f->nfonts++;
}

static double body_size(const struct builder *b)
{
	return b->o && b->o->size > 0 ? b->o->size : b->p->size;
}

static double style_size(const struct builder *b, const struct rl_md_style *s)
{
	double body = body_size(b);
	/* styles sized for the default body size scale with an override */
	return s->size > 0 ? s->size * body / b->p->size : (s->font == 2 ? b->p->code_size * body / b->p->size : body);
}

static void add_run(struct rl_lf_para *lp, uint32_t off, uint32_t len, uint16_t font, double size, int bold, int italic)
{
	if (!len)
		return;
	struct rl_lf_run *r = &lp->runs[lp->nruns++];
	memset(r, 0, sizeof *r);
	r->off = off;
	r->len = len;
	r->font = font;
	r->size = (float)size;
	r->bold = (uint8_t)bold;
	r->italic = (uint8_t)italic;
}

/* pandoc's .docx shows some Markdown text differently from its source. The
 * layout text says it pandoc's way without moving a byte (its line offsets
 * are block offsets): a byte pandoc drops becomes a zero-width control
 * character. Raw HTML is dropped from the .docx, so a <br> breaks no line
 * (a soft break after it is still a space); spaces in a row are one Space,
 * a tab too; smart punctuation makes "..." and "---" one character each.
 * Code spans keep what they say. */
#define LAYOUT_DROPPED '\x01'

static int in_code(const struct rl_block *b, size_t i)
{
	for (size_t k = 0; k < b->nfmt; k++)
		if ((b->fmt[k].fmt & RL_FMT_CODE) && i >= b->fmt[k].text_off && i < b->fmt[k].text_off + b->fmt[k].len)
			return 1;
	return 0;
}

/* Text byte i stands for a raw HTML tag (a <br>); *eol: only spaces follow
 * the tag on its source line. */
static int html_tag_at(const struct rl_doc *doc, const struct rl_block *b, size_t i, int *eol)
{
	for (size_t k = 0; k < b->nsegs; k++) {
		const struct rl_seg *g = &b->segs[k];
		if (i < g->text_off || i >= g->text_off + g->len)
			continue;
		if (!g->synthetic || !g->src_len || g->src_off >= doc->src->len || doc->src->bytes[g->src_off] != '<')
			return 0;
		const char *s = doc->src->bytes;
		size_t e = g->src_off + g->src_len;
		while (e < doc->src->len && (s[e] == ' ' || s[e] == '\t'))
			e++;
		*eol = e >= doc->src->len || s[e] == '\n' || s[e] == '\r';
		return 1;
	}
	return 0;
}

static void pandoc_text(const struct rl_doc *doc, const struct rl_block *b, char *t, size_t len)
{
	int prev_space = 0;
	for (size_t i = 0; i < len; i++) {
		if (b->nfmt && in_code(b, i)) {
			prev_space = 0;
			continue;
		}
		int eol;
		if (t[i] == '\n' && html_tag_at(doc, b, i, &eol)) {
			int space_next = i + 1 < len && (t[i + 1] == ' ' || t[i + 1] == '\t' || t[i + 1] == '\n');
			t[i] = eol && !space_next && !prev_space ? ' ' : LAYOUT_DROPPED;
			prev_space = 0;
			continue;
		}
		if (t[i] == '\t')
			t[i] = ' ';
		if (t[i] == ' ') {
			if (prev_space)
				t[i] = LAYOUT_DROPPED;
			prev_space = 1;
			continue;
		}
		prev_space = 0;
		if (i + 2 < len && t[i] == '.' && t[i + 1] == '.' && t[i + 2] == '.' && !(b->nfmt && in_code(b, i + 2)))
			memcpy(t + i, "\xE2\x80\xA6", 3), i += 2; /* … */
		else if (i + 2 < len && t[i] == '-' && t[i + 1] == '-' && t[i + 2] == '-' &&
			 !(b->nfmt && in_code(b, i + 2)))
			memcpy(t + i, "\xE2\x80\x94", 3), i += 2; /* — */
	}
}

/* The block ends with a hard line break pandoc keeps: a backslash ending
 * its last line, or, in a list item, two spaces when a line follows at once
 * (the next item); the .docx paragraph then ends in a break, an empty last
 * line. */
/* How the source line ending at e (not before from) ends: BREAK_SLASH for a
 * backslash, BREAK_SPACES for two or more spaces, else 0. */
enum { BREAK_SLASH = 1, BREAK_SPACES = 2 };
static int line_end_break(const char *s, size_t from, size_t e)
{
	size_t t = e;
	while (t > from && (s[t - 1] == ' ' || s[t - 1] == '\t'))
		t--;
	if (t > from && s[t - 1] == '\\' && !(t - 1 > from && s[t - 2] == '\\'))
		return BREAK_SLASH;
	return e - t >= 2 ? BREAK_SPACES : 0;
}

static int trailing_break(const struct rl_doc *doc, const struct rl_block *b)
{
	const char *s = doc->src->bytes;
	size_t n = doc->src->len, k = b->end, e = k;
	if (b->kind == RL_BLOCK_TABLE_CELL || b->kind == RL_BLOCK_CODE || !b->text_len || k > n)
		return 0;
	while (e < n && s[e] != '\n' && s[e] != '\r')
		e++;
	int brk = line_end_break(s, k, e);
	if (brk == BREAK_SLASH)
		return 1;
	if (b->kind != RL_BLOCK_LIST_ITEM || brk != BREAK_SPACES || e >= n)
		return 0;
	size_t next = e + (s[e] == '\r' && e + 1 < n && s[e + 1] == '\n' ? 2 : 1);
	while (next < n && (s[next] == ' ' || s[next] == '\t'))
		next++;
	return next < n && s[next] != '\n' && s[next] != '\r';
}

/* A laid-out paragraph in style s for block b (NULL: text instead). */
static struct rl_lf_para *add_para(struct builder *bd, enum rl_md_style_id sid, const struct rl_block *b,
				   const char *text, size_t block_index)
{
	struct rl_layout_facts *f = bd->f;
	const struct rl_md_style *s = &bd->p->styles[sid];
	RL_GROW(f->paras, f->nparas, bd->cap_paras);
	struct rl_lf_para *lp = &f->paras[f->nparas++];
	memset(lp, 0, sizeof *lp);
	const char *t = b ? b->text : text ? text : "";
	size_t len = b ? b->text_len : strlen(t);
	int brk = b && bd->doc->format == RL_FORMAT_MARKDOWN && trailing_break(bd->doc, b);
	lp->text = rl_xmalloc(len + 2);
	memcpy(lp->text, t, len);
	if (brk)
		lp->text[len++] = '\n';
	lp->text[len] = '\0';
	lp->text_len = len;
	if (b && sid != RL_MS_CODE)
		pandoc_text(bd->doc, b, lp->text, len);
	lp->block = b ? block_index : SIZE_MAX;
	lp->number = (unsigned)f->nparas;
	lp->style = (unsigned)sid;
	lp->space_before = (float)s->before;
	lp->space_after = (float)s->after;
	lp->line_rule = RL_LINE_AUTO;
	lp->line = (float)(bd->o && bd->o->line > 0 ? bd->o->line : bd->p->line);
	lp->ind_left = (float)s->ind_left;
	lp->ind_right = (float)s->ind_right;
	lp->align = s->align;
	lp->keep_next = (uint8_t)s->keep_next;
	lp->keep_lines = (uint8_t)s->keep_next;
	lp->widow_control = 1;
	lp->col_span = 1;
	uint16_t font = bd->font_ids[s->font];
	double size = style_size(bd, s);
	lp->mark_font = font;
	lp->mark_size = (float)size;
	/* runs: the style's, with the block's bold, italic and code spans */
	size_t nfmt = b ? b->nfmt : 0;
	lp->runs = rl_xreallocarray(NULL, 2 * nfmt + 1, sizeof *lp->runs);
	size_t at = 0;
	for (size_t k = 0; k < nfmt; k++) {
		const struct rl_fmt_run *fr = &b->fmt[k];
		if (fr->text_off > at)
			add_run(lp, (uint32_t)at, (uint32_t)(fr->text_off - at), font, size, s->bold, s->italic);
		int code = (fr->fmt & RL_FMT_CODE) != 0;
		add_run(lp, fr->text_off, fr->len, code ? bd->font_ids[2] : font,
			code ? style_size(bd, &bd->p->styles[RL_MS_CODE]) : size, s->bold || (fr->fmt & RL_FMT_BOLD),
			s->italic || (fr->fmt & RL_FMT_ITALIC));
		at = fr->text_off + fr->len;
	}
	if (at < len)
		add_run(lp, (uint32_t)at, (uint32_t)(len - at), font, size, s->bold, s->italic);
	return lp;
}

/* A list line right under a paragraph line (RL_BF_LAZY) is more of that
 * paragraph's text to pandoc: its marker and text go on the paragraph laid
 * out last, after a space, or a line break where the line before ends in
 * one (two spaces or a backslash). */
static void append_lazy(struct builder *bd, const struct rl_block *b)
{
	struct rl_layout_facts *f = bd->f;
	if (!f->nparas)
		return;
	struct rl_lf_para *lp = &f->paras[f->nparas - 1];
	const char *s = bd->doc->src->bytes;
	size_t ls = b->start, m;
	while (ls > 0 && s[ls - 1] != '\n' && s[ls - 1] != '\r')
		ls--;
	for (m = ls; m < b->start && (s[m] == ' ' || s[m] == '\t'); m++)
		;
	int hard = 0;
	if (ls > 0) {
		size_t e = ls - 1; /* the line before: its end */
		if (e > 0 && s[e] == '\n' && s[e - 1] == '\r')
			e--;
		hard = line_end_break(s, 0, e) != 0;
	}
	int sep = lp->text_len && lp->text[lp->text_len - 1] != '\n';
	int brk = trailing_break(bd->doc, b);
	size_t mark = b->start - m, add = (size_t)sep + mark + b->text_len + (size_t)brk;
	size_t at = lp->text_len;
	lp->text = rl_xrealloc(lp->text, at + add + 1);
	char *t = lp->text + at;
	if (sep)
		*t++ = hard ? '\n' : ' ';
	memcpy(t, s + m, mark);
	memcpy(t + mark, b->text, b->text_len);
	pandoc_text(bd->doc, b, t + mark, b->text_len);
	if (brk)
		t[mark + b->text_len] = '\n';
	lp->text_len = at + add;
	lp->text[lp->text_len] = '\0';
	const struct rl_md_style *st = &bd->p->styles[lp->style];
	lp->runs = rl_xreallocarray(lp->runs, lp->nruns + 1, sizeof *lp->runs);
	add_run(lp, (uint32_t)at, (uint32_t)add, lp->mark_font, lp->mark_size, st->bold, st->italic);
}

static enum rl_md_style_id heading_style(unsigned level)
{
	if (level <= 1)
		return RL_MS_H1;
	if (level >= 6)
		return RL_MS_H6;
	return (enum rl_md_style_id)(RL_MS_H1 + (level - 1));
}

/* The front matter's title, subtitle, author(s) and date open the page. */
static void title_block(struct builder *bd)
{
	static const struct {
		const char *key;
		enum rl_md_style_id style;
	} order[] = { { "title", RL_MS_TITLE }, { "subtitle", RL_MS_SUBTITLE }, { "author", RL_MS_AUTHOR },
		      { "date", RL_MS_DATE } };
	const struct rl_doc *doc = bd->doc;
	for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
		size_t n = strlen(order[k].key);
		for (size_t i = 0; i < doc->nmeta; i++) {
			const char *key = doc->meta[i].key;
			if (strncmp(key, order[k].key, n) != 0 || (key[n] && key[n] != '['))
				continue;
			struct rl_lf_para *lp = add_para(bd, order[k].style, NULL, doc->meta[i].value, 0);
			lp->block = SIZE_MAX;
		}
	}
}

/* Table number t's facts: columns and rows from its cells. */
static void add_table(struct builder *bd, size_t first, size_t end)
{
	struct rl_layout_facts *f = bd->f;
	const struct rl_doc *doc = bd->doc;
	unsigned cols = 0, rows = 0;
	size_t longest = 0;
	for (size_t i = first; i < end; i++) {
		const struct rl_block *b = &doc->blocks[i];
		if (b->col + 1 > cols)
			cols = b->col + 1;
		if (b->row + 1 > rows)
			rows = b->row + 1;
		/* how long the table's source lines are decides its width */
		struct rl_pos a = rl_source_pos(doc->src, b->start);
		size_t n;
		if (rl_source_line(doc->src, a.line, &n) && n > longest)
			longest = n;
	}
	f->tables = rl_xreallocarray(f->tables, f->ntables + 1, sizeof *f->tables);
	struct rl_lf_table *t = &f->tables[f->ntables++];
	memset(t, 0, sizeof *t);
	double width = bd->p->table_width;
	/* pandoc gives a table wider than its 72 columns the full text width */
	if (longest > 72)
		width = bd->p->page_w - bd->p->margin_left - bd->p->margin_right;
	t->ncols = cols ? cols : 1;
	t->grid = rl_xreallocarray(NULL, t->ncols, sizeof *t->grid);
	for (size_t k = 0; k < t->ncols; k++)
		t->grid[k] = (float)(width / t->ncols);
	/* a simple table has default widths: the 5.5 in grid split evenly
	 * (tblW auto); a multiline one its relative widths, as a share of the
	 * text width (pandoc writes tblW pct = 5000 x their sum, and
	 * LibreOffice scales the grid to it) */
	struct md_table mt;
	if (first < end && rl_md_table_widths(doc->src, doc->blocks[first].start, &mt)) {
		double text_w = bd->p->page_w - bd->p->margin_left - bd->p->margin_right;
		for (size_t k = 0; k < t->ncols; k++) {
			double w = k < mt.ncols ? mt.width[k] : 0;
			t->grid[k] = (float)(mt.width[0] > 0 ? text_w * w : bd->p->table_width / t->ncols);
		}
	}
	t->cell_margin_left = t->cell_margin_right = (float)bd->p->cell_margin;
	t->borders = 1; /* the header row has a bottom rule */
	t->rows = rows;
	t->row_height = rl_xcalloc(rows ? rows : 1, sizeof *t->row_height);
	t->row_exact = rl_xcalloc(rows ? rows : 1, sizeof *t->row_exact);
	t->first_para = (unsigned)f->nparas;
}

struct rl_layout_facts *rl_profile_facts(const struct rl_profile *p, const struct rl_profile_overrides *o,
					  const struct rl_doc *doc)
{
	struct builder bd;
	memset(&bd, 0, sizeof bd);
	bd.p = p;
	bd.o = o;
	bd.doc = doc;
	bd.f = rl_xcalloc(1, sizeof *bd.f);
	struct rl_layout_facts *f = bd.f;
	bd.font_ids[0] = add_font(f, o && o->font ? o->font : p->fonts[0]);
	bd.font_ids[1] = add_font(f, p->fonts[1]);
	bd.font_ids[2] = add_font(f, p->fonts[2]);
	f->default_tab = 36;
	f->app_pages = f->app_words = -1;
	f->sections = rl_xcalloc(1, sizeof *f->sections);
	f->nsections = 1;
	struct rl_lf_section *s = &f->sections[0];
	s->page_w = (float)(o && o->page_w > 0 ? o->page_w : p->page_w);
	s->page_h = (float)(o && o->page_h > 0 ? o->page_h : p->page_h);
	double m = o && o->margin > 0 ? o->margin : -1;
	s->m_top = (float)(m > 0 ? m : p->margin_top);
	s->m_bottom = (float)(m > 0 ? m : p->margin_bottom);
	s->m_left = (float)(m > 0 ? m : p->margin_left);
	s->m_right = (float)(m > 0 ? m : p->margin_right);
	s->m_header = s->m_footer = 36;
	s->columns = 1;
	s->starts_new_page = 1;

	title_block(&bd);
	int after_heading = 1;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		enum rl_md_style_id sid;
		struct rl_lf_para *lp;
		enum rl_block_kind kind = b->kind;
		/* <h2>..</h2> is raw HTML to pandoc: its text is a plain
		 * paragraph in the .docx, not a heading */
		if (kind == RL_BLOCK_HEADING && doc->format == RL_FORMAT_MARKDOWN && rl_md_html_heading_level(doc, b->start))
			kind = RL_BLOCK_PARAGRAPH;
		switch (kind) {
		case RL_BLOCK_HEADING:
			lp = add_para(&bd, heading_style(b->level), b, NULL, i);
			after_heading = 1;
			if (b->flags & RL_BF_PAGE_BREAK_BEFORE)
				lp->page_break_before = 1;
			continue;
		case RL_BLOCK_LIST_ITEM: {
			if (b->flags & RL_BF_LAZY) {
				append_lazy(&bd, b);
				continue;
			}
			sid = b->flags & RL_BF_LOOSE ? RL_MS_NORMAL : RL_MS_COMPACT;
			lp = add_para(&bd, sid, b, NULL, i);
			unsigned level = b->level ? b->level : 1;
			lp->ind_left = (float)(p->list_indent * level + (b->flags & RL_BF_QUOTE ? 24 : 0));
			if (!(b->flags & RL_BF_CONTINUATION)) {
				lp->ind_first = (float)-p->list_hanging;
				lp->list = 1;
			}
			break;
		}
		case RL_BLOCK_TERM:
			lp = add_para(&bd, RL_MS_TERM, b, NULL, i);
			break;
		case RL_BLOCK_DEFINITION:
			lp = add_para(&bd, RL_MS_DEFINITION, b, NULL, i);
			break;
		case RL_BLOCK_CODE:
			lp = add_para(&bd, RL_MS_CODE, b, NULL, i);
			break;
		case RL_BLOCK_RULE:
			/* pandoc: an empty Normal paragraph holding a rule shape */
			lp = add_para(&bd, RL_MS_NORMAL, NULL, "", 0);
			lp->block = i;
			break;
		case RL_BLOCK_TABLE_CELL: {
			size_t end = i;
			while (end < doc->nblocks && doc->blocks[end].kind == RL_BLOCK_TABLE_CELL &&
			       doc->blocks[end].table == b->table)
				end++;
			add_table(&bd, i, end);
			for (size_t k = i; k < end; k++) {
				const struct rl_block *cb = &doc->blocks[k];
				lp = add_para(&bd, RL_MS_COMPACT, cb, NULL, k);
				lp->table = (unsigned)f->ntables;
				lp->row = cb->row;
				lp->col = cb->col;
				/* the table's cell margins (layout reads them per cell) */
				lp->cell_mar[2] = lp->cell_mar[3] = (float)p->cell_margin;
				lp->cell_border_top = lp->cell_border_bottom = -1;
			}
			i = end - 1;
			after_heading = 0;
			continue;
		}
		case RL_BLOCK_PARAGRAPH:
			sid = b->flags & RL_BF_QUOTE ? RL_MS_BLOCK_TEXT
			      : after_heading      ? RL_MS_FIRST_PARAGRAPH
						   : RL_MS_BODY;
			lp = add_para(&bd, sid, b, NULL, i);
			break;
		default:
			continue; /* metadata, headers: not on the page */
		}
		if (b->flags & RL_BF_PAGE_BREAK_BEFORE)
			lp->page_break_before = 1;
		after_heading = 0;
	}
	return f;
}
