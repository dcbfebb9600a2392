/* Styles, numbering, theme and settings parts, and property resolution. */
#include "styles.h"

#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "word_limits.h"

void wd_styles_init(struct wd_styles *s)
{
	memset(s, 0, sizeof *s);
	s->default_tab = 36.0f; /* 720 twips, Word's default */
	/* the schema's defaults: what an empty w:docDefaults and Word 2003 XML
	 * get (a package without w:docDefaults: wd_styles_use_app_defaults) */
	s->default_rpr.size = 10.0f;
	s->default_rpr.set = WD_R_SIZE;
	s->default_ppr.line = 1.0f;
	s->default_ppr.line_rule = RL_LINE_AUTO;
	s->default_ppr.widow = 1;
	s->default_ppr.outline = 9;
	s->default_para = s->default_table = SIZE_MAX;
}

void wd_styles_free(struct wd_styles *s)
{
	free(s->v);
	free(s->by_id);
	free(s->abstracts);
	free(s->nums);
	memset(s, 0, sizeof *s);
}

static void copy_attr(struct wd_xml *x, enum wd_ns ns, const char *name, char *out, size_t cap)
{
	char *v = wd_xml_attr(x, ns, name);
	if (v) {
		snprintf(out, cap, "%s", v);
		free(v);
	}
}

/* Reads one w:style element. */
static int read_style(struct wd_styles *s, struct wd_xml *x)
{
	struct wd_style st;
	memset(&st, 0, sizeof st);
	char type[16] = "paragraph";
	copy_attr(x, WD_NS_W, "type", type, sizeof type);
	copy_attr(x, WD_NS_W, "styleId", st.id, sizeof st.id);
	char def[8] = "";
	copy_attr(x, WD_NS_W, "default", def, sizeof def);
	st.is_default = strcmp(def, "1") == 0 || strcmp(def, "true") == 0 || strcmp(def, "on") == 0;
	st.type = type[0] == 'c' ? 'c' : type[0] == 't' ? 't' : type[0] == 'n' ? 'n' : 'p';
	st.ppr.outline = 9;
	int depth = x->depth, rc = 1;
	if (!x->empty) {
		while ((rc = wd_xml_next(x)) > 0) {
			if (x->node == WD_END && x->depth == depth)
				break;
			if (x->node != WD_START)
				continue;
			if (wd_xml_is(x, WD_NS_W, "name"))
				copy_attr(x, WD_NS_W, "val", st.name, sizeof st.name);
			else if (wd_xml_is(x, WD_NS_W, "basedOn"))
				copy_attr(x, WD_NS_W, "val", st.based_on, sizeof st.based_on);
			else if (wd_xml_is(x, WD_NS_W, "pPr")) {
				if ((rc = wd_read_ppr(x, &st.ppr, NULL, 0, NULL, NULL, NULL)) <= 0)
					break;
				continue;
			} else if (wd_xml_is(x, WD_NS_W, "rPr")) {
				if ((rc = wd_read_rpr(x, &st.rpr)) <= 0)
					break;
				continue;
			} else if (wd_xml_is(x, WD_NS_W, "tblPr")) {
				continue; /* read its children */
			} else if (wd_xml_is(x, WD_NS_W, "tblCellMar")) {
				if ((rc = wd_read_margins(x, &st.tbl)) <= 0)
					break;
				continue;
			} else if (wd_xml_is(x, WD_NS_W, "tblBorders")) {
				if ((rc = wd_read_borders(x, &st.tbl)) <= 0)
					break;
				continue;
			}
			if ((rc = wd_xml_skip(x)) <= 0)
				break;
		}
	}
	if (rc < 0)
		return -1;
	if (s->n >= WD_MAX_STYLES) {
		rl_diags_add(x->diags, RL_DIAG_ERROR, x->path, 0, 0, "more than %d styles in %s", WD_MAX_STYLES,
			     x->part);
		return -1;
	}
	RL_GROW(s->v, s->n, s->cap);
	s->v[s->n++] = st;
	return 1;
}

static int read_doc_defaults(struct wd_styles *s, struct wd_xml *x)
{
	int depth = x->depth, rc = 1;
	s->has_doc_defaults = 1;
	if (x->empty)
		return 1;
	while ((rc = wd_xml_next(x)) > 0) {
		if (x->node == WD_END && x->depth == depth)
			return 1;
		if (wd_xml_is(x, WD_NS_W, "pPr")) {
			struct wd_ppr p;
			memset(&p, 0, sizeof p);
			if ((rc = wd_read_ppr(x, &p, NULL, 0, NULL, NULL, NULL)) <= 0)
				return rc;
			wd_ppr_merge(&s->default_ppr, &p);
		} else if (wd_xml_is(x, WD_NS_W, "rPr")) {
			struct wd_rpr r;
			memset(&r, 0, sizeof r);
			if ((rc = wd_read_rpr(x, &r)) <= 0)
				return rc;
			wd_rpr_merge(&s->default_rpr, &r);
		}
	}
	return rc;
}

void wd_styles_use_app_defaults(struct wd_styles *s)
{
	if (s->has_doc_defaults)
		return;
	s->default_rpr.size = 11.0f;
	strcpy(s->default_rpr.font, "Calibri");
	s->default_rpr.theme = WD_THEME_NONE;
	s->default_rpr.set |= WD_R_SIZE | WD_R_FONT;
}

static int compare_styles(const void *a, const void *b, void *ctx)
{
	const struct wd_style *v = ctx, *x = &v[*(const size_t *)a], *y = &v[*(const size_t *)b];
	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	int c = strcmp(x->id, y->id);
	return c ? c : x < y ? -1 : x > y;
}

static void index_styles(struct wd_styles *s)
{
	s->by_id = rl_xreallocarray(s->by_id, s->n, sizeof *s->by_id);
	s->nby_id = s->n;
	s->default_para = s->default_table = SIZE_MAX;
	for (size_t i = 0; i < s->n; i++) {
		s->by_id[i] = i;
		if (s->v[i].is_default && s->v[i].type == 'p' && s->default_para == SIZE_MAX)
			s->default_para = i;
		if (s->v[i].is_default && s->v[i].type == 't' && s->default_table == SIZE_MAX)
			s->default_table = i;
	}
	if (s->n > 1)
		qsort_r(s->by_id, s->n, sizeof *s->by_id, compare_styles, s->v);
}

int wd_styles_read(struct wd_styles *s, const char *data, size_t len, const char *path, const char *part,
		   struct rl_diags *diags)
{
	struct wd_xml x;
	int rc;
	if (wd_xml_open(&x, data, len, path, part, diags))
		return -1;
	while ((rc = wd_xml_next(&x)) > 0) {
		if (wd_xml_is(&x, WD_NS_W, "style"))
			rc = read_style(s, &x);
		else if (wd_xml_is(&x, WD_NS_W, "docDefaults"))
			rc = read_doc_defaults(s, &x);
		else if (wd_xml_is(&x, WD_NS_W, "body") || wd_xml_is(&x, WD_NS_W, "lists"))
			rc = wd_xml_skip(&x); /* Word 2003: the rest of the file */
		if (rc < 0)
			break;
	}
	wd_xml_close(&x);
	if (rc < 0)
		return -1;
	index_styles(s);
	return 0;
}

static void read_level(struct wd_xml *x, struct wd_num_level *l, int *rc)
{
	int depth = x->depth;
	if (x->empty)
		return;
	while ((*rc = wd_xml_next(x)) > 0) {
		if (x->node == WD_END && x->depth == depth)
			return;
		if (wd_xml_is(x, WD_NS_W, "numFmt")) {
			char *v = wd_xml_attr(x, WD_NS_W, "val");
			l->bullet = v && strcmp(v, "bullet") == 0;
			free(v);
		} else if (wd_xml_is(x, WD_NS_W, "ind")) {
			double left = wd_xml_attr_num(x, WD_NS_W, "left", 1e9);
			if (left >= 1e9)
				left = wd_xml_attr_num(x, WD_NS_W, "start", 0);
			double hanging = wd_xml_attr_num(x, WD_NS_W, "hanging", 1e9);
			double first = wd_xml_attr_num(x, WD_NS_W, "firstLine", 0);
			l->has_ind = 1;
			l->ind_left = (float)left / 20.0f;
			l->ind_first = hanging < 1e9 ? -(float)hanging / 20.0f : (float)first / 20.0f;
		}
	}
}

/* Lists and their definitions are kept sorted by id, then place in the
 * part (the first of an id counts); an element's id and place are read
 * through their offsets, to sort and search both arrays alike. */
struct id_order {
	size_t size, id_at, seq_at;
};

static const struct id_order NUM_ORDER = { sizeof(struct wd_num), offsetof(struct wd_num, id),
					   offsetof(struct wd_num, seq) };
static const struct id_order ABSTRACT_ORDER = { sizeof(struct wd_abstract_num), offsetof(struct wd_abstract_num, id),
						offsetof(struct wd_abstract_num, seq) };

static int id_of(const void *e, const struct id_order *o)
{
	int id;
	memcpy(&id, (const char *)e + o->id_at, sizeof id);
	return id;
}

static int compare_ids(const void *a, const void *b, void *ctx)
{
	const struct id_order *o = ctx;
	int x = id_of(a, o), y = id_of(b, o);
	size_t sx, sy;
	if (x != y)
		return x < y ? -1 : 1;
	memcpy(&sx, (const char *)a + o->seq_at, sizeof sx);
	memcpy(&sy, (const char *)b + o->seq_at, sizeof sy);
	return (sx > sy) - (sx < sy);
}

static void sort_ids(void *v, size_t n, const struct id_order *o)
{
	if (n > 1)
		qsort_r(v, n, o->size, compare_ids, (void *)o);
}

/* The first element of sorted v with id, or n. */
static size_t find_id(const void *v, size_t n, const struct id_order *o, int id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (id_of((const char *)v + mid * o->size, o) < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && id_of((const char *)v + lo * o->size, o) == id ? lo : n;
}

static int too_many_lists(struct wd_xml *x)
{
	rl_diags_add(x->diags, RL_DIAG_ERROR, x->path, 0, 0, "more than %d lists in %s", WD_MAX_LISTS, x->part);
	return -1;
}

int wd_numbering_read(struct wd_styles *s, const char *data, size_t len, const char *path, const char *part,
		      struct rl_diags *diags)
{
	struct wd_xml x;
	int rc;
	struct wd_abstract_num *cur_abs = NULL;
	struct wd_num *cur_num = NULL;
	int over_lvl = -1;
	if (wd_xml_open(&x, data, len, path, part, diags))
		return -1;
	while ((rc = wd_xml_next(&x)) > 0) {
		if (wd_xml_is(&x, WD_NS_W, "abstractNum")) {
			if (s->nabstracts >= WD_MAX_LISTS) {
				rc = too_many_lists(&x);
				break;
			}
			RL_GROW(s->abstracts, s->nabstracts, s->abstracts_cap);
			cur_abs = &s->abstracts[s->nabstracts];
			memset(cur_abs, 0, sizeof *cur_abs);
			cur_abs->seq = s->nabstracts++;
			cur_abs->id = (int)wd_xml_attr_num(&x, WD_NS_W, "abstractNumId", -1);
			cur_num = NULL;
		} else if (wd_xml_is(&x, WD_NS_W, "num")) {
			if (s->nnums >= WD_MAX_LISTS) {
				rc = too_many_lists(&x);
				break;
			}
			RL_GROW(s->nums, s->nnums, s->nums_cap);
			cur_num = &s->nums[s->nnums];
			memset(cur_num, 0, sizeof *cur_num);
			cur_num->seq = s->nnums++;
			cur_num->id = (int)wd_xml_attr_num(&x, WD_NS_W, "numId", -1);
			cur_num->abstract_id = -1;
			cur_abs = NULL;
		} else if (wd_xml_is(&x, WD_NS_W, "abstractNumId") && cur_num) {
			cur_num->abstract_id = (int)wd_xml_attr_num(&x, WD_NS_W, "val", -1);
		} else if (wd_xml_is(&x, WD_NS_W, "lvlOverride") && cur_num) {
			over_lvl = (int)wd_xml_attr_num(&x, WD_NS_W, "ilvl", -1);
		} else if (wd_xml_is(&x, WD_NS_W, "lvl")) {
			int ilvl = (int)wd_xml_attr_num(&x, WD_NS_W, "ilvl", -1);
			struct wd_num_level *l = NULL;
			if (cur_num && over_lvl >= 0 && over_lvl < 9) {
				l = &cur_num->override[over_lvl];
				cur_num->has_override[over_lvl] = 1;
			} else if (cur_abs && ilvl >= 0 && ilvl < 9) {
				l = &cur_abs->lvl[ilvl];
			}
			if (l)
				read_level(&x, l, &rc);
			else
				rc = wd_xml_skip(&x);
		}
		if (rc < 0)
			break;
	}
	wd_xml_close(&x);
	if (rc < 0)
		return -1; /* unsorted: the caller may drop what this read added */
	sort_ids(s->abstracts, s->nabstracts, &ABSTRACT_ORDER);
	sort_ids(s->nums, s->nnums, &NUM_ORDER);
	return 0;
}

int wd_theme_read(struct wd_styles *s, const char *data, size_t len, const char *path, const char *part,
		  struct rl_diags *diags)
{
	struct wd_xml x;
	int rc, in = 0; /* 1 major, 2 minor */
	if (wd_xml_open(&x, data, len, path, part, diags))
		return -1;
	while ((rc = wd_xml_next(&x)) > 0) {
		if (wd_xml_is(&x, WD_NS_A, "majorFont"))
			in = 1;
		else if (wd_xml_is(&x, WD_NS_A, "minorFont"))
			in = 2;
		else if (wd_xml_is(&x, WD_NS_A, "latin") && in) {
			copy_attr(&x, WD_NS_OTHER, "typeface", in == 1 ? s->major_font : s->minor_font,
				  sizeof s->major_font);
			if (in == 2)
				break; /* the minor font comes second: the rest is colours and effects */
			in = 0;
		}
	}
	wd_xml_close(&x);
	return rc < 0 ? -1 : 0;
}

int wd_settings_read(struct wd_styles *s, const char *data, size_t len, const char *path, const char *part,
		     struct rl_diags *diags)
{
	struct wd_xml x;
	int rc;
	if (wd_xml_open(&x, data, len, path, part, diags))
		return -1;
	while ((rc = wd_xml_next(&x)) > 0) {
		if (wd_xml_is(&x, WD_NS_W, "defaultTabStop")) {
			double v = wd_xml_attr_num(&x, WD_NS_W, "val", 720);
			if (v > 0)
				s->default_tab = (float)v / 20.0f;
		} else if (wd_xml_is(&x, WD_NS_W, "doNotUseHTMLParagraphAutoSpacing")) {
			s->add_spacing = wd_xml_attr_onoff(&x);
		}
	}
	wd_xml_close(&x);
	return rc < 0 ? -1 : 0;
}

/* The first style of type with id, in the part's order. */
static const struct wd_style *find(const struct wd_styles *s, const char *id, char type)
{
	if (!id || !*id || s->nby_id != s->n) /* no index: the read failed */
		return NULL;
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct wd_style *st = &s->v[s->by_id[mid]];
		if (st->type < type || (st->type == type && strcmp(st->id, id) < 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == s->n)
		return NULL;
	const struct wd_style *st = &s->v[s->by_id[lo]];
	return st->type == type && strcmp(st->id, id) == 0 ? st : NULL;
}

int wd_style_defined(const struct wd_styles *s, const char *id, char type)
{
	return find(s, id, type) != NULL;
}

const char *wd_default_para_style(const struct wd_styles *s)
{
	if (s->default_para < s->n)
		return s->v[s->default_para].id;
	return find(s, "Normal", 'p') ? "Normal" : NULL;
}

/* The style chain from the root down, at most WD_MAX_STYLE_CHAIN long (a
 * cycle ends there too). */
static size_t chain(const struct wd_styles *s, const char *id, char type, const struct wd_style **out)
{
	const struct wd_style *tmp[WD_MAX_STYLE_CHAIN];
	size_t n = 0;
	for (const struct wd_style *st = find(s, id, type); st && n < WD_MAX_STYLE_CHAIN;
	     st = find(s, st->based_on, type))
		tmp[n++] = st;
	for (size_t i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	return n;
}

int wd_numbering_is_list(const struct wd_styles *s, int num_id, int ilvl)
{
	if (num_id < 0)
		return 1; /* Word 2003 w:listPr */
	if (num_id == 0)
		return 0;
	if (find_id(s->nums, s->nnums, &NUM_ORDER, num_id) < s->nnums)
		return 1;
	(void)ilvl;
	/* a numId with no definition shows nothing in Word */
	return s->nnums == 0 && num_id > 0;
}

static const struct wd_num_level *num_level(const struct wd_styles *s, int num_id, int ilvl)
{
	if (num_id <= 0 || ilvl < 0 || ilvl > 8)
		return NULL;
	for (size_t i = find_id(s->nums, s->nnums, &NUM_ORDER, num_id); i < s->nnums && s->nums[i].id == num_id;
	     i++) {
		const struct wd_num *n = &s->nums[i];
		if (n->has_override[ilvl] && n->override[ilvl].has_ind)
			return &n->override[ilvl];
		size_t a = find_id(s->abstracts, s->nabstracts, &ABSTRACT_ORDER, n->abstract_id);
		if (a < s->nabstracts)
			return &s->abstracts[a].lvl[ilvl];
	}
	return NULL;
}

void wd_resolve_ppr(const struct wd_styles *s, const char *style, const char *table_style,
		    const struct wd_ppr *direct, struct wd_ppr *out)
{
	const struct wd_style *c[WD_MAX_STYLE_CHAIN];
	*out = s->default_ppr;
	size_t n = chain(s, table_style, 't', c);
	for (size_t i = 0; i < n; i++)
		wd_ppr_merge(out, &c[i]->ppr);
	n = chain(s, style && *style ? style : wd_default_para_style(s), 'p', c);
	/* the numbering's indent sits under the style's own */
	struct wd_ppr styled = s->default_ppr;
	styled.set = 0;
	for (size_t i = 0; i < n; i++)
		wd_ppr_merge(&styled, &c[i]->ppr);
	int num_id = direct && (direct->set & WD_P_NUM) ? direct->num_id : styled.num_id;
	int ilvl = direct && (direct->set & WD_P_ILVL) ? direct->ilvl : styled.ilvl;
	const struct wd_num_level *lvl = num_level(s, num_id, ilvl);
	/* the numbering level's indent sits under the style's own when the
	 * style brings the numbering, over it when the paragraph itself does
	 * (Word; LibreOffice imports direct numbering's indent as direct
	 * formatting: a List Paragraph with its own indent and a direct numId
	 * starts its text at the level's indent) */
	int direct_num = direct && (direct->set & WD_P_NUM);
	if (lvl && lvl->has_ind && !direct_num) {
		out->ind_left = lvl->ind_left;
		out->ind_first = lvl->ind_first;
	}
	wd_ppr_merge(out, &styled);
	if (lvl && lvl->has_ind && direct_num) {
		out->ind_left = lvl->ind_left;
		out->ind_first = lvl->ind_first;
	}
	if (direct)
		wd_ppr_merge(out, direct);
}

void wd_resolve_rpr(const struct wd_styles *s, const char *para_style, const struct wd_rpr *direct,
		    struct wd_rpr *out)
{
	const struct wd_style *c[WD_MAX_STYLE_CHAIN];
	*out = s->default_rpr;
	size_t n = chain(s, para_style && *para_style ? para_style : wd_default_para_style(s), 'p', c);
	for (size_t i = 0; i < n; i++)
		wd_rpr_merge(out, &c[i]->rpr);
	if (direct && direct->style[0]) {
		n = chain(s, direct->style, 'c', c);
		for (size_t i = 0; i < n; i++)
			wd_rpr_merge(out, &c[i]->rpr);
	}
	if (direct)
		wd_rpr_merge(out, direct);
}

void wd_resolve_table(const struct wd_styles *s, const char *style, const struct wd_box *direct,
		      struct wd_box *out)
{
	const struct wd_style *c[WD_MAX_STYLE_CHAIN];
	memset(out, 0, sizeof *out);
	out->mar[WD_SIDE_LEFT] = out->mar[WD_SIDE_RIGHT] = 5.4f; /* 108 twips */
	const char *id = style;
	if (!id || !*id) {
		id = s->default_table < s->n ? s->v[s->default_table].id : NULL;
	}
	size_t n = chain(s, id, 't', c);
	for (size_t i = 0; i < n; i++)
		wd_box_merge(out, &c[i]->tbl);
	if (direct)
		wd_box_merge(out, direct);
}

const char *wd_font_of(const struct wd_styles *s, const struct wd_rpr *r)
{
	if (r->theme == WD_THEME_MAJOR && s->major_font[0])
		return s->major_font;
	if (r->theme == WD_THEME_MINOR && s->minor_font[0])
		return s->minor_font;
	if (r->font[0])
		return r->font;
	/* no font anywhere: the schema's default (LibreOffice does not take
	 * the theme's body font here, measured) */
	return "Times New Roman";
}

int wd_style_heading(const struct wd_styles *s, const char *style)
{
	const struct wd_style *c[WD_MAX_STYLE_CHAIN];
	size_t n = chain(s, style, 'p', c);
	/* the nearest style that says: its outline level, or a built-in name */
	for (size_t i = n; i-- > 0;) {
		const struct wd_style *st = c[i];
		if ((st->ppr.set & WD_P_OUTLINE) && st->ppr.outline >= 0 && st->ppr.outline < 9)
			return st->ppr.outline + 1;
		const char *name = st->name[0] ? st->name : st->id;
		if (strncasecmp(name, "heading", 7) == 0) {
			const char *d = name + 7;
			while (*d == ' ')
				d++;
			if (*d >= '1' && *d <= '9' && !d[1])
				return *d - '0';
		}
		if (strcasecmp(name, "title") == 0)
			return 1;
	}
	return 0;
}
