/* Assembling the document model from a Word body. */
#include "build.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"

/* Paragraphs by number: the source has one line per <w:p> counted. */
static const struct wd_para **by_number(const struct wd_body *b, unsigned *max)
{
	unsigned alt = 0;
	for (size_t i = 0; i < b->nparas; i++)
		alt += b->paras[i].alt_text != 0;
	*max = b->counter + alt;
	const struct wd_para **v = rl_xcalloc(*max + 1, sizeof *v);
	unsigned next_alt = b->counter;
	for (size_t i = 0; i < b->nparas; i++) {
		if (b->paras[i].alt_text)
			v[++next_alt] = &b->paras[i]; /* after every <w:p> */
		else if (b->paras[i].number <= b->counter)
			v[b->paras[i].number] = &b->paras[i];
	}
	return v;
}

static int has_text(const struct wd_para *p)
{
	for (size_t i = 0; i < p->text.len; i++) {
		char c = p->text.data[i];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
			return 1;
	}
	return 0;
}

static uint16_t font_index(struct rl_layout_facts *f, const char *name)
{
	for (size_t i = 0; i < f->nfonts; i++)
		if (strcmp(f->fonts[i], name) == 0)
			return (uint16_t)i;
	if (f->nfonts >= 65535)
		return 0;
	f->fonts = rl_xreallocarray(f->fonts, f->nfonts + 1, sizeof *f->fonts);
	f->fonts[f->nfonts] = rl_xstrdup(name);
	return (uint16_t)f->nfonts++;
}

static unsigned style_index(char ***names, size_t *n, const char *style)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*names)[i], style) == 0)
			return (unsigned)i;
	*names = rl_xreallocarray(*names, *n + 1, sizeof **names);
	(*names)[*n] = rl_xstrdup(style);
	return (unsigned)(*n)++;
}

/* The block kind and level a paragraph has in the model. */
static enum rl_block_kind block_kind(const struct wd_para *p, const struct wd_styles *s, const struct wd_ppr *pp,
				     unsigned *level)
{
	*level = 0;
	if (p->part == WD_PART_HEADER)
		return RL_BLOCK_PAGE_HEADER;
	if (p->part == WD_PART_FOOTER)
		return RL_BLOCK_PAGE_FOOTER;
	int h = wd_style_heading(s, p->style[0] ? p->style : wd_default_para_style(s));
	if ((p->ppr.set & WD_P_OUTLINE) && p->ppr.outline >= 0 && p->ppr.outline < 9)
		h = p->ppr.outline + 1;
	if (h > 0 && h <= 6) {
		*level = (unsigned)h;
		return RL_BLOCK_HEADING;
	}
	/* a bullet in a layout table's cell is still a bullet (the block keeps
	 * its table, row and column) */
	if (wd_numbering_is_list(s, pp->num_id, pp->ilvl)) {
		*level = (unsigned)(pp->ilvl >= 0 && pp->ilvl < 9 ? pp->ilvl : 0) + 1;
		return RL_BLOCK_LIST_ITEM;
	}
	if (p->table)
		return RL_BLOCK_TABLE_CELL;
	return RL_BLOCK_PARAGRAPH;
}

static void fill_layout_para(struct rl_lf_para *lp, const struct wd_para *p, const struct wd_styles *s,
			     const struct wd_ppr *pp, struct rl_layout_facts *f)
{
	lp->number = p->number;
	lp->text = rl_xstrndup(p->text.data ? p->text.data : "", p->text.len);
	lp->text_len = p->text.len;
	lp->section = p->section;
	lp->space_before = pp->before;
	lp->space_after = pp->after;
	lp->before_auto = pp->before_auto;
	lp->after_auto = pp->after_auto;
	lp->line_rule = pp->line_rule;
	lp->line = pp->line > 0 ? pp->line : 1.0f;
	lp->ind_left = pp->ind_left;
	lp->ind_right = pp->ind_right;
	lp->ind_first = pp->ind_first;
	lp->align = pp->jc;
	lp->keep_next = pp->keep_next;
	lp->keep_lines = pp->keep_lines;
	lp->contextual = pp->contextual;
	lp->page_break_before = pp->page_break_before;
	lp->widow_control = pp->widow;
	lp->list = wd_numbering_is_list(s, pp->num_id, pp->ilvl) != 0;
	lp->num_id = lp->list ? pp->num_id : 0;
	lp->auto_direct = (uint8_t)(((p->ppr.set & WD_P_BEFORE_AUTO) && p->ppr.before_auto ? 1 : 0) |
				    ((p->ppr.set & WD_P_AFTER_AUTO) && p->ppr.after_auto ? 2 : 0));
	lp->in_textbox = p->in_textbox;
	lp->in_header = p->part == WD_PART_HEADER;
	lp->in_footer = p->part == WD_PART_FOOTER;
	lp->table = p->table;
	lp->row = p->row;
	lp->col = p->col;
	lp->col_span = p->col_span ? p->col_span : 1;
	lp->page_breaks = p->page_breaks;
	lp->column_breaks = p->column_breaks;
	lp->rendered_breaks = p->rendered_breaks;
	lp->section_break = (uint8_t)p->section_break;
	if (pp->ntabs) {
		lp->tabs = rl_xreallocarray(NULL, pp->ntabs, sizeof *lp->tabs);
		memcpy(lp->tabs, pp->tabs, pp->ntabs * sizeof *lp->tabs);
		lp->ntabs = pp->ntabs;
	}
	lp->runs = rl_xreallocarray(NULL, p->nruns ? p->nruns : 1, sizeof *lp->runs);
	for (size_t i = 0; i < p->nruns; i++) {
		struct wd_rpr r;
		wd_resolve_rpr(s, p->style, &p->runs[i].rpr, &r);
		struct rl_lf_run *lr = &lp->runs[lp->nruns++];
		lr->off = p->runs[i].off;
		lr->len = p->runs[i].len;
		lr->font = font_index(f, wd_font_of(s, &r));
		lr->size = r.size > 0 ? r.size : 10.0f;
		lr->bold = r.bold;
		lr->italic = r.italic;
		lr->caps = r.caps;
		lr->small_caps = r.small_caps;
		lr->spacing = r.spacing;
		lr->scale = (r.set & WD_R_SCALE) && r.scale > 0 ? r.scale : 1.0f;
	}
	struct wd_rpr mark;
	wd_resolve_rpr(s, p->style, &p->mark, &mark);
	lp->mark_size = mark.size > 0 ? mark.size : 10.0f;
	lp->mark_font = font_index(f, wd_font_of(s, &mark));
}

/* 1 when every run with visible text is bold. */
static int all_bold(const struct rl_lf_para *lp)
{
	int any = 0;
	for (size_t i = 0; i < lp->nruns; i++) {
		const struct rl_lf_run *r = &lp->runs[i];
		int visible = 0;
		for (uint32_t k = 0; k < r->len && !visible; k++) {
			char c = lp->text[r->off + k];
			visible = c != ' ' && c != '\t' && c != '\n';
		}
		if (!visible)
			continue;
		if (!r->bold)
			return 0;
		any = 1;
	}
	return any;
}

/* The block for paragraph p at source offset line_start. */
/* Italic or not at byte i of the paragraph: its laid-out run's resolved
 * formatting (rules pass over titles, which are set in italics). Runs are
 * in text order: the cursor *k only moves forward, so a paragraph of many
 * thousand runs stays linear. lp NULL: no formatting. */
static uint32_t format_at(const struct rl_lf_para *lp, size_t text_len, size_t i, size_t *k, size_t *run_end)
{
	for (; lp && *k < lp->nruns; (*k)++) {
		const struct rl_lf_run *r = &lp->runs[*k];
		if (i >= (size_t)r->off + r->len)
			continue;
		if (i < r->off)
			break; /* between runs: text no run formats */
		*run_end = (size_t)r->off + r->len;
		return r->italic ? RL_FMT_ITALIC : 0;
	}
	*run_end = lp && *k < lp->nruns ? lp->runs[*k].off : text_len;
	return 0;
}

static struct rl_block *add_block(struct rl_doc *doc, const struct wd_para *p, const struct rl_lf_para *lp,
				  size_t line_start, enum rl_block_kind kind, unsigned level, unsigned flags)
{
	const char *t = p->text.data;
	rl_doc_begin_block(doc, kind, level, flags);
	size_t run = 0, fmt_end = 0, k = 0;
	for (size_t i = 0; i <= p->text.len; i++) {
		if (i == fmt_end && i < p->text.len) {
			/* a new run: what is before it goes with the old format */
			rl_doc_text(doc, t + run, i - run, line_start + run);
			run = i;
			rl_doc_set_format(doc, format_at(lp, p->text.len, i, &k, &fmt_end));
			if (fmt_end <= i)
				fmt_end = i + 1;
		}
		if (i < p->text.len && t[i] != '\n' && t[i] != '\f' && t[i] != '\v')
			continue;
		rl_doc_text(doc, t + run, i - run, line_start + run);
		if (i < p->text.len)
			rl_doc_synth(doc, "\n", 1, line_start + i, 1); /* a line break; a space in the source line */
		run = i + 1;
	}
	rl_doc_set_format(doc, 0);
	return rl_doc_end_block(doc);
}

static void add_images(struct rl_doc *doc, const struct wd_para *p, size_t line_start, struct rl_lf_para *lp)
{
	if (!p->ndrawings)
		return;
	/* at the paragraph's first visible character, where its block starts
	 * (the block's text is trimmed), so that rl_doc_finish finds the block */
	size_t at = line_start;
	for (size_t i = 0; i < p->text.len; i++, at++) {
		char c = p->text.data[i];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
	}
	lp->drawings = rl_xreallocarray(NULL, p->ndrawings, sizeof *lp->drawings);
	for (size_t i = 0; i < p->ndrawings; i++) {
		const struct wd_drawing *d = &p->drawings[i];
		struct rl_lf_drawing *ld = &lp->drawings[lp->ndrawings++];
		ld->width = d->width;
		ld->height = d->height;
		ld->inline_ = d->inline_;
		ld->picture = d->picture;
		ld->wrap_flow = d->wrap_flow;
		ld->y = d->y;
		ld->from_page = d->from_page;
		ld->off = d->off;
		ld->image = SIZE_MAX;
		if (!d->picture)
			continue;
		const char *alt = d->descr ? d->descr : "";
		const char *src = d->target ? d->target : "";
		rl_doc_add_image(doc, at, at, src, strlen(src), alt, strlen(alt));
		struct rl_image *im = &doc->images[doc->nimages - 1];
		im->width = d->width;
		im->height = d->height;
		im->floating = !d->inline_;
		im->y = d->y;
		im->in_header = p->part != WD_PART_BODY;
		im->para = p->number;
		ld->image = doc->nimages - 1;
	}
}

/* A table whose width is a share of the text width (pandoc writes them):
 * LibreOffice scales its grid columns to that width. */
static void scale_to_width(const struct rl_layout_facts *f, const struct wd_table *t, const size_t *fidx,
			   struct rl_lf_table *lt)
{
	if (t->width_pct <= 0 || !t->ncols || t->nested || t->first_para >= SIZE_MAX / 2)
		return;
	size_t fp = fidx[t->first_para];
	if (fp == SIZE_MAX || fp >= f->nparas || !f->nsections)
		return;
	unsigned si = f->paras[fp].section < f->nsections ? f->paras[fp].section : 0;
	const struct rl_lf_section *sec = &f->sections[si];
	double text_w = sec->page_w - sec->m_left - sec->m_right - sec->gutter, sum = 0;
	for (size_t k = 0; k < t->ncols; k++)
		sum += t->grid[k];
	if (text_w <= 0 || sum <= 0)
		return;
	double scale = t->width_pct * text_w / sum;
	for (size_t k = 0; k < t->ncols; k++)
		lt->grid[k] = (float)(t->grid[k] * scale);
}

/* fidx: the facts paragraph of each body paragraph, SIZE_MAX for none (a
 * caption, which is not laid out). */
static void copy_tables(struct rl_layout_facts *f, const struct wd_body *b, const struct wd_styles *s,
			const size_t *fidx)
{
	f->tables = rl_xcalloc(b->ntables ? b->ntables : 1, sizeof *f->tables);
	f->ntables = b->ntables;
	for (size_t i = 0; i < b->ntables; i++) {
		const struct wd_table *t = &b->tables[i];
		struct rl_lf_table *lt = &f->tables[i];
		lt->ncols = t->ncols;
		lt->grid = rl_xreallocarray(NULL, t->ncols ? t->ncols : 1, sizeof *lt->grid);
		if (t->ncols)
			memcpy(lt->grid, t->grid, t->ncols * sizeof *lt->grid);
		scale_to_width(f, t, fidx, lt);
		struct wd_box box;
		wd_resolve_table(s, t->style, &t->box, &box);
		lt->cell_margin_left = box.mar[WD_SIDE_LEFT];
		lt->cell_margin_right = box.mar[WD_SIDE_RIGHT];
		lt->cell_margin_top = box.mar[WD_SIDE_TOP];
		lt->cell_margin_bottom = box.mar[WD_SIDE_BOTTOM];
		lt->border_top = box.border[WD_SIDE_TOP];
		lt->border_bottom = box.border[WD_SIDE_BOTTOM];
		lt->border_inside_h = box.border[WD_SIDE_INSIDE_H];
		for (int k = 0; k < WD_SIDE_N; k++)
			if (box.border[k] > 0)
				lt->borders = 1;
		lt->indent = t->indent;
		lt->borders = (uint8_t)t->borders;
		lt->rows = t->rows;
		lt->row_height = rl_xreallocarray(NULL, t->rows ? t->rows : 1, sizeof *lt->row_height);
		lt->row_exact = rl_xreallocarray(NULL, t->rows ? t->rows : 1, sizeof *lt->row_exact);
		if (t->rows) {
			memcpy(lt->row_height, t->row_height, t->rows * sizeof *lt->row_height);
			memcpy(lt->row_exact, t->row_exact, t->rows);
		}
		lt->nested = t->nested;
		/* t->first_para indexes b->paras, whose order is not the facts'
		 * (headers go first there, captions not at all) */
		size_t k = t->first_para;
		while (k < b->nparas && fidx[k] == SIZE_MAX)
			k++;
		lt->first_para = (unsigned)(k < b->nparas ? fidx[k] : f->nparas);
	}
}

/* Each cell paragraph's margins and borders: its table's, then its cell's. */
static void cell_boxes(struct rl_layout_facts *f, const struct wd_body *b, const struct wd_styles *s,
		       const size_t *fidx)
{
	for (size_t i = 0; i < b->nparas; i++) {
		const struct wd_para *p = &b->paras[i];
		if (fidx[i] == SIZE_MAX || !p->table || p->table > b->ntables)
			continue;
		struct rl_lf_para *lp = &f->paras[fidx[i]];
		const struct wd_table *t = &b->tables[p->table - 1];
		struct wd_box box;
		wd_resolve_table(s, t->style, &t->box, &box);
		wd_box_merge(&box, &p->cell);
		for (int k = 0; k < 4; k++)
			lp->cell_mar[k] = box.mar[k];
		lp->cell_border_top = (p->cell.border_set & (1u << WD_SIDE_TOP)) ? p->cell.border[WD_SIDE_TOP] : -1;
		lp->cell_border_bottom =
			(p->cell.border_set & (1u << WD_SIDE_BOTTOM)) ? p->cell.border[WD_SIDE_BOTTOM] : -1;
		lp->vmerge = p->vmerge;
	}
}

static void copy_sections(struct rl_layout_facts *f, const struct wd_body *b)
{
	size_t n = b->nsections ? b->nsections : 1;
	f->sections = rl_xcalloc(n, sizeof *f->sections);
	f->nsections = n;
	for (size_t i = 0; i < n; i++) {
		struct rl_lf_section *ls = &f->sections[i];
		if (i >= b->nsections) {
			/* no w:sectPr at all (pandoc writes none): Letter, 1 in */
			ls->page_w = 612;
			ls->page_h = 792;
			ls->m_top = ls->m_bottom = ls->m_left = ls->m_right = 72;
			ls->m_header = ls->m_footer = 36;
			ls->columns = 1;
			ls->starts_new_page = 1;
			continue;
		}
		const struct wd_section *s = &b->sections[i];
		ls->page_w = s->page_w;
		ls->page_h = s->page_h;
		ls->m_top = s->m_top;
		ls->m_bottom = s->m_bottom;
		ls->m_left = s->m_left;
		ls->m_right = s->m_right;
		ls->m_header = s->m_header;
		ls->m_footer = s->m_footer;
		ls->gutter = s->gutter;
		ls->columns = s->columns ? s->columns : 1;
		ls->column_space = s->column_space;
		ls->starts_new_page = (uint8_t)s->starts_new_page;
		ls->explicit_geometry = (uint8_t)s->explicit_geometry;
	}
}

struct rl_doc *wd_build_doc(const char *path, enum rl_format format, const struct wd_body *b,
			    const struct wd_styles *s, const struct wd_props *props)
{
	unsigned max;
	const struct wd_para **num = by_number(b, &max);
	/* the source: paragraph n is line n, breaks inside it are spaces */
	struct rl_buf src;
	size_t *line_start = rl_xcalloc(max + 2, sizeof *line_start);
	rl_buf_init(&src);
	for (unsigned n = 1; n <= max; n++) {
		line_start[n] = src.len;
		if (num[n]) {
			size_t at = src.len;
			rl_buf_add(&src, num[n]->text.data ? num[n]->text.data : "", num[n]->text.len);
			for (size_t i = at; i < src.len; i++)
				if (src.data[i] == '\n' || src.data[i] == '\r' || src.data[i] == '\f' ||
				    src.data[i] == '\v')
					src.data[i] = ' ';
		}
		rl_buf_addc(&src, '\n');
	}
	struct rl_doc *doc = rl_doc_new(format, rl_source_new(path, src.data, src.len));
	rl_buf_free(&src);

	struct rl_layout_facts *f = rl_xcalloc(1, sizeof *f);
	doc->layout = f;
	f->paras = rl_xcalloc(b->nparas ? b->nparas : 1, sizeof *f->paras);
	char **style_names = NULL;
	size_t nstyles = 0;
	size_t *fidx = rl_xreallocarray(NULL, b->nparas + 1, sizeof *fidx);
	for (size_t i = 0; i <= b->nparas; i++)
		fidx[i] = SIZE_MAX;

	/* headers and footers first, so that they belong to the contact block;
	 * then the body in reading order */
	for (int pass = 0; pass < 2; pass++) {
		for (unsigned n = 1; n <= max; n++) {
			const struct wd_para *p = num[n];
			if (!p || (pass == 0) != (p->part != WD_PART_BODY))
				continue;
			if (p->alt_text) {
				if (pass == 1)
					add_block(doc, p, NULL, line_start[n], RL_BLOCK_PARAGRAPH, 0, RL_BF_ALT_TEXT);
				continue; /* takes no room on the page */
			}
			struct wd_ppr pp;
			wd_resolve_ppr(s, p->style, p->table ? p->table_style : NULL, &p->ppr, &pp);
			fidx[p - b->paras] = f->nparas;
			struct rl_lf_para *lp = &f->paras[f->nparas++];
			fill_layout_para(lp, p, s, &pp, f);
			lp->style = style_index(&style_names, &nstyles, p->style);
			/* Word and LibreOffice each put their own look on a style
			 * that is not there: the estimate can only guess it */
			if (p->style[0] && has_text(p) && !wd_style_defined(s, p->style, 'p'))
				f->missing_styles++;
			lp->block = SIZE_MAX;
			add_images(doc, p, line_start[n], lp);
			for (size_t k = 0; k < p->nlinks; k++)
				rl_doc_add_link(doc, line_start[n] + p->links[k].off,
						line_start[n] + p->links[k].off + p->links[k].len, p->links[k].url,
						strlen(p->links[k].url));
			if (!has_text(p))
				continue;
			unsigned level, flags = 0;
			enum rl_block_kind kind = block_kind(p, s, &pp, &level);
			if (p->in_textbox)
				flags |= RL_BF_TEXTBOX;
			if (all_bold(lp))
				flags |= RL_BF_STRONG;
			if (pp.page_break_before)
				flags |= RL_BF_PAGE_BREAK_BEFORE;
			struct rl_block *blk = add_block(doc, p, lp, line_start[n], kind, level, flags);
			if (blk) {
				blk->table = p->table;
				blk->row = p->row;
				blk->col = p->col;
				lp->block = doc->nblocks - 1;
			}
		}
	}
	for (size_t i = 0; i < nstyles; i++)
		free(style_names[i]);
	free(style_names);
	f->nstyles = nstyles;
	copy_sections(f, b);
	copy_tables(f, b, s, fidx);
	cell_boxes(f, b, s, fidx);
	free(fidx);
	f->default_tab = s->default_tab;
	f->add_spacing = (uint8_t)s->add_spacing;
	f->rendered_breaks = b->rendered_breaks;
	f->textboxes = b->textboxes;
	f->app_pages = props ? props->pages : -1;
	f->app_words = props ? props->words : -1;
	f->application = props && props->application ? rl_xstrdup(props->application) : NULL;
	if (props && props->creator)
		rl_doc_add_meta(doc, "core.creator", props->creator, 0, 0);
	if (props && props->last_modified_by)
		rl_doc_add_meta(doc, "core.lastModifiedBy", props->last_modified_by, 0, 0);
	if (props && props->title)
		rl_doc_add_meta(doc, "core.title", props->title, 0, 0);
	free(num);
	free(line_start);
	rl_doc_finish(doc);
	return doc;
}
