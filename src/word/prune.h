/* Cutting out of a part, before libxml2 parses it, elements the reader never
 * reads. Word writes long runs of such markup: w:latentStyles is about 27 KB
 * of the usual 35 KB styles part, w:rsids most of settings, and a template's
 * numbering part defines lists no paragraph uses. Parsing them was a third of
 * the time it took to read a one-page .docx.
 *
 * The cut is made on the bytes, and only where that is exact without a
 * parser: the part holds no comment, CDATA section, document type or
 * processing instruction (past the XML declaration), so every '<' is markup,
 * and each element found closes where it must. Otherwise the part is left
 * as it is. An element is cut only when its own bytes are well-formed
 * (characters, references, names, prefixes, attributes, nesting: checked
 * strictly, see prune.c) and it stands as content in the root element (not
 * in a tag, not after text that ends in half a reference or character), so
 * cutting hides no error libxml2 would report; others are kept. (The
 * reader's own depth limit, WD_MAX_XML_DEPTH, bounds cost, not form: what
 * nests too deep inside a cut element is cut without being reached.) Removing whole well-formed elements keeps a well-formed
 * part well-formed (a namespace declared on one is in scope only inside
 * it), so a copy that fails to parse means the part itself is malformed:
 * the caller then parses the part, to report the error where it is in the
 * file. */
#ifndef RL_WORD_PRUNE_H
#define RL_WORD_PRUNE_H

#include <stddef.h>

/* Whether to keep an element about to be cut: name is the entry of names it
 * matched, tag its start tag, from '<' to '>'. 1 keeps it (its content is
 * still searched), 0 cuts it. */
typedef int (*wd_prune_keep_fn)(void *ctx, const char *name, const char *tag, size_t tag_len);

/* Cuts every element whose local name (any prefix) is in names (NULL-ended,
 * at most 32)
 * and that keep (NULL: none is kept) does not keep. 1 and *out (free() it,
 * NUL-terminated) when something was cut; 0 when the part is left as it is
 * (nothing found, or a part that cannot be cut safely). */
int wd_prune(const char *data, size_t len, const char *const *names, wd_prune_keep_fn keep, void *ctx, char **out,
	     size_t *out_len);

/* As wd_prune, without the checks that make a cut hide no error: for a
 * first reading whose every cut byte a later, checked one reads or checks
 * (the numbering part's w:num elements, before the definitions). On a
 * well-formed part it too cuts whole elements only. */
int wd_prune_unchecked(const char *data, size_t len, const char *const *names, char **out, size_t *out_len);

/* The value of attribute `local` in start tag tag as a number: 1 and *value
 * when the tag has exactly one attribute of that local name, under the
 * tag's own prefix, and its value is a plain whole number (-?[0-9]{1,9});
 * else 0, and a caller keeps the element: the reader may read the value
 * otherwise. */
int wd_prune_tag_int(const char *tag, size_t tag_len, const char *local, long *value);

#endif
