/* Word readers in the reader table: cheap probes here, the reading itself in
 * the module (see word_module.h), loaded once on first use. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "modules.h"
#include "reader.h"
#include "word_module.h"

/* Weak: present only where the module's code is linked in. */
extern const struct rl_word_module rl_word_module __attribute__((weak));

static const struct rl_word_module *loaded;
static char load_error[600];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void)
{
	char why[512];
	if (&rl_word_module)
		loaded = &rl_word_module;
	else if (!(loaded = rl_module_load(RL_WORD_MODULE, "rl_word_module", RL_WORD_MODULE_ABI, why, sizeof why)))
		snprintf(load_error, sizeof load_error, "cannot load the Word reader: %s", why);
}

static const struct rl_word_module *module(const char *path, struct rl_diags *diags)
{
	pthread_once(&load_once, load);
	if (!loaded)
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "%s", load_error);
	return loaded;
}

static int docx_probe(const char *b, size_t len)
{
	return len >= 4 && memcmp(b, "PK\x03\x04", 4) == 0;
}

/* A single XML file that is a Word document: Flat OPC (what Word's "Word XML
 * Document" saves) or Word 2003 XML. */
static int wordxml_probe(const char *b, size_t len)
{
	size_t n = len < 8192 ? len : 8192;
	size_t i = 0;
	if (!b || !n)
		return 0;
	if (n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
		i++;
	if (i >= n || b[i] != '<')
		return 0;
	return memmem(b, n, "schemas.microsoft.com/office/2006/xmlPackage", 44) != NULL ||
	       memmem(b, n, "schemas.microsoft.com/office/word/2003/wordml", 45) != NULL;
}

static struct rl_doc *docx_read(const char *path, const char *bytes, size_t len,
				const struct rl_read_opts *opts, struct rl_diags *diags)
{
	const struct rl_word_module *m = module(path, diags);
	return m ? m->read_docx(path, bytes, len, opts, diags) : NULL;
}

static struct rl_doc *wordxml_read(const char *path, const char *bytes, size_t len,
				   const struct rl_read_opts *opts, struct rl_diags *diags)
{
	const struct rl_word_module *m = module(path, diags);
	return m ? m->read_wordxml(path, bytes, len, opts, diags) : NULL;
}

static const char *const docx_extensions[] = { ".docx", ".docm", ".dotx", NULL };
static const char *const wordxml_extensions[] = { ".xml", NULL };

const struct rl_reader rl_reader_docx = {
	.name = "docx",
	.description = "a Word document (.docx)",
	.extensions = docx_extensions,
	.probe = docx_probe,
	.read = docx_read,
};

const struct rl_reader rl_reader_wordxml = {
	.name = "wordxml",
	.description = "a Word XML document",
	.extensions = wordxml_extensions,
	.probe = wordxml_probe,
	.read = wordxml_read,
};
