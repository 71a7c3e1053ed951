/* facet_labels.c - what a tally's counted keys read as, each looked up
 * once.
 *
 * A tally counts dictionary ids; showing a facet needs each id's value
 * and label (store_facet_labels(), a statement a chunk of ids).  The
 * browser asks for the facets after every counting slice and on every
 * key that narrows them, and narrowing reads the labels of every counted value
 * (11,000 principals at 10M events: 115 ms a key, read anew each time).
 * Labels never change under a tally, so each is read once and kept.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "util/array.h"
#include "util/i18n.h"

void facet_labels_init(struct facet_labels *l)
{
	memset(l, 0, sizeof *l);
	intcount_init(&l->at);
}

void facet_labels_free(struct facet_labels *l)
{
	intcount_free(&l->at);
	store_facet_free(&l->known);
	l->cap = 0;
}

const struct store_facet_value *facet_labels_get(const struct facet_labels *l,
                                                 int64_t key)
{
	int64_t at = intcount_get(&l->at, key);
	return at > 0 ? &l->known.values[at - 1] : NULL;
}

/* Keeps the values read for keys[0..n), in their order. */
static int keep(struct store *s, struct facet_labels *l, const int64_t *keys,
                struct store_facet *read)
{
	int rc = 0;
	size_t i = 0;
	for (; rc == 0 && i < read->count; i++) {
		if (array_reserve((void **)&l->known.values, l->known.count,
		                  &l->cap, sizeof *l->known.values, 64) < 0 ||
		    intcount_add(&l->at, keys[i],
		                 (int64_t)l->known.count + 1) < 0) {
			rc = store_fail(s, "%s", _("out of memory"));
			break;
		}
		l->known.values[l->known.count++] = read->values[i];
	}
	/* The strings kept are the cache's now; the others go with `read`. */
	memmove(read->values, read->values + i,
	        (read->count - i) * sizeof *read->values);
	read->count -= i;
	return rc;
}

int facet_labels_read(struct store *s, enum store_dimension dim,
                      struct facet_labels *l, const int64_t *keys,
                      const bool *nulls, size_t n)
{
	int64_t *missing = malloc((n ? n : 1) * sizeof *missing);
	bool *missing_null = malloc((n ? n : 1) * sizeof *missing_null);
	size_t m = 0;
	int rc = missing && missing_null
	                 ? 0
	                 : store_fail(s, "%s", _("out of memory"));
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (!facet_labels_get(l, keys[i])) {
			missing[m] = keys[i];
			missing_null[m++] = nulls[i];
		}
	struct store_facet read = { 0, NULL };
	if (rc == 0 && m > 0)
		rc = store_facet_labels(s, dim, missing, missing_null, m, &read);
	if (rc == 0 && m > 0)
		rc = keep(s, l, missing, &read);
	store_facet_free(&read);
	free(missing);
	free(missing_null);
	return rc;
}
