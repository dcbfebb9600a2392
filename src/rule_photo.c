/* Rule kind `photo`: a picture of the person. In Markdown, an image whose
 * name, alt text or front-matter key says photo, or any image in the contact
 * block that is not a logo or an icon; in Word, a picture of portrait or
 * square shape, big enough not to be an icon, small enough not to be a page
 * background, outside the footer and not described as a logo or QR code. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "engine.h"

struct photo_rule {
	char **words, **not_words;   /* lower case */
	size_t nwords, nnot_words;
	double min_side;             /* points */
	double max_width_share;      /* of the page width */
	double min_aspect, max_aspect; /* height / width */
};

static struct photo_rule *impl(struct rl_rule *r)
{
	return r->impl;
}

static int set_words(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_word_list(v, ld, &impl(r)->words, &impl(r)->nwords);
}

static int set_not_words(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_word_list(v, ld, &impl(r)->not_words, &impl(r)->nnot_words);
}

static int set_min_side(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_set_number(v, ld, "a number", 0, 2000, &impl(r)->min_side);
}

static int set_max_width(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_set_number(v, ld, "a number", 0, 1, &impl(r)->max_width_share);
}

static int set_aspect(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	if (v->type != RL_Y_SEQ || v->n != 2) {
		rl_rule_error(ld, v, "expected [lowest, highest] height-to-width ratios");
		return -1;
	}
	if (rl_rule_set_number(v->items[0], ld, "a number", 0, 100, &impl(r)->min_aspect) ||
	    rl_rule_set_number(v->items[1], ld, "a number", 0, 100, &impl(r)->max_aspect))
		return -1;
	return 0;
}

static const struct rl_rule_key keys[] = {
	{ "words", set_words, "names, alt texts or metadata keys that say photo (photo, portrait, avatar ...)" },
	{ "not-words", set_not_words, "names or alt texts that say it is no photo (logo, icon, badge, qr ...)" },
	{ "min-side", set_min_side, "Word: a picture smaller than this many points on a side is an icon (default 36)" },
	{ "max-width", set_max_width, "Word: a picture wider than this share of the page is a background (default 0.6)" },
	{ "aspect", set_aspect, "Word: [lowest, highest] height-to-width ratio of a portrait (default [0.65, 1.8])" },
	{ NULL, NULL, NULL },
};

static void *impl_new(void)
{
	struct photo_rule *p = rl_xcalloc(1, sizeof *p);
	p->min_side = 36;
	p->max_width_share = 0.6;
	p->min_aspect = 0.65;
	p->max_aspect = 1.8;
	return p;
}

static void impl_free(void *v)
{
	struct photo_rule *p = v;
	rl_rule_word_list_free(p->words, p->nwords);
	rl_rule_word_list_free(p->not_words, p->nnot_words);
	free(p);
}

static int finish(struct rl_rule *r, const struct rl_ynode *root, struct rl_rule_loader *ld)
{
	if (!impl(r)->nwords) {
		rl_rule_error(ld, root, "missing key 'words'");
		return -1;
	}
	return 0;
}

static int image_file(const char *lower_src)
{
	static const char *const ext[] = { ".jpg", ".jpeg", ".png", ".webp", ".heic", ".bmp", ".gif", ".tif" };
	for (size_t i = 0; i < sizeof ext / sizeof *ext; i++)
		if (strstr(lower_src, ext[i]))
			return 1;
	return 0;
}

static int in_contact_block(const struct rl_doc *doc, const struct rl_image *im)
{
	if (im->block == SIZE_MAX || im->block >= doc->nblocks)
		return doc->nsections <= 1 || im->start < doc->blocks[doc->sections[1].first].start;
	return doc->sections[doc->blocks[im->block].section].kind == RL_SEC_CONTACT;
}

static int word_doc_photo(const struct photo_rule *p, const struct rl_doc *doc, const struct rl_image *im,
			  const char *names)
{
	double w = im->width, h = im->height;
	double page_w = doc->layout && doc->layout->nsections ? doc->layout->sections[0].page_w : 612;
	if (w < p->min_side || h < p->min_side || w > p->max_width_share * page_w)
		return 0;
	double aspect = h / w;
	if (aspect < p->min_aspect || aspect > p->max_aspect)
		return 0;
	if (rl_contains_any(names, p->not_words, p->nnot_words))
		return 0;
	/* a footer is for page numbers and badges, not a portrait */
	for (size_t i = 0; doc->layout && i < doc->layout->nparas; i++)
		if (doc->layout->paras[i].number == im->para && doc->layout->paras[i].in_footer)
			return 0;
	return 1;
}

static void run(const struct rl_rule *r, struct rl_run *run)
{
	const struct photo_rule *p = r->impl;
	const struct rl_doc *doc = run->doc;
	for (size_t i = 0; i < doc->nimages; i++) {
		const struct rl_image *im = &doc->images[i];
		struct rl_buf names;
		rl_buf_init(&names);
		rl_buf_addf(&names, "%s %s", im->src, im->alt);
		char *low = rl_rule_lower(names.data, strlen(names.data));
		rl_buf_free(&names);
		int photo;
		if (doc->format == RL_FORMAT_MARKDOWN)
			photo = !rl_contains_any(low, p->not_words, p->nnot_words) &&
				(rl_contains_any(low, p->words, p->nwords) || (in_contact_block(doc, im) && image_file(low)));
		else
			photo = word_doc_photo(p, doc, im, low);
		free(low);
		if (!photo)
			continue;
		const char *text = im->alt[0] ? im->alt : im->src;
		rl_emit(run, im->start, im->end > im->start ? im->end : im->start, text, strlen(text),
			im->block < doc->nblocks ? (int)doc->sections[doc->blocks[im->block].section].kind : RL_SEC_CONTACT,
			NULL);
	}
	/* front matter that names a picture of the person */
	for (size_t i = 0; i < doc->nmeta; i++) {
		const struct rl_meta *m = &doc->meta[i];
		char *key = rl_rule_lower(m->key, strlen(m->key));
		char *val = rl_rule_lower(m->value, strlen(m->value));
		int photo = rl_contains_any(key, p->words, p->nwords) && image_file(val) &&
			    !rl_contains_any(val, p->not_words, p->nnot_words);
		free(key);
		free(val);
		if (photo)
			rl_emit(run, m->start, m->end, m->value, strlen(m->value), RL_SEC_CONTACT, NULL);
	}
}

const struct rl_rule_kind rl_rule_kind_photo = {
	.name = "photo",
	.help = "reports a picture of the person (Markdown image, front-matter photo, Word portrait-shaped picture)",
	.keys = keys,
	.impl_new = impl_new,
	.finish = finish,
	.run = run,
	.impl_free = impl_free,
};
