/* From what the Word readers collected to the document model: the source
 * text (one line per paragraph, in <w:p> order), blocks, links, images, and
 * the layout facts with every property resolved. */
#ifndef RL_WORD_BUILD_H
#define RL_WORD_BUILD_H

#include "body.h"
#include "doc.h"
#include "styles.h"

struct wd_props {
	int pages, words;    /* docProps/app.xml; -1 when absent */
	char *application;
	char *creator, *last_modified_by, *title; /* docProps/core.xml */
};

/* Takes nothing over; returns a new document. */
struct rl_doc *wd_build_doc(const char *path, enum rl_format format, const struct wd_body *body,
			    const struct wd_styles *styles, const struct wd_props *props);

#endif
