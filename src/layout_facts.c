/* Freeing layout facts. */
#include "layout_facts.h"

#include <stdlib.h>

void rl_layout_facts_free(struct rl_layout_facts *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->nparas; i++) {
		free(f->paras[i].text);
		free(f->paras[i].runs);
		free(f->paras[i].tabs);
		free(f->paras[i].drawings);
	}
	free(f->paras);
	free(f->sections);
	for (size_t i = 0; i < f->ntables; i++) {
		free(f->tables[i].grid);
		free(f->tables[i].row_height);
		free(f->tables[i].row_exact);
	}
	free(f->tables);
	for (size_t i = 0; i < f->nfonts; i++)
		free(f->fonts[i]);
	free(f->fonts);
	free(f->application);
	free(f);
}
