/* One streaming pass over a Word body part. Reading order is document order
 * of <w:p> start tags; a paragraph inside a text box opens while its anchor
 * paragraph is still open, so open paragraphs are a stack. */
#include "body.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "word_limits.h"
#include "package.h"
#include "utf8.h"

#define EMU_PER_PT 12700.0f
#define MAX_OPEN 64       /* paragraphs open at once (text boxes in text boxes) */
#define MAX_FIELDS 32     /* nested complex fields */
#define MAX_TABLES_OPEN 32
#define MAX_LINKS_OPEN 8
#define MAX_AC 32         /* nested mc:AlternateContent */

struct open_para {
	size_t idx;
	struct wd_rpr run;   /* the run being read in it */
	unsigned run_seq, last_seq;
	int in_run;
};

struct open_table {
	size_t idx;
	unsigned row, col, span;
	int in_cell;
	struct wd_box cell;  /* the open cell's margins and borders */
	uint8_t vmerge;
};

struct open_link {
	size_t para;
	uint32_t start;
	char *url;
};

struct walker {
	struct wd_body *b;
	struct wd_xml *x;
	const struct wd_rels *rels;
	enum wd_part_kind kind;
	struct rl_diags *diags;
	struct open_para open[MAX_OPEN];
	size_t nopen;
	int in_t;
	unsigned textbox;
	uint8_t field_instr[MAX_FIELDS];
	size_t nfields;
	struct open_table tables[MAX_TABLES_OPEN];
	size_t ntables;
	struct open_link links[MAX_LINKS_OPEN];
	size_t nlinks;
	struct wd_drawing drawing;
	int in_drawing, in_pos_v, in_pos_offset;
	uint8_t ac_taken[MAX_AC];
	size_t nac;
};

void wd_body_init(struct wd_body *b)
{
	memset(b, 0, sizeof *b);
}

static void free_drawing(struct wd_drawing *d)
{
	free(d->target);
	free(d->descr);
}

void wd_body_free(struct wd_body *b)
{
	for (size_t i = 0; i < b->nparas; i++) {
		struct wd_para *p = &b->paras[i];
		rl_buf_free(&p->text);
		free(p->runs);
		for (size_t k = 0; k < p->nlinks; k++)
			free(p->links[k].url);
		free(p->links);
		for (size_t k = 0; k < p->ndrawings; k++)
			free_drawing(&p->drawings[k]);
		free(p->drawings);
	}
	free(b->paras);
	free(b->sections);
	for (size_t i = 0; i < b->ntables; i++) {
		free(b->tables[i].grid);
		free(b->tables[i].row_height);
		free(b->tables[i].row_exact);
	}
	free(b->tables);
	memset(b, 0, sizeof *b);
}

static int fail(struct walker *w, const char *what)
{
	rl_diags_add(w->diags, RL_DIAG_ERROR, w->x->path, 0, 0, "%s in %s", what, w->x->part);
	return -1;
}

/* Skips the current element, counting the paragraphs inside it: numbers
 * count every <w:p> of the part, read or not (as the corpus labels do). */
static int skip_counting(struct walker *w)
{
	struct wd_xml *x = w->x;
	if (x->node != WD_START || x->empty)
		return 1;
	int depth = x->depth, rc;
	while ((rc = wd_xml_next(x)) > 0) {
		if (x->node == WD_END && x->depth == depth)
			return 1;
		if (wd_xml_is(x, WD_NS_W, "p"))
			w->b->counter++;
	}
	return rc;
}

static struct wd_para *top_para(struct walker *w)
{
	return w->nopen ? &w->b->paras[w->open[w->nopen - 1].idx] : NULL;
}

static int in_instruction(const struct walker *w)
{
	for (size_t i = 0; i < w->nfields; i++)
		if (w->field_instr[i])
			return 1;
	return 0;
}

static void append(struct walker *w, const char *s, size_t n)
{
	struct wd_para *p = top_para(w);
	if (!p || !n || in_instruction(w))
		return;
	struct open_para *op = &w->open[w->nopen - 1];
	if (!p->nruns || op->last_seq != op->run_seq || !op->in_run) {
		p->runs = rl_xreallocarray(p->runs, p->nruns + 1, sizeof *p->runs);
		struct wd_run *r = &p->runs[p->nruns++];
		r->off = (uint32_t)p->text.len;
		r->len = 0;
		r->rpr = op->run;
		op->last_seq = op->run_seq;
	}
	p->runs[p->nruns - 1].len += (uint32_t)n;
	rl_buf_add(&p->text, s, n);
}

static int open_paragraph(struct walker *w)
{
	struct wd_body *b = w->b;
	if (b->nparas >= WD_MAX_PARAGRAPHS) {
		rl_diags_add(w->diags, RL_DIAG_ERROR, w->x->path, 0, 0, "more than %d paragraphs in %s: not a resume",
			     WD_MAX_PARAGRAPHS, w->x->part);
		return -1;
	}
	if (w->nopen >= MAX_OPEN)
		return fail(w, "text boxes nested too deeply");
	RL_GROW(b->paras, b->nparas, b->cap);
	struct wd_para *p = &b->paras[b->nparas];
	memset(p, 0, sizeof *p);
	p->number = ++b->counter;
	p->part = w->kind;
	rl_buf_init(&p->text);
	p->section = (unsigned)b->nsections;
	p->in_textbox = w->textbox > 0;
	if (w->ntables && w->tables[w->ntables - 1].in_cell) {
		const struct open_table *t = &w->tables[w->ntables - 1];
		p->table = (unsigned)t->idx + 1;
		p->row = t->row;
		p->col = t->col;
		p->col_span = t->span;
		p->cell = t->cell;
		p->vmerge = t->vmerge;
		memcpy(p->table_style, b->tables[t->idx].style, sizeof p->table_style);
	}
	struct open_para *op = &w->open[w->nopen++];
	memset(op, 0, sizeof *op);
	op->idx = b->nparas++;
	return 1;
}

/* ---- sections ---- */

static int read_sect(void *ctx, struct wd_xml *x)
{
	struct walker *w = ctx;
	struct wd_body *b = w->b;
	struct wd_section s;
	memset(&s, 0, sizeof s);
	/* Word's defaults (Letter, 1 in margins) for what the file leaves out */
	s.page_w = 612;
	s.page_h = 792;
	s.m_top = s.m_bottom = s.m_left = s.m_right = 72;
	s.m_header = s.m_footer = 36;
	s.columns = 1;
	s.column_space = 36;
	s.starts_new_page = 1;
	int depth = x->depth, rc = 1;
	if (!x->empty) {
		while ((rc = wd_xml_next(x)) > 0) {
			if (x->node == WD_END && x->depth == depth)
				break;
			if (x->node != WD_START || x->ns != WD_NS_W)
				continue;
			if (strcmp(x->name, "p") == 0) {
				/* Word 2003 keeps headers in w:sectPr: not read, but
				 * their paragraphs are counted like every <w:p> */
				b->counter++;
			} else if (strcmp(x->name, "pgSz") == 0) {
				s.page_w = (float)wd_xml_attr_num(x, WD_NS_W, "w", 12240) / 20.0f;
				s.page_h = (float)wd_xml_attr_num(x, WD_NS_W, "h", 15840) / 20.0f;
				s.explicit_geometry = 1;
			} else if (strcmp(x->name, "pgMar") == 0) {
				/* a negative top or bottom: the body does not move for the header */
				s.m_top = (float)abs((int)wd_xml_attr_num(x, WD_NS_W, "top", 1440)) / 20.0f;
				s.m_bottom = (float)abs((int)wd_xml_attr_num(x, WD_NS_W, "bottom", 1440)) / 20.0f;
				s.m_left = (float)wd_xml_attr_num(x, WD_NS_W, "left", 1440) / 20.0f;
				s.m_right = (float)wd_xml_attr_num(x, WD_NS_W, "right", 1440) / 20.0f;
				s.m_header = (float)wd_xml_attr_num(x, WD_NS_W, "header", 720) / 20.0f;
				s.m_footer = (float)wd_xml_attr_num(x, WD_NS_W, "footer", 720) / 20.0f;
				s.gutter = (float)wd_xml_attr_num(x, WD_NS_W, "gutter", 0) / 20.0f;
				s.explicit_geometry = 1;
			} else if (strcmp(x->name, "cols") == 0) {
				double n = wd_xml_attr_num(x, WD_NS_W, "num", 1);
				s.columns = n >= 1 && n <= 45 ? (unsigned)n : 1;
				s.column_space = (float)wd_xml_attr_num(x, WD_NS_W, "space", 720) / 20.0f;
			} else if (strcmp(x->name, "type") == 0) {
				char *v = wd_xml_attr(x, WD_NS_W, "val");
				s.starts_new_page = !v || strcmp(v, "continuous") != 0;
				free(v);
			} else if (strcmp(x->name, "headerReference") == 0 || strcmp(x->name, "footerReference") == 0) {
				char *type = wd_xml_attr(x, WD_NS_W, "type");
				char *id = wd_xml_attr(x, WD_NS_R, "id");
				if (id && (!type || strcmp(type, "default") == 0)) {
					char *slot = x->name[0] == 'h' ? s.header_rel : s.footer_rel;
					snprintf(slot, sizeof s.header_rel, "%s", id);
				}
				free(type);
				free(id);
			}
		}
	}
	if (rc < 0)
		return rc;
	if (b->nsections == 0)
		s.starts_new_page = 1;
	b->sections = rl_xreallocarray(b->sections, b->nsections + 1, sizeof *b->sections);
	b->sections[b->nsections++] = s;
	struct wd_para *p = top_para(w);
	if (p)
		p->section_break = 1;
	return 1;
}

/* ---- tables ---- */

static int read_table_props(struct walker *w, struct wd_table *t)
{
	struct wd_xml *x = w->x;
	int depth = x->depth, rc;
	if (x->empty)
		return 1;
	while ((rc = wd_xml_next(x)) > 0) {
		if (x->node == WD_END && x->depth == depth)
			return 1;
		if (x->node != WD_START || x->ns != WD_NS_W)
			continue;
		const char *n = x->name;
		if (strcmp(n, "tblStyle") == 0) {
			char *v = wd_xml_attr(x, WD_NS_W, "val");
			if (v)
				snprintf(t->style, sizeof t->style, "%s", v);
			free(v);
		} else if (strcmp(n, "tblCellMar") == 0) {
			if ((rc = wd_read_margins(x, &t->box)) <= 0)
				return rc;
		} else if (strcmp(n, "tblBorders") == 0) {
			if ((rc = wd_read_borders(x, &t->box)) <= 0)
				return rc;
			for (int i = 0; i < WD_SIDE_N; i++)
				if (t->box.border[i] > 0)
					t->borders = 1;
		} else if (strcmp(n, "tblCaption") == 0 || strcmp(n, "tblDescription") == 0) {
			/* alt text: not printed, but read by screen readers and
			 * parsers; numbered after the paragraphs (build.c) */
			char *v = wd_xml_attr(x, WD_NS_W, "val");
			if (v && *v && w->b->nparas < WD_MAX_PARAGRAPHS) {
				struct wd_body *b = w->b;
				RL_GROW(b->paras, b->nparas, b->cap);
				struct wd_para *p = &b->paras[b->nparas++];
				memset(p, 0, sizeof *p);
				rl_buf_init(&p->text);
				rl_buf_adds(&p->text, v);
				p->alt_text = 1;
				p->part = w->kind;
			}
			free(v);
		} else if (strcmp(n, "tblInd") == 0) {
			t->indent = (float)wd_xml_attr_num(x, WD_NS_W, "w", 0) / 20.0f;
		} else if (strcmp(n, "tblW") == 0) {
			/* pct: fiftieths of a percent ("2500"), or a percentage ("50%") */
			char *type = wd_xml_attr(x, WD_NS_W, "type");
			char *raw = wd_xml_attr(x, WD_NS_W, "w");
			double tw = wd_xml_attr_num(x, WD_NS_W, "w", 0);
			if (type && strcmp(type, "pct") == 0 && raw && tw > 0) {
				double share = strchr(raw, '%') ? tw / 100 : tw / 5000;
				t->width_pct = share > 0 && share <= 1.5 ? (float)share : 0;
			}
			free(type);
			free(raw);
		}
	}
	return rc;
}

/* w:tcPr: the cell's span, vertical merge, margins and borders. */
static int read_cell_props(struct walker *w, struct open_table *ot)
{
	struct wd_xml *x = w->x;
	int depth = x->depth, rc;
	if (x->empty)
		return 1;
	while ((rc = wd_xml_next(x)) > 0) {
		if (x->node == WD_END && x->depth == depth)
			return 1;
		if (x->node != WD_START || x->ns != WD_NS_W)
			continue;
		const char *n = x->name;
		if (strcmp(n, "gridSpan") == 0) {
			double span = wd_xml_attr_num(x, WD_NS_W, "val", 1);
			ot->span = span >= 1 && span < 64 ? (unsigned)span : 1;
		} else if (strcmp(n, "vMerge") == 0) {
			char *v = wd_xml_attr(x, WD_NS_W, "val");
			ot->vmerge = v && strcmp(v, "restart") == 0 ? 1 : 2;
			free(v);
		} else if (strcmp(n, "tcMar") == 0) {
			if ((rc = wd_read_margins(x, &ot->cell)) <= 0)
				return rc;
		} else if (strcmp(n, "tcBorders") == 0) {
			if ((rc = wd_read_borders(x, &ot->cell)) <= 0)
				return rc;
		}
	}
	return rc;
}

static int open_table(struct walker *w)
{
	struct wd_body *b = w->b;
	if (w->ntables >= MAX_TABLES_OPEN)
		return fail(w, "tables nested too deeply");
	b->tables = rl_xreallocarray(b->tables, b->ntables + 1, sizeof *b->tables);
	struct wd_table *t = &b->tables[b->ntables];
	memset(t, 0, sizeof *t);
	t->nested = (unsigned)w->ntables;
	t->first_para = b->nparas;
	struct open_table *ot = &w->tables[w->ntables++];
	memset(ot, 0, sizeof *ot);
	ot->idx = b->ntables++;
	return 1;
}

/* ---- drawings ---- */

static void shape_size(struct wd_drawing *d, const char *style)
{
	/* VML: style="width:120pt;height:90pt" (also in, px) */
	static const struct {
		const char *key;
		int height;
	} keys[] = { { "width:", 0 }, { "height:", 1 } };
	for (size_t i = 0; i < 2; i++) {
		const char *p = strstr(style, keys[i].key);
		if (!p)
			continue;
		char *end;
		double v = strtod(p + strlen(keys[i].key), &end);
		double k = strncmp(end, "in", 2) == 0 ? 72 : strncmp(end, "px", 2) == 0 ? 0.75 : strncmp(end, "cm", 2) == 0 ? 28.35 : 1;
		if (v > 0 && v < 1e5)
			*(keys[i].height ? &d->height : &d->width) = (float)(v * k);
	}
}

static void end_drawing(struct walker *w)
{
	struct wd_para *p = top_para(w);
	w->in_drawing = 0;
	if (!p || (w->drawing.width <= 0 && w->drawing.height <= 0 && !w->drawing.picture)) {
		free_drawing(&w->drawing);
		return;
	}
	w->drawing.off = (uint32_t)p->text.len;
	p->drawings = rl_xreallocarray(p->drawings, p->ndrawings + 1, sizeof *p->drawings);
	p->drawings[p->ndrawings++] = w->drawing;
}

static void drawing_start(struct walker *w)
{
	struct wd_xml *x = w->x;
	struct wd_drawing *d = &w->drawing;
	if (x->ns == WD_NS_WP) {
		if (strcmp(x->name, "inline") == 0) {
			d->inline_ = 1;
		} else if (strcmp(x->name, "anchor") == 0) {
			d->inline_ = 0;
		} else if (strcmp(x->name, "extent") == 0) {
			d->width = (float)wd_xml_attr_num(x, WD_NS_OTHER, "cx", 0) / EMU_PER_PT;
			d->height = (float)wd_xml_attr_num(x, WD_NS_OTHER, "cy", 0) / EMU_PER_PT;
		} else if (strcmp(x->name, "positionV") == 0) {
			char *rel = wd_xml_attr(x, WD_NS_OTHER, "relativeFrom");
			d->from_page = rel && strcmp(rel, "page") == 0;
			free(rel);
			w->in_pos_v = !x->empty;
		} else if (strcmp(x->name, "posOffset") == 0 && w->in_pos_v) {
			w->in_pos_offset = !x->empty;
		} else if (strcmp(x->name, "wrapTopAndBottom") == 0) {
			d->wrap_flow = 1;
		} else if (strcmp(x->name, "docPr") == 0) {
			char *descr = wd_xml_attr(x, WD_NS_OTHER, "descr");
			if (!descr)
				descr = wd_xml_attr(x, WD_NS_OTHER, "title");
			free(d->descr);
			d->descr = descr;
		}
	} else if (x->ns == WD_NS_A && strcmp(x->name, "graphicData") == 0) {
		char *uri = wd_xml_attr(x, WD_NS_OTHER, "uri");
		if (uri && strstr(uri, "/picture"))
			d->picture = 1;
		free(uri);
	} else if ((x->ns == WD_NS_A && strcmp(x->name, "blip") == 0) ||
		   (x->ns == WD_NS_V && strcmp(x->name, "imagedata") == 0)) {
		char *id = wd_xml_attr(x, WD_NS_R, x->ns == WD_NS_A ? "embed" : "id");
		const struct wd_rel *rel = id ? wd_rels_find(w->rels, id) : NULL;
		d->picture = 1;
		if (rel && !d->target)
			d->target = rl_xstrdup(rel->target);
		free(id);
	} else if (x->ns == WD_NS_V && (strcmp(x->name, "shape") == 0 || strcmp(x->name, "rect") == 0)) {
		char *style = wd_xml_attr(x, WD_NS_OTHER, "style");
		char *hr = wd_xml_attr(x, WD_NS_O, "hr");
		if (hr && strcmp(hr, "t") == 0) {
			/* a horizontal rule (pandoc's ---): LibreOffice gives its
			 * paragraph one text line, the rule itself no height */
			d->width = d->height = 0;
		} else if (style) {
			shape_size(d, style);
			d->inline_ = strstr(style, "position:absolute") == NULL;
		}
		free(style);
		free(hr);
	}
}

/* ---- the walk ---- */

static const char *sym_text(struct wd_xml *x, char buf[8])
{
	char *c = wd_xml_attr(x, WD_NS_W, "char");
	unsigned long cp = c ? strtoul(c, NULL, 16) : 0;
	free(c);
	/* Symbol and Wingdings code points live at F000-F0FF: map the bullets
	 * and arrows resumes use; icons (phones, envelopes) stay out */
	static const struct {
		unsigned long from, to;
	} map[] = {
		{ 0xF0B7, 0x2022 }, { 0xF0A7, 0x25AA }, { 0xF0D8, 0x27A2 }, { 0xF076, 0x2756 },
		{ 0xF0FC, 0x2713 }, { 0xF0E0, 0x2192 }, { 0xF0A8, 0x25A1 }, { 0xF06E, 0x25A0 },
		{ 0xF02D, 0x2013 }, { 0xF0BE, 0x2014 },
	};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (map[i].from == cp)
			cp = map[i].to;
	if (cp == 0 || (cp >= 0xF000 && cp <= 0xF0FF))
		return "";
	size_t n = rl_utf8_encode((uint32_t)cp, buf);
	buf[n] = '\0';
	return buf;
}

static int on_start(struct walker *w)
{
	struct wd_xml *x = w->x;
	struct wd_body *b = w->b;
	if (w->in_drawing)
		drawing_start(w);
	if (x->ns == WD_NS_MC) {
		if (strcmp(x->name, "AlternateContent") == 0) {
			if (w->nac >= MAX_AC)
				return fail(w, "alternate content nested too deeply");
			w->ac_taken[w->nac++] = 0;
			if (x->empty)
				w->nac--;
		} else if (strcmp(x->name, "Choice") == 0 && w->nac && !w->ac_taken[w->nac - 1]) {
			w->ac_taken[w->nac - 1] = 1; /* read the first branch only */
		} else if (strcmp(x->name, "Choice") == 0 || strcmp(x->name, "Fallback") == 0) {
			return skip_counting(w);
		}
		return 1;
	}
	if (x->ns == WD_NS_V && strcmp(x->name, "textbox") == 0)
		return 1;
	if (x->ns != WD_NS_W)
		return 1;
	const char *n = x->name;
	struct wd_para *p = top_para(w);
	struct open_para *op = w->nopen ? &w->open[w->nopen - 1] : NULL;
	char buf[8];

	if (strcmp(n, "p") == 0) {
		if (open_paragraph(w) < 0)
			return -1;
		if (x->empty)
			w->nopen--;
	} else if (strcmp(n, "pPr") == 0 && p) {
		return wd_read_ppr(x, &p->ppr, p->style, sizeof p->style, &p->mark, read_sect, w);
	} else if (strcmp(n, "r") == 0 && op) {
		op->in_run = !x->empty;
		op->run_seq++;
		memset(&op->run, 0, sizeof op->run);
	} else if (strcmp(n, "rPr") == 0 && op && op->in_run) {
		return wd_read_rpr(x, &op->run);
	} else if (strcmp(n, "t") == 0) {
		w->in_t = !x->empty;
	} else if (strcmp(n, "del") == 0 || strcmp(n, "moveFrom") == 0 || strcmp(n, "delText") == 0 ||
		   strcmp(n, "instrText") == 0 || strcmp(n, "delInstrText") == 0 || strcmp(n, "sdtPr") == 0 ||
		   strcmp(n, "sdtEndPr") == 0 || strcmp(n, "footnoteReference") == 0 ||
		   strcmp(n, "endnoteReference") == 0 || strcmp(n, "commentReference") == 0 ||
		   strcmp(n, "object") == 0 || strcmp(n, "binData") == 0) {
		return skip_counting(w);
	} else if (strcmp(n, "tab") == 0 && op && op->in_run) {
		append(w, "\t", 1);
	} else if (strcmp(n, "br") == 0 && p) {
		char *type = wd_xml_attr(x, WD_NS_W, "type");
		/* a page break is '\f' and a column break '\v' in the text: the
		 * layout breaks there, the block text reads a line break */
		if (type && strcmp(type, "page") == 0) {
			p->page_breaks++;
			append(w, "\f", 1);
		} else if (type && strcmp(type, "column") == 0) {
			p->column_breaks++;
			append(w, "\v", 1);
		} else {
			append(w, "\n", 1);
		}
		free(type);
	} else if (strcmp(n, "cr") == 0) {
		append(w, "\n", 1);
	} else if (strcmp(n, "noBreakHyphen") == 0) {
		append(w, "-", 1);
	} else if (strcmp(n, "sym") == 0) {
		const char *s = sym_text(x, buf);
		append(w, s, strlen(s));
	} else if (strcmp(n, "lastRenderedPageBreak") == 0 && p) {
		p->rendered_breaks++;
		if (w->kind == WD_PART_BODY && !w->textbox)
			b->rendered_breaks++;
	} else if (strcmp(n, "fldChar") == 0) {
		char *type = wd_xml_attr(x, WD_NS_W, "fldCharType");
		if (type && strcmp(type, "begin") == 0 && w->nfields < MAX_FIELDS)
			w->field_instr[w->nfields++] = 1;
		else if (type && strcmp(type, "separate") == 0 && w->nfields)
			w->field_instr[w->nfields - 1] = 0;
		else if (type && strcmp(type, "end") == 0 && w->nfields)
			w->nfields--;
		free(type);
	} else if (strcmp(n, "hyperlink") == 0 && p && !x->empty && w->nlinks < MAX_LINKS_OPEN) {
		char *id = wd_xml_attr(x, WD_NS_R, "id");
		const struct wd_rel *rel = id ? wd_rels_find(w->rels, id) : NULL;
		struct open_link *l = &w->links[w->nlinks++];
		l->para = w->open[w->nopen - 1].idx;
		l->start = (uint32_t)p->text.len;
		l->url = rel && rel->external ? rl_xstrdup(rel->target) : NULL;
		free(id);
	} else if (strcmp(n, "tbl") == 0) {
		return open_table(w);
	} else if (strcmp(n, "tblPr") == 0 && w->ntables) {
		return read_table_props(w, &b->tables[w->tables[w->ntables - 1].idx]);
	} else if (strcmp(n, "gridCol") == 0 && w->ntables) {
		struct wd_table *t = &b->tables[w->tables[w->ntables - 1].idx];
		t->grid = rl_xreallocarray(t->grid, t->ncols + 1, sizeof *t->grid);
		t->grid[t->ncols++] = (float)wd_xml_attr_num(x, WD_NS_W, "w", 0) / 20.0f;
	} else if (strcmp(n, "tr") == 0 && w->ntables) {
		struct open_table *ot = &w->tables[w->ntables - 1];
		struct wd_table *t = &b->tables[ot->idx];
		ot->row = t->rows++;
		ot->col = 0;
		t->row_height = rl_xreallocarray(t->row_height, t->rows, sizeof *t->row_height);
		t->row_exact = rl_xreallocarray(t->row_exact, t->rows, sizeof *t->row_exact);
		t->row_height[ot->row] = 0;
		t->row_exact[ot->row] = 0;
	} else if (strcmp(n, "trHeight") == 0 && w->ntables) {
		struct open_table *ot = &w->tables[w->ntables - 1];
		struct wd_table *t = &b->tables[ot->idx];
		if (t->rows) {
			char *rule = wd_xml_attr(x, WD_NS_W, "hRule");
			t->row_height[t->rows - 1] = (float)wd_xml_attr_num(x, WD_NS_W, "val", 0) / 20.0f;
			t->row_exact[t->rows - 1] = rule && strcmp(rule, "exact") == 0;
			free(rule);
		}
	} else if (strcmp(n, "tc") == 0 && w->ntables) {
		struct open_table *ot = &w->tables[w->ntables - 1];
		ot->in_cell = 1;
		ot->span = 1;
		ot->vmerge = 0;
		memset(&ot->cell, 0, sizeof ot->cell);
	} else if (strcmp(n, "tcPr") == 0 && w->ntables) {
		return read_cell_props(w, &w->tables[w->ntables - 1]);
	} else if (strcmp(n, "txbxContent") == 0) {
		w->textbox++;
		b->textboxes++;
		if (x->empty)
			w->textbox--;
	} else if ((strcmp(n, "drawing") == 0 || strcmp(n, "pict") == 0) && !w->in_drawing && !x->empty) {
		memset(&w->drawing, 0, sizeof w->drawing);
		w->drawing.inline_ = 1;
		w->in_drawing = 1;
	} else if (strcmp(n, "sectPr") == 0 && !p) {
		return read_sect(w, x);
	}
	return 1;
}

static void on_end(struct walker *w)
{
	struct wd_xml *x = w->x;
	struct wd_body *b = w->b;
	if (x->ns == WD_NS_MC && strcmp(x->name, "AlternateContent") == 0 && w->nac) {
		w->nac--;
		return;
	}
	if (x->ns == WD_NS_WP && strcmp(x->name, "positionV") == 0)
		w->in_pos_v = 0;
	if (x->ns == WD_NS_WP && strcmp(x->name, "posOffset") == 0)
		w->in_pos_offset = 0;
	if (x->ns != WD_NS_W)
		return;
	const char *n = x->name;
	if (strcmp(n, "p") == 0 && w->nopen) {
		w->nopen--;
	} else if (strcmp(n, "r") == 0 && w->nopen) {
		w->open[w->nopen - 1].in_run = 0;
	} else if (strcmp(n, "t") == 0) {
		w->in_t = 0;
	} else if (strcmp(n, "hyperlink") == 0 && w->nlinks) {
		struct open_link *l = &w->links[--w->nlinks];
		struct wd_para *p = &b->paras[l->para];
		if (l->url && p->text.len > l->start) {
			p->links = rl_xreallocarray(p->links, p->nlinks + 1, sizeof *p->links);
			p->links[p->nlinks].off = l->start;
			p->links[p->nlinks].len = (uint32_t)p->text.len - l->start;
			p->links[p->nlinks].url = l->url;
			p->nlinks++;
		} else {
			free(l->url);
		}
	} else if (strcmp(n, "tbl") == 0 && w->ntables) {
		w->ntables--;
	} else if (strcmp(n, "tc") == 0 && w->ntables) {
		struct open_table *ot = &w->tables[w->ntables - 1];
		ot->in_cell = 0;
		ot->col += ot->span;
	} else if (strcmp(n, "txbxContent") == 0 && w->textbox) {
		w->textbox--;
	} else if ((strcmp(n, "drawing") == 0 || strcmp(n, "pict") == 0) && w->in_drawing) {
		end_drawing(w);
	}
}

/* Room for the paragraphs a large part's bytes show (<w:p> and <w:p ...>,
 * the usual prefix), up to the limit: the array is allocated once instead
 * of doubled a dozen times, each copy of 744 bytes a paragraph kept until
 * the next. Fewer (another prefix) grow as before; a part under 64 KiB (a
 * resume's, as a rule) holds too few to be worth the count. */
static void reserve_paragraphs(struct wd_body *b, const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	size_t n = 0;
	if (len < 64 * 1024)
		return;
	while (n < WD_MAX_PARAGRAPHS && (p = memmem(p, (size_t)(end - p), "<w:p", 4)) != NULL) {
		p += 4;
		if (p < end && (*p == '>' || *p == ' ' || *p == '/'))
			n++;
	}
	size_t want = b->nparas + n;
	if (want > WD_MAX_PARAGRAPHS)
		want = WD_MAX_PARAGRAPHS;
	if (want > b->cap) {
		b->paras = rl_xreallocarray(b->paras, want, sizeof *b->paras);
		b->cap = want;
	}
}

int wd_body_read(struct wd_body *b, const char *data, size_t len, const char *path, const char *part,
		 enum wd_part_kind kind, const struct wd_rels *rels, struct rl_diags *diags)
{
	struct wd_xml x;
	struct walker w;
	int rc;
	memset(&w, 0, sizeof w);
	w.b = b;
	w.x = &x;
	w.rels = rels;
	w.kind = kind;
	w.diags = diags;
	if (wd_xml_open(&x, data, len, path, part, diags))
		return -1;
	reserve_paragraphs(b, data, len);
	while ((rc = wd_xml_next(&x)) > 0) {
		if (x.node == WD_START)
			rc = on_start(&w);
		else if (x.node == WD_END)
			on_end(&w);
		else if (x.node == WD_TEXT && w.in_t)
			append(&w, wd_xml_text(&x), strlen(wd_xml_text(&x)));
		else if (x.node == WD_TEXT && w.in_pos_offset && w.in_drawing)
			w.drawing.y = (float)strtod(wd_xml_text(&x), NULL) / EMU_PER_PT;
		if (rc < 0)
			break;
	}
	for (size_t i = 0; i < w.nlinks; i++)
		free(w.links[i].url);
	if (w.in_drawing)
		free_drawing(&w.drawing);
	wd_xml_close(&x);
	return rc < 0 ? -1 : 0;
}

/* ---- relationships ---- */

int wd_rels_read(struct wd_rels *r, const char *data, size_t len, const char *path, const char *source_part,
		 const char *rels_part, struct rl_diags *diags)
{
	struct wd_xml x;
	int rc;
	memset(r, 0, sizeof *r);
	if (wd_xml_open(&x, data, len, path, rels_part, diags))
		return -1;
	while ((rc = wd_xml_next(&x)) > 0) {
		if (!wd_xml_is(&x, WD_NS_REL, "Relationship"))
			continue;
		char *id = wd_xml_attr(&x, WD_NS_OTHER, "Id");
		char *target = wd_xml_attr(&x, WD_NS_OTHER, "Target");
		char *type = wd_xml_attr(&x, WD_NS_OTHER, "Type");
		char *mode = wd_xml_attr(&x, WD_NS_OTHER, "TargetMode");
		if (id && target) {
			r->v = rl_xreallocarray(r->v, r->n + 1, sizeof *r->v);
			struct wd_rel *rel = &r->v[r->n++];
			memset(rel, 0, sizeof *rel);
			snprintf(rel->id, sizeof rel->id, "%s", id);
			rel->external = mode && strcmp(mode, "External") == 0;
			rel->target = rel->external ? rl_xstrdup(target) : wd_package_resolve(source_part, target);
			const char *slash = type ? strrchr(type, '/') : NULL;
			snprintf(rel->type, sizeof rel->type, "%s", slash ? slash + 1 : "");
		}
		free(id);
		free(target);
		free(type);
		free(mode);
	}
	wd_xml_close(&x);
	if (rc < 0) {
		wd_rels_free(r);
		return -1;
	}
	return 0;
}

void wd_rels_free(struct wd_rels *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].target);
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

const struct wd_rel *wd_rels_find(const struct wd_rels *r, const char *id)
{
	for (size_t i = 0; r && i < r->n; i++)
		if (strcmp(r->v[i].id, id) == 0)
			return &r->v[i];
	return NULL;
}
