/* Report bookkeeping. */
#include "report.h"

#include "match.h"

#include <stdlib.h>
#include <string.h>

void rl_report_init(struct rl_report *r)
{
	memset(r, 0, sizeof *r);
}

void rl_report_free(struct rl_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].message);
		free(r->v[i].text);
	}
	free(r->v);
	rl_pages_free(&r->pages);
	rl_match_free(r->match);
	rl_report_init(r);
}

void rl_report_count(const struct rl_report *r, size_t counts[4])
{
	counts[0] = counts[1] = counts[2] = counts[3] = 0;
	for (size_t i = 0; i < r->n; i++)
		counts[r->v[i].severity]++;
}

void rl_pages_free(struct rl_pages *p)
{
	free(p->blocks);
	for (size_t i = 0; i < p->ncuts; i++)
		free(p->cuts[i].what);
	p->blocks = NULL;
	p->nblocks = p->ncuts = 0;
	rl_page_picture_free(p->picture);
	p->picture = NULL;
}

void rl_page_picture_free(struct rl_page_picture *p)
{
	if (!p)
		return;
	free(p->lines);
	free(p->runs);
	free(p->text);
	for (size_t i = 0; i < p->nfonts; i++)
		free(p->fonts[i]);
	free(p->fonts);
	free(p);
}
