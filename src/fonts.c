/* Font metrics lookups over the generated tables (fontmetrics_table.c). */
#include "fonts.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* Longest family name folded for the lookup; longer names are unknown. */
#define KEY_MAX 96

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Folds family into key: ASCII lower case, ASCII white space dropped.
 * Returns 0 when it does not fit. */
static int fold_family(const char *family, char key[KEY_MAX])
{
	size_t n = 0;
	for (const char *p = family; *p; p++) {
		char c = *p;
		if (is_space(c))
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (n + 1 >= KEY_MAX)
			return 0;
		key[n++] = c;
	}
	key[n] = '\0';
	return 1;
}

static int alias_cmp(const void *key, const void *elem)
{
	const struct rl_font_alias *a = elem;
	return strcmp(key, a->key);
}

void rl_font_lookup(const char *family, struct rl_font_match *m)
{
	char key[KEY_MAX];
	const struct rl_font_alias *a = NULL;
	if (family && fold_family(family, key) && key[0])
		a = bsearch(key, rl_font_aliases, rl_font_alias_count, sizeof rl_font_aliases[0], alias_cmp);
	if (a) {
		m->font = &rl_font_faces[a->face];
		m->exact = a->exact;
		m->approx_vertical = (a->flags & RL_FONT_APPROX_VERTICAL) != 0;
		m->known = 1;
	} else {
		m->font = &rl_font_faces[rl_font_unknown_face];
		m->exact = 0;
		m->approx_vertical = 0;
		m->known = 0;
	}
}

const struct rl_font *rl_font_find(const char *family, int *exact)
{
	struct rl_font_match m;
	rl_font_lookup(family, &m);
	if (exact)
		*exact = m.exact;
	return m.font;
}

const char *rl_font_name(const struct rl_font *f)
{
	return f ? f->name : rl_font_faces[rl_font_unknown_face].name;
}

enum rl_font_class rl_font_class(const struct rl_font *f)
{
	if (!f)
		f = &rl_font_faces[rl_font_unknown_face];
	return (enum rl_font_class)f->cls;
}

/* Index of cp's width in the tables, or -1. */
static int width_index(uint32_t cp)
{
	for (unsigned i = 0; i < rl_font_range_count; i++) {
		const struct rl_font_range *r = &rl_font_ranges[i];
		if (cp < r->first)
			return -1; /* the ranges are in order */
		if (cp <= r->last)
			return (int)(r->at + (cp - r->first));
	}
	return -1;
}

/* Characters that take no room on the line. */
static int is_zero_width(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xAD
	    || (cp >= 0x0300 && cp <= 0x036F)   /* combining diacritical marks */
	    || (cp >= 0x200B && cp <= 0x200F)   /* zero-width space, joiners, marks */
	    || (cp >= 0x2028 && cp <= 0x202E)   /* separators, bidi embedding */
	    || (cp >= 0x2060 && cp <= 0x2064)   /* word joiner, invisible operators */
	    || (cp >= 0x2066 && cp <= 0x206F)   /* bidi isolates, deprecated formats */
	    || cp == 0xFEFF
	    || (cp >= 0xFE00 && cp <= 0xFE0F);  /* variation selectors */
}

/* East Asian wide and fullwidth characters: set 1 em wide by the CJK
 * fallback font (Droid Sans Fallback). */
static int is_wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E)
	    || (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF)
	    || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
	    || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
	    || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
	    || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* Width of entry i in face g, 0 when it has no glyph: the bold glyph, else
 * the regular one (LibreOffice emboldens it). */
static unsigned face_width(const struct rl_font *g, int i, int bold)
{
	unsigned w = bold ? g->width[1][i] : 0;
	return w ? w : g->width[0][i];
}

float rl_font_advance(const struct rl_font *f, uint32_t cp, int bold)
{
	if (!f)
		f = &rl_font_faces[rl_font_unknown_face];
	bold = bold != 0;
	if (is_zero_width(cp))
		return 0.0f;
	int i = width_index(cp);
	if (i >= 0) {
		unsigned w = face_width(f, i, bold);
		for (int k = 0; !w && k < RL_FONT_MAX_CHAIN && f->fallback[k] >= 0; k++)
			w = face_width(&rl_font_faces[f->fallback[k]], i, bold);
		if (w)
			return (float)w / 1000.0f;
	}
	if (is_wide(cp))
		return 1.0f;
	return (float)f->avg[bold] / 1000.0f;
}

/* LibreOffice 7.4's ascent, descent and leading in font units
 * (vcl/source/font/fontmetric.cxx, ImplCalcLineSpacing): hhea; the OS/2 win
 * values when hhea has none; OS/2 typo when USE_TYPO_METRICS is set. */
static void lo_metrics(const struct rl_font *f, int *asc, int *desc, int *gap)
{
	*asc = abs(f->hhea_ascender);
	*desc = abs(f->hhea_descender);
	*gap = f->hhea_line_gap;
	if (*asc == 0 && *desc == 0) {
		*asc = f->win_ascent;
		*desc = f->win_descent;
		*gap = 0;
	}
	if (f->use_typo && f->typo_ascender >= 0 && f->typo_descender <= 0) {
		*asc = f->typo_ascender;
		*desc = -f->typo_descender;
		*gap = f->typo_line_gap;
	}
}

float rl_font_ascent(const struct rl_font *f)
{
	int asc, desc, gap;
	if (!f)
		f = &rl_font_faces[rl_font_unknown_face];
	lo_metrics(f, &asc, &desc, &gap);
	return (float)(asc + gap) / (float)f->upem;
}

float rl_font_descent(const struct rl_font *f)
{
	int asc, desc, gap;
	if (!f)
		f = &rl_font_faces[rl_font_unknown_face];
	lo_metrics(f, &asc, &desc, &gap);
	return (float)desc / (float)f->upem;
}

float rl_font_word_line(const struct rl_font *f)
{
	if (!f)
		f = &rl_font_faces[rl_font_unknown_face];
	int win = f->win_ascent + f->win_descent;
	int hhea = f->hhea_ascender - f->hhea_descender;
	int ext = f->hhea_line_gap - (win - hhea);
	if (ext < 0)
		ext = 0;
	return (float)(win + ext) / (float)f->upem;
}
