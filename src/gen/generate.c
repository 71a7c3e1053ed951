/* generate.c - writing a synthetic trail (see generate.h): time is cut
 * into five-minute delivery windows; each window's records are made,
 * grouped by trail, account and region, and written as one log file per
 * group, which the digest chains then list. */
#include <config.h>

#include "gen/generate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/batch.h"
#include "gen/civil.h"
#include "gen/digest.h"
#include "gen/incident.h"
#include "gen/insight.h"
#include "gen/layout.h"
#include "gen/record.h"
#include "gen/sink.h"
#include "util/i18n.h"

enum { WINDOW = 300, MAX_TRAILS = 4, MAX_ACCOUNTS = 8, MAX_REGIONS = 16 };

/* One record of the window: its bytes in the arena and where it goes. */
struct item {
	uint32_t stream, seq;
	int64_t t;
	size_t off, len;
};

/* A log file of the window, queued in the batch: what its digest entry
 * needs once it is written. */
struct file_meta {
	uint32_t stream, records;
	int64_t oldest, newest, delivery;
};

struct gen {
	const struct gen_options *o;
	struct gen_summary *sum;
	struct rng rng;
	struct picker picker;
	struct rec rec;
	struct sink sink;
	struct batch batch;
	struct buf arena, file, key;
	struct item *items;
	size_t nitems, cap;
	struct file_meta *meta; /* parallel to the batch's jobs */
	size_t meta_cap;
	/* One digest chain per trail, account and region: a "stream". */
	struct digest_chain *chains;
	size_t nchains;
	int stream_of[MAX_TRAILS][MAX_ACCOUNTS][MAX_REGIONS];
	struct insight *insights;
	size_t ninsights;
	struct incident *incident; /* NULL without --incident */
	int64_t start, span, last_delivery;
	char *err;
	size_t errlen;
};

/* Weight of each hour of the day (UTC) in the traffic: the working hours
 * of Europe and the Americas overlap in the afternoon. */
static const uint8_t hour_weight[24] = {
	30, 26, 24, 22, 22, 26, 34, 46, 62, 76, 86, 92,
	96, 100, 100, 98, 94, 88, 78, 66, 54, 44, 38, 34,
};

int gen_parse_time(const char *text, int64_t *out)
{
	return civil_parse(text, out);
}

void gen_format_time(char out[24], int64_t t)
{
	civil_iso(out, t);
}

int64_t gen_span(uint64_t events)
{
	uint64_t days = (events + GEN_EVENTS_PER_DAY - 1) / GEN_EVENTS_PER_DAY;
	return (int64_t)(days ? days : 1) * 86400;
}

static uint64_t window_weight(int64_t t)
{
	struct civil c;
	civil_from_epoch(t, &c);
	uint64_t w = hour_weight[c.hour];
	return c.wday == 0 || c.wday == 6 ? w / 2 : w; /* quieter weekends */
}

static int oom(struct gen *g)
{
	snprintf(g->err, g->errlen, "%s", _("out of memory"));
	return -1;
}

/* ---- streams -------------------------------------------------------- */

static int trail_covers(int trail, const struct account *a)
{
	return cat_trails[trail].scope == TRAIL_ORG ? a->org_member
	                                            : a->own_trail == trail;
}

static int make_streams(struct gen *g)
{
	size_t n = 0;
	g->chains = calloc(MAX_TRAILS * MAX_ACCOUNTS * MAX_REGIONS,
	                   sizeof *g->chains);
	if (!g->chains || cat_ntrails > MAX_TRAILS ||
	    cat_naccounts > MAX_ACCOUNTS || cat_nregions > MAX_REGIONS)
		return oom(g);
	memset(g->stream_of, -1, sizeof g->stream_of);
	for (size_t t = 0; t < cat_ntrails; t++)
		for (size_t a = 0; a < cat_naccounts; a++) {
			if (!trail_covers((int)t, &cat_accounts[a]))
				continue;
			for (size_t r = 0; r < cat_nregions; r++) {
				if (cat_regions[r].opt_in && !cat_accounts[a].opt_in)
					continue;
				digest_init(&g->chains[n], (int)t, (int)a, (int)r,
				            g->start);
				g->stream_of[t][a][r] = (int)n++;
			}
		}
	g->nchains = n;
	return 0;
}

/* ---- one window of records ------------------------------------------ */

static int add_item(struct gen *g, const struct rec *r, int trail, int64_t t,
                    size_t off, size_t len)
{
	if (g->nitems == g->cap) {
		size_t cap = g->cap ? 2 * g->cap : 1024;
		struct item *p = realloc(g->items, cap * sizeof *p);
		if (!p)
			return -1;
		g->items = p;
		g->cap = cap;
	}
	int s = g->stream_of[trail][r->account][r->region];
	g->items[g->nitems] = (struct item){ (uint32_t)s, (uint32_t)g->nitems,
		                             t, off, len };
	g->nitems++;
	return 0;
}

/* The burst of the insight open at t, for a share of the events. */
static const struct burst *burst_at(struct gen *g, int64_t t)
{
	for (size_t i = 0; i < g->ninsights; i++)
		if (t >= g->insights[i].start && t < g->insights[i].end)
			return rng_chance(&g->rng, INSIGHT_BURST)
				? &g->insights[i].burst
				: NULL;
	return NULL;
}

/* Whether the member account's own trail logs record r at time t too:
 * the same record, the same eventID.  A trail the incident stopped logs
 * nothing after StopLogging. */
static bool own_trail_logs(struct gen *g, const struct rec *r, int64_t t)
{
	const struct account *a = &cat_accounts[r->account];
	int own = a->own_trail;
	if (!a->org_member || own < 0 ||
	    !rec_logged_by(r, &cat_trails[own]))
		return false;
	return !g->incident || t <= incident_trail_stopped(g->incident, own);
}

/* The trail a record goes to first: the organization's, or the
 * account's own outside the organization. */
static int first_trail(const struct rec *r)
{
	const struct account *a = &cat_accounts[r->account];
	return a->org_member ? 0 : a->own_trail;
}

/* The incident's records of [t0, until), on top of the quota. */
static int add_incident(struct gen *g, int64_t until)
{
	const struct rec *r;
	size_t off = g->arena.len;
	while (incident_next(g->incident, until, &g->arena, &r)) {
		size_t len = g->arena.len - off;
		if (add_item(g, r, first_trail(r), r->t, off, len) < 0)
			return oom(g);
		g->sum->incident++;
		if (own_trail_logs(g, r, r->t)) {
			int own = cat_accounts[r->account].own_trail;
			if (add_item(g, r, own, r->t, off, len) < 0)
				return oom(g);
			g->sum->incident++;
			g->sum->duplicates++;
		}
		off = g->arena.len;
	}
	return 0;
}

/* Makes `quota` records at times in [t0, t0 + WINDOW), and the
 * incident's. */
static int make_records(struct gen *g, int64_t t0, uint64_t quota)
{
	uint64_t made = 0;
	g->arena.len = 0;
	g->nitems = 0;
	while (made < quota) {
		int64_t t = t0 + rng_below(&g->rng, WINDOW);
		rec_prepare(&g->rec, &g->picker, t, burst_at(g, t));
		size_t off = g->arena.len;
		rec_write(&g->rec, &g->arena);
		size_t len = g->arena.len - off;
		if (add_item(g, &g->rec, first_trail(&g->rec), t, off, len) < 0)
			return oom(g);
		made++;
		if (made < quota && own_trail_logs(g, &g->rec, t)) {
			int own = cat_accounts[g->rec.account].own_trail;
			if (add_item(g, &g->rec, own, t, off, len) < 0)
				return oom(g);
			made++;
			g->sum->duplicates++;
		}
	}
	if (g->incident && add_incident(g, t0 + WINDOW) < 0)
		return -1;
	return buf_ok(&g->arena) ? 0 : oom(g);
}

static int item_cmp(const void *pa, const void *pb)
{
	const struct item *a = pa, *b = pb;
	if (a->stream != b->stream)
		return a->stream < b->stream ? -1 : 1;
	if (a->t != b->t)
		return a->t < b->t ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Records in a file are in no particular order: nearly sorted, with
 * neighbours swapped here and there. */
static void shuffle_a_little(struct gen *g, struct item *it, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if (rng_chance(&g->rng, 250)) {
			struct item tmp = it[i];
			it[i] = it[i + 1];
			it[i + 1] = tmp;
		}
}

static void unique_string(struct gen *g, char out[17])
{
	static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                            "abcdefghijklmnopqrstuvwxyz0123456789";
	fill_from(out, 16, rng_next(&g->rng), alnum, 62);
	out[16] = '\0';
}

/* ---- files ------------------------------------------------------------ */

/* Queues {"Records":[...]} of items it[0..n), all of one stream. */
static int queue_log_file(struct gen *g, const struct item *it, size_t n,
                          int64_t t0)
{
	struct digest_chain *c = &g->chains[it[0].stream];
	struct batch *b = &g->batch;
	struct file_meta m = { it[0].stream, (uint32_t)n, it[0].t, it[0].t, 0 };
	size_t data_off = b->data.len, key_off = b->keys.len;
	buf_puts(&b->data, "{\"Records\":[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(&b->data, ',');
		buf_append(&b->data, g->arena.data + it[i].off, it[i].len);
		m.oldest = it[i].t < m.oldest ? it[i].t : m.oldest;
		m.newest = it[i].t > m.newest ? it[i].t : m.newest;
	}
	buf_puts(&b->data, "]}");
	/* Delivered one to four minutes after the window closes. */
	m.delivery = t0 + WINDOW + 60 + rng_below(&g->rng, 180);
	char unique[17];
	unique_string(g, unique);
	layout_log_key(&b->keys, &cat_trails[c->trail],
	               &cat_accounts[c->account], cat_regions[c->region].name,
	               LOG_EVENTS, m.delivery, unique);
	buf_putc(&b->keys, '\0');
	if (b->njobs == g->meta_cap) {
		size_t cap = g->meta_cap ? 2 * g->meta_cap : 256;
		struct file_meta *p = realloc(g->meta, cap * sizeof *p);
		if (!p)
			return oom(g);
		g->meta = p;
		g->meta_cap = cap;
	}
	g->meta[b->njobs] = m;
	if (!buf_ok(&b->data) || !buf_ok(&b->keys) ||
	    !batch_add(b, data_off, key_off))
		return oom(g);
	return 0;
}

/* After the batch ran: each file into its stream's digest, in order. */
static int list_in_digests(struct gen *g)
{
	struct batch *b = &g->batch;
	for (size_t i = 0; i < b->njobs; i++) {
		const struct file_meta *m = &g->meta[i];
		struct digest_chain *c = &g->chains[m->stream];
		int d = g->o->no_digests
			? 0
			: digest_add(c, &g->sink,
			             b->keys.data + b->jobs[i].key_off,
			             b->jobs[i].hash, m->oldest, m->newest,
			             m->delivery);
		if (d < 0)
			return buf_ok(&c->entries) ? -1 : oom(g);
		g->sum->digest_files += (uint64_t)d;
		g->sum->log_files++;
		g->sum->events += m->records;
		g->sum->json_bytes += b->jobs[i].data_len;
		if (m->delivery > g->last_delivery)
			g->last_delivery = m->delivery;
	}
	return 0;
}

static int write_window(struct gen *g, int64_t t0)
{
	if (g->nitems > 1)
		qsort(g->items, g->nitems, sizeof *g->items, item_cmp);
	batch_clear(&g->batch);
	size_t i = 0;
	while (i < g->nitems) {
		size_t j = i + 1;
		while (j < g->nitems && g->items[j].stream == g->items[i].stream)
			j++;
		shuffle_a_little(g, g->items + i, j - i);
		if (queue_log_file(g, g->items + i, j - i, t0) < 0)
			return -1;
		i = j;
	}
	if (batch_run(&g->batch, g->err, g->errlen) < 0)
		return -1;
	return list_in_digests(g);
}

/* One Insights record in a CloudTrail-Insight file of its own, delivered
 * twenty to thirty-five minutes after it. */
static int write_insight(struct gen *g, const struct insight *in, bool end)
{
	int64_t when = end ? in->end : in->start;
	int64_t delivery = when + 1200 + rng_below(&g->rng, 900);
	char unique[17];
	g->file.len = 0;
	buf_puts(&g->file, "{\"Records\":[");
	insight_write(in, end, &g->rng, &g->file);
	buf_puts(&g->file, "]}");
	unique_string(g, unique);
	g->key.len = 0;
	layout_log_key(&g->key, &cat_trails[0],
	               &cat_accounts[in->burst.account],
	               cat_regions[in->burst.region].name, LOG_INSIGHTS,
	               delivery, unique);
	if (!buf_ok(&g->file) || !buf_ok(&g->key))
		return oom(g);
	if (sink_write(&g->sink, g->key.data, g->file.data, g->file.len) < 0)
		return -1;
	g->sum->insight_files++;
	g->sum->insights++;
	g->sum->events++;
	g->sum->json_bytes += g->file.len;
	return 0;
}

static int write_insights(struct gen *g, int64_t t0)
{
	for (size_t i = 0; i < g->ninsights; i++) {
		struct insight *in = &g->insights[i];
		if (!in->start_done && in->start < t0 + WINDOW) {
			in->start_done = true;
			if (write_insight(g, in, false) < 0)
				return -1;
		}
		if (!in->end_done && in->end < t0 + WINDOW) {
			in->end_done = true;
			if (write_insight(g, in, true) < 0)
				return -1;
		}
	}
	return 0;
}

/* ---- the whole trail ------------------------------------------------ */

/* Spreads `records` over the windows by the hour-of-day weights, exactly:
 * window w gets floor(records * W(w+1) / total) - floor(records * W(w) /
 * total), W being the running sum of weights. */
static int run_windows(struct gen *g, uint64_t records)
{
	int64_t nwin = g->span / WINDOW;
	uint64_t total = 0, cum = 0, done = 0;
	for (int64_t w = 0; w < nwin; w++)
		total += window_weight(g->start + w * WINDOW);
	for (int64_t w = 0; w < nwin; w++) {
		int64_t t0 = g->start + w * WINDOW;
		cum += window_weight(t0);
		uint64_t upto = records * cum / total;
		if (make_records(g, t0, upto - done) < 0 ||
		    write_window(g, t0) < 0 || write_insights(g, t0) < 0)
			return -1;
		done = upto;
	}
	return 0;
}

static int finish_digests(struct gen *g)
{
	for (size_t i = 0; i < g->nchains && !g->o->no_digests; i++) {
		int d = digest_finish(&g->chains[i], &g->sink, g->last_delivery);
		if (d < 0)
			return buf_ok(&g->chains[i].entries) ? -1 : oom(g);
		g->sum->digest_files += (uint64_t)d;
	}
	return 0;
}

static int setup(struct gen *g)
{
	rng_seed(&g->rng, g->o->seed);
	buf_init(&g->arena);
	buf_init(&g->file);
	buf_init(&g->key);
	rec_init(&g->rec, &g->rng);
	if (picker_init(&g->picker) < 0)
		return oom(g);
	g->start = g->o->start;
	g->span = gen_span(g->o->events);
	g->last_delivery = g->start;
	if (batch_start(&g->batch, &g->sink) < 0)
		return oom(g);
	g->ninsights = insight_count(g->o->events);
	g->insights = calloc(g->ninsights + 1, sizeof *g->insights);
	if (!g->insights)
		return oom(g);
	insight_plan(g->insights, g->ninsights,
	             g->o->events - 2 * g->ninsights, g->start, g->span,
	             &g->rng);
	if (g->o->incident) {
		g->incident = malloc(sizeof *g->incident);
		if (!g->incident)
			return oom(g);
		if (incident_init(g->incident, g->o->seed, g->start) < 0) {
			incident_free(g->incident);
			free(g->incident);
			g->incident = NULL;
			return oom(g);
		}
	}
	return make_streams(g);
}

static void teardown(struct gen *g)
{
	for (size_t i = 0; i < g->nchains; i++)
		digest_free(&g->chains[i]);
	free(g->chains);
	free(g->insights);
	if (g->incident)
		incident_free(g->incident);
	free(g->incident);
	free(g->items);
	free(g->meta);
	batch_stop(&g->batch);
	buf_free(&g->arena);
	buf_free(&g->file);
	buf_free(&g->key);
	rec_free(&g->rec);
	picker_free(&g->picker);
	sink_close(&g->sink);
}

int gen_run(const struct gen_options *o, struct gen_summary *sum, char *err,
            size_t errlen)
{
	struct gen g;
	memset(&g, 0, sizeof g);
	memset(sum, 0, sizeof *sum);
	g.o = o;
	g.sum = sum;
	g.err = err;
	g.errlen = errlen;
	int rc = -1;
	if (o->events < 1 || o->events > GEN_MAX_EVENTS || !o->dir)
		snprintf(err, errlen, "%s",
		         _("no directory, or a number of events out of range"));
	else if (sink_open(&g.sink, o->dir, o->force, err, errlen) == 0 &&
	         setup(&g) == 0 &&
	         run_windows(&g, o->events - 2 * g.ninsights) == 0 &&
	         finish_digests(&g) == 0)
		rc = 0;
	sum->first = o->start;
	sum->last = o->start + gen_span(o->events);
	sum->bytes = g.sink.bytes + batch_bytes(&g.batch);
	teardown(&g);
	return rc;
}
