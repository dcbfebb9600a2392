/* Fuzzes wd_prune (src/word/prune.c), the cut of unread elements out of a
 * Word part on its bytes, against libxml2 as the Word reader runs it
 * (wd_xml_open/wd_xml_next: SAX2 push parser, no DTD, no entity but the
 * five predefined, depth capped). The input is one XML part; it is cut with
 * the name lists the reader uses (read_word.c), and the part and each cut
 * copy are read to the end.
 *
 * What must hold (prune.h): cutting never turns a malformed part into a
 * well-formed one. The reader parses the copy and, only when that fails,
 * the part itself; a copy that parses where the part does not hides the
 * part's error. That aborts, with the error the part gives. One error is
 * not of form: the reader's depth limit (WD_MAX_XML_DEPTH) bounds its cost,
 * and what nests too deep inside a cut element is cut unread (prune.h).
 * When that is the part's error, the part is read again by libxml2 alone,
 * without the limit, and must be well-formed.
 *
 * What should hold: a well-formed part gives a well-formed copy (else the
 * reader parses twice: slower, not wrong). Counted; with
 * FUZZ_PRUNE_SOFT=1 in the environment it aborts too, for the fuzzer to
 * find and minimize such inputs. FUZZ_PRUNE_STATS=1 prints the counts at
 * exit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "diag.h"
#include "fuzz.h"
#include "prune.h"
#include "xml.h"

/* What read_main_body cuts out of the main body. */
static const char *const body_names[] = { "shd", "szCs", "bCs", "iCs", "color", "lang", "proofErr", "noProof",
					  "rtl", "kern", "bookmarkStart", "bookmarkEnd", NULL };
/* Every name the reader cuts from some part, together: the body's, the
 * styles', the settings' and the numbering definitions (nested in one
 * another: lvl in abstractNum). */
static const char *const all_names[] = { "shd", "szCs", "bCs", "iCs", "color", "lang", "proofErr", "noProof",
					 "rtl", "kern", "bookmarkStart", "bookmarkEnd", "latentStyles", "rsids",
					 "abstractNum", "lvl", "num", "numPicBullet", NULL };
/* What read_numbering cuts in its second reading, with keep_numbering. */
static const char *const numbering_names[] = { "num", "numPicBullet", "abstractNum", "lvl", NULL };

/* As read_word.c's keep_used_definition, with the lists "used" fixed: keeps
 * a w:abstractNum with an odd id (or one wd_prune_tag_int cannot read), and
 * a w:lvl of levels 0 and 2 (or one it cannot read, or out of range). */
static int keep_numbering(void *ctx, const char *name, const char *tag, size_t tag_len)
{
	long id;
	(void)ctx;
	if (strcmp(name, "abstractNum") == 0)
		return !wd_prune_tag_int(tag, tag_len, "abstractNumId", &id) || (id & 1) != 0;
	if (strcmp(name, "lvl") == 0)
		return !wd_prune_tag_int(tag, tag_len, "ilvl", &id) || id < 0 || id > 8 || (0x5u >> id & 1u);
	return 0;
}

static const struct {
	const char *what;
	const char *const *names;
	wd_prune_keep_fn keep;
} cuts[] = {
	{ "body names", body_names, NULL },
	{ "all names", all_names, NULL },
	{ "numbering names, keeping some definitions", numbering_names, keep_numbering },
};

/* Reads the part to its end as the Word reader does: 1 when it parses, 0
 * on an error (its message into msg). */
static int parses(const char *data, size_t len, char *msg, size_t msg_size)
{
	struct rl_diags d;
	struct wd_xml x;
	int rc;
	rl_diags_init(&d);
	rc = wd_xml_open(&x, data, len, "fuzz.xml", "part", &d);
	if (rc == 0) {
		while ((rc = wd_xml_next(&x)) > 0)
			;
		wd_xml_close(&x);
	}
	if (msg_size)
		snprintf(msg, msg_size, "%s", d.n ? d.v[0].message : "");
	rl_diags_free(&d);
	return rc == 0;
}

/* Whether libxml2 alone, without the reader's depth limit (and with its own
 * bounds lifted: XML_PARSE_HUGE), reads the part as well-formed XML with
 * well-formed namespaces. */
static int well_formed_deep(const char *data, size_t len)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt || len > 0x7FFFFFFF)
		abort();
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL,
					  XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	int ok = doc && ctxt->wellFormed && ctxt->nsWellFormed;
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return ok;
}

static struct {
	unsigned long inputs, cut, original_ok, original_bad, too_deep, copy_bad_of_ok;
} stats;

static void print_stats(void)
{
	fprintf(stderr,
		"fuzz_prune: %lu inputs, %lu cut at least once; cut copies of well-formed parts: %lu "
		"(%lu malformed); of malformed parts: %lu (0 well-formed, else aborted); of parts only too "
		"deep for the reader: %lu\n",
		stats.inputs, stats.cut, stats.original_ok, stats.copy_bad_of_ok, stats.original_bad, stats.too_deep);
}

static int soft;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *e;
	(void)argc;
	(void)argv;
	soft = (e = getenv("FUZZ_PRUNE_SOFT")) != NULL && *e == '1';
	if ((e = getenv("FUZZ_PRUNE_STATS")) != NULL && *e == '1')
		atexit(print_stats);
	return 0;
}

static void show(const char *what, const char *data, size_t len)
{
	fprintf(stderr, "%s (%zu bytes): \"", what, len);
	for (size_t i = 0; i < len && i < 2000; i++) {
		unsigned char c = (unsigned char)data[i];
		if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\')
			fputc(c, stderr);
		else
			fprintf(stderr, "\\x%02X", c);
	}
	fprintf(stderr, "%s\"\n", len > 2000 ? "..." : "");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *part = (const char *)data;
	int original = -1; /* parsed only once something is cut */
	char original_msg[300] = "", copy_msg[300];
	int any = 0;
	stats.inputs++;
	for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
		char *copy;
		size_t copy_len;
		if (!wd_prune(part, size, cuts[i].names, cuts[i].keep, NULL, &copy, &copy_len)) {
			if (copy || copy_len)
				abort(); /* nothing cut: *out NULL, *out_len 0 */
			continue;
		}
		if (!copy || copy_len >= size || copy[copy_len] != '\0') {
			fprintf(stderr, "fuzz_prune: %s: a cut copy of %zu bytes from %zu, or not NUL-ended\n",
				cuts[i].what, copy_len, size);
			abort();
		}
		any = 1;
		if (original < 0)
			original = parses(part, size, original_msg, sizeof original_msg);
		int copy_ok = parses(copy, copy_len, copy_msg, sizeof copy_msg);
		if (!original && copy_ok && strstr(original_msg, "nested more than") != NULL &&
		    well_formed_deep(part, size)) {
			stats.too_deep++;
			free(copy);
			continue;
		}
		if (original)
			stats.original_ok++;
		else
			stats.original_bad++;
		if (!original && copy_ok) {
			fprintf(stderr, "fuzz_prune: cutting (%s) hid an error of the part: %s\n", cuts[i].what,
				original_msg);
			show("part", part, size);
			show("copy", copy, copy_len);
			abort();
		}
		if (original && !copy_ok) {
			stats.copy_bad_of_ok++;
			if (soft) {
				fprintf(stderr,
					"fuzz_prune: cutting (%s) made a well-formed part malformed (soft property): %s\n",
					cuts[i].what, copy_msg);
				show("part", part, size);
				show("copy", copy, copy_len);
				abort();
			}
		}
		free(copy);
	}
	stats.cut += (unsigned long)any;
	return 0;
}
