/* Pre-parsed rules (see rule_cache.h).
 *
 * File layout, native byte order (the file is made where it is used):
 *   "RLRCACHE" u32 format  u32 sizeof(size_t)
 *   u32 ntrees  { u32 name_len, name, u64 hash, u64 end, u64 size, u64 mtime_ns,
 *                 u64 len, tree bytes }  (size and mtime_ns 0: no stamp)
 *   u32 npatterns  { u32 opts, u64 hash, u32 len, pattern }
 *   u64 blob_len, blob (pcre2_serialize_encode of the patterns, in order)
 * A tree is written depth first: u8 type, u8 plain, u32 line, u32 col,
 * u64 start, u64 end, u32 value_len, value, u32 children, children. */
#include "rule_cache.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "file.h"

#define MAGIC "RLRCACHE"
#define FORMAT 3
/* A cache file is a few hundred KiB; anything far larger is not one. */
#define MAX_CACHE_BYTES (16u * 1024 * 1024)

struct tree_entry {
	char *name;
	uint64_t hash, end;
	struct rl_file_stamp stamp;
	const unsigned char *data; /* into the file, or owned when recording */
	size_t len;
};

struct pat_entry {
	char *pattern;
	uint32_t opts;
	uint64_t hash;
	pcre2_code *code; /* NULL once handed out */
};

struct rl_rule_cache {
	int recording;
	void *file;       /* the cache file, mapped: the trees point into it */
	size_t file_len;
	struct tree_entry *trees;
	size_t ntrees, cap_trees;
	struct pat_entry *pats;
	size_t npats, cap_pats;
};

/* A 64-bit hash eight bytes a step (every rule file is hashed at every
 * start: a byte at a time was a tenth of a millisecond). Not for security:
 * it only tells a changed file from the one cached. */
static uint64_t hash64(const void *p, size_t n, uint64_t h)
{
	const unsigned char *b = p;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, b + i, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ull;
		h ^= h >> 29;
	}
	for (; i < n; i++) {
		h ^= b[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

#define HASH_SEED 0xcbf29ce484222325ull

/* ---- reading ---- */

struct reader {
	const unsigned char *p, *end;
	int bad;
};

static const unsigned char *take(struct reader *r, size_t n)
{
	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = 1;
		return NULL;
	}
	const unsigned char *at = r->p;
	r->p += n;
	return at;
}

static uint64_t get_u(struct reader *r, size_t width)
{
	const unsigned char *b = take(r, width);
	if (!b)
		return 0;
	if (width == 1)
		return b[0];
	if (width == 4) {
		uint32_t v;
		memcpy(&v, b, 4);
		return v;
	}
	uint64_t v;
	memcpy(&v, b, 8);
	return v;
}

/* A cached tree is made in one allocation, measured first: a rule's tree
 * has hundreds of nodes, and a malloc for each node, value and list (and a
 * free for each after) was a fifth of loading the rules. */
struct tree_size {
	size_t nodes, items, bytes;
};

/* One node as written by put_node: its fixed fields, its value, its number
 * of children. */
struct node_head {
	enum rl_ynode_type type;
	int plain;
	unsigned line, col;
	size_t start, end;
	const unsigned char *value;
	size_t value_len, kids;
};

static void read_head(struct reader *r, struct node_head *h)
{
	h->type = (enum rl_ynode_type)get_u(r, 1);
	h->plain = (int)get_u(r, 1);
	h->line = (unsigned)get_u(r, 4);
	h->col = (unsigned)get_u(r, 4);
	h->start = (size_t)get_u(r, 8);
	h->end = (size_t)get_u(r, 8);
	h->value_len = (size_t)get_u(r, 4);
	h->value = take(r, h->value_len);
	h->kids = (size_t)get_u(r, 4);
	if (h->type > RL_Y_SEQ || h->kids > (size_t)(r->end - r->p) / 32) /* a child takes at least 32 bytes */
		r->bad = 1;
}

/* Checks the tree and adds up its size; depth bounds a damaged file's
 * recursion. */
static void measure(struct reader *r, int depth, struct tree_size *sz)
{
	struct node_head h;
	if (depth > RL_YAML_MAX_DEPTH + 2) {
		r->bad = 1;
		return;
	}
	read_head(r, &h);
	sz->nodes++;
	sz->items += h.kids;
	sz->bytes += (h.type == RL_Y_SCALAR ? h.value_len : 0) + 1;
	for (size_t i = 0; i < h.kids && !r->bad; i++)
		measure(r, depth + 1, sz);
}

struct tree_arena {
	struct rl_ynode *node;
	struct rl_ynode **item;
	char *byte;
};

/* Builds a measured (so well-formed) tree in the arena. */
static struct rl_ynode *build(struct reader *r, struct tree_arena *a)
{
	struct node_head h;
	read_head(r, &h);
	struct rl_ynode *n = a->node++;
	memset(n, 0, sizeof *n);
	n->type = h.type;
	n->plain = h.plain;
	n->line = h.line;
	n->col = h.col;
	n->start = h.start;
	n->end = h.end;
	n->value = a->byte;
	if (h.type == RL_Y_SCALAR) {
		memcpy(a->byte, h.value, h.value_len);
		n->value_len = h.value_len;
	}
	a->byte[n->value_len] = '\0';
	a->byte += n->value_len + 1;
	if (h.kids) {
		n->items = a->item;
		a->item += h.kids;
		for (size_t i = 0; i < h.kids; i++)
			n->items[n->n++] = build(r, a);
	}
	return n;
}

static struct rl_ynode *read_tree(const unsigned char *data, size_t len)
{
	struct reader r = { data, data + len, 0 };
	struct tree_size sz = { 0, 0, 0 };
	measure(&r, 0, &sz);
	if (r.bad || r.p != r.end || !sz.nodes)
		return NULL;
	/* nodes first: the root is the allocation rl_ynode_free frees */
	size_t nodes = sz.nodes * sizeof(struct rl_ynode), items = sz.items * sizeof(struct rl_ynode *);
	char *block = rl_xmalloc(nodes + items + sz.bytes);
	struct tree_arena a = { (struct rl_ynode *)block, (struct rl_ynode **)(block + nodes), block + nodes + items };
	r.p = data;
	struct rl_ynode *root = build(&r, &a);
	root->arena = 1;
	return root;
}

/* The file mapped, not read: a run uses a part of it once, and a copy of
 * 200 KB costs a start-up a tenth of a millisecond. NULL when it cannot be. */
static void *map_file(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	void *m = NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 && st.st_size <= MAX_CACHE_BYTES) {
		*len = (size_t)st.st_size;
		m = mmap(NULL, *len, PROT_READ, MAP_PRIVATE, fd, 0);
		if (m == MAP_FAILED)
			m = NULL;
	}
	close(fd);
	return m;
}

struct rl_rule_cache *rl_rule_cache_open(const char *path)
{
	size_t file_len = 0;
	void *file = map_file(path, &file_len);
	if (!file)
		return NULL;
	struct rl_rule_cache *c = rl_xcalloc(1, sizeof *c);
	c->file = file;
	c->file_len = file_len;
	struct reader r = { (const unsigned char *)file, (const unsigned char *)file + file_len, 0 };
	const unsigned char *magic = take(&r, 8);
	if (!magic || memcmp(magic, MAGIC, 8) != 0 || get_u(&r, 4) != FORMAT || get_u(&r, 4) != sizeof(size_t))
		goto bad;
	size_t ntrees = (size_t)get_u(&r, 4);
	for (size_t i = 0; i < ntrees && !r.bad; i++) {
		size_t nl = (size_t)get_u(&r, 4);
		const unsigned char *name = take(&r, nl);
		uint64_t hash = get_u(&r, 8), end = get_u(&r, 8);
		struct rl_file_stamp stamp;
		stamp.size = get_u(&r, 8);
		stamp.mtime_ns = get_u(&r, 8);
		size_t len = (size_t)get_u(&r, 8);
		const unsigned char *data = take(&r, len);
		if (r.bad)
			break;
		RL_GROW(c->trees, c->ntrees, c->cap_trees);
		struct tree_entry *t = &c->trees[c->ntrees++];
		t->name = rl_xstrndup((const char *)name, nl);
		t->hash = hash;
		t->end = end;
		t->stamp = stamp;
		t->data = data;
		t->len = len;
	}
	size_t npats = (size_t)get_u(&r, 4);
	for (size_t i = 0; i < npats && !r.bad; i++) {
		uint32_t opts = (uint32_t)get_u(&r, 4);
		uint64_t hash = get_u(&r, 8);
		size_t len = (size_t)get_u(&r, 4);
		const unsigned char *pat = take(&r, len);
		if (r.bad)
			break;
		RL_GROW(c->pats, c->npats, c->cap_pats);
		struct pat_entry *e = &c->pats[c->npats++];
		e->pattern = rl_xstrndup((const char *)pat, len);
		e->opts = opts;
		e->hash = hash;
		e->code = NULL; /* until the blob is decoded */
	}
	size_t blob_len = (size_t)get_u(&r, 8);
	const unsigned char *blob = take(&r, blob_len);
	if (r.bad || !blob)
		goto bad;
	if (c->npats) {
		/* another PCRE2 version or build refuses the blob: then no
		 * pattern comes from the cache */
		if (pcre2_serialize_get_number_of_codes(blob) != (int32_t)c->npats)
			goto bad;
		pcre2_code **codes = rl_xcalloc(c->npats, sizeof *codes);
		if (pcre2_serialize_decode(codes, (int32_t)c->npats, blob, NULL) == (int32_t)c->npats) {
			for (size_t i = 0; i < c->npats; i++)
				c->pats[i].code = codes[i];
		} else {
			for (size_t i = 0; i < c->npats; i++)
				pcre2_code_free(codes[i]);
		}
		free(codes);
	}
	return c;
bad:
	rl_rule_cache_free(c);
	return NULL;
}

struct rl_rule_cache *rl_rule_cache_recorder(void)
{
	struct rl_rule_cache *c = rl_xcalloc(1, sizeof *c);
	c->recording = 1;
	return c;
}

void rl_rule_cache_free(struct rl_rule_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->ntrees; i++) {
		free(c->trees[i].name);
		if (c->recording)
			free((void *)c->trees[i].data);
	}
	free(c->trees);
	for (size_t i = 0; i < c->npats; i++) {
		free(c->pats[i].pattern);
		pcre2_code_free(c->pats[i].code);
	}
	free(c->pats);
	if (c->file)
		munmap(c->file, c->file_len);
	free(c);
}

static uint64_t text_hash(const char *name, const char *bytes, size_t end)
{
	return hash64(bytes, end, hash64(name, strlen(name) + 1, HASH_SEED));
}

struct rl_ynode *rl_rule_cache_tree(struct rl_rule_cache *c, const char *name, const char *bytes, size_t end)
{
	if (!c || c->recording)
		return NULL;
	uint64_t h = text_hash(name, bytes, end);
	for (size_t i = 0; i < c->ntrees; i++) {
		const struct tree_entry *t = &c->trees[i];
		if (t->hash != h || t->end != end || strcmp(t->name, name) != 0)
			continue;
		return read_tree(t->data, t->len);
	}
	return NULL;
}

int rl_file_stamp_of(const char *path, struct rl_file_stamp *out)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return -1;
	out->size = (uint64_t)st.st_size;
	out->mtime_ns = (uint64_t)st.st_mtim.tv_sec * 1000000000u + (uint64_t)st.st_mtim.tv_nsec;
	return 0;
}

struct rl_ynode *rl_rule_cache_tree_unread(struct rl_rule_cache *c, const char *name,
					   const struct rl_file_stamp *stamp)
{
	if (!c || c->recording || (!stamp->size && !stamp->mtime_ns))
		return NULL;
	for (size_t i = 0; i < c->ntrees; i++) {
		const struct tree_entry *t = &c->trees[i];
		if (t->stamp.size == stamp->size && t->stamp.mtime_ns == stamp->mtime_ns && strcmp(t->name, name) == 0)
			return read_tree(t->data, t->len);
	}
	return NULL;
}

/* ---- recording and writing ---- */

static void put_u(struct rl_buf *b, uint64_t v, size_t width)
{
	if (width == 4) {
		uint32_t v32 = (uint32_t)v;
		rl_buf_add(b, (const char *)&v32, 4);
	} else if (width == 1) {
		rl_buf_addc(b, (char)(unsigned char)v);
	} else {
		rl_buf_add(b, (const char *)&v, 8);
	}
}

static void write_node(struct rl_buf *b, const struct rl_ynode *n)
{
	put_u(b, (uint64_t)n->type, 1);
	put_u(b, (uint64_t)(n->plain != 0), 1);
	put_u(b, n->line, 4);
	put_u(b, n->col, 4);
	put_u(b, n->start, 8);
	put_u(b, n->end, 8);
	size_t vlen = n->type == RL_Y_SCALAR && n->value ? n->value_len : 0;
	put_u(b, vlen, 4);
	rl_buf_add(b, n->value ? n->value : "", vlen);
	put_u(b, n->n, 4);
	for (size_t i = 0; i < n->n; i++)
		write_node(b, n->items[i]);
}

void rl_rule_cache_put_tree(struct rl_rule_cache *c, const char *name, const char *bytes, size_t end,
			    const struct rl_ynode *tree, const struct rl_file_stamp *stamp)
{
	if (!c || !c->recording || !tree)
		return;
	struct rl_buf b;
	rl_buf_init(&b);
	write_node(&b, tree);
	RL_GROW(c->trees, c->ntrees, c->cap_trees);
	struct tree_entry *t = &c->trees[c->ntrees++];
	t->name = rl_xstrdup(name);
	t->hash = text_hash(name, bytes, end);
	t->end = end;
	if (stamp)
		t->stamp = *stamp;
	else
		memset(&t->stamp, 0, sizeof t->stamp);
	t->len = b.len;
	t->data = (const unsigned char *)rl_buf_detach(&b, NULL);
}

pcre2_code *rl_rule_cache_compile(struct rl_rule_cache *c, const char *pattern, uint32_t opts, int *error,
				  PCRE2_SIZE *offset)
{
	uint64_t h = c ? hash64(pattern, strlen(pattern), HASH_SEED ^ opts) : 0;
	int known = 0;
	for (size_t i = 0; c && i < c->npats && !known; i++) {
		struct pat_entry *e = &c->pats[i];
		if (e->hash != h || e->opts != opts || strcmp(e->pattern, pattern) != 0)
			continue;
		known = 1;
		if (!c->recording && e->code) {
			pcre2_code *code = e->code; /* handed out once; the rule frees it */
			e->code = NULL;
			return code;
		}
	}
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, error, offset, NULL);
	if (re && c && c->recording && !known) {
		RL_GROW(c->pats, c->npats, c->cap_pats);
		struct pat_entry *e = &c->pats[c->npats++];
		e->pattern = rl_xstrdup(pattern);
		e->opts = opts;
		e->hash = h;
		e->code = pcre2_code_copy(re);
	}
	return re;
}

int rl_rule_cache_write(const struct rl_rule_cache *c, const char *path, struct rl_diags *diags)
{
	struct rl_buf b;
	rl_buf_init(&b);
	rl_buf_add(&b, MAGIC, 8);
	put_u(&b, FORMAT, 4);
	put_u(&b, sizeof(size_t), 4);
	put_u(&b, c->ntrees, 4);
	for (size_t i = 0; i < c->ntrees; i++) {
		const struct tree_entry *t = &c->trees[i];
		put_u(&b, strlen(t->name), 4);
		rl_buf_adds(&b, t->name);
		put_u(&b, t->hash, 8);
		put_u(&b, t->end, 8);
		put_u(&b, t->stamp.size, 8);
		put_u(&b, t->stamp.mtime_ns, 8);
		put_u(&b, t->len, 8);
		rl_buf_add(&b, (const char *)t->data, t->len);
	}
	put_u(&b, c->npats, 4);
	const pcre2_code **codes = rl_xcalloc(c->npats ? c->npats : 1, sizeof *codes);
	for (size_t i = 0; i < c->npats; i++) {
		const struct pat_entry *e = &c->pats[i];
		put_u(&b, e->opts, 4);
		put_u(&b, e->hash, 8);
		put_u(&b, strlen(e->pattern), 4);
		rl_buf_adds(&b, e->pattern);
		codes[i] = e->code;
	}
	uint8_t *blob = NULL;
	PCRE2_SIZE blob_len = 0;
	if (c->npats && pcre2_serialize_encode(codes, (int32_t)c->npats, &blob, &blob_len, NULL) < 0) {
		free(codes);
		rl_buf_free(&b);
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "%s", "cannot serialize the compiled patterns");
		return -1;
	}
	free(codes);
	put_u(&b, blob_len, 8);
	rl_buf_add(&b, (const char *)blob, blob_len);
	pcre2_serialize_free(blob);

	struct rl_buf tmp;
	rl_buf_init(&tmp);
	rl_buf_addf(&tmp, "%s.tmp", path);
	FILE *fp = fopen(tmp.data, "wb");
	int ok = fp && fwrite(b.data, 1, b.len, fp) == b.len;
	if (fp)
		ok &= fclose(fp) == 0;
	ok = ok && rename(tmp.data, path) == 0;
	if (!ok) {
		remove(tmp.data);
		rl_diags_add(diags, RL_DIAG_ERROR, path, 0, 0, "%s", "cannot write the rule cache");
	}
	rl_buf_free(&tmp);
	rl_buf_free(&b);
	return ok ? 0 : -1;
}
