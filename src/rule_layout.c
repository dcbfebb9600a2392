/* Rule kind `layout`: what trips applicant-tracking parsers, read from the
 * model. Each hazard is a detector here and a message in the rule file:
 *   header-contact  contact details only in the page header or footer
 *   text-box        text inside text boxes
 *   layout-table    a borderless table that lays out the page (Word)
 *   columns         a section set in newspaper columns (Word)
 *   text-image      a resume that is mostly a picture
 * A hazard message may use {value} (a count). */
#include <stdio.h>
#include <stdlib.h>

#include "alloc.h"
#include "contact.h"
#include "engine.h"

enum hazard {
	HZ_HEADER_CONTACT,
	HZ_TEXT_BOX,
	HZ_LAYOUT_TABLE,
	HZ_COLUMNS,
	HZ_TEXT_IMAGE,
	HZ_COUNT
};

static const char *const hazard_names[HZ_COUNT] = {
	"header-contact", "text-box", "layout-table", "columns", "text-image",
};

struct layout_rule {
	char *message[HZ_COUNT]; /* NULL: the hazard is not checked */
};

static int set_hazards(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	struct layout_rule *l = r->impl;
	return rl_rule_set_check_messages(v, ld, "hazard", hazard_names, HZ_COUNT, l->message);
}

static const struct rl_rule_key keys[] = {
	{ "hazards", set_hazards, "hazard → message: header-contact, text-box, layout-table, columns, text-image" },
	{ NULL, NULL, NULL },
};

static void *impl_new(void)
{
	return rl_xcalloc(1, sizeof(struct layout_rule));
}

static void impl_free(void *v)
{
	struct layout_rule *l = v;
	for (int h = 0; h < HZ_COUNT; h++)
		free(l->message[h]);
	free(l);
}

static int finish(struct rl_rule *r, const struct rl_ynode *root, struct rl_rule_loader *ld)
{
	struct layout_rule *l = r->impl;
	return rl_rule_need_check_message(ld, root, "hazards", l->message, HZ_COUNT);
}

/* Emits hazard h at block b, {value} in its message replaced by count. */
static void report(struct rl_run *run, const struct layout_rule *l, int h, const struct rl_block *b, size_t count)
{
	const struct rl_doc *doc = run->doc;
	char n[32];
	snprintf(n, sizeof n, "%zu", count);
	char *msg = rl_rule_fill_check_message(l->message[h], n, NULL);
	struct rl_msg_vars vars = { msg, NULL, NULL };
	if (b)
		rl_emit(run, b->start, b->end, b->text, b->text_len, (int)doc->sections[b->section].kind, &vars);
	else
		rl_emit(run, 0, 0, NULL, 0, -1, &vars);
	free(msg);
}

static int is_margin_block(const struct rl_block *b)
{
	return b->kind == RL_BLOCK_PAGE_HEADER || b->kind == RL_BLOCK_PAGE_FOOTER;
}

static void header_contact(struct rl_run *run, const struct layout_rule *l)
{
	const struct rl_doc *doc = run->doc;
	const struct rl_block *in_margin = NULL;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		if (!rl_has_contact(b->text, b->text_len))
			continue;
		if (!is_margin_block(b))
			return; /* the body has them: fine */
		if (!in_margin)
			in_margin = b;
	}
	if (in_margin)
		report(run, l, HZ_HEADER_CONTACT, in_margin, 1);
}

static void text_boxes(struct rl_run *run, const struct layout_rule *l)
{
	const struct rl_doc *doc = run->doc;
	const struct rl_block *first = NULL;
	size_t n = 0;
	for (size_t i = 0; i < doc->nblocks; i++) {
		if (!(doc->blocks[i].flags & RL_BF_TEXTBOX))
			continue;
		if (!first)
			first = &doc->blocks[i];
		n++;
	}
	if (first)
		report(run, l, HZ_TEXT_BOX, first, n);
}

/* A Word table without borders, of two or more columns, holding a heading or
 * a good part of the text: a layout grid, not a table of data. */
static void layout_tables(struct rl_run *run, const struct layout_rule *l)
{
	const struct rl_doc *doc = run->doc;
	const struct rl_layout_facts *f = doc->layout;
	if (!f)
		return;
	for (size_t t = 0; t < f->ntables; t++) {
		const struct rl_lf_table *tb = &f->tables[t];
		if (tb->borders || tb->ncols < 2 || tb->nested)
			continue;
		size_t words = 0, first = SIZE_MAX;
		int heading = 0;
		for (size_t i = 0; i < doc->nblocks; i++) {
			const struct rl_block *b = &doc->blocks[i];
			if (b->table != t + 1)
				continue;
			if (first == SIZE_MAX)
				first = i;
			words += rl_count_words(b->text, b->text_len);
			heading |= b->kind == RL_BLOCK_HEADING || (b->flags & RL_BF_SECTION_HEADING);
		}
		if (first != SIZE_MAX && (heading || words * 4 >= doc->words)) {
			report(run, l, HZ_LAYOUT_TABLE, &doc->blocks[first], tb->ncols);
			return; /* once is enough */
		}
	}
}

static void columns(struct rl_run *run, const struct layout_rule *l)
{
	const struct rl_doc *doc = run->doc;
	const struct rl_layout_facts *f = doc->layout;
	if (!f)
		return;
	for (size_t s = 0; s < f->nsections; s++) {
		if (f->sections[s].columns < 2)
			continue;
		for (size_t i = 0; i < f->nparas; i++) {
			const struct rl_lf_para *p = &f->paras[i];
			if (p->section == s && p->block != SIZE_MAX && !p->in_header && !p->in_footer) {
				report(run, l, HZ_COLUMNS, &doc->blocks[p->block], f->sections[s].columns);
				return;
			}
		}
	}
}

/* Little text and a picture covering a good part of a page. */
static void text_image(struct rl_run *run, const struct layout_rule *l)
{
	const struct rl_doc *doc = run->doc;
	if (doc->words >= 100)
		return;
	for (size_t i = 0; i < doc->nimages; i++) {
		const struct rl_image *im = &doc->images[i];
		if (im->width * im->height >= 0.4 * 612 * 792 * 0.5 && !im->in_header) {
			report(run, l, HZ_TEXT_IMAGE, im->block < doc->nblocks ? &doc->blocks[im->block] : NULL, 1);
			return;
		}
	}
}

static void run(const struct rl_rule *r, struct rl_run *run)
{
	const struct layout_rule *l = r->impl;
	if (l->message[HZ_HEADER_CONTACT])
		header_contact(run, l);
	if (l->message[HZ_TEXT_BOX])
		text_boxes(run, l);
	if (l->message[HZ_LAYOUT_TABLE])
		layout_tables(run, l);
	if (l->message[HZ_COLUMNS])
		columns(run, l);
	if (l->message[HZ_TEXT_IMAGE])
		text_image(run, l);
}

const struct rl_rule_kind rl_rule_kind_layout = {
	.name = "layout",
	.help = "reports layouts applicant-tracking parsers trip on: contact details only in a header, text boxes, "
		"layout tables, columns, a resume that is a picture",
	.keys = keys,
	.impl_new = impl_new,
	.finish = finish,
	.run = run,
	.impl_free = impl_free,
};
