/* Reading and merging w:pPr and w:rPr. */
#include "props.h"

#include <stdlib.h>
#include <string.h>

#define TWIPS 20.0f /* per point */

static void copy_val(struct wd_xml *x, const char *attr, char *out, size_t cap)
{
	char *v = wd_xml_attr(x, WD_NS_W, attr);
	if (v) {
		snprintf(out, cap, "%s", v);
		free(v);
	}
}

static void read_spacing(struct wd_xml *x, struct wd_ppr *p)
{
	double v;
	if ((v = wd_xml_attr_num(x, WD_NS_W, "before", -1)) >= 0) {
		p->before = (float)v / TWIPS;
		p->set |= WD_P_BEFORE;
	}
	if ((v = wd_xml_attr_num(x, WD_NS_W, "after", -1)) >= 0) {
		p->after = (float)v / TWIPS;
		p->set |= WD_P_AFTER;
	}
	/* in hundredths of a line: a line is taken as 12 pt, as Word does for
	 * the grid-less case */
	if ((v = wd_xml_attr_num(x, WD_NS_W, "beforeLines", -1)) >= 0) {
		p->before = (float)v / 100.0f * 12.0f;
		p->set |= WD_P_BEFORE;
	}
	if ((v = wd_xml_attr_num(x, WD_NS_W, "afterLines", -1)) >= 0) {
		p->after = (float)v / 100.0f * 12.0f;
		p->set |= WD_P_AFTER;
	}
	char *a = wd_xml_attr(x, WD_NS_W, "beforeAutospacing");
	if (a) {
		p->before_auto = strcmp(a, "1") == 0 || strcmp(a, "true") == 0 || strcmp(a, "on") == 0;
		p->set |= WD_P_BEFORE_AUTO;
		free(a);
	}
	a = wd_xml_attr(x, WD_NS_W, "afterAutospacing");
	if (a) {
		p->after_auto = strcmp(a, "1") == 0 || strcmp(a, "true") == 0 || strcmp(a, "on") == 0;
		p->set |= WD_P_AFTER_AUTO;
		free(a);
	}
	if ((v = wd_xml_attr_num(x, WD_NS_W, "line", -1)) > 0) {
		char *rule = wd_xml_attr(x, WD_NS_W, "lineRule");
		if (!rule || strcmp(rule, "auto") == 0) {
			p->line_rule = RL_LINE_AUTO;
			p->line = (float)v / 240.0f;
		} else {
			p->line_rule = strcmp(rule, "exact") == 0 ? RL_LINE_EXACT : RL_LINE_AT_LEAST;
			p->line = (float)v / TWIPS;
		}
		free(rule);
		p->set |= WD_P_LINE;
	}
}

static void read_ind(struct wd_xml *x, struct wd_ppr *p)
{
	double v;
	if ((v = wd_xml_attr_num(x, WD_NS_W, "left", 1e9)) < 1e9 ||
	    (v = wd_xml_attr_num(x, WD_NS_W, "start", 1e9)) < 1e9) {
		p->ind_left = (float)v / TWIPS;
		p->set |= WD_P_IND_LEFT;
	}
	if ((v = wd_xml_attr_num(x, WD_NS_W, "right", 1e9)) < 1e9 ||
	    (v = wd_xml_attr_num(x, WD_NS_W, "end", 1e9)) < 1e9) {
		p->ind_right = (float)v / TWIPS;
		p->set |= WD_P_IND_RIGHT;
	}
	if ((v = wd_xml_attr_num(x, WD_NS_W, "hanging", 1e9)) < 1e9) {
		p->ind_first = -(float)v / TWIPS;
		p->set |= WD_P_IND_FIRST;
	} else if ((v = wd_xml_attr_num(x, WD_NS_W, "firstLine", 1e9)) < 1e9) {
		p->ind_first = (float)v / TWIPS;
		p->set |= WD_P_IND_FIRST;
	}
}

static void read_tab(struct wd_xml *x, struct wd_ppr *p)
{
	char *val = wd_xml_attr(x, WD_NS_W, "val");
	double pos = wd_xml_attr_num(x, WD_NS_W, "pos", -1e9);
	if (!val || pos <= -1e9 || p->ntabs >= WD_MAX_TABS) {
		free(val);
		return;
	}
	struct rl_lf_tab *t = &p->tabs[p->ntabs];
	p->tab_clear[p->ntabs] = strcmp(val, "clear") == 0;
	t->pos = (float)pos / TWIPS;
	t->kind = strcmp(val, "right") == 0 || strcmp(val, "end") == 0 ? RL_TAB_RIGHT
		  : strcmp(val, "center") == 0 ? RL_TAB_CENTER
		  : strcmp(val, "decimal") == 0 ? RL_TAB_DECIMAL
		  : strcmp(val, "bar") == 0 ? RL_TAB_BAR
					    : RL_TAB_LEFT;
	p->ntabs++;
	free(val);
}

static enum rl_align read_jc(struct wd_xml *x)
{
	char *v = wd_xml_attr(x, WD_NS_W, "val");
	enum rl_align a = RL_ALIGN_LEFT;
	if (v && strcmp(v, "center") == 0)
		a = RL_ALIGN_CENTER;
	else if (v && (strcmp(v, "right") == 0 || strcmp(v, "end") == 0))
		a = RL_ALIGN_RIGHT;
	else if (v && (strcmp(v, "both") == 0 || strcmp(v, "distribute") == 0))
		a = RL_ALIGN_JUSTIFY;
	free(v);
	return a;
}

int wd_read_ppr(struct wd_xml *x, struct wd_ppr *p, char *style, size_t style_cap, struct wd_rpr *mark,
		wd_sect_reader sect, void *ctx)
{
	int depth = x->depth, rc;
	if (x->empty)
		return 1;
	while ((rc = wd_xml_next(x)) > 0) {
		if (x->node == WD_END && x->depth == depth)
			return 1;
		if (x->node != WD_START)
			continue;
		if (x->ns != WD_NS_W) {
			if ((rc = wd_xml_skip(x)) <= 0)
				return rc;
			continue;
		}
		const char *n = x->name;
		if (strcmp(n, "pStyle") == 0 && style) {
			copy_val(x, "val", style, style_cap);
		} else if (strcmp(n, "spacing") == 0) {
			read_spacing(x, p);
		} else if (strcmp(n, "ind") == 0) {
			read_ind(x, p);
		} else if (strcmp(n, "jc") == 0) {
			p->jc = read_jc(x);
			p->set |= WD_P_JC;
		} else if (strcmp(n, "keepNext") == 0) {
			p->keep_next = (uint8_t)wd_xml_attr_onoff(x);
			p->set |= WD_P_KEEP_NEXT;
		} else if (strcmp(n, "keepLines") == 0) {
			p->keep_lines = (uint8_t)wd_xml_attr_onoff(x);
			p->set |= WD_P_KEEP_LINES;
		} else if (strcmp(n, "contextualSpacing") == 0) {
			p->contextual = (uint8_t)wd_xml_attr_onoff(x);
			p->set |= WD_P_CONTEXTUAL;
		} else if (strcmp(n, "pageBreakBefore") == 0) {
			p->page_break_before = (uint8_t)wd_xml_attr_onoff(x);
			p->set |= WD_P_PAGE_BREAK_BEFORE;
		} else if (strcmp(n, "widowControl") == 0) {
			p->widow = (uint8_t)wd_xml_attr_onoff(x);
			p->set |= WD_P_WIDOW;
		} else if (strcmp(n, "outlineLvl") == 0) {
			p->outline = (int)wd_xml_attr_num(x, WD_NS_W, "val", 9);
			p->set |= WD_P_OUTLINE;
		} else if (strcmp(n, "ilvl") == 0) {
			p->ilvl = (int)wd_xml_attr_num(x, WD_NS_W, "val", 0);
			p->set |= WD_P_ILVL;
		} else if (strcmp(n, "numId") == 0) {
			p->num_id = (int)wd_xml_attr_num(x, WD_NS_W, "val", 0);
			p->set |= WD_P_NUM;
		} else if (strcmp(n, "listPr") == 0) {
			/* Word 2003: a list paragraph; the number comes later */
			if (!(p->set & WD_P_NUM))
				p->num_id = -1;
			p->set |= WD_P_NUM;
			continue; /* its children (w:ilvl, w:ilfo) are read as they come */
		} else if (strcmp(n, "tab") == 0) {
			read_tab(x, p);
		} else if (strcmp(n, "tabs") == 0 || strcmp(n, "numPr") == 0) {
			continue; /* read the children */
		} else if (strcmp(n, "rPr") == 0 && mark) {
			if ((rc = wd_read_rpr(x, mark)) <= 0)
				return rc;
			continue;
		} else if (strcmp(n, "sectPr") == 0 && sect) {
			if ((rc = sect(ctx, x)) <= 0)
				return rc;
			continue;
		}
		if ((rc = wd_xml_skip(x)) <= 0)
			return rc;
	}
	return rc;
}

int wd_read_rpr(struct wd_xml *x, struct wd_rpr *r)
{
	int depth = x->depth, rc;
	if (x->empty)
		return 1;
	while ((rc = wd_xml_next(x)) > 0) {
		if (x->node == WD_END && x->depth == depth)
			return 1;
		if (x->node != WD_START)
			continue;
		const char *n = x->name;
		if (x->ns != WD_NS_W) {
		} else if (strcmp(n, "rStyle") == 0) {
			copy_val(x, "val", r->style, sizeof r->style);
		} else if (strcmp(n, "rFonts") == 0) {
			char *theme = wd_xml_attr(x, WD_NS_W, "asciiTheme");
			if (!theme)
				theme = wd_xml_attr(x, WD_NS_W, "hAnsiTheme");
			char *font = wd_xml_attr(x, WD_NS_W, "ascii");
			if (!font)
				font = wd_xml_attr(x, WD_NS_W, "hAnsi");
			if (theme) {
				/* the theme attribute wins over the name (ECMA-376 17.3.2.26) */
				r->theme = strncmp(theme, "major", 5) == 0 ? WD_THEME_MAJOR : WD_THEME_MINOR;
				r->set |= WD_R_FONT;
			} else if (font) {
				snprintf(r->font, sizeof r->font, "%s", font);
				r->theme = WD_THEME_NONE;
				r->set |= WD_R_FONT;
			}
			free(theme);
			free(font);
		} else if (strcmp(n, "sz") == 0) {
			double v = wd_xml_attr_num(x, WD_NS_W, "val", -1);
			if (v > 0 && v < 3300) {
				r->size = (float)v / 2.0f;
				r->set |= WD_R_SIZE;
			}
		} else if (strcmp(n, "b") == 0) {
			r->bold = (uint8_t)wd_xml_attr_onoff(x);
			r->set |= WD_R_BOLD;
		} else if (strcmp(n, "i") == 0) {
			r->italic = (uint8_t)wd_xml_attr_onoff(x);
			r->set |= WD_R_ITALIC;
		} else if (strcmp(n, "caps") == 0) {
			r->caps = (uint8_t)wd_xml_attr_onoff(x);
			r->set |= WD_R_CAPS;
		} else if (strcmp(n, "smallCaps") == 0) {
			r->small_caps = (uint8_t)wd_xml_attr_onoff(x);
			r->set |= WD_R_SMALL_CAPS;
		} else if (strcmp(n, "vanish") == 0 || strcmp(n, "specVanish") == 0 || strcmp(n, "webHidden") == 0) {
			r->vanish = (uint8_t)wd_xml_attr_onoff(x);
			r->set |= WD_R_VANISH;
		} else if (strcmp(n, "spacing") == 0) {
			r->spacing = (float)wd_xml_attr_num(x, WD_NS_W, "val", 0) / TWIPS;
			r->set |= WD_R_SPACING;
		} else if (strcmp(n, "w") == 0) {
			/* character scale in percent, 1-600 (ECMA-376 17.3.2.43) */
			double v = wd_xml_attr_num(x, WD_NS_W, "val", 100);
			r->scale = (float)(v >= 1 && v <= 600 ? v : 100) / 100.0f;
			r->set |= WD_R_SCALE;
		}
		if ((rc = wd_xml_skip(x)) <= 0)
			return rc;
	}
	return rc;
}

void wd_ppr_merge(struct wd_ppr *b, const struct wd_ppr *o)
{
	unsigned s = o->set;
	if (s & WD_P_BEFORE)
		b->before = o->before;
	if (s & WD_P_AFTER)
		b->after = o->after;
	if (s & WD_P_BEFORE_AUTO)
		b->before_auto = o->before_auto;
	if (s & WD_P_AFTER_AUTO)
		b->after_auto = o->after_auto;
	if (s & WD_P_LINE) {
		b->line = o->line;
		b->line_rule = o->line_rule;
	}
	if (s & WD_P_IND_LEFT)
		b->ind_left = o->ind_left;
	if (s & WD_P_IND_RIGHT)
		b->ind_right = o->ind_right;
	if (s & WD_P_IND_FIRST)
		b->ind_first = o->ind_first;
	if (s & WD_P_JC)
		b->jc = o->jc;
	if (s & WD_P_KEEP_NEXT)
		b->keep_next = o->keep_next;
	if (s & WD_P_KEEP_LINES)
		b->keep_lines = o->keep_lines;
	if (s & WD_P_CONTEXTUAL)
		b->contextual = o->contextual;
	if (s & WD_P_PAGE_BREAK_BEFORE)
		b->page_break_before = o->page_break_before;
	if (s & WD_P_WIDOW)
		b->widow = o->widow;
	if (s & WD_P_OUTLINE)
		b->outline = o->outline;
	if (s & WD_P_NUM)
		b->num_id = o->num_id;
	if (s & WD_P_ILVL)
		b->ilvl = o->ilvl;
	for (unsigned i = 0; i < o->ntabs; i++) {
		unsigned k;
		for (k = 0; k < b->ntabs; k++)
			if (b->tabs[k].pos > o->tabs[i].pos - 0.05f && b->tabs[k].pos < o->tabs[i].pos + 0.05f)
				break;
		if (o->tab_clear[i]) {
			if (k < b->ntabs) {
				memmove(&b->tabs[k], &b->tabs[k + 1], (b->ntabs - k - 1) * sizeof b->tabs[0]);
				memmove(&b->tab_clear[k], &b->tab_clear[k + 1], b->ntabs - k - 1);
				b->ntabs--;
			}
			continue;
		}
		if (k == b->ntabs && b->ntabs < WD_MAX_TABS)
			b->ntabs++;
		if (k < WD_MAX_TABS) {
			b->tabs[k] = o->tabs[i];
			b->tab_clear[k] = 0;
		}
	}
	b->set |= s;
}

void wd_rpr_merge(struct wd_rpr *b, const struct wd_rpr *o)
{
	unsigned s = o->set;
	if (s & WD_R_FONT) {
		memcpy(b->font, o->font, sizeof b->font);
		b->theme = o->theme;
	}
	if (s & WD_R_SIZE)
		b->size = o->size;
	if (s & WD_R_BOLD)
		b->bold = o->bold;
	if (s & WD_R_ITALIC)
		b->italic = o->italic;
	if (s & WD_R_CAPS)
		b->caps = o->caps;
	if (s & WD_R_SMALL_CAPS)
		b->small_caps = o->small_caps;
	if (s & WD_R_VANISH)
		b->vanish = o->vanish;
	if (s & WD_R_SPACING)
		b->spacing = o->spacing;
	if (s & WD_R_SCALE)
		b->scale = o->scale;
	b->set |= s;
}

/* The side a child of w:tblCellMar, w:tcMar, w:tblBorders or w:tcBorders
 * names (start/end are the bidi-neutral left/right), or -1. */
static int side_of(const char *n)
{
	static const struct {
		const char *name;
		int side;
	} sides[] = {
		{ "top", WD_SIDE_TOP },		  { "bottom", WD_SIDE_BOTTOM },	    { "left", WD_SIDE_LEFT },
		{ "start", WD_SIDE_LEFT },	  { "right", WD_SIDE_RIGHT },	    { "end", WD_SIDE_RIGHT },
		{ "insideH", WD_SIDE_INSIDE_H }, { "insideV", WD_SIDE_INSIDE_V },
	};
	for (size_t i = 0; i < sizeof sides / sizeof *sides; i++)
		if (strcmp(n, sides[i].name) == 0)
			return sides[i].side;
	return -1;
}

int wd_read_margins(struct wd_xml *x, struct wd_box *b)
{
	int depth = x->depth, rc;
	if (x->empty)
		return 1;
	while ((rc = wd_xml_next(x)) > 0) {
		if (x->node == WD_END && x->depth == depth)
			return 1;
		if (x->node != WD_START || x->ns != WD_NS_W)
			continue;
		int side = side_of(x->name);
		if (side < 0 || side > WD_SIDE_RIGHT)
			continue;
		/* type dxa (twips) or nil; pct margins are not used by Word */
		char *type = wd_xml_attr(x, WD_NS_W, "type");
		double v = type && strcmp(type, "nil") == 0 ? 0 : wd_xml_attr_num(x, WD_NS_W, "w", 0);
		free(type);
		b->mar[side] = v > 0 && v < 31680 ? (float)v / TWIPS : 0;
		b->mar_set |= 1u << side;
	}
	return rc;
}

int wd_read_borders(struct wd_xml *x, struct wd_box *b)
{
	int depth = x->depth, rc;
	if (x->empty)
		return 1;
	while ((rc = wd_xml_next(x)) > 0) {
		if (x->node == WD_END && x->depth == depth)
			return 1;
		if (x->node != WD_START || x->ns != WD_NS_W)
			continue;
		int side = side_of(x->name);
		if (side < 0)
			continue;
		/* w:sz is in eighths of a point; none and nil draw nothing */
		char *val = wd_xml_attr(x, WD_NS_W, "val");
		double sz = wd_xml_attr_num(x, WD_NS_W, "sz", 4);
		int none = !val || strcmp(val, "none") == 0 || strcmp(val, "nil") == 0;
		free(val);
		b->border[side] = none || sz <= 0 ? 0 : (float)(sz < 96 ? sz : 96) / 8.0f;
		b->border_set |= 1u << side;
	}
	return rc;
}

void wd_box_merge(struct wd_box *b, const struct wd_box *o)
{
	for (int i = 0; i < 4; i++)
		if (o->mar_set & (1u << i))
			b->mar[i] = o->mar[i];
	for (int i = 0; i < WD_SIDE_N; i++)
		if (o->border_set & (1u << i))
			b->border[i] = o->border[i];
	b->mar_set |= o->mar_set;
	b->border_set |= o->border_set;
}
