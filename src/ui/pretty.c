/* pretty.c - a record as indented, foldable, colourable lines.
 *
 * The record is parsed once into a flat array of nodes in document order
 * (a node's descendants follow it, up to `end`), so folding is a flag and
 * skipping a folded subtree is a jump.  Scalars keep their text as the
 * record wrote it (numbers are not reformatted); strings are decoded and
 * escaped again with fmt_escape_quoted only when drawn, so control
 * characters an attacker put in a record are shown, never sent to the
 * terminal, and a quote in a value cannot close it.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ui/pure.h"
#include "util/format.h"
#include "util/i18n.h"
#include "util/json_string.h"

struct pnode {
	enum pretty_kind kind;
	int depth;
	size_t end;    /* index just past the last descendant */
	size_t nkids;
	char *key;     /* decoded member name; NULL in arrays and at the root */
	char *value;   /* decoded string, or a number's or literal's text */
	/* Their lengths: a decoded \u0000 is a NUL byte inside, shown as
	 * \u0000 (where it ends the C string: pretty_get, pretty_scalar). */
	size_t key_len, value_len;
	bool folded;
	bool last;     /* last member of its parent: no comma after it */
	bool closer;   /* (in `lines` only) the closing line of a container */
	size_t parent; /* SIZE_MAX at the root */
};

/* A visible line: a node's opening (or only) line, or a container's
 * closing line. */
struct pline {
	size_t node;
	bool close;
};

struct pretty {
	struct pnode *nodes;
	size_t n, cap;
	struct pline *lines;
	size_t nlines;
};

struct parser {
	const char *s;
	size_t len, i;
	struct pretty *p;
	bool failed;
};

static void skip_ws(struct parser *ps)
{
	while (ps->i < ps->len && strchr(" \t\r\n", ps->s[ps->i]) &&
	       ps->s[ps->i])
		ps->i++;
}

static size_t add_node(struct parser *ps, enum pretty_kind kind, int depth,
                       size_t parent)
{
	struct pretty *p = ps->p;
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		struct pnode *nn = realloc(p->nodes, cap * sizeof *nn);
		if (!nn) {
			ps->failed = true;
			return SIZE_MAX;
		}
		p->nodes = nn;
		p->cap = cap;
	}
	p->nodes[p->n] = (struct pnode){ .kind = kind, .depth = depth,
	                                 .parent = parent, .last = true };
	return p->n++;
}

/* A string literal at ps->i, decoded into a new string of *len bytes. */
static char *take_string(struct parser *ps, size_t *len)
{
	size_t start = ps->i++;
	while (ps->i < ps->len && ps->s[ps->i] != '"') {
		if (ps->s[ps->i] == '\\')
			ps->i++;
		ps->i++;
	}
	if (ps->i >= ps->len) {
		ps->failed = true;
		return NULL;
	}
	ps->i++;
	struct buf b;
	buf_init(&b);
	if (json_string_decode(ps->s + start, ps->i - start, &b) < 0) {
		buf_free(&b);
		ps->failed = true;
		return NULL;
	}
	*len = b.len;
	char *r = buf_steal(&b);
	if (!r)
		ps->failed = true;
	return r ? r : NULL;
}

static void parse_value(struct parser *ps, int depth, size_t parent,
                        char *key, size_t key_len);

static void parse_members(struct parser *ps, size_t self, bool object)
{
	char close = object ? '}' : ']';
	size_t prev = SIZE_MAX;
	skip_ws(ps);
	if (ps->i < ps->len && ps->s[ps->i] == close) {
		ps->i++;
		return;
	}
	while (!ps->failed) {
		char *key = NULL;
		size_t key_len = 0;
		skip_ws(ps);
		if (object) {
			if (ps->i >= ps->len || ps->s[ps->i] != '"') {
				ps->failed = true;
				return;
			}
			key = take_string(ps, &key_len);
			skip_ws(ps);
			if (ps->failed || ps->i >= ps->len ||
			    ps->s[ps->i] != ':') {
				free(key);
				ps->failed = true;
				return;
			}
			ps->i++;
		}
		if (prev != SIZE_MAX)
			ps->p->nodes[prev].last = false;
		prev = ps->p->n;
		ps->p->nodes[self].nkids++;
		parse_value(ps, ps->p->nodes[self].depth + 1, self, key,
		            key_len);
		skip_ws(ps);
		if (ps->i < ps->len && ps->s[ps->i] == ',') {
			ps->i++;
			continue;
		}
		if (ps->i < ps->len && ps->s[ps->i] == close) {
			ps->i++;
			return;
		}
		ps->failed = true;
	}
}

static void parse_value(struct parser *ps, int depth, size_t parent,
                        char *key, size_t key_len)
{
	skip_ws(ps);
	if (ps->failed || ps->i >= ps->len || depth > 200) {
		free(key);
		ps->failed = true;
		return;
	}
	char c = ps->s[ps->i];
	enum pretty_kind kind = c == '{'   ? PK_OBJECT
	                        : c == '[' ? PK_ARRAY
	                        : c == '"' ? PK_STRING
	                        : (c == '-' || (c >= '0' && c <= '9'))
	                                ? PK_NUMBER
	                                : PK_LITERAL;
	size_t self = add_node(ps, kind, depth, parent);
	if (self == SIZE_MAX) {
		free(key);
		return;
	}
	ps->p->nodes[self].key = key;
	ps->p->nodes[self].key_len = key_len;
	if (kind == PK_OBJECT || kind == PK_ARRAY) {
		ps->i++;
		parse_members(ps, self, kind == PK_OBJECT);
	} else if (kind == PK_STRING) {
		struct pnode *nd = &ps->p->nodes[self];
		nd->value = take_string(ps, &nd->value_len);
	} else {
		size_t start = ps->i;
		while (ps->i < ps->len && !strchr(",}] \t\r\n", ps->s[ps->i]))
			ps->i++;
		if (ps->i == start) {
			ps->failed = true;
		} else {
			char *v = strndup(ps->s + start, ps->i - start);
			ps->p->nodes[self].value = v;
			if (!v)
				ps->failed = true;
		}
	}
	ps->p->nodes[self].end = ps->p->n;
}

static void clear_nodes(struct pretty *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->nodes[i].key);
		free(p->nodes[i].value);
	}
	p->n = 0;
}

/* Rebuilds the visible lines after a fold changed. */
static bool relayout(struct pretty *p)
{
	size_t need = 2 * p->n + 1;
	struct pline *l = realloc(p->lines, need * sizeof *l);
	if (!l)
		return false;
	p->lines = l;
	p->nlines = 0;
	/* Containers still open, to emit their closing lines. */
	size_t *open = malloc((p->n + 1) * sizeof *open);
	if (!open)
		return false;
	size_t nopen = 0;
	for (size_t i = 0; i < p->n;) {
		while (nopen && p->nodes[open[nopen - 1]].end <= i)
			l[p->nlines++] = (struct pline){ open[--nopen], true };
		const struct pnode *nd = &p->nodes[i];
		l[p->nlines++] = (struct pline){ i, false };
		bool container = nd->kind == PK_OBJECT || nd->kind == PK_ARRAY;
		if (container && nd->folded) {
			i = nd->end;
			continue;
		}
		if (container && nd->nkids == 0) {
			i++;
			continue;
		}
		if (container)
			open[nopen++] = i;
		i++;
	}
	while (nopen)
		l[p->nlines++] = (struct pline){ open[--nopen], true };
	free(open);
	return true;
}

struct pretty *pretty_parse(const char *json, size_t len)
{
	struct pretty *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	struct parser ps = { json, len, 0, p, false };
	parse_value(&ps, 0, SIZE_MAX, NULL, 0);
	skip_ws(&ps);
	if (ps.failed || ps.i != len) {
		/* Not JSON after all: show the text as it is, escaped. */
		clear_nodes(p);
		ps.failed = false;
		size_t self = add_node(&ps, PK_STRING, 0, SIZE_MAX);
		if (self != SIZE_MAX) {
			struct pnode *nd = &p->nodes[self];
			nd->value = malloc(len + 1);
			if (nd->value) {
				memcpy(nd->value, json, len);
				nd->value[len] = '\0';
				nd->value_len = len;
			}
			nd->end = 1;
		}
		if (ps.failed || !p->nodes[0].value) {
			pretty_free(p);
			return NULL;
		}
	}
	if (!relayout(p)) {
		pretty_free(p);
		return NULL;
	}
	return p;
}

void pretty_free(struct pretty *p)
{
	if (!p)
		return;
	clear_nodes(p);
	free(p->nodes);
	free(p->lines);
	free(p);
}

size_t pretty_count(const struct pretty *p)
{
	return p ? p->nlines : 0;
}

static void seg(struct pretty_seg *segs, size_t *n, size_t start, size_t end,
                enum pretty_role role)
{
	if (*n < 4 && end > start)
		segs[(*n)++] = (struct pretty_seg){ start, end, role };
}

size_t pretty_line(const struct pretty *p, size_t i, struct buf *out,
                   struct pretty_seg segs[4])
{
	size_t n = 0;
	if (!p || i >= p->nlines)
		return 0;
	const struct pline *l = &p->lines[i];
	const struct pnode *nd = &p->nodes[l->node];
	size_t base = out->len;
	for (int d = 0; d < nd->depth; d++)
		buf_puts(out, "  ");
	bool container = nd->kind == PK_OBJECT || nd->kind == PK_ARRAY;
	const char *opener = nd->kind == PK_OBJECT ? "{" : "[";
	const char *closer = nd->kind == PK_OBJECT ? "}" : "]";
	if (l->close) {
		size_t s0 = out->len;
		buf_puts(out, closer);
		if (!nd->last)
			buf_putc(out, ',');
		seg(segs, &n, s0 - base, out->len - base, PR_PUNCT);
		return n;
	}
	if (nd->key) {
		size_t s0 = out->len;
		buf_putc(out, '"');
		fmt_escape_quoted_len(out, nd->key, nd->key_len);
		buf_putc(out, '"');
		seg(segs, &n, s0 - base, out->len - base, PR_KEY);
		buf_puts(out, ": ");
	}
	size_t s1 = out->len;
	if (container) {
		buf_puts(out, opener);
		if (nd->folded || nd->nkids == 0) {
			unsigned long k = (unsigned long)nd->nkids;
			if (k && nd->kind == PK_OBJECT) {
				buf_putc(out, ' ');
				buf_printf(out, ngettext("%lu key", "%lu keys", k), k);
				buf_putc(out, ' ');
			} else if (k) {
				buf_putc(out, ' ');
				buf_printf(out, ngettext("%lu item", "%lu items", k), k);
				buf_putc(out, ' ');
			}
			buf_puts(out, closer);
			if (!nd->last)
				buf_putc(out, ',');
		}
		seg(segs, &n, s1 - base, out->len - base, PR_PUNCT);
		return n;
	}
	if (nd->kind == PK_STRING) {
		buf_putc(out, '"');
		fmt_escape_quoted_len(out, nd->value ? nd->value : "",
		                      nd->value ? nd->value_len : 0);
		buf_putc(out, '"');
	} else {
		fmt_escape(out, nd->value ? nd->value : "");
	}
	seg(segs, &n, s1 - base, out->len - base,
	    nd->kind == PK_STRING   ? PR_STRING
	    : nd->kind == PK_NUMBER ? PR_NUMBER
	                            : PR_LITERAL);
	if (!nd->last && nd->depth > 0) {
		size_t s2 = out->len;
		buf_putc(out, ',');
		seg(segs, &n, s2 - base, out->len - base, PR_PUNCT);
	}
	return n;
}

size_t pretty_toggle(struct pretty *p, size_t i)
{
	if (!p || i >= p->nlines)
		return i;
	size_t node = p->lines[i].node;
	struct pnode *nd = &p->nodes[node];
	if ((nd->kind != PK_OBJECT && nd->kind != PK_ARRAY) || nd->nkids == 0)
		return i;
	nd->folded = !nd->folded;
	if (!relayout(p)) {
		nd->folded = !nd->folded;
		return i;
	}
	for (size_t k = 0; k < p->nlines; k++)
		if (p->lines[k].node == node && !p->lines[k].close)
			return k;
	return 0;
}

bool pretty_scalar(const struct pretty *p, size_t i, const char **key,
                   const char **value, const char **parent_key)
{
	if (!p || i >= p->nlines || p->lines[i].close)
		return false;
	const struct pnode *nd = &p->nodes[p->lines[i].node];
	if (nd->kind == PK_OBJECT || nd->kind == PK_ARRAY)
		return false;
	*key = nd->key;
	*value = nd->value;
	/* The nearest named ancestor: an array element's key is its
	 * array's. */
	*parent_key = NULL;
	size_t up = nd->parent;
	if (!nd->key && up != SIZE_MAX) {
		*key = p->nodes[up].key;
		up = p->nodes[up].parent;
	}
	while (up != SIZE_MAX && !p->nodes[up].key)
		up = p->nodes[up].parent;
	if (up != SIZE_MAX)
		*parent_key = p->nodes[up].key;
	return true;
}

/* The child of container `node` named (or, in an array, numbered) by the
 * path component comp[0..n). */
static size_t child(const struct pretty *p, size_t node, const char *comp,
                    size_t n)
{
	const struct pnode *nd = &p->nodes[node];
	size_t index = SIZE_MAX;
	if (nd->kind == PK_ARRAY) {
		char *end;
		char num[24];
		if (n == 0 || n >= sizeof num)
			return SIZE_MAX;
		memcpy(num, comp, n);
		num[n] = '\0';
		index = (size_t)strtoul(num, &end, 10);
		if (*end)
			return SIZE_MAX;
	} else if (nd->kind != PK_OBJECT) {
		return SIZE_MAX;
	}
	size_t k = 0;
	for (size_t c = node + 1; c < nd->end; c = p->nodes[c].end, k++) {
		const struct pnode *cn = &p->nodes[c];
		if (index != SIZE_MAX ? k == index
		                      : (cn->key && strlen(cn->key) == n &&
		                         memcmp(cn->key, comp, n) == 0))
			return c;
	}
	return SIZE_MAX;
}

const char *pretty_get(const struct pretty *p, const char *path)
{
	size_t len;
	return pretty_get_len(p, path, &len);
}

const char *pretty_get_len(const struct pretty *p, const char *path,
                           size_t *len)
{
	*len = 0;
	if (!p || p->n == 0)
		return NULL;
	size_t node = 0;
	while (*path && node != SIZE_MAX) {
		size_t n = strcspn(path, ".");
		node = child(p, node, path, n);
		path += n;
		if (*path == '.')
			path++;
	}
	if (node == SIZE_MAX)
		return NULL;
	const struct pnode *nd = &p->nodes[node];
	if (nd->kind == PK_OBJECT || nd->kind == PK_ARRAY)
		return NULL;
	*len = nd->value_len;
	return nd->value;
}
