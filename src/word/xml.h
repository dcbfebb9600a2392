/* Word parts as a stream of XML events, pulled one at a time. Underneath is
 * libxml2's SAX2 push parser, fed 8 KiB at a time, so memory stays bounded
 * by a chunk's events whatever the part's size; it is configured safely: no
 * network, no DTD (a document type declaration is refused), no entity
 * substitution (an entity reference is refused), no huge mode, and depth
 * capped. Every error becomes one diagnostic naming the part, line and
 * column. Word's namespaces are named, so one reader serves the 2006, strict
 * and 2003 vocabularies. */
#ifndef RL_WORD_XML_H
#define RL_WORD_XML_H

#include <libxml/parser.h>
#include <stddef.h>

#include "buf.h"
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
	WD_START,   /* an element opens (also an empty one: see empty) */
	WD_END,     /* an element closes (not sent for an empty one) */
	WD_TEXT,    /* character data */
	WD_OTHER,
};

struct wd_event;
struct wd_attr;

struct wd_xml {
	/* the current node, after wd_xml_next */
	enum wd_node node;
	enum wd_ns ns;
	const char *name;  /* local name of the element */
	int depth;         /* 0 for the root element */
	int empty;         /* a start element with no content */
	int failed;
	const char *path;  /* the file, for messages */
	const char *part;  /* the part inside it */
	struct rl_diags *diags;
	/* the parser and its queue of events */
	xmlParserCtxtPtr ctxt;
	const char *data;
	size_t len, pos;
	int done;
	struct wd_event *ev;
	size_t nev, cap_ev, cur;
	struct wd_attr *attrs;
	size_t nattrs, cap_attrs;
	size_t cur_attr, cur_nattrs;
	struct rl_buf strings; /* text and attribute values of the queued events */
	int open_depth;    /* elements open in the parser */
	const xmlChar *last_uri, *last_attr_uri;
	enum wd_ns last_ns, last_attr_ns;
};

/* 0, or -1 after adding an error. */
int wd_xml_open(struct wd_xml *x, const char *data, size_t len, const char *path, const char *part,
		struct rl_diags *diags);
void wd_xml_close(struct wd_xml *x);
/* Moves to the next node: 1, 0 at the end, -1 after adding an error. */
int wd_xml_next(struct wd_xml *x);
/* Skips the children of the current start element; the node is then its
 * end. 1, or -1 after an error. */
int wd_xml_skip(struct wd_xml *x);
/* 1 when the current node is a start element ns:name. */
int wd_xml_is(const struct wd_xml *x, enum wd_ns ns, const char *name);
/* An attribute of the current start element by namespace and local name
 * (WD_NS_OTHER: no namespace); NULL when absent. free() it. */
char *wd_xml_attr(struct wd_xml *x, enum wd_ns ns, const char *name);
/* w:val and friends as numbers; def when absent or not a number. */
double wd_xml_attr_num(struct wd_xml *x, enum wd_ns ns, const char *name, double def);
/* An on/off property (w:b, w:keepNext ...): absent val or "true"/"1"/"on" is 1. */
int wd_xml_attr_onoff(struct wd_xml *x);
/* The text of the current text node (NUL-terminated). */
const char *wd_xml_text(struct wd_xml *x);
/* Maps a namespace URI to its enum. */
enum wd_ns wd_xml_ns_of(const xmlChar *uri);

#endif
