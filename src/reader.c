/* Reader registry: extension first, then the bytes decide. */
#include "reader.h"

#include <string.h>
#include <strings.h>

static const struct rl_reader *const readers[] = {
	&rl_reader_docx,
	&rl_reader_wordxml,
	&rl_reader_markdown,
	NULL,
};

static int has_extension(const char *path, const char *const *exts)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return 0;
	for (; *exts; exts++)
		if (strcasecmp(dot, *exts) == 0)
			return 1;
	return 0;
}

/* Formats people hand a linter by mistake, recognised by magic bytes. */
static const char *foreign_format(const char *b, size_t len)
{
	if (len >= 5 && memcmp(b, "%PDF-", 5) == 0)
		return "a PDF file, not a resume source: lint the .docx or Markdown it was made from";
	if (len >= 8 && memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return "an old binary Word (.doc) file: save it as .docx and lint that";
	if (len >= 5 && memcmp(b, "{\\rtf", 5) == 0)
		return "an RTF file: save it as .docx and lint that";
	if (len >= 2 && ((unsigned char)b[0] == 0xFF && (unsigned char)b[1] == 0xFE))
		return "UTF-16 text: save it as UTF-8";
	if (len >= 2 && ((unsigned char)b[0] == 0xFE && (unsigned char)b[1] == 0xFF))
		return "UTF-16 text: save it as UTF-8";
	if (len >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "a PNG image, not a resume";
	if (len >= 3 && memcmp(b, "\xFF\xD8\xFF", 3) == 0)
		return "a JPEG image, not a resume";
	return NULL;
}

const struct rl_reader *rl_reader_pick(const char *path, const char *bytes, size_t len,
				       struct rl_diags *diags)
{
	const struct rl_reader *by_ext = NULL;
	for (size_t i = 0; readers[i]; i++)
		if (has_extension(path, readers[i]->extensions))
			by_ext = readers[i];
	/* a reader that recognises its own magic bytes goes first */
	for (size_t i = 0; readers[i]; i++)
		if (readers[i] != &rl_reader_markdown && readers[i]->probe(bytes, len)) {
			/* read by what it is, but say so: a Word file named .md is
			 * most likely a mistake the user wants to know about */
			if (by_ext && by_ext != readers[i])
				rl_diags_add(diags, RL_DIAG_WARNING, path, 0, 0,
					     "read as %s: that is what it holds, whatever its name says",
					     readers[i]->description);
			return readers[i];
		}
	const char *what = foreign_format(bytes, len);
	if (what) {
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "%s", what);
		return NULL;
	}
	if (by_ext && by_ext != &rl_reader_markdown) {
		/* a .docx that is really text: say so rather than lint it */
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "not %s: %s", by_ext->description,
			     rl_reader_markdown.probe(bytes, len) ? "it is plain text (Markdown? rename it .md)"
								  : "its contents are not a Word document");
		return NULL;
	}
	if (rl_reader_markdown.probe(bytes, len))
		return &rl_reader_markdown;
	rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0,
		     "binary data, not a Markdown or Word resume");
	return NULL;
}

/* Checks a Markdown text's lines against RL_MAX_LINE_BYTES and
 * RL_MAX_LINES (line ends: LF, CRLF, lone CR, as in source.c). 0, or -1
 * after adding one error. A plain byte loop: a few ms for 10 MiB. */
static int check_lines(const char *path, const char *b, size_t len, struct rl_diags *diags)
{
	size_t line = 1, start = 0;
	for (size_t i = 0; i <= len; i++) {
		int end = i == len || b[i] == '\n' || (b[i] == '\r' && (i + 1 == len || b[i + 1] != '\n'));
		if (!end)
			continue;
		if (i - start > RL_MAX_LINE_BYTES) {
			rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0,
				     "line %zu is %.1f MiB long: not resume text (the limit is %u MiB a line)", line,
				     (double)(i - start) / (1024.0 * 1024.0), RL_MAX_LINE_BYTES / (1024u * 1024u));
			return -1;
		}
		if (i < len && ++line > RL_MAX_LINES) {
			rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0,
				     "more than %u lines: not a resume", RL_MAX_LINES);
			return -1;
		}
		start = i + 1;
	}
	return 0;
}

struct rl_doc *rl_read(const char *path, const char *bytes, size_t len,
		       const struct rl_read_opts *opts, struct rl_diags *diags)
{
	static const struct rl_read_opts defaults = { 0 };
	const struct rl_reader *r = rl_reader_pick(path, bytes, len, diags);
	if (!r)
		return NULL;
	if (r == &rl_reader_markdown && check_lines(path, bytes, len, diags))
		return NULL;
	struct rl_doc *doc = r->read(path, bytes, len, opts ? opts : &defaults, diags);
	if (doc && (doc->blocks_over || doc->blocks_too_long)) {
		if (doc->blocks_over)
			rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0,
				     "more than %u paragraphs, list items and table cells: not a resume", RL_MAX_BLOCKS);
		else
			rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0,
				     "a paragraph of more than %u MiB of text: not a resume",
				     RL_MAX_BLOCK_BYTES / (1024u * 1024u));
		rl_doc_free(doc);
		return NULL;
	}
	return doc;
}
