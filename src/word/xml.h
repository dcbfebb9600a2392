/* libxml2's streaming reader, configured safely (no network, no DTD, no
 * entity substitution, no huge mode), with Word's namespaces named and every
 * error turned into one diagnostic naming the part, line and column. */
#ifndef RL_WORD_XML_H
#define RL_WORD_XML_H

#include <libxml/xmlreader.h>
#include <stddef.h>

#include "diag.h"

enum wd_ns {
	WD_NS_OTHER,
	WD_NS_W,    /* wordprocessingml: 2006 main, strict, or 2003 */
	WD_NS_R,    /* officeDocument relationships (r:id) */
	WD_NS_MC,   /* markup compatibility */
	WD_NS_WP,   /* drawing placement (wp:inline, wp:anchor) */
	WD_NS_A,    /* drawingml main */
	WD_NS_PIC,  /* drawingml picture */
	WD_NS_WPS,  /* word shapes (text boxes) */
	WD_NS_V,    /* VML */
	WD_NS_PKG,  /* Flat OPC package */
	WD_NS_REL,  /* package relationships (.rels) */
	WD_NS_EP,   /* extended properties (docProps/app.xml) */
	WD_NS_O,    /* office (Word 2003 document properties) */
	WD_NS_WX,   /* Word 2003 auxiliary (wx:sect) */
};

enum wd_node {
	WD_START,   /* an element opens (also an empty one: see wd_xml_empty) */
	WD_END,     /* an element closes */
	WD_TEXT,    /* text or significant whitespace */
	WD_OTHER,
};

struct wd_xml {
	xmlTextReaderPtr r;
	const char *path;  /* the file, for messages */
	const char *part;  /* the part inside it */
	struct rl_diags *diags;
	int failed;
	enum wd_node node;
	enum wd_ns ns;
	const char *name;  /* local name of the current element */
	int depth;
	int empty;
};

/* 0, or -1 after adding an error. */
int wd_xml_open(struct wd_xml *x, const char *data, size_t len, const char *path, const char *part,
		struct rl_diags *diags);
void wd_xml_close(struct wd_xml *x);
/* Moves to the next node: 1, 0 at the end, -1 after adding an error. */
int wd_xml_next(struct wd_xml *x);
/* Skips the children of the current start element (its end is not seen). */
int wd_xml_skip(struct wd_xml *x);
/* 1 when the current node is a start element ns:name. */
int wd_xml_is(const struct wd_xml *x, enum wd_ns ns, const char *name);
/* An attribute by namespace and local name; NULL when absent. free() it. */
char *wd_xml_attr(struct wd_xml *x, enum wd_ns ns, const char *name);
/* w:val and friends as numbers; def when absent or not a number. */
double wd_xml_attr_num(struct wd_xml *x, enum wd_ns ns, const char *name, double def);
/* An on/off property (w:b, w:keepNext ...): absent val or "true"/"1"/"on" is 1. */
int wd_xml_attr_onoff(struct wd_xml *x);
/* The text of the current text node. */
const char *wd_xml_text(struct wd_xml *x);

#endif
