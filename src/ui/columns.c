/* columns.c - sharing a pane's width among the list's columns. */
#include <config.h>

#include "ui/pure.h"

static int used(const struct column *cols, size_t n, const int *w)
{
	int sum = 0, kept = 0;
	for (size_t i = 0; i < n; i++)
		if (w[i] > 0) {
			sum += w[i];
			kept++;
		}
	return kept ? sum + kept - 1 : 0;
}

size_t columns_fit(const struct column *cols, size_t n, int width,
                   int *widths)
{
	size_t kept = n;
	for (size_t i = 0; i < n; i++)
		widths[i] = cols[i].min;
	/* Drop the least important until the minimums fit. */
	while (kept > 0 && used(cols, n, widths) > width) {
		size_t worst = n;
		for (size_t i = 0; i < n; i++)
			if (widths[i] > 0 &&
			    (worst == n || cols[i].priority >= cols[worst].priority))
				worst = i;
		widths[worst] = 0;
		kept--;
	}
	if (kept == 0)
		return 0;
	/* Grow toward the preferred widths, most important first. */
	int spare = width - used(cols, n, widths);
	for (int round = 0; round < 2; round++)
		for (int prio = 0; spare > 0 && prio < 64; prio++)
			for (size_t i = 0; i < n && spare > 0; i++) {
				if (widths[i] == 0 || cols[i].priority != prio ||
				    cols[i].grow_last != (round == 1))
					continue;
				int grow = cols[i].pref - widths[i];
				if (grow > spare)
					grow = spare;
				widths[i] += grow > 0 ? grow : 0;
				spare -= grow > 0 ? grow : 0;
			}
	/* What is left goes to the flexible columns, evenly. */
	size_t nflex = 0;
	for (size_t i = 0; i < n; i++)
		nflex += widths[i] > 0 && cols[i].flex;
	for (size_t i = 0; i < n && nflex > 0 && spare > 0; i++) {
		if (widths[i] == 0 || !cols[i].flex)
			continue;
		int give = spare / (int)nflex;
		if (give == 0)
			give = spare;
		widths[i] += give;
		spare -= give;
		nflex--;
	}
	return kept;
}
