/* Layout engine (see layout.h). Two phases: every paragraph is broken into
 * lines at the width it has (body, column, table cell); then the lines flow
 * onto pages, with spacing, keep and widow rules, tables row by row. */
#include "layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "fonts.h"
#include "buf.h"
#include "utf8.h"

/* Auto (HTML) paragraph spacing: LibreOffice's 14 pt (page-fit.md §1.4). */
#define AUTO_SPACING_PT 14.0
/* A width this close to the limit still fits (rounding in the renderers). */
#define FIT_EPSILON 0.01
/* Widow and orphan control keep this many lines together (LibreOffice). */
#define WIDOW_LINES 2

struct pline {
	uint32_t start, end;
	float height;
	uint8_t visible;
	float obj_h;         /* the tallest inline picture or shape on it */
};

/* A paragraph broken into lines. */
struct pinfo {
	struct pline *lines;
	size_t nlines;
	double height;       /* lines only */
	double before, after;
	int in_flow;         /* laid out in the page flow (not header, text box ...) */
};

struct ctx {
	const struct rl_layout_facts *f;
	const struct rl_font **fonts;
	int *font_exact;
	struct pinfo *p;
	struct rl_layout_result *out;
	size_t cap_lines;
	/* the flow */
	unsigned page;
	double y;            /* used height on the page */
	double body_h;
	double width;        /* the width paragraphs are laid out at now */
	int page_has_content;
	int page_by_break;   /* this page began with an explicit break */
	size_t prev;         /* previous paragraph placed, or SIZE_MAX */
	double last_visible_bottom;
	unsigned last_visible_page;
};

/* ---- geometry ---- */

static const struct rl_lf_section *section_of(const struct ctx *c, unsigned s)
{
	return &c->f->sections[s < c->f->nsections ? s : c->f->nsections - 1];
}

static double text_width(const struct rl_lf_section *s)
{
	double w = s->page_w - s->m_left - s->m_right - s->gutter;
	return w > 36 ? w : 36;
}

static double column_width(const struct rl_lf_section *s)
{
	unsigned n = s->columns ? s->columns : 1;
	double w = (text_width(s) - (n - 1) * s->column_space) / n;
	return w > 18 ? w : 18;
}

static double body_height(const struct rl_lf_section *s)
{
	double top = s->m_top, bottom = s->m_bottom;
	/* a header or footer taller than its room pushes the body */
	if (s->header_height > 0 && s->m_header + s->header_height > top)
		top = s->m_header + s->header_height;
	if (s->footer_height > 0 && s->m_footer + s->footer_height > bottom)
		bottom = s->m_footer + s->footer_height;
	double h = s->page_h - top - bottom;
	return h > 36 ? h : 36;
}

/* ---- measuring ---- */

static const struct rl_font *font_of(struct ctx *c, unsigned idx)
{
	if (idx >= c->f->nfonts)
		return rl_font_find(NULL, NULL);
	if (!c->fonts[idx]) {
		int exact = 0;
		c->fonts[idx] = rl_font_find(c->f->fonts[idx], &exact);
		c->font_exact[idx] = exact;
		if (!exact)
			c->out->reasons |= RL_LAYOUT_UNKNOWN_FONT;
	}
	return c->fonts[idx];
}

static uint32_t upper(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z')
		return cp - 32;
	if ((cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) || (cp >= 0x430 && cp <= 0x44F))
		return cp - 32;
	return cp;
}

/* The run holding byte i, starting the search at *hint. */
static const struct rl_lf_run *run_at(const struct rl_lf_para *lp, size_t i, size_t *hint)
{
	size_t k = *hint;
	if (k >= lp->nruns)
		k = 0;
	while (k < lp->nruns && lp->runs[k].off + lp->runs[k].len <= i)
		k++;
	if (k < lp->nruns && lp->runs[k].off <= i) {
		*hint = k;
		return &lp->runs[k];
	}
	return NULL;
}

static double advance(struct ctx *c, const struct rl_lf_para *lp, const struct rl_lf_run *r, uint32_t cp)
{
	double size = r ? r->size : lp->mark_size;
	const struct rl_font *font = font_of(c, r ? r->font : lp->mark_font);
	int bold = r && r->bold;
	if (r && (r->caps || r->small_caps)) {
		uint32_t up = upper(cp);
		if (r->small_caps && up != cp)
			size *= 0.8; /* small capitals are smaller capitals */
		cp = up;
	}
	/* w:w scales the glyph, not the letter spacing added after it */
	double scale = r && r->scale > 0 ? r->scale : 1.0;
	return rl_font_advance(font, cp, bold) * size * scale + (r ? r->spacing : 0);
}

/* Single line height, ascent and descent of the runs over bytes [a, b). */
static void line_metrics(struct ctx *c, const struct rl_lf_para *lp, size_t a, size_t b, double *asc, double *desc)
{
	*asc = *desc = 0;
	for (size_t k = 0; k < lp->nruns; k++) {
		const struct rl_lf_run *r = &lp->runs[k];
		if (r->off + r->len <= a || r->off >= b || !r->len)
			continue;
		const struct rl_font *font = font_of(c, r->font);
		double as = rl_font_ascent(font) * r->size, de = rl_font_descent(font) * r->size;
		if (as > *asc)
			*asc = as;
		if (de > *desc)
			*desc = de;
	}
	if (*asc == 0 && *desc == 0) {
		/* no glyphs: the paragraph mark's font sets the height */
		const struct rl_font *font = font_of(c, lp->mark_font);
		*asc = rl_font_ascent(font) * lp->mark_size;
		*desc = rl_font_descent(font) * lp->mark_size;
	}
}

static double apply_line_rule(const struct rl_lf_para *lp, double single)
{
	switch (lp->line_rule) {
	case RL_LINE_EXACT:
		return lp->line > 0 ? lp->line : single;
	case RL_LINE_AT_LEAST:
		return lp->line > single ? lp->line : single;
	case RL_LINE_AUTO:
	default: {
		/* LibreOffice keeps proportional spacing as a whole percent */
		double pct = floor(lp->line * 100.0 + 0.5) / 100.0;
		if (pct < 0.5)
			pct = 0.5;
		return single * pct;
	}
	}
}

/* ---- line breaking ---- */

struct breaker {
	struct pline *v;
	size_t n, cap;
};

static void add_line(struct breaker *br, uint32_t s, uint32_t e, double obj_h)
{
	RL_GROW(br->v, br->n, br->cap);
	br->v[br->n].start = s;
	br->v[br->n].end = e;
	br->v[br->n].height = 0;
	br->v[br->n].visible = 0;
	br->v[br->n].obj_h = (float)obj_h;
	br->n++;
}

/* An inline picture or shape that takes room on a line. */
static int inline_object(const struct rl_lf_drawing *d)
{
	return d->inline_ && (d->width > 0 || d->height > 0);
}

/* Width of the text from i up to the next tab or line end. */
static double segment_width(struct ctx *c, const struct rl_lf_para *lp, size_t i)
{
	double w = 0;
	size_t hint = 0;
	while (i < lp->text_len) {
		char ch = lp->text[i];
		if (ch == '\t' || ch == '\n' || ch == '\f' || ch == '\v')
			break;
		uint32_t cp;
		size_t n = rl_utf8_decode(lp->text + i, lp->text_len - i, &cp, NULL);
		w += advance(c, lp, run_at(lp, i, &hint), cp);
		i += n;
	}
	return w;
}

/* Where a tab at x takes the text, or a negative value when it wraps. */
static double tab_target(struct ctx *c, const struct rl_lf_para *lp, size_t after, double x, double limit,
			 double hang_stop)
{
	if (hang_stop > x + FIT_EPSILON)
		return hang_stop; /* a hanging indent is a tab stop (Word) */
	for (size_t t = 0; t < lp->ntabs; t++) {
		const struct rl_lf_tab *tab = &lp->tabs[t];
		if (tab->pos <= x + FIT_EPSILON || tab->kind == RL_TAB_BAR)
			continue;
		double seg = segment_width(c, lp, after);
		switch (tab->kind) {
		case RL_TAB_RIGHT:
		case RL_TAB_DECIMAL:
			return tab->pos - seg > x ? tab->pos - seg : x;
		case RL_TAB_CENTER:
			return tab->pos - seg / 2 > x ? tab->pos - seg / 2 : x;
		default:
			return tab->pos;
		}
	}
	double step = c->f->default_tab > 0 ? c->f->default_tab : 36;
	double next = (floor(x / step + 1e-6) + 1) * step;
	return next <= limit + FIT_EPSILON ? next : -1;
}

/* Breaks paragraph lp into lines of width (limit − indents). Inline
 * pictures and shapes sit in the text like wide characters (LibreOffice
 * wraps them as one glyph, with a break allowed on either side). */
static void break_lines(struct ctx *c, const struct rl_lf_para *lp, double width, struct breaker *br)
{
	double limit = width - lp->ind_right;
	/* a list item's text starts at the indent (its label hangs before it) */
	double first_x = lp->list ? lp->ind_left : lp->ind_left + lp->ind_first;
	double rest_x = lp->ind_left;
	double hang_stop = lp->ind_first < 0 && !lp->list ? lp->ind_left : -1;
	if (first_x < 0)
		first_x = 0;
	size_t i = 0, line_start = 0, brk = SIZE_MAX, hint = 0;
	size_t d = 0, brk_d = 0;      /* next inline object; the one after brk */
	double obj = 0, brk_obj = 0;  /* tallest object on the line; before brk */
	double x = first_x;
	int content = 0;
	for (;;) {
		/* objects anchored before byte i */
		while (d < lp->ndrawings && lp->drawings[d].off <= i) {
			const struct rl_lf_drawing *dr = &lp->drawings[d++];
			if (!inline_object(dr))
				continue;
			if (x + dr->width > limit + FIT_EPSILON && content) {
				add_line(br, (uint32_t)line_start, (uint32_t)i, obj);
				line_start = i;
				x = rest_x;
				content = 0;
				obj = 0;
			}
			x += dr->width;
			if (dr->height > obj)
				obj = dr->height;
			content = 1;
			brk = i;
			brk_d = d;
			brk_obj = obj;
		}
		if (i >= lp->text_len)
			break;
		char ch = lp->text[i];
		if (ch == '\n' || ch == '\f' || ch == '\v') {
			add_line(br, (uint32_t)line_start, (uint32_t)i + 1, obj);
			i++;
			line_start = i;
			x = rest_x;
			brk = SIZE_MAX;
			content = 0;
			obj = 0;
			hang_stop = -1;
			continue;
		}
		if (ch == '\t') {
			double to = tab_target(c, lp, i + 1, x, limit, hang_stop);
			hang_stop = -1;
			if (to < 0 && content) {
				add_line(br, (uint32_t)line_start, (uint32_t)i, obj);
				line_start = i;
				x = rest_x;
				brk = SIZE_MAX;
				content = 0;
				obj = 0;
				continue;
			}
			x = to < 0 ? rest_x : to;
			brk = i + 1;
			brk_d = d;
			brk_obj = obj;
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = rl_utf8_decode(lp->text + i, lp->text_len - i, &cp, NULL);
		double w = advance(c, lp, run_at(lp, i, &hint), cp);
		if (cp == ' ' || cp == 0x3000) {
			/* spaces hang past the margin */
			x += w;
			brk = i + n;
			brk_d = d;
			brk_obj = obj;
			i += n;
			continue;
		}
		if (x + w > limit + FIT_EPSILON && content) {
			int at_brk = brk != SIZE_MAX && brk > line_start;
			size_t at = at_brk ? brk : i;
			add_line(br, (uint32_t)line_start, (uint32_t)at, at_brk ? brk_obj : obj);
			line_start = at;
			i = at;
			if (at_brk)
				d = brk_d; /* objects past the break go again, on the next line */
			x = rest_x;
			brk = SIZE_MAX;
			content = 0;
			obj = 0;
			hint = 0;
			continue;
		}
		x += w;
		content = 1;
		i += n;
		/* a line may break after a hyphen, and anywhere in CJK text */
		if (cp == '-' || cp == 0x2010 || cp == 0x2013 || (cp >= 0x2E80 && cp <= 0x9FFF) ||
		    (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF)) {
			brk = i;
			brk_d = d;
			brk_obj = obj;
		}
	}
	/* a line break that ends the paragraph still starts a line: the
	 * paragraph mark sits on it (LibreOffice and Word show it empty) */
	if (line_start < lp->text_len || br->n == 0 || obj > 0 ||
	    (lp->text_len && lp->text[lp->text_len - 1] == '\n'))
		add_line(br, (uint32_t)line_start, (uint32_t)lp->text_len, obj);
}

static int has_glyphs(const struct rl_lf_para *lp, size_t a, size_t b)
{
	for (size_t i = a; i < b && i < lp->text_len; i++) {
		char ch = lp->text[i];
		if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\f' && ch != '\v' && ch != '\r')
			return 1;
	}
	return 0;
}

/* Lays paragraph i out at width: its lines and their heights. */
static void layout_para(struct ctx *c, size_t i, double width)
{
	const struct rl_lf_para *lp = &c->f->paras[i];
	struct pinfo *pi = &c->p[i];
	struct breaker br = { NULL, 0, 0 };
	free(pi->lines);
	break_lines(c, lp, width, &br);
	pi->height = 0;
	for (size_t k = 0; k < br.n; k++) {
		struct pline *l = &br.v[k];
		double asc, desc;
		l->visible = (uint8_t)has_glyphs(lp, l->start, l->end);
		line_metrics(c, lp, l->visible ? l->start : 0, l->visible ? l->end : 0, &asc, &desc);
		double single = asc + desc, h = apply_line_rule(lp, single);
		if (l->obj_h > 0) {
			/* an inline picture on the line (LibreOffice: its height,
			 * on the baseline above the text's descent, then the text's
			 * extra proportional space) */
			double extra = h - single, inline_h = l->obj_h;
			h = (l->visible ? (inline_h > asc ? inline_h : asc) + desc : inline_h) + extra;
			l->visible = 1;
		}
		l->height = (float)h;
		pi->height += h;
	}
	pi->lines = br.v;
	pi->nlines = br.n;
	pi->before = lp->before_auto ? AUTO_SPACING_PT : lp->space_before;
	pi->after = lp->after_auto ? AUTO_SPACING_PT : lp->space_after;
}

/* ---- the flow ---- */

static void emit(struct ctx *c, size_t para, const struct pline *l, double y)
{
	struct rl_layout_result *out = c->out;
	RL_GROW(out->lines, out->nlines, c->cap_lines);
	struct rl_line_box *b = &out->lines[out->nlines++];
	b->para = (uint32_t)para;
	b->start = l->start;
	b->end = l->end;
	b->page = c->page;
	b->y = (float)y;
	b->height = l->height;
	b->visible = l->visible;
	if (l->visible) {
		c->last_visible_bottom = y + l->height;
		c->last_visible_page = c->page;
	}
}

static void new_page(struct ctx *c, int by_break)
{
	c->page++;
	c->y = 0;
	c->page_has_content = 0;
	c->page_by_break = by_break;
}

/* The gap between the previous paragraph and paragraph i. */
static double gap_before(struct ctx *c, size_t i)
{
	const struct rl_lf_para *lp = &c->f->paras[i];
	double before = c->p[i].before;
	if (c->prev == SIZE_MAX)
		return before;
	const struct rl_lf_para *pp = &c->f->paras[c->prev];
	double after = c->p[c->prev].after;
	/* contextual spacing: between paragraphs of one style, each drops the
	 * space it has on the side facing the other */
	if (pp->style == lp->style) {
		if (lp->contextual)
			before = 0;
		if (pp->contextual)
			after = 0;
	}
	/* HTML auto spacing inside a list: LibreOffice's Word import sets both
	 * sides to 0 between consecutive items of one list (same w:numId) when
	 * the paragraphs themselves, not their style, ask for auto spacing
	 * (writerfilter DomainMapper_Impl::finishParagraph; style-level auto
	 * spacing, as in NormalWeb, is kept) */
	if (lp->num_id && pp->num_id == lp->num_id && (lp->auto_direct & 1) && (pp->auto_direct & 2) &&
	    !pp->table == !lp->table) {
		before = 0;
		after = 0;
	}
	return c->f->add_spacing ? before + after : (before > after ? before : after);
}

/* Height of paragraph i's first n lines. */
static double first_lines(const struct pinfo *pi, size_t n)
{
	double h = 0;
	for (size_t k = 0; k < n && k < pi->nlines; k++)
		h += pi->lines[k].height;
	return h;
}

/* Next paragraph in the flow after i, or SIZE_MAX. */
static size_t next_in_flow(const struct ctx *c, size_t i)
{
	for (size_t k = i + 1; k < c->f->nparas; k++)
		if (c->p[k].in_flow)
			return k;
	return SIZE_MAX;
}

/* Room a keep-with-next chain starting at i needs on one page. */
static double keep_chain(struct ctx *c, size_t i, double gap)
{
	double need = gap + c->p[i].height;
	size_t k = i;
	for (int guard = 0; guard < 64; guard++) {
		const struct rl_lf_para *lp = &c->f->paras[k];
		size_t next = next_in_flow(c, k);
		if (!lp->keep_next || next == SIZE_MAX || c->f->paras[next].table)
			break;
		if (!c->p[next].lines)
			layout_para(c, next, c->width); /* not reached yet: measure it now */
		double g = c->f->add_spacing ? c->p[k].after + c->p[next].before
					     : (c->p[k].after > c->p[next].before ? c->p[k].after : c->p[next].before);
		const struct rl_lf_para *np = &c->f->paras[next];
		size_t want = np->widow_control && c->p[next].nlines >= WIDOW_LINES ? WIDOW_LINES : 1;
		if (np->keep_next || np->keep_lines)
			want = c->p[next].nlines;
		need += g + first_lines(&c->p[next], want);
		if (!np->keep_next)
			break;
		k = next;
	}
	return need;
}

static void place_para(struct ctx *c, size_t i)
{
	const struct rl_lf_para *lp = &c->f->paras[i];
	struct pinfo *pi = &c->p[i];
	int forced = lp->page_break_before && c->page_has_content;
	if (forced)
		new_page(c, 1);
	double gap = gap_before(c, i);
	if (!c->page_has_content && c->page > 1 && !c->page_by_break)
		gap = 0; /* a page reached by a natural break drops the space before */
	double avail = c->body_h - c->y;
	/* keep with next: the chain moves to a new page when it does not fit */
	if (lp->keep_next && c->page_has_content) {
		double need = keep_chain(c, i, gap);
		if (need > avail + FIT_EPSILON && need <= c->body_h) {
			new_page(c, 0);
			gap = 0;
			avail = c->body_h;
		}
	}
	size_t k = 0;
	double y = c->y + gap;
	while (k < pi->nlines) {
		/* how many of the remaining lines fit here */
		size_t fit = 0;
		double h = 0;
		while (k + fit < pi->nlines && y + h + pi->lines[k + fit].height <= c->body_h + FIT_EPSILON) {
			h += pi->lines[k + fit].height;
			fit++;
		}
		size_t left = pi->nlines - k;
		if (fit < left) {
			if (lp->keep_lines && k == 0 && pi->height <= c->body_h)
				fit = 0;
			else if (lp->widow_control) {
				if (fit < WIDOW_LINES && left > fit)
					fit = 0; /* an orphan: the first line alone at the bottom */
				else if (left - fit < WIDOW_LINES && left >= 2 * WIDOW_LINES)
					fit = left - WIDOW_LINES; /* a widow: the last line alone on top */
				else if (left - fit < WIDOW_LINES)
					fit = left > WIDOW_LINES ? left - WIDOW_LINES : 0;
				/* keeping the widow off may leave an orphan: then the
				 * paragraph moves whole (3 lines with room for 2) */
				if (fit > 0 && fit < WIDOW_LINES && k == 0)
					fit = 0;
			}
			if (fit == 0 && !c->page_has_content && y <= gap + FIT_EPSILON)
				fit = 1; /* a line taller than the page: it has to go somewhere */
		}
		for (size_t n = 0; n < fit; n++) {
			emit(c, i, &pi->lines[k + n], y);
			y += pi->lines[k + n].height;
			c->page_has_content = 1;
		}
		k += fit;
		if (k < pi->nlines) {
			c->y = y;
			new_page(c, 0);
			y = 0;
		}
	}
	c->y = y;
	c->prev = i;
	/* page and column breaks inside the paragraph: in newspaper columns a
	 * column break goes to the next column, which the section's height
	 * already holds (column_factor); with one column it starts a page */
	unsigned breaks = lp->page_breaks + (section_of(c, lp->section)->columns > 1 ? 0 : lp->column_breaks);
	for (unsigned b = 0; b < breaks; b++)
		new_page(c, 1);
}

/* ---- tables ---- */

static double cell_width(const struct rl_lf_table *t, unsigned col, unsigned span, double fallback_w)
{
	double w = 0;
	if (!t->ncols)
		return fallback_w / 2;
	for (unsigned k = col; k < col + (span ? span : 1) && k < t->ncols; k++)
		w += t->grid[k];
	return w > 0 ? w : fallback_w / (double)t->ncols;
}

/* The paragraphs of table number tn (1-based), from index first: [first, *end). */
static size_t table_end(const struct ctx *c, size_t first, unsigned tn)
{
	size_t i = first;
	while (i < c->f->nparas && c->f->paras[i].table && c->p[i].in_flow &&
	       (c->f->paras[i].table == tn || c->f->tables[c->f->paras[i].table - 1].nested))
		i++;
	return i;
}

/* Grid columns a table's rows are measured in; wider tables share the last. */
#define TABLE_COLS 64

/* A cell being measured: its content, margins and borders. */
struct cell {
	double content, last_after, mar_top, mar_bottom;
	double border_top, border_bottom; /* w:tcBorders, < 0 when the table's apply */
	int started;
	uint8_t vmerge;
};

/* Height of row r from its cells, and the merges it starts or continues
 * (merge_h: content a vertical merge's first cell needs over its rows). */
static double row_height(const struct rl_lf_table *t, unsigned r, const struct cell *cells, double *merge_h,
			 const struct cell *prev_cells)
{
	double h = 0, line = 0;
	for (unsigned k = 0; k < TABLE_COLS; k++) {
		const struct cell *cl = &cells[k];
		merge_h[k] = -1;
		if (!cl->started || cl->vmerge == 2)
			continue;
		double need = cl->mar_top + cl->content + cl->last_after + cl->mar_bottom;
		if (cl->vmerge == 1)
			merge_h[k] = need; /* spread over the rows it spans */
		else if (need > h)
			h = need;
		/* the line above the row: the cell's own top border, else the
		 * table's top edge (first row) or its inside line */
		double b = cl->border_top >= 0 ? cl->border_top : r == 0 ? t->border_top : t->border_inside_h;
		if (b > line)
			line = b;
	}
	/* a bottom border the row above gives its cells is the same line */
	for (unsigned k = 0; prev_cells && k < TABLE_COLS; k++)
		if (prev_cells[k].started && prev_cells[k].border_bottom > line)
			line = prev_cells[k].border_bottom;
	/* LibreOffice adds the border line to the row (one line a row; the
	 * last row also its bottom edge, see place_table): a controlled test
	 * gives exactly 0.5 and 3 pt more a row for 0.5 and 3 pt borders
	 * (page-fit-real.md 3.1 #12) */
	h += line;
	if (r < t->rows && t->row_height[r] > 0)
		h = t->row_exact[r] ? t->row_height[r] : (h > t->row_height[r] ? h : t->row_height[r]);
	return h;
}

/* Ends a vertical merge over rows [from, last]: the last row grows when
 * the merged cell needs more than the rows give. */
static void close_merge(double *row_h, unsigned nrows, unsigned from, unsigned last, double need, unsigned *open)
{
	double have = 0;
	if (last >= nrows)
		last = nrows - 1;
	for (unsigned r = from; r <= last; r++)
		have += row_h[r];
	if (need > have)
		row_h[last] += need - have;
	*open = 0;
}

static void place_table(struct ctx *c, size_t first, size_t end, double width)
{
	const struct rl_lf_para *fp = &c->f->paras[first];
	const struct rl_lf_table *t = &c->f->tables[fp->table - 1];
	unsigned nrows = t->rows ? t->rows : 1;
	double *row_h = rl_xcalloc(nrows, sizeof *row_h);
	struct cell cells[TABLE_COLS], prev_cells[TABLE_COLS];
	double merge_h[TABLE_COLS];
	unsigned merge_row[TABLE_COLS];
	int have_prev = 0;
	memset(cells, 0, sizeof cells);
	for (unsigned k = 0; k < TABLE_COLS; k++) {
		merge_h[k] = 0;
		merge_row[k] = 0; /* 1-based first row of an open merge, 0 for none */
	}
	/* the space above a table is the paragraph before it's; the first
	 * cell paragraph's own space sits inside its cell */
	double gap = c->prev != SIZE_MAX ? c->p[c->prev].after : 0;
	if (!c->page_has_content && c->page > 1 && !c->page_by_break)
		gap = 0;
	c->y += gap;
	if (t->borders || t->nested)
		c->out->reasons |= RL_LAYOUT_TABLES;
	unsigned row = fp->row < nrows ? fp->row : nrows - 1, col = 0, span = 1;
	double bottom_line = 0;
	size_t i = first;
	while (i <= end) {
		const struct rl_lf_para *lp = i < end ? &c->f->paras[i] : NULL;
		int row_done = !lp || (lp->table == fp->table && lp->row != row);
		if (row_done) {
			/* a vertical merge ends at the row above one that does not
			 * continue it: its rows must hold its first cell's content */
			for (unsigned k = 0; k < TABLE_COLS; k++)
				if (merge_row[k] && !(cells[k].started && cells[k].vmerge == 2 && lp))
					close_merge(row_h, nrows, merge_row[k] - 1,
						    cells[k].started && cells[k].vmerge == 2 ? row : (row ? row - 1 : 0),
						    merge_h[k], &merge_row[k]);
			double start_h[TABLE_COLS];
			row_h[row] = row_height(t, row, cells, start_h, have_prev ? prev_cells : NULL);
			for (unsigned k = 0; k < TABLE_COLS; k++) {
				if (start_h[k] < 0)
					continue;
				if (!lp) {
					unsigned none = 1;
					close_merge(row_h, nrows, row, row, start_h[k], &none);
					continue;
				}
				merge_h[k] = start_h[k];
				merge_row[k] = row + 1;
			}
			if (!lp) {
				/* the table's bottom edge under its last row */
				for (unsigned k = 0; k < TABLE_COLS; k++) {
					if (!cells[k].started)
						continue;
					double b = cells[k].border_bottom >= 0 ? cells[k].border_bottom : t->border_bottom;
					if (b > bottom_line)
						bottom_line = b;
				}
				break;
			}
			memcpy(prev_cells, cells, sizeof cells);
			have_prev = 1;
			memset(cells, 0, sizeof cells);
			row = lp->row < nrows ? lp->row : nrows - 1;
		}
		if (lp->table == fp->table) {
			col = lp->col < TABLE_COLS ? lp->col : TABLE_COLS - 1;
			span = lp->col_span;
		}
		struct cell *cl = &cells[col];
		if (!cl->started && lp->table == fp->table) {
			cl->mar_top = lp->cell_mar[0];
			cl->mar_bottom = lp->cell_mar[1];
			cl->border_top = lp->cell_border_top;
			cl->border_bottom = lp->cell_border_bottom;
			cl->vmerge = lp->vmerge;
		}
		double ml = lp->table == fp->table ? lp->cell_mar[2] : t->cell_margin_left;
		double mr = lp->table == fp->table ? lp->cell_mar[3] : t->cell_margin_right;
		double w = cell_width(t, col, lp->table == fp->table ? span : 1, width) - ml - mr;
		layout_para(c, i, w > 18 ? w : 18);
		struct pinfo *pi = &c->p[i];
		double g = cl->started ? (cl->last_after > pi->before ? cl->last_after : pi->before) : pi->before;
		cl->content += g + pi->height;
		cl->last_after = pi->after;
		cl->started = 1;
		i++;
	}
	/* rows flow like tall lines: one that does not fit breaks across pages */
	for (unsigned r = 0; r < nrows; r++) {
		double h = row_h[r] + (r + 1 == nrows ? bottom_line : 0);
		while (h > 0) {
			double avail = c->body_h - c->y;
			if (h <= avail + FIT_EPSILON) {
				struct pline l = { 0, 0, (float)h, 1, 0 };
				emit(c, first, &l, c->y);
				c->y += h;
				c->page_has_content = 1;
				break;
			}
			/* a row taller than a whole page breaks on the empty page too:
			 * waiting for a page it fits on looped forever (fuzzing:
			 * tests/hostile/yaml-flow-storm.md) */
			if (avail > 0 && (c->page_has_content || h > c->body_h)) {
				struct pline l = { 0, 0, (float)avail, 1, 0 };
				emit(c, first, &l, c->y);
				c->page_has_content = 1;
				h -= avail;
			}
			new_page(c, 0);
		}
	}
	free(row_h);
	/* the paragraph after a table keeps only its own space before: the last
	 * cell paragraph's space after is inside its cell */
	c->prev = SIZE_MAX;
}

/* ---- headers and footers ---- */

static double margin_height(struct ctx *c, int footer, double width)
{
	double h = 0;
	size_t prev = SIZE_MAX;
	for (size_t i = 0; i < c->f->nparas; i++) {
		const struct rl_lf_para *lp = &c->f->paras[i];
		if (!(footer ? lp->in_footer : lp->in_header) || lp->in_textbox)
			continue;
		layout_para(c, i, width);
		double before = c->p[i].before;
		if (prev != SIZE_MAX && c->p[prev].after > before)
			before = c->p[prev].after;
		h += (prev == SIZE_MAX ? c->p[i].before : before) + c->p[i].height;
		prev = i;
	}
	if (prev != SIZE_MAX)
		h += c->p[prev].after;
	return h;
}

/* ---- newspaper columns ---- */

/* The share of its one-column height a section with n columns takes on the
 * page. A continuous section that another follows is balanced
 * (LibreOffice, like Word, evens the columns out at the section end):
 * the height is the text's 1/n, but never less than its tallest line, nor
 * than the text a column break keeps in one column. The last section is
 * not balanced; its columns fill the page, about 1/n as well. */
static double column_factor(struct ctx *c, unsigned si)
{
	const struct rl_layout_facts *f = c->f;
	const struct rl_lf_section *sec = section_of(c, si);
	unsigned n = sec->columns;
	if (n <= 1)
		return 1.0;
	double total = 0, group = 0, tallest = 0, tallest_group = 0, width = column_width(sec);
	size_t prev = SIZE_MAX;
	int breaks = 0;
	for (size_t i = 0; i < f->nparas; i++) {
		const struct rl_lf_para *lp = &f->paras[i];
		if (lp->section != si || !c->p[i].in_flow || lp->table)
			continue;
		layout_para(c, i, width);
		const struct pinfo *pi = &c->p[i];
		double gap = prev == SIZE_MAX ? pi->before : (c->p[prev].after > pi->before ? c->p[prev].after : pi->before);
		double h = gap + pi->height;
		for (size_t k = 0; k < pi->nlines; k++)
			if (pi->lines[k].height > tallest)
				tallest = pi->lines[k].height;
		total += h;
		group += h;
		prev = i;
		if (lp->column_breaks) {
			breaks = 1;
			if (group > tallest_group)
				tallest_group = group;
			group = 0;
		}
	}
	if (group > tallest_group)
		tallest_group = group;
	if (total <= 0)
		return 1.0 / n;
	if (si + 1 >= f->nsections)
		return 1.0 / n;
	double h = total / n;
	if (h < tallest)
		h = tallest;
	if (breaks && h < tallest_group)
		h = tallest_group;
	return h < total ? h / total : 1.0;
}

/* ---- the whole ---- */

void rl_layout_run(const struct rl_layout_facts *f, struct rl_layout_result *out)
{
	struct ctx c;
	memset(out, 0, sizeof *out);
	memset(&c, 0, sizeof c);
	if (!f || !f->nsections) {
		out->pages = 1;
		return;
	}
	c.f = f;
	c.out = out;
	c.fonts = rl_xcalloc(f->nfonts ? f->nfonts : 1, sizeof *c.fonts);
	c.font_exact = rl_xcalloc(f->nfonts ? f->nfonts : 1, sizeof *c.font_exact);
	c.p = rl_xcalloc(f->nparas ? f->nparas : 1, sizeof *c.p);
	c.prev = SIZE_MAX;
	c.page = 1;

	/* headers and footers: their heights push the body (every section
	 * takes the first one's: only default parts are read) */
	struct rl_lf_section *secs = rl_xreallocarray(NULL, f->nsections, sizeof *secs);
	memcpy(secs, f->sections, f->nsections * sizeof *secs);
	double hh = margin_height(&c, 0, text_width(&secs[0])), fh = margin_height(&c, 1, text_width(&secs[0]));
	for (size_t s = 0; s < f->nsections; s++) {
		if (secs[s].header_height <= 0)
			secs[s].header_height = (float)hh;
		if (secs[s].footer_height <= 0)
			secs[s].footer_height = (float)fh;
		if (secs[s].columns > 1)
			out->reasons |= RL_LAYOUT_COLUMNS;
	}
	if (f->nsections > 1)
		out->reasons |= RL_LAYOUT_SECTIONS;
	if (f->textboxes)
		out->reasons |= RL_LAYOUT_TEXT_BOXES;
	if (f->missing_styles)
		out->reasons |= RL_LAYOUT_MISSING_STYLES;
	struct rl_layout_facts local = *f;
	local.sections = secs;
	c.f = &local;

	/* what is in the flow: not headers, footers or text boxes; an empty
	 * paragraph that only ends a section is dropped (LibreOffice) */
	for (size_t i = 0; i < f->nparas; i++) {
		const struct rl_lf_para *lp = &f->paras[i];
		c.p[i].in_flow = !lp->in_header && !lp->in_footer && !lp->in_textbox;
		if (lp->section_break && !has_glyphs(lp, 0, lp->text_len) && !lp->ndrawings && i + 1 < f->nparas)
			c.p[i].in_flow = 0;
		for (size_t d = 0; d < lp->ndrawings; d++)
			if (!lp->drawings[d].inline_)
				out->reasons |= RL_LAYOUT_FLOATING;
	}

	double *factor = rl_xcalloc(f->nsections, sizeof *factor);
	for (size_t k = 0; k < f->nsections; k++)
		factor[k] = column_factor(&c, (unsigned)k);
	unsigned cur_sec = 0;
	const struct rl_lf_section *sec = section_of(&c, 0);
	c.body_h = body_height(sec);
	out->body_height = c.body_h;
	out->body_width = text_width(sec);
	c.last_visible_page = 1;
	for (size_t i = 0; i < f->nparas; i++) {
		const struct rl_lf_para *lp = &f->paras[i];
		if (!c.p[i].in_flow)
			continue;
		if (lp->section != cur_sec) {
			cur_sec = lp->section;
			sec = section_of(&c, cur_sec);
			if (sec->starts_new_page && c.page_has_content)
				new_page(&c, 1);
			if (!c.page_has_content)
				c.body_h = body_height(sec);
		}
		double width = column_width(sec);
		if (lp->table) {
			size_t end = table_end(&c, i, lp->table);
			place_table(&c, i, end, width);
			i = end - 1;
			continue;
		}
		c.width = width;
		layout_para(&c, i, width);
		if (sec->columns > 1) {
			/* newspaper columns: the section takes a share of its one
			 * column height (column_factor) */
			struct pinfo *pi = &c.p[i];
			double k_ = factor[cur_sec < f->nsections ? cur_sec : f->nsections - 1];
			for (size_t k = 0; k < pi->nlines; k++)
				pi->lines[k].height = (float)(pi->lines[k].height * k_);
			pi->height *= k_;
			pi->before *= k_;
			pi->after *= k_;
		}
		place_para(&c, i);
		const struct rl_lf_para *np = i + 1 < f->nparas ? &f->paras[i + 1] : NULL;
		(void)np;
	}
	out->pages = c.page;
	/* the flow's end may be an empty page pushed by trailing empty lines;
	 * the height counts to the last line with text */
	out->total = (c.last_visible_page - 1) + c.last_visible_bottom / c.body_h;
	for (size_t i = 0; i < f->nparas; i++)
		free(c.p[i].lines);
	free(c.p);
	free(c.fonts);
	free(c.font_exact);
	free(secs);
	free(factor);
}

void rl_layout_result_free(struct rl_layout_result *r)
{
	free(r->lines);
	memset(r, 0, sizeof *r);
}

void rl_layout_dump(const struct rl_layout_facts *f, const struct rl_layout_result *r, struct rl_buf *out)
{
	size_t li = 0;
	rl_buf_addf(out, "# pages %u, total %.3f, body %.1f x %.1f pt\n", r->pages, r->total, r->body_width,
		    r->body_height);
	for (size_t i = 0; i < f->nparas; i++) {
		const struct rl_lf_para *lp = &f->paras[i];
		size_t n = 0;
		double h = 0;
		unsigned page = 0;
		float y = 0;
		while (li < r->nlines && r->lines[li].para < i)
			li++;
		for (size_t k = li; k < r->nlines && r->lines[k].para == i; k++) {
			if (!n) {
				page = r->lines[k].page;
				y = r->lines[k].y;
			}
			n++;
			h += r->lines[k].height;
		}
		rl_buf_addf(out, "%zu\tp%u y%.1f\t%zu lines %.1f pt\tbefore %.1f after %.1f\tstyle %u sec %u%s%s%s\t%.60s\n",
			    i, page, y, n, h, lp->space_before, lp->space_after, lp->style, lp->section, lp->table ? " table" : "",
			    lp->in_header ? " header" : lp->in_footer ? " footer" : "", lp->in_textbox ? " textbox" : "",
			    lp->text);
	}
}
